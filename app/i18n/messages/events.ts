import { defineMessages } from "../define.ts";

export const events = defineMessages({
  bg: {},
  en: {},
});
