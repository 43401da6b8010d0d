// Reading an uploaded CSV as Bulgarian spreadsheets come: UTF-8 (with or without BOM) or
// Windows-1251 (Excel's "CSV" on a Bulgarian Windows), separated by `,` or `;` (Excel uses `;`
// where the decimal separator is a comma), parsed by csv-parse.
import { parse } from "csv-parse/sync";
import iconv from "iconv-lite";

export type CsvEncoding = "utf-8" | "windows-1251";
export type CsvDelimiter = "," | ";" | "\t";
export type CsvTable = {
  encoding: CsvEncoding;
  delimiter: CsvDelimiter;
  headers: string[];
  rows: string[][];
  /** Indexes (in `rows`) of records read with an unbalanced quote. */
  unbalancedRows: number[];
};

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

const parseOptions = {
  bom: true,
  relax_column_count: true,
  relax_quotes: true,
  skip_empty_lines: true,
  trim: true,
  raw: true,
} as const;

type ParsedRecord = { record: string[]; raw: string };

/**
 * A quote that opens a field and never closes swallows the rest of the file: then each line is
 * read on its own, and a line that still cannot be read is split at its separators, quotes and all.
 */
function parseRecords(text: string, delimiter: CsvDelimiter, to: number): ParsedRecord[] {
  try {
    return parse(text, { ...parseOptions, delimiter, to }) as unknown as ParsedRecord[];
  } catch (error) {
    const code = error instanceof Error && "code" in error ? error.code : null;
    // CSV_QUOTE_NOT_CLOSED, CSV_INVALID_CLOSING_QUOTE, CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE, …
    if (typeof code !== "string" || !code.includes("QUOTE")) throw error;
  }
  const records: ParsedRecord[] = [];
  for (const line of text.split(/\r\n|\n|\r/)) {
    if (records.length >= to) break;
    if (!line.trim()) continue;
    let parsed: ParsedRecord[];
    try {
      parsed = parse(line, { ...parseOptions, delimiter }) as unknown as ParsedRecord[];
    } catch {
      parsed = parse(line, { ...parseOptions, delimiter, quote: false }) as unknown as ParsedRecord[];
    }
    records.push(...parsed.map((r) => ({ record: r.record, raw: line })));
  }
  return records;
}

/** A record whose line has an odd number of `"`: a quote opened and not closed (or stray), kept as text by the relaxed parser. */
const unbalancedQuote = (raw: string) => (raw.match(/"/g)?.length ?? 0) % 2 === 1;

/** Decodes and parses a file: the first non-empty record is the header. */
export function readCsv(bytes: Uint8Array, maxRows: number): CsvTable {
  const { text, encoding } = decodeCsv(bytes);
  const delimiter = detectDelimiter(text.replace(/^\uFEFF/, ""));
  let records: ParsedRecord[];
  try {
    records = parseRecords(text, delimiter, maxRows + 2);
  } catch (error) {
    throw new CsvReadError("unreadable", error instanceof Error ? error.message.slice(0, 200) : undefined);
  }
  // Rows with nothing but separators (a spreadsheet's trailing blank lines) are not data.
  const nonEmpty = records.filter((r) => r.record.some((cell) => cell !== ""));
  if (nonEmpty.length < 2) throw new CsvReadError("empty");
  if (nonEmpty.length - 1 > maxRows) throw new CsvReadError("tooManyRows");
  const [header, ...rows] = nonEmpty;
  const unbalancedRows = rows.flatMap((r, index) => (unbalancedQuote(r.raw) ? [index] : []));
  return { encoding, delimiter, headers: header!.record.map((h, i) => h || `#${i + 1}`), rows: rows.map((r) => r.record), unbalancedRows };
}
