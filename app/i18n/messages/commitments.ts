import { defineMessages } from "../define.ts";

export const commitments = defineMessages({
  bg: {},
  en: {},
});
