import { defineMessages } from "../define.ts";

export const partnerships = defineMessages({
  bg: {},
  en: {},
});
