import { defineMessages } from "../define.ts";

export const followUps = defineMessages({
  bg: {},
  en: {},
});
