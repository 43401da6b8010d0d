import { defineMessages } from "../define.ts";

export const reports = defineMessages({
  bg: {},
  en: {},
});
