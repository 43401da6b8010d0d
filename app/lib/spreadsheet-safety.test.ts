import { parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";
import { describe, expect, it } from "vitest";
import { csvDialect, csvOptions, dateCell, dateTimeCell, xlsxDateFormat, type CellValue, type ColumnType } from "./spreadsheet-safety.ts";

/** Writes records with the export's options and reads them back with a CSV parser in that dialect. */
function roundTrip(locale: "bg" | "en", records: CellValue[][], types: ColumnType[] = []) {
  const text = stringify(records, csvOptions(locale, types));
  expect(text.startsWith("\uFEFF")).toBe(true);
  expect(text.endsWith("\r\n")).toBe(true);
  return { text, read: parse(text.slice(1), { delimiter: csvDialect(locale).delimiter, relax_column_count: true }) as string[][] };
}

describe("the CSV dialect follows the reader's language", () => {
  it("Bulgarian: «;» between fields and decimal commas; a comma inside text needs no quotes", () => {
    const { text, read } = roundTrip("bg", [["Изпълнение, %", 41.4, -2.5, 7]]);
    expect(text).toBe("\uFEFFИзпълнение, %;41,4;-2,5;7\r\n");
    expect(read).toEqual([["Изпълнение, %", "41,4", "-2,5", "7"]]);
  });

  it("English: «,» between fields and decimal points; text with a comma is quoted", () => {
    const { text, read } = roundTrip("en", [["Fulfilment, %", 41.4, -2.5]]);
    expect(text).toBe('\uFEFF"Fulfilment, %",41.4,-2.5\r\n');
    expect(read).toEqual([["Fulfilment, %", "41.4", "-2.5"]]);
  });

  it("quotes a field holding the separator, a quote or a line break, doubling the quotes", () => {
    const { read } = roundTrip("bg", [['Сдружение "Мисия"; София', "ред 1\nред 2"]]);
    expect(read).toEqual([['Сдружение "Мисия"; София', "ред 1\nред 2"]]);
  });
});

describe("formula neutralising in CSV (OWASP)", () => {
  it("prefixes text starting with = + - @ tab or CR with an apostrophe", () => {
    const starts = ["=", "+", "-", "@", "\t", "\r"];
    const { read } = roundTrip("en", [starts.map((s) => `${s}1+1`)]);
    expect(read[0]).toEqual(starts.map((s) => `'${s}1+1`));
  });

  it('=HYPERLINK("http://x","y") is neutralised and then quoted', () => {
    const { text } = roundTrip("en", [['=HYPERLINK("http://x","y")']]);
    expect(text).toBe(`\uFEFF"'=HYPERLINK(""http://x"",""y"")"\r\n`);
  });

  it("leaves negative numbers, ordinary text and inner formula characters alone", () => {
    const { read } = roundTrip("bg", [[-3, "Столична община", "a=b, c-d", "", null]]);
    expect(read[0]).toEqual(["-3", "Столична община", "a=b, c-d", "", ""]);
  });
});

describe("dates and moments", () => {
  it("a calendar day stays that day; a moment becomes its day in Sofia, not its UTC day", () => {
    expect(dateCell("2021-11-30")!.toISOString()).toBe("2021-11-30T00:00:00.000Z");
    // 23:30 UTC on 29 Nov is 01:30 on 30 Nov in Sofia (winter, UTC+2).
    expect(dateCell("2026-11-29T23:30:00.000Z")!.toISOString()).toBe("2026-11-30T00:00:00.000Z");
    // 21:15 UTC on 30 June is 00:15 on 1 July in Sofia (summer, UTC+3).
    expect(dateCell("2026-06-30T21:15:00.000Z")!.toISOString()).toBe("2026-07-01T00:00:00.000Z");
    expect(dateCell(null)).toBeNull();
    expect(dateCell("not a date")).toBeNull();
  });

  it("a moment in a date-and-time column is Sofia's wall clock, written YYYY-MM-DD HH:MM", () => {
    const cells = [dateCell("2026-11-29T23:30:00.000Z"), dateTimeCell("2026-11-29T23:30:00.000Z"), dateTimeCell("2026-06-30T21:15:00.000Z")];
    const { read } = roundTrip("bg", [cells], ["date", "datetime", "datetime"]);
    expect(read[0]).toEqual(["2026-11-30", "2026-11-30 01:30", "2026-07-01 00:15"]);
  });

  it("XLSX date formats read like the screen's dates", () => {
    expect(xlsxDateFormat("bg", "date")).toBe("dd.mm.yyyy");
    expect(xlsxDateFormat("en", "datetime")).toBe("dd/mm/yyyy hh:mm");
  });
});
