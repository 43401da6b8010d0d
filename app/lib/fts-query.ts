// What the user typed → an FTS5 MATCH expression over the folded search keys.
// Kept pure (no database) so the folding rules are unit-tested beside the transliteration.
import { searchKey } from "./transliterate.ts";

/** More words than this add nothing to a search box and only cost time. */
export const MAX_QUERY_WORDS = 8;

/**
 * The folded words of a query, as matched against `search_key`: transliterated, lower-cased,
 * without quotes or punctuation, with the spellings users mix folded the same way as the
 * stored keys (Sofiya/Sofia, w/v).
 */
export function queryWords(q: string): string[] {
  // Control and format characters (NUL, bidi overrides, lone surrogates) are never part of a name.
  return searchKey(q.slice(0, 500).replace(/\p{C}+/gu, " "))
    .split(" ")
    .filter((w) => /[\p{L}\p{N}]/u.test(w))
    .slice(0, MAX_QUERY_WORDS)
    .map(whileTyping);
}

/**
 * Stored keys never contain «iya» (folded to «ia»), so a word cut short at «…iy» while typing
 * «Sofiya» would match nothing; «sofiy» searches as «sofi».
 */
function whileTyping(word: string): string {
  return word.length > 2 && word.endsWith("iy") ? word.slice(0, -1) : word;
}

/**
 * Every word as a quoted prefix term, all required: «stol obsh» → `"stol"* "obsh"*`.
 * Quoting neutralises FTS5 syntax (AND, OR, NEAR, *, ^, column filters) in what users type.
 * Returns null when nothing searchable is left.
 */
export function ftsMatchExpression(q: string | null | undefined): string | null {
  const words = queryWords(q ?? "");
  if (!words.length) return null;
  return words.map((w) => `"${w.replace(/"/g, '""')}"*`).join(" ");
}
