import { defineMessages } from "../define.ts";

export const search = defineMessages({
  bg: {},
  en: {},
});
