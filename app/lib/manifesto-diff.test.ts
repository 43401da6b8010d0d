import { describe, expect, it } from "vitest";
import { compareSections, diffParagraphs, diffWordParts, type SectionLike } from "./manifesto-diff.ts";

const section = (sectionKey: string, position: number, bodyBg: string, titleBg = `Раздел ${sectionKey}`): SectionLike => ({
  sectionKey, position, titleBg, titleEn: null, bodyBg, bodyEn: null,
});

describe("comparing Manifesto versions", () => {
  it("marks the words that changed, in Cyrillic, as whole words", () => {
    const parts = diffWordParts("Държавата осигурява езиково обучение.", "Държавата гарантира безплатно езиково обучение.");
    expect(parts).toEqual([
      { kind: "same", text: "Държавата " },
      { kind: "removed", text: "осигурява" },
      { kind: "added", text: "гарантира безплатно" },
      { kind: "same", text: " езиково обучение." },
    ]);
  });

  it("finds an inserted, a deleted and a changed paragraph in one section", () => {
    const before = "Първи абзац за жилищата.\n\nВтори абзац ще отпадне изцяло.\n\nТрети абзац за общините и техните планове.";
    const after = "Първи абзац за жилищата.\n\nТрети абзац за общините и техните планове за интеграция.\n\nНов абзац за здравеопазването.";
    const changes = diffParagraphs(before, after);
    expect(changes.map((c) => c.kind)).toEqual(["same", "deleted", "changed", "inserted"]);
    const changed = changes[2] as Extract<(typeof changes)[number], { kind: "changed" }>;
    expect(changed.parts.filter((p) => p.kind === "added").map((p) => p.text.trim())).toEqual(["за интеграция"]);
  });

  it("marks every changed section and only those: inserted, deleted, changed, unchanged", () => {
    const v1 = [section("a", 1, "Без промяна."), section("b", 2, "Стар текст на раздел Б."), section("c", 3, "Раздел, който отпада."), section("d", 4, "Абзац едно.\n\nАбзац две.")];
    const v2 = [
      section("a", 1, "Без промяна."),
      section("b", 2, "Нов текст на раздел Б."),
      section("d", 3, "Абзац едно.\n\nАбзац две.\n\nВмъкнат абзац три."),
      section("e", 4, "Изцяло нов раздел."),
    ];
    const result = compareSections(v1, v2);
    expect(result.map((s) => [s.sectionKey, s.status])).toEqual([
      ["a", "unchanged"],
      ["b", "changed"],
      ["c", "deleted"],
      ["d", "changed"],
      ["e", "inserted"],
    ]);
    expect(result.find((s) => s.sectionKey === "d")!.paragraphs.map((p) => p.kind)).toEqual(["same", "same", "inserted"]);
  });

  it("a changed title alone marks the section", () => {
    const result = compareSections([section("a", 1, "Текст.", "Заглавие")], [section("a", 1, "Текст.", "Ново заглавие")]);
    expect(result[0]!.status).toBe("changed");
  });
});
