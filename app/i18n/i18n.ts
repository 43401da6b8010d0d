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

/** `YYYY-MM-DD` (or an ISO timestamp) → dd.mm.yyyy in Bulgarian, dd/mm/yyyy in English. */
export function formatDate(locale: Locale, value: string | null | undefined): string {
  if (!value) return "";
  const [y, m, d] = value.slice(0, 10).split("-");
  if (!y || !m || !d) return value;
  return locale === "bg" ? `${d}.${m}.${y}` : `${d}/${m}/${y}`;
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
