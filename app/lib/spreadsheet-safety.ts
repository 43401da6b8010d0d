// How an export's cells are written so that a spreadsheet opens them as meant: the CSV dialect of
// the reader's language, formula neutralising (CSV only), and dates as spreadsheet dates.
// Pure functions, shared by every export (CSV and XLSX) and unit-tested beside this file.
// Why each choice: docs/decisions/010-files-opened-elsewhere.md.
import type { Options as CsvOptions } from "csv-stringify";
import type { Locale } from "../domain/enums.ts";
import { sofiaWallClock, todayIso } from "./calendar-day.ts";

export type CellValue = string | number | Date | boolean | null | undefined;

/** What a column holds: text, a number, a calendar day, or a moment shown as Sofia's date and time. */
export type ColumnType = "text" | "number" | "date" | "datetime";

/**
 * The CSV a spreadsheet opens by double-click in the reader's regional settings: Bulgarian
 * Excel and LibreOffice use «;» between fields and a decimal comma; English ones «,» and a point.
 */
export function csvDialect(locale: Locale): { delimiter: ";" | ","; decimal: "," | "." } {
  return locale === "bg" ? { delimiter: ";", decimal: "," } : { delimiter: ",", decimal: "." };
}

/**
 * csv-stringify's options for an export in this locale: UTF-8 BOM (Excel reads Cyrillic only with
 * it), CRLF, the locale's separator and decimal mark, OWASP formula neutralising (a leading
 * = + - @ tab or CR gets an apostrophe; negative numbers are left alone), dates as YYYY-MM-DD
 * and moments as YYYY-MM-DD HH:MM (ISO order, which every spreadsheet reads as a date).
 */
export function csvOptions(locale: Locale, columnTypes: readonly ColumnType[] = []): CsvOptions {
  const { delimiter, decimal } = csvDialect(locale);
  return {
    bom: true,
    delimiter,
    record_delimiter: "windows",
    // Quote fields holding a line break: csv-stringify stops doing so once record_delimiter is set.
    quote_record_delimiter: true,
    escape_formulas: true,
    cast: {
      number: (value) => (Number.isFinite(value) ? String(value).replace(".", decimal) : ""),
      date: (value, context) => (columnTypes[context.index] === "datetime" ? isoDateTimeOf(value) : isoDateOf(value)),
      boolean: (value) => (value ? "1" : "0"),
    },
  };
}

/** The XLSX number format of a date or date-and-time column in this locale (as the screen writes dates). */
export function xlsxDateFormat(locale: Locale, type: "date" | "datetime"): string {
  const date = locale === "bg" ? "dd.mm.yyyy" : "dd/mm/yyyy";
  return type === "datetime" ? `${date} hh:mm` : date;
}

/** A calendar date cell as `YYYY-MM-DD` (dates are stored as UTC midnight). */
export function isoDateOf(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** A date-and-time cell as `YYYY-MM-DD HH:MM` (its UTC fields hold the wall clock to show). */
export function isoDateTimeOf(date: Date): string {
  return date.toISOString().slice(0, 16).replace("T", " ");
}

/**
 * A calendar day → a Date at UTC midnight, which spreadsheets show as that day. A calendar day
 * (`YYYY-MM-DD`) is taken as it is; a moment (an ISO timestamp) becomes its day in Sofia, the day
 * the screen shows, not its UTC day.
 */
export function dateCell(value: string | null | undefined): Date | null {
  if (!value) return null;
  const dayOf = value.length > 10 ? sofiaDayOf(value) : value;
  if (!dayOf) return null;
  const date = new Date(`${dayOf}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** A moment (ISO timestamp) → a Date whose UTC fields hold Sofia's wall clock: spreadsheets have no time zones. */
export function dateTimeCell(value: string | null | undefined): Date | null {
  if (!value) return null;
  const clock = sofiaWallClock(value);
  return clock ? new Date(`${clock}:00Z`) : null;
}

function sofiaDayOf(timestamp: string): string | null {
  const moment = new Date(timestamp);
  return Number.isNaN(moment.getTime()) ? null : todayIso(moment);
}
