import { defineMessages } from "../define.ts";

export const refugees = defineMessages({
  bg: {},
  en: {},
});
