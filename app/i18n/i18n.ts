// A typed dictionary rather than i18next: the app has two languages and a few hundred
// strings, and the compiler then proves both languages have every key (docs/decisions/002).
import { locales, type Locale } from "../domain/enums.ts";
import { bg, en, type MessageKey } from "./messages.ts";

export type { MessageKey };
export const defaultLocale: Locale = "bg";
export const dictionaries: Record<Locale, Record<MessageKey, string>> = { bg, en };

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (locales as readonly string[]).includes(value);
}

// Intl formatters are costly to build (a list page would build hundreds), so each locale's are made once.
const numberFormats = new Map<Locale, Intl.NumberFormat>();
const dateTimeFormats = new Map<Locale, Intl.DateTimeFormat>();
const translators = new Map<Locale, Translate>();

function numberFormatOf(locale: Locale): Intl.NumberFormat {
  let format = numberFormats.get(locale);
  if (!format) numberFormats.set(locale, (format = new Intl.NumberFormat(intlLocale(locale))));
  return format;
}

export function makeTranslate(locale: Locale): Translate {
  let translate = translators.get(locale);
  if (!translate) translators.set(locale, (translate = buildTranslate(locale)));
  return translate;
}

function buildTranslate(locale: Locale): Translate {
  const messages = dictionaries[locale];
  const numberFormat = numberFormatOf(locale);
  return (key, params) => {
    const template = messages[key] ?? key;
    if (!params) return template;
    return template.replace(/\{(\w+)\}/g, (_, name: string) => {
      const value = params[name];
      if (value === undefined) return `{${name}}`;
      return typeof value === "number" ? numberFormat.format(value) : value;
    });
  };
}

/** Label of an enumeration value, e.g. enumLabel(t, "organizationKind", "ngo"). */
export function enumLabel(t: Translate, enumName: string, value: string | null | undefined): string {
  if (!value) return t("common.none");
  return t(`enum.${enumName}.${value}` as MessageKey);
}

export function intlLocale(locale: Locale): string {
  return locale === "bg" ? "bg-BG" : "en-GB";
}

// A moment's calendar day in Sofia, YYYY-MM-DD (en-CA writes ISO order).
const sofiaDayFormat = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Sofia", year: "numeric", month: "2-digit", day: "2-digit" });

/** `YYYY-MM-DD` as it is; an ISO timestamp → its day in Sofia (not its UTC day: 23:30 UTC is the next day in Sofia). */
function calendarDayOf(value: string): string {
  if (value.length <= 10) return value;
  const moment = new Date(value);
  return Number.isNaN(moment.getTime()) ? value.slice(0, 10) : sofiaDayFormat.format(moment);
}

/** `YYYY-MM-DD` (or an ISO timestamp, as its Sofia day) → dd.mm.yyyy in Bulgarian, dd/mm/yyyy in English. */
export function formatDate(locale: Locale, value: string | null | undefined): string {
  if (!value) return "";
  const [y, m, d] = calendarDayOf(value).split("-");
  if (!y || !m || !d) return value;
  return locale === "bg" ? `${d}.${m}.${y}` : `${d}/${m}/${y}`;
}

const longDateFormats = new Map<Locale, Intl.DateTimeFormat>();

/**
 * A day written out so no reader can mistake it: «10 декември 2026», «10 December 2026» (for
 * e-mails, where 10/12/2026 reads as October in the US). Takes `YYYY-MM-DD` or an ISO timestamp.
 */
export function formatLongDate(locale: Locale, value: string | null | undefined): string {
  if (!value) return "";
  const date = new Date(`${calendarDayOf(value)}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return value;
  let format = longDateFormats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(intlLocale(locale), { timeZone: "UTC", day: "numeric", month: "long", year: "numeric" });
    longDateFormats.set(locale, format);
  }
  // Day, month and year only: without the « г.» that bg-BG appends.
  const part = (type: string) => format.formatToParts(date).find((p) => p.type === type)?.value ?? "";
  return `${part("day")} ${part("month")} ${part("year")}`;
}

/** ISO timestamp → local date and time in Sofia. */
export function formatDateTime(locale: Locale, iso: string | null | undefined): string {
  if (!iso) return "";
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  let format = dateTimeFormats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(intlLocale(locale), {
      timeZone: "Europe/Sofia",
      day: "2-digit",
      month: "2-digit",
      year: "numeric",
      hour: "2-digit",
      minute: "2-digit",
    });
    dateTimeFormats.set(locale, format);
  }
  return format.format(date);
}

export function formatNumber(locale: Locale, value: number): string {
  return numberFormatOf(locale).format(value);
}

/** Compares names as a Bulgarian (or English) reader expects; quotes and punctuation do not count. */
export function nameCollator(locale: Locale): Intl.Collator {
  return new Intl.Collator(intlLocale(locale), { ignorePunctuation: true, sensitivity: "base" });
}

/**
 * The Bulgarian preposition «с» as it is written before a word: «със» before one that starts with
 * «с» or «з» (or their Latin letters, as said aloud), «с» otherwise: «с Община Пловдив», «със Столична община».
 */
export function withPrepositionS(word: string): "с" | "със" {
  return /^[\s„"«(]*[сзsz]/iu.test(word) ? "със" : "с";
}

/** «with <name>» in the language: «със Столична община», «с Община Пловдив», «with Sofia Municipality». */
export function withName(locale: Locale, name: string): string {
  return `${locale === "bg" ? withPrepositionS(name) : "with"} ${name}`;
}
