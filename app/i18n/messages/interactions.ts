import { defineMessages } from "../define.ts";

export const interactions = defineMessages({
  bg: {},
  en: {},
});
