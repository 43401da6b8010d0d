// The keys by which two organizations or two people are likely the same, as SQL expressions over
// their stored columns. The same text is used by the expression indexes in schema.ts and by the
// queries in models/duplicates.server.ts, so SQLite answers both «who matches this form» and «which
// records share a key» from the index, never by reading the whole table.
// The name key starts from name_latin (the transliteration every writer stores, app/db/derived.ts),
// so «Столична община» and «Stolichna obshtina» share it; it then folds case, quotes, punctuation
// and spaces, and the spellings people use interchangeably (Sofiya/Sofia, w/v) as searchKey does.

/** Characters that do not tell two names apart. */
const ignoredInNames = [" ", '"', "'", "„", "“", "”", "«", "»", ".", ",", "-", "–", "—", "(", ")", "!", "&", "/", ":", ";"];

const quote = (s: string) => `'${s.replace(/'/g, "''")}'`;

/** SQL: the folded name of `column` (a name_latin column, or a bound transliterated name). */
export function nameKeySql(column: string): string {
  let expr = `lower(${column})`;
  for (const c of ignoredInNames) expr = `replace(${expr}, ${quote(c)}, '')`;
  return `replace(replace(${expr}, 'iya', 'ia'), 'w', 'v')`;
}

/** SQL: the e-mail of `column`, trimmed and lower-cased; null when empty. */
export function emailKeySql(column: string): string {
  return `nullif(lower(trim(${column})), '')`;
}

/**
 * SQL: the last 8 digits of a phone number: «+359 88 812 3456», «0888 123 456» and «088-812-3456»
 * are one number, and so are «02 123 4567» and «+359 2 123 4567». Null under 8 digits.
 */
export function phoneKeySql(column: string): string {
  let digits = column;
  for (const c of [" ", "-", "(", ")", "+", ".", "/"]) digits = `replace(${digits}, ${quote(c)}, '')`;
  return `CASE WHEN length(${digits}) >= 8 THEN substr(${digits}, -8) END`;
}

/** SQL: the host of a website without scheme and «www.»: «https://www.unhcr.org/bg» → «unhcr.org». */
export function domainKeySql(column: string): string {
  const host = `replace(replace(replace(lower(trim(${column})), 'https://', ''), 'http://', ''), 'www.', '')`;
  return `CASE WHEN instr(${host}, '/') > 0 THEN nullif(substr(${host}, 1, instr(${host}, '/') - 1), '') ELSE nullif(${host}, '') END`;
}

/** Hosts many unrelated organizations share (a Facebook page is not a website of one's own). */
export const sharedDomains = ["facebook.com", "m.facebook.com", "instagram.com", "linkedin.com", "google.com", "sites.google.com", "wordpress.com", "blogspot.com", "gmail.com", "abv.bg", "yahoo.com"];

export type DuplicateKey = "name" | "email" | "phone" | "website";

/** The keys each kind is compared by, with the column each is computed from. */
export const duplicateKeyColumns = {
  organization: { name: "name_latin", email: "email", phone: "phone", website: "website" },
  person: { name: "name_latin", email: "email", phone: "phone" },
} as const satisfies Record<string, Partial<Record<DuplicateKey, string>>>;

export type DuplicateKind = keyof typeof duplicateKeyColumns;

/** The SQL expression of one key over a column (or over a bound value's placeholder). */
export function keySql(key: DuplicateKey, column: string): string {
  switch (key) {
    case "name":
      return nameKeySql(column);
    case "email":
      return emailKeySql(column);
    case "phone":
      return phoneKeySql(column);
    case "website":
      return domainKeySql(column);
  }
}

/** How much each shared key says two records are one: an e-mail is nearly proof, a website domain a hint. */
export const keyWeights: Record<DuplicateKey, number> = { email: 4, name: 3, phone: 3, website: 2 };

/** The form field (a «Save anyway» button) that saves although likely duplicates were listed. */
export const CONFIRM_DUPLICATES = "confirmDuplicates";
