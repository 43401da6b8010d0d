// Calendar dates as people type them. Date fields are plain text inputs (a browser's date
// input sends "" for an impossible date, so the server could not tell "empty" from "wrong"):
// the server reads what was typed, the Bulgarian way (31.12.2025, 1.2.2025, 31.12.2025 г.),
// with slashes (31/12/2025, as English pages show dates) or as ISO (2025-12-31), and either
// takes it as that day or says why not.

export type DateReading =
  | { ok: true; iso: string }
  /** `dateFormat`: not written as a date at all; `invalidDate`: written as one, but no such day. */
  | { ok: false; error: "dateFormat" | "invalidDate" };

const dayFirst = /^(\d{1,2})\s*[./-]\s*(\d{1,2})\s*[./-]\s*(\d{4})(?:\s*г\.?)?$/u;
const yearFirst = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;

/** Reads a typed date; the caller decides what an empty one means. */
export function readDate(text: string): DateReading {
  const trimmed = text.trim();
  let parts: [string, string, string] | null = null;
  const d = dayFirst.exec(trimmed);
  if (d) parts = [d[3], d[2], d[1]];
  const y = yearFirst.exec(trimmed);
  if (y) parts = [y[1], y[2], y[3]];
  if (!parts) return { ok: false, error: "dateFormat" };
  const [year, month, day] = parts.map(Number);
  if (year < 1000 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return { ok: false, error: "invalidDate" };
  return { ok: true, iso: `${parts[0]}-${pad(month)}-${pad(day)}` };
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const pad = (n: number) => String(n).padStart(2, "0");
