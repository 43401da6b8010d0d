import { defineMessages } from "../define.ts";

export const exports = defineMessages({
  bg: {},
  en: {},
});
