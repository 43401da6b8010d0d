import { describe, expect, it } from "vitest";
import { readDate } from "./dates.ts";
import { optionalDate, requiredDate } from "./fields.ts";

describe("readDate", () => {
  it("takes the Bulgarian way, with slashes, and ISO, as the day meant", () => {
    for (const [typed, iso] of [
      ["29.02.2024", "2024-02-29"],
      ["1.2.2025", "2025-02-01"],
      ["31.12.2027 г.", "2027-12-31"],
      [" 31.12.2027г ", "2027-12-31"],
      ["28/02/2025", "2025-02-28"],
      ["2024-02-29", "2024-02-29"],
      ["2025-3-7", "2025-03-07"],
    ]) {
      expect(readDate(typed), typed).toEqual({ ok: true, iso });
    }
  });

  it("says there is no such day for 31.02.2022, 2022-02-31, 29.02.2023, 00.01.2025 and month 13", () => {
    for (const typed of ["31.02.2022", "2022-02-31", "29.02.2023", "00.01.2025", "2021-13-45", "31.04.2025", "29.02.1900"]) {
      expect(readDate(typed), typed).toEqual({ ok: false, error: "invalidDate" });
    }
  });

  it("says how to write a date for text that is not one", () => {
    for (const typed of ["утре", "31.02", "31.02.22", "2022/02/28", "20220228", "31..02.2022", "0099-01-01"]) {
      expect(readDate(typed).ok, typed).toBe(false);
    }
    expect(readDate("утре")).toEqual({ ok: false, error: "dateFormat" });
    expect(readDate("0099-01-01")).toEqual({ ok: false, error: "invalidDate" });
  });
});

describe("date fields", () => {
  it("an optional date is null only when left empty; typed text is a date or an error, never null", () => {
    expect(optionalDate.parse("")).toBeNull();
    expect(optionalDate.parse("   ")).toBeNull();
    expect(optionalDate.parse(undefined)).toBeNull();
    expect(optionalDate.parse("29.02.2024")).toBe("2024-02-29");
    expect(optionalDate.safeParse("31.02.2022").error?.issues.map((i) => i.message)).toEqual(["invalidDate"]);
    expect(optionalDate.safeParse("февруари").error?.issues.map((i) => i.message)).toEqual(["dateFormat"]);
  });

  it("a required date: empty is «required», impossible is «invalidDate»", () => {
    expect(requiredDate.safeParse("").error?.issues.map((i) => i.message)).toEqual(["required"]);
    expect(requiredDate.safeParse(undefined).error?.issues.map((i) => i.message)).toEqual(["required"]);
    expect(requiredDate.safeParse("29.02.2023").error?.issues.map((i) => i.message)).toEqual(["invalidDate"]);
    expect(requiredDate.parse("29.02.2024")).toBe("2024-02-29");
  });
});
