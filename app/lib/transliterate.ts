// Bulgarian ↔ Latin, by the Streamlined System of the 2009 Transliteration Act.
// Search and duplicate detection compare names in one folded Latin form, so
// «Столична община», «Stolichna obshtina» and «STOLICHNA OBSHTINA» are the same key.

const cyrillicToLatin: Record<string, string> = {
  а: "a", б: "b", в: "v", г: "g", д: "d", е: "e", ж: "zh", з: "z", и: "i", й: "y",
  к: "k", л: "l", м: "m", н: "n", о: "o", п: "p", р: "r", с: "s", т: "t", у: "u",
  ф: "f", х: "h", ц: "ts", ч: "ch", ш: "sh", щ: "sht", ъ: "a", ь: "y", ю: "yu", я: "ya",
  // Letters of Russian/Ukrainian names that users also type.
  ё: "yo", ы: "y", э: "e", є: "ye", і: "i", ї: "yi", ґ: "g",
};

/** Transliterates Bulgarian Cyrillic to Latin, keeping case and everything else as it is. */
export function transliterate(text: string): string {
  // The Act's one context rule: «-ия» at the end of a word is «-ia» (София → Sofia).
  const withEnding = text.replace(/ия(?=$|[^\p{L}])/gu, "\u0001").replace(/ИЯ(?=$|[^\p{L}])/gu, "\u0002").replace(/Ия(?=$|[^\p{L}])/gu, "\u0003");
  let out = "";
  for (const char of withEnding) {
    if (char === "\u0001") out += "ia";
    else if (char === "\u0002") out += "IA";
    else if (char === "\u0003") out += "Ia";
    else {
      const lower = char.toLowerCase();
      const latin = cyrillicToLatin[lower];
      if (latin === undefined) out += char;
      else if (char === lower) out += latin;
      else out += latin.charAt(0).toUpperCase() + latin.slice(1);
    }
  }
  // An all-capitals word keeps all capitals (ЩАСТЛИВ → SHTASTLIV, not SHtASTLIV).
  return out.replace(/\b(\p{Lu})(\p{Ll}+)(?=\p{Lu})/gu, (m) => m.toUpperCase());
}

const quotesAndPunctuation = /[\p{P}\p{S}]+/gu;

/**
 * The folded Latin form used for matching: transliterated, lower-cased, without
 * diacritics, quotes or punctuation, with the spellings people use interchangeably
 * collapsed (Sofiya/Sofia, w/v).
 */
export function searchKey(text: string): string {
  return transliterate(text.normalize("NFC"))
    .toLowerCase()
    .normalize("NFD")
    .replace(/\p{M}+/gu, "")
    .replace(quotesAndPunctuation, " ")
    .replace(/iya/g, "ia")
    .replace(/w/g, "v")
    .replace(/\s+/g, " ")
    .trim();
}

/** Searchable text from several fields at once (name, e-mail, municipality, ...). */
export function searchKeyOf(...parts: Array<string | null | undefined>): string {
  return parts
    .filter((p): p is string => !!p)
    .map(searchKey)
    .join(" ");
}

/**
 * Key that sorts names in Bulgarian alphabetical order by plain code point in SQL:
 * Bulgarian letters lower-cased already follow code-point order; Latin letters are
 * moved after Cyrillic (as `Intl.Collator('bg')` places them); quotes, punctuation
 * and spaces do not count (as with `ignorePunctuation`: «д-р Борислав» files under «дрб…»).
 */
export function sortKey(text: string): string {
  const folded = text
    .normalize("NFD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(quotesAndPunctuation, "")
    .replace(/\s+/g, "");
  let out = "";
  for (const char of folded) {
    const code = char.codePointAt(0)!;
    // a-z → U+0500.. (just past the Cyrillic block), so Cyrillic sorts first.
    out += code >= 0x61 && code <= 0x7a ? String.fromCodePoint(0x500 + code - 0x61) : char;
  }
  return out;
}
