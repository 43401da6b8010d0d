import { defineMessages } from "../define.ts";

export const imports = defineMessages({
  bg: {},
  en: {},
});
