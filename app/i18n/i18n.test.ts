import { describe, expect, it } from "vitest";
import { bg, en } from "./messages.ts";
import { formatDate, formatLongDate, makeTranslate } from "./i18n.ts";
import * as enums from "../domain/enums.ts";

describe("i18n dictionaries", () => {
  it("have the same keys in Bulgarian and English, none empty", () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(bg).sort());
    for (const [key, value] of [...Object.entries(bg), ...Object.entries(en)]) expect(value.trim(), key).not.toBe("");
  });

  it("define each key in one feature module only (a second definition would silently win)", () => {
    const modules = import.meta.glob<Record<string, { bg: Record<string, string> }>>("./messages/*.ts", { eager: true });
    const owners = new Map<string, string[]>();
    for (const [file, exports] of Object.entries(modules)) {
      for (const messages of Object.values(exports)) {
        for (const key of Object.keys(messages.bg)) owners.set(key, [...(owners.get(key) ?? []), file]);
      }
    }
    const duplicated = [...owners].filter(([, files]) => files.length > 1).map(([key, files]) => `${key}: ${files.join(", ")}`);
    expect(duplicated).toEqual([]);
  });

  it("label every value of the enumerations shown in the UI", () => {
    const shown = { organizationKind: enums.organizationKinds, oblast: enums.oblasts } as const;
    for (const [name, values] of Object.entries(shown)) {
      for (const value of values) expect(bg, `enum.${name}.${value}`).toHaveProperty([`enum.${name}.${value}`]);
    }
    for (const role of enums.roles) expect(bg).toHaveProperty([`role.${role}`]);
  });

  it("formats dates dd.mm.yyyy in Bulgarian and numbers with bg-BG separators", () => {
    expect(formatDate("bg", "2021-11-30")).toBe("30.11.2021");
    expect(formatDate("en", "2021-11-30")).toBe("30/11/2021");
    expect(makeTranslate("bg")("list.showing", { from: 1, to: 25, total: 100000 })).toMatch(/^Показани 1–25 от 100[\s\u202f]000$/u);
  });

  it("shows a moment's date as its day in Sofia, not its UTC day", () => {
    expect(formatDate("bg", "2026-11-29T23:30:00.000Z")).toBe("30.11.2026");
    expect(formatDate("en", "2026-11-29T21:30:00.000Z")).toBe("29/11/2026");
  });

  it("writes days out unambiguously for e-mails: «10 декември 2026», «10 December 2026»", () => {
    expect(formatLongDate("bg", "2026-12-10")).toBe("10 декември 2026");
    expect(formatLongDate("en", "2026-12-10")).toBe("10 December 2026");
    expect(formatLongDate("en", "2026-11-29T23:30:00.000Z")).toBe("30 November 2026");
    expect(formatLongDate("bg", null)).toBe("");
  });
});
