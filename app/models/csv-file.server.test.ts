import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { decodeCsv, detectDelimiter, readCsv } from "./csv-file.server.ts";

describe("decodeCsv", () => {
  it("reads UTF-8 with or without BOM, and Windows-1251", () => {
    expect(decodeCsv(new TextEncoder().encode("\uFEFFИме,Вид"))).toEqual({ text: "Име,Вид", encoding: "utf-8" });
    expect(decodeCsv(new TextEncoder().encode("Име,Вид"))).toEqual({ text: "Име,Вид", encoding: "utf-8" });
    expect(decodeCsv(iconv.encode("Наименование;Вид", "win1251"))).toEqual({ text: "Наименование;Вид", encoding: "windows-1251" });
  });
});

describe("detectDelimiter", () => {
  it("picks the separator of the header line, ignoring quoted ones", () => {
    expect(detectDelimiter("a;b;c\n1,5;2;3")).toBe(";");
    expect(detectDelimiter('"a;b",c,d\n')).toBe(",");
    expect(detectDelimiter("a\tb\n")).toBe("\t");
    expect(detectDelimiter("one column\n")).toBe(",");
  });
});

describe("readCsv", () => {
  it("parses quoted fields with separators and line breaks, and drops blank lines", () => {
    const table = readCsv(new TextEncoder().encode('Име;Адрес\r\n"Сдружение ""Мост""";"ул. 1; ет. 2"\r\n;\r\n\r\nДруго;"ред\nнов"\r\n'), 100);
    expect(table.headers).toEqual(["Име", "Адрес"]);
    expect(table.rows).toEqual([
      ['Сдружение "Мост"', "ул. 1; ет. 2"],
      ["Друго", "ред\nнов"],
    ]);
  });

  it("refuses a header without rows and too many rows", () => {
    expect(() => readCsv(new TextEncoder().encode("a,b\n"), 10)).toThrow("empty");
    expect(() => readCsv(new TextEncoder().encode("a\n1\n2\n3\n"), 2)).toThrow("tooManyRows");
  });

  it("marks rows with an unbalanced quote; a quote opening a field and never closed does not swallow the rest of the file", () => {
    const stray = readCsv(new TextEncoder().encode('Име;Вид\nФондация "Надежда;ngo\n"Доброта" ООД;business\nЦентър;ngo\n'), 10);
    expect(stray.rows).toEqual([['Фондация "Надежда', "ngo"], ['"Доброта" ООД', "business"], ["Център", "ngo"]]);
    expect(stray.unbalancedRows).toEqual([0]);

    const opened = readCsv(new TextEncoder().encode('Име;Вид\n"Надежда;ngo\nЦентър;ngo\n"Мост"" ""ООД";ngo\n'), 10);
    expect(opened.rows).toEqual([['"Надежда', "ngo"], ["Център", "ngo"], ['Мост" "ООД', "ngo"]]);
    expect(opened.unbalancedRows).toEqual([0]);
  });
});
