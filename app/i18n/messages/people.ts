import { defineMessages } from "../define.ts";

export const people = defineMessages({
  bg: {},
  en: {},
});
