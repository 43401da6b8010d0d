import { describe, expect, it } from "vitest";
import { nameKey, oblastOf, organizationKindOf, phoneKey, suggestMapping } from "./imports.ts";

describe("suggestMapping", () => {
  it("recognises Bulgarian and English headers whatever their case and punctuation", () => {
    expect(suggestMapping("organizations", ["Наименование", "ВИД", "Област", "Община", "Имейл", "Телефон", "Уеб сайт", "Адрес", "Описание"])).toEqual([
      "name", "kind", "oblast", "municipality", "email", "phone", "website", "address", "description",
    ]);
    expect(suggestMapping("organizations", ["Name", "Kind", "E-mail", "Website", "Notes", "Something else"])).toEqual([
      "name", "kind", "email", "website", "description", "",
    ]);
    expect(suggestMapping("people", ["Име", "Длъжност", "Организация", "E-mail", "Тел."])).toEqual(["name", "position", "organization", "email", "phone"]);
  });

  it("suggests each field for one column only", () => {
    expect(suggestMapping("organizations", ["Име", "Наименование"])).toEqual(["name", ""]);
  });
});

describe("values written as labels", () => {
  it("reads organization kinds as codes or Bulgarian/English labels", () => {
    expect(organizationKindOf("ngo")).toBe("ngo");
    expect(organizationKindOf("Неправителствена организация")).toBe("ngo");
    expect(organizationKindOf("НПО")).toBe("ngo");
    expect(organizationKindOf("Municipality")).toBe("municipality");
    expect(organizationKindOf("космически кораб")).toBe("космически кораб");
  });

  it("reads oblasts as codes, numbers or names", () => {
    expect(oblastOf("BG-22")).toBe("BG-22");
    expect(oblastOf("3")).toBe("BG-03");
    expect(oblastOf("Смолян")).toBe("BG-21");
    expect(oblastOf("Stara Zagora")).toBe("BG-24");
    expect(oblastOf("София-град")).toBe("BG-22");
    expect(oblastOf("обл. Пловдив")).toBe("BG-16");
  });
});

describe("duplicate keys", () => {
  it("treat Cyrillic and Latin spellings of a name as one", () => {
    expect(nameKey("Stolichna obshtina")).toBe(nameKey("Столична община"));
    expect(nameKey("Balgarski Cherven krast")).toBe(nameKey("Български Червен кръст"));
  });

  it("compare phones as national numbers", () => {
    expect(phoneKey("+359 2 123 4567")).toBe(phoneKey("02/123-4567"));
    expect(phoneKey("00359 888 123 456")).toBe(phoneKey("0888123456"));
    expect(phoneKey("12")).toBeNull();
  });
});
