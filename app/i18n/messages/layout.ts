import { defineMessages } from "../define.ts";

// The page frame on a phone (issue 17 point 7).
export const layout = defineMessages({
  bg: {
    "nav.menu": "Меню",
  },
  en: {
    "nav.menu": "Menu",
  },
});
