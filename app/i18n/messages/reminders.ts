import { defineMessages } from "../define.ts";

export const reminders = defineMessages({
  bg: {},
  en: {},
});
