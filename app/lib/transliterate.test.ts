import { describe, expect, it } from "vitest";
import { nameCollator } from "../i18n/i18n.ts";
import { ftsMatchExpression, queryWords } from "./fts-query.ts";
import { searchKey, sortKey, transliterate } from "./transliterate.ts";

describe("transliterate (Streamlined System, 2009 Act)", () => {
  it.each([
    ["София", "Sofia"],
    ["Щастлив", "Shtastliv"],
    ["Българка", "Balgarka"],
    ["Ючбунар", "Yuchbunar"],
    ["Стара Загора", "Stara Zagora"],
    ["Пловдив", "Plovdiv"],
    ["Жеравна", "Zheravna"],
    ["Цар Калоян", "Tsar Kaloyan"],
    ["Чепеларе", "Chepelare"],
    ["Шумен", "Shumen"],
    ["Йовков", "Yovkov"],
    ["Хасково", "Haskovo"],
    ["Ямбол", "Yambol"],
    ["Горна Оряховица", "Gorna Oryahovitsa"],
    ["ЩАСТЛИВ", "SHTASTLIV"],
  ])("%s → %s", (cyrillic, latin) => {
    expect(transliterate(cyrillic)).toBe(latin);
  });

  it("applies the -ия → -ia ending rule only at the end of a word", () => {
    expect(transliterate("Мария Илиева")).toBe("Maria Ilieva");
    expect(transliterate("Ияна")).toBe("Iyana");
  });
});

describe("the Act's official examples, both ways", () => {
  const official = [
    ["София", "Sofia"],
    ["Щастлив", "Shtastliv"],
    ["Българка", "Balgarka"],
    ["Ючбунар", "Yuchbunar"],
    ["Стара Загора", "Stara Zagora"],
    ["Пловдив", "Plovdiv"],
  ] as const;

  it.each(official)("%s → %s", (cyrillic, latin) => {
    expect(transliterate(cyrillic)).toBe(latin);
  });

  it.each(official)("typing «%s» or «%s» in any case finds the same name", (cyrillic, latin) => {
    const key = searchKey(cyrillic);
    for (const typed of [latin, latin.toUpperCase(), latin.toLowerCase(), cyrillic.toUpperCase(), cyrillic.toLowerCase()]) expect(searchKey(typed)).toBe(key);
  });
});

describe("reverse lookups: a Latin query is a prefix match of the Cyrillic name", () => {
  const finds = (typed: string, stored: string) => {
    const words = searchKey(stored).split(" ");
    return queryWords(typed).every((w) => words.some((word) => word.startsWith(w)));
  };

  it.each([
    ["sofia", "Столична община, София"],
    ["plovdiv", "Община Пловдив"],
    ["cherven krast", "Български Червен кръст"],
    ["червен кръст", "Bulgarian Red Cross (Cherven krast)"],
    ["Sofiya", "София"],
    ["софия", "Sofia"],
    ["stara zag", "Стара Загора"],
  ])("«%s» finds «%s»", (typed, stored) => {
    expect(finds(typed, stored)).toBe(true);
  });

  it("every keystroke of «Sofiya» still finds «София»", () => {
    for (let n = 2; n <= "Sofiya".length; n++) expect(finds("Sofiya".slice(0, n), "София"), "Sofiya".slice(0, n)).toBe(true);
  });

  it("«plovdiv» does not find «Пазарджик»", () => {
    expect(finds("plovdiv", "Пазарджик")).toBe(false);
  });
});

describe("ftsMatchExpression: what the user typed cannot be FTS5 syntax", () => {
  it("makes every word a quoted prefix term, all required", () => {
    expect(ftsMatchExpression("Столична община")).toBe('"stolichna"* "obshtina"*');
  });

  it.each(['sofia OR plovdiv', 'NEAR(a b)', '"', '*', 'search_key:x', '^a', 'a" OR "b'])("«%s» stays plain words", (typed) => {
    const expression = ftsMatchExpression(typed);
    if (expression === null) return;
    expect(expression).toMatch(/^("[^"]+"\* ?)+$/);
  });

  it("nothing searchable → null", () => {
    for (const typed of ["", "   ", "«»", "—", "!!!", undefined, null]) expect(ftsMatchExpression(typed)).toBeNull();
  });
});

describe("searchKey: Cyrillic and Latin are one name", () => {
  it.each([
    ["sofia", "София"],
    ["SOFIA", "софия"],
    ["Sofiya", "София"],
    ["plovdiv", "Пловдив"],
    ["cherven krast", "червен кръст"],
    ["stolichna obshtina", "«Столична община»"],
    ["ivanov", "Иванов"],
  ])("«%s» matches «%s»", (typed, stored) => {
    expect(searchKey(typed)).toBe(searchKey(stored));
  });

  it("ignores quotes and punctuation", () => {
    expect(searchKey("Фондация „Мисия Криле“")).toBe("fondatsia misia krile");
  });
});

describe("sortKey orders names as Intl.Collator('bg') does", () => {
  it("on Cyrillic, Latin and quoted names", () => {
    const names = ["Столична община", "„Мисия Криле“", "Агенция за бежанците", "UNHCR", "Multi Kulti Collective", "Български Червен кръст",
      "Ямбол", "Юнак", "Шумен", "Щастие", "Ъгъл", "община Бургас", "Община Пловдив", "ЦУМ", "«Алфа»", "Caritas"];
    const bySortKey = [...names].sort((a, b) => (sortKey(a) < sortKey(b) ? -1 : sortKey(a) > sortKey(b) ? 1 : 0));
    expect(bySortKey).toEqual([...names].sort(nameCollator("bg").compare));
  });
});
