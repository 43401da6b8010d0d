import { describe, expect, it } from "vitest";
import { csvField, csvRecord, dateCell, neutraliseCell } from "./spreadsheet-safety.ts";

describe("neutraliseCell", () => {
  it("prefixes a formula such as =HYPERLINK(...) with a single quote", () => {
    expect(neutraliseCell('=HYPERLINK("http://x","y")')).toBe(`'=HYPERLINK("http://x","y")`);
  });

  it("neutralises every OWASP trigger: = + - @ tab and carriage return", () => {
    for (const start of ["=", "+", "-", "@", "\t", "\r"]) expect(neutraliseCell(`${start}1+1`)).toBe(`'${start}1+1`);
  });

  it("leaves ordinary text, Cyrillic and inner formula characters alone", () => {
    expect(neutraliseCell("Столична община")).toBe("Столична община");
    expect(neutraliseCell("a=b, c-d")).toBe("a=b, c-d");
    expect(neutraliseCell("")).toBe("");
  });
});

describe("csvField and csvRecord (RFC 4180)", () => {
  it("quotes fields with commas, quotes and line breaks and doubles the quotes", () => {
    expect(csvField('Сдружение "Мисия", София')).toBe('"Сдружение ""Мисия"", София"');
    expect(csvField("ред 1\nред 2")).toBe('"ред 1\nред 2"');
    expect(csvField("plain")).toBe("plain");
  });

  it("neutralises and then quotes a formula", () => {
    expect(csvField('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
  });

  it("writes numbers as numbers, dates as YYYY-MM-DD, empty for null", () => {
    expect(csvRecord([1, -2.5, dateCell("2021-11-30"), null, undefined])).toBe("1,-2.5,2021-11-30,,\r\n");
  });

  it("ends each record with CRLF", () => {
    expect(csvRecord(["a", "b"])).toBe("a,b\r\n");
  });
});
