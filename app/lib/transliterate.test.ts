import { describe, expect, it } from "vitest";
import { nameCollator } from "../i18n/i18n.ts";
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
