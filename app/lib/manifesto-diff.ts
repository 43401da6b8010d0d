// Comparing two versions of the Manifesto, section by section (sections are matched by their
// stable key) and, inside a section, paragraph by paragraph with the words that changed.
// jsdiff does the sequence diffs; the tokenizer is ours, because jsdiff's word diff treats
// Cyrillic letters as punctuation.
import { diffArrays } from "diff";
import { splitParagraphs } from "./markdown.ts";

export type WordPart = { kind: "same" | "added" | "removed"; text: string };

export type ParagraphChange =
  | { kind: "same"; text: string }
  | { kind: "inserted"; text: string }
  | { kind: "deleted"; text: string }
  | { kind: "changed"; before: string; after: string; parts: WordPart[] };

export type SectionLike = { sectionKey: string; position: number; titleBg: string; titleEn: string | null; bodyBg: string; bodyEn: string | null };

export type SectionComparison = {
  sectionKey: string;
  /** inserted: only in the newer version; deleted: only in the older; changed: title or text differ. */
  status: "unchanged" | "changed" | "inserted" | "deleted";
  titleBefore: string | null;
  titleAfter: string | null;
  title: WordPart[];
  paragraphs: ParagraphChange[];
  /** The English text's changes (empty when neither version has English). */
  paragraphsEn: ParagraphChange[];
};

/** Words, runs of spaces and single punctuation marks, in any script. */
export function tokenize(text: string): string[] {
  return text.match(/[\p{L}\p{M}\p{N}]+|\s+|[^\p{L}\p{M}\p{N}\s]/gu) ?? [];
}

/** The words of `after` against `before`: what stayed, what was added, what was removed. */
export function diffWordParts(before: string, after: string): WordPart[] {
  const raw = diffArrays(tokenize(before), tokenize(after)).map((change) => ({
    kind: (change.added ? "added" : change.removed ? "removed" : "same") as WordPart["kind"],
    text: change.value.join(""),
  }));
  // A lone space kept between two changes is noise to a reader: one removed run, one added run.
  const parts: WordPart[] = [];
  let removed = "";
  let added = "";
  const flush = () => {
    // A space both runs end with belongs to the text that follows.
    const space = /\s+$/.exec(removed)?.[0] ?? "";
    const common = space && added.endsWith(space) ? space : "";
    if (removed) parts.push({ kind: "removed", text: removed.slice(0, removed.length - common.length) });
    if (added) parts.push({ kind: "added", text: added.slice(0, added.length - common.length) });
    if (common) parts.push({ kind: "same", text: common });
    removed = added = "";
  };
  raw.forEach((part, i) => {
    const between = part.kind === "same" && /^\s*$/.test(part.text) && i > 0 && i < raw.length - 1 && (removed || added);
    if (part.kind === "removed" || between) removed += part.text;
    if (part.kind === "added" || between) added += part.text;
    if (part.kind === "same" && !between) {
      flush();
      const last = parts.at(-1);
      if (last?.kind === "same") last.text += part.text;
      else parts.push({ ...part });
    }
  });
  flush();
  return parts;
}

function words(text: string): Set<string> {
  return new Set(tokenize(text.toLocaleLowerCase("bg")).filter((t) => /[\p{L}\p{N}]/u.test(t)));
}

/** Share of words two paragraphs have in common (Jaccard): above PAIRING, a removed and an added paragraph are one changed paragraph. */
export function similarity(a: string, b: string): number {
  const wa = words(a);
  const wb = words(b);
  if (!wa.size && !wb.size) return 1;
  let shared = 0;
  for (const w of wa) if (wb.has(w)) shared++;
  return shared / (wa.size + wb.size - shared);
}
const PAIRING = 0.3;

/**
 * Inside a run of removed and added paragraphs, which removed one became which added one: the
 * in-order pairing with the greatest total similarity (pairs below PAIRING are not pairs).
 */
function alignRun(removed: string[], added: string[]): ParagraphChange[] {
  const n = removed.length;
  const m = added.length;
  const score: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      const s = similarity(removed[i]!, added[j]!);
      score[i]![j] = Math.max(score[i + 1]![j]!, score[i]![j + 1]!, s >= PAIRING ? s + score[i + 1]![j + 1]! : -1);
    }
  }
  const out: ParagraphChange[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m) {
      const s = similarity(removed[i]!, added[j]!);
      if (s >= PAIRING && score[i]![j] === s + score[i + 1]![j + 1]!) {
        out.push({ kind: "changed", before: removed[i]!, after: added[j]!, parts: diffWordParts(removed[i]!, added[j]!) });
        i++;
        j++;
        continue;
      }
      if (score[i]![j] === score[i + 1]![j]) out.push({ kind: "deleted", text: removed[i++]! });
      else out.push({ kind: "inserted", text: added[j++]! });
    } else if (i < n) out.push({ kind: "deleted", text: removed[i++]! });
    else out.push({ kind: "inserted", text: added[j++]! });
  }
  return out;
}

/** The paragraphs of `after` against `before`: same, inserted, deleted, or changed (with the words marked). */
export function diffParagraphs(before: string | null | undefined, after: string | null | undefined): ParagraphChange[] {
  const out: ParagraphChange[] = [];
  let removed: string[] = [];
  let added: string[] = [];
  const flush = () => {
    if (removed.length || added.length) out.push(...alignRun(removed, added));
    removed = [];
    added = [];
  };
  for (const change of diffArrays(splitParagraphs(before), splitParagraphs(after))) {
    if (change.removed) removed.push(...change.value);
    else if (change.added) added.push(...change.value);
    else {
      flush();
      for (const text of change.value) out.push({ kind: "same", text });
    }
  }
  flush();
  return out;
}

const changedParagraph = (p: ParagraphChange) => p.kind !== "same";

/** Every section of either version, in the newer version's order (deleted ones where they stood). */
export function compareSections(before: readonly SectionLike[], after: readonly SectionLike[]): SectionComparison[] {
  const oldByKey = new Map(before.map((s) => [s.sectionKey, s]));
  const newKeys = new Set(after.map((s) => s.sectionKey));
  const result: SectionComparison[] = [];
  const sortedOld = [...before].sort((a, b) => a.position - b.position);
  const sortedNew = [...after].sort((a, b) => a.position - b.position);
  // Deleted sections go before the first surviving section that followed them in the old version.
  const pendingDeleted = new Map<string, SectionLike[]>();
  let carry: SectionLike[] = [];
  for (const s of sortedOld) {
    if (!newKeys.has(s.sectionKey)) carry.push(s);
    else if (carry.length) {
      pendingDeleted.set(s.sectionKey, carry);
      carry = [];
    }
  }
  const deleted = (s: SectionLike): SectionComparison => ({
    sectionKey: s.sectionKey,
    status: "deleted",
    titleBefore: s.titleBg,
    titleAfter: null,
    title: [{ kind: "removed", text: s.titleBg }],
    paragraphs: splitParagraphs(s.bodyBg).map((text) => ({ kind: "deleted", text })),
    paragraphsEn: splitParagraphs(s.bodyEn).map((text) => ({ kind: "deleted", text })),
  });
  for (const s of sortedNew) {
    for (const d of pendingDeleted.get(s.sectionKey) ?? []) result.push(deleted(d));
    const old = oldByKey.get(s.sectionKey);
    if (!old) {
      result.push({
        sectionKey: s.sectionKey,
        status: "inserted",
        titleBefore: null,
        titleAfter: s.titleBg,
        title: [{ kind: "added", text: s.titleBg }],
        paragraphs: splitParagraphs(s.bodyBg).map((text) => ({ kind: "inserted", text })),
        paragraphsEn: splitParagraphs(s.bodyEn).map((text) => ({ kind: "inserted", text })),
      });
      continue;
    }
    const paragraphs = diffParagraphs(old.bodyBg, s.bodyBg);
    const paragraphsEn = diffParagraphs(old.bodyEn, s.bodyEn);
    const titleChanged = old.titleBg !== s.titleBg || (old.titleEn ?? "") !== (s.titleEn ?? "");
    const changed = titleChanged || paragraphs.some(changedParagraph) || paragraphsEn.some(changedParagraph);
    result.push({
      sectionKey: s.sectionKey,
      status: changed ? "changed" : "unchanged",
      titleBefore: old.titleBg,
      titleAfter: s.titleBg,
      title: old.titleBg === s.titleBg ? [{ kind: "same", text: s.titleBg }] : diffWordParts(old.titleBg, s.titleBg),
      paragraphs,
      paragraphsEn,
    });
  }
  for (const d of carry) result.push(deleted(d));
  return result;
}
