// What makes a cell safe to open in Excel or LibreOffice, and how a CSV line is written.
// Pure functions, shared by every export (CSV and XLSX) and unit-tested beside this file.

/**
 * OWASP "CSV injection": a cell that begins with one of these is read as a formula
 * (or, for tab and CR, can smuggle one in after the spreadsheet trims it).
 */
const formulaTriggers = new Set(["=", "+", "-", "@", "\t", "\r"]);

/** Text a spreadsheet will show as text: a leading formula character gets a single quote before it. */
export function neutraliseCell(value: string): string {
  return value.length > 0 && formulaTriggers.has(value[0]!) ? `'${value}` : value;
}

/** The byte-order mark that makes Excel read a CSV file as UTF-8 (otherwise Cyrillic turns into mojibake). */
export const UTF8_BOM = "\uFEFF";

export type CellValue = string | number | Date | boolean | null | undefined;

/** One CSV field, RFC 4180: quoted when it holds a quote, the delimiter or a line break; quotes doubled. */
export function csvField(value: CellValue): string {
  if (value === null || value === undefined) return "";
  let text: string;
  if (value instanceof Date) text = isoDateOf(value);
  else if (typeof value === "number") text = Number.isFinite(value) ? String(value) : "";
  else if (typeof value === "boolean") text = value ? "1" : "0";
  else text = neutraliseCell(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One CSV record, ended by CRLF as RFC 4180 asks. */
export function csvRecord(values: readonly CellValue[]): string {
  return values.map(csvField).join(",") + "\r\n";
}

/** A calendar date cell as `YYYY-MM-DD` (dates are stored as UTC midnight). */
export function isoDateOf(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** `YYYY-MM-DD` (or an ISO timestamp) → a Date at UTC midnight, which spreadsheets show as that calendar day. */
export function dateCell(value: string | null | undefined): Date | null {
  if (!value) return null;
  const date = new Date(`${value.slice(0, 10)}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? null : date;
}
