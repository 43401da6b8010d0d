// Reading an uploaded CSV as Bulgarian spreadsheets come: UTF-8 (with or without BOM) or
// Windows-1251 (Excel's "CSV" on a Bulgarian Windows), separated by `,` or `;` (Excel uses `;`
// where the decimal separator is a comma), parsed by csv-parse.
import { parse } from "csv-parse/sync";
import iconv from "iconv-lite";

export type CsvEncoding = "utf-8" | "windows-1251";
export type CsvDelimiter = "," | ";" | "\t";
export type CsvTable = { encoding: CsvEncoding; delimiter: CsvDelimiter; headers: string[]; rows: string[][] };

/**
 * Valid UTF-8 is taken as UTF-8 (Cyrillic in Windows-1251 is almost never valid UTF-8);
 * anything else is decoded as Windows-1251, where every byte is a character.
 */
export function decodeCsv(bytes: Uint8Array): { text: string; encoding: CsvEncoding } {
  try {
    // ignoreBOM: false strips a leading BOM.
    return { text: new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes), encoding: "utf-8" };
  } catch {
    return { text: iconv.decode(Buffer.from(bytes), "win1251"), encoding: "windows-1251" };
  }
}

/** The separator used most often in the header line, outside quotes. */
export function detectDelimiter(text: string): CsvDelimiter {
  const counts = { ",": 0, ";": 0, "\t": 0 };
  let quoted = false;
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === "\n" || char === "\r")) break;
    else if (!quoted && char in counts) counts[char as CsvDelimiter]++;
  }
  const best = (Object.entries(counts) as Array<[CsvDelimiter, number]>).sort((a, b) => b[1] - a[1])[0]!;
  return best[1] > 0 ? best[0] : ",";
}

export class CsvReadError extends Error {
  constructor(
    readonly code: "empty" | "unreadable" | "tooManyRows",
    readonly detail?: string,
  ) {
    super(code);
  }
}

/** Decodes and parses a file: the first non-empty record is the header. */
export function readCsv(bytes: Uint8Array, maxRows: number): CsvTable {
  const { text, encoding } = decodeCsv(bytes);
  const delimiter = detectDelimiter(text.replace(/^\uFEFF/, ""));
  let records: string[][];
  try {
    records = parse(text, {
      delimiter,
      bom: true,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
      trim: true,
      to: maxRows + 2,
    }) as string[][];
  } catch (error) {
    throw new CsvReadError("unreadable", error instanceof Error ? error.message.slice(0, 200) : undefined);
  }
  // Rows with nothing but separators (a spreadsheet's trailing blank lines) are not data.
  const nonEmpty = records.filter((r) => r.some((cell) => cell !== ""));
  if (nonEmpty.length < 2) throw new CsvReadError("empty");
  if (nonEmpty.length - 1 > maxRows) throw new CsvReadError("tooManyRows");
  const [headers, ...rows] = nonEmpty;
  return { encoding, delimiter, headers: headers!.map((h, i) => h || `#${i + 1}`), rows };
}
