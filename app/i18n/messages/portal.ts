import { defineMessages } from "../define.ts";

export const portal = defineMessages({
  bg: {},
  en: {},
});
