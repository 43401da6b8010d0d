import { defineMessages } from "../define.ts";

export const dashboard = defineMessages({
  bg: {},
  en: {},
});
