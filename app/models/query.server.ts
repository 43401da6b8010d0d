// Query pieces every list shares: the `q` match, ordering, paging.
import { and, asc, desc, sql, type AnyColumn, type SQL } from "drizzle-orm";
import { searchKey } from "../lib/transliterate.ts";

/**
 * Matches the folded search key against every word of `q` (prefix or inside a word),
 * so «софия», «Sofia» and «SOFIYA» find the same rows.
 */
export function matchesQuery(searchKeyColumn: AnyColumn, q: string): SQL | undefined {
  const words = searchKey(q).split(" ").filter(Boolean).slice(0, 8);
  if (!words.length) return undefined;
  return and(...words.map((w) => sql`${searchKeyColumn} LIKE ${"%" + w.replace(/[%_\\]/g, "\\$&") + "%"} ESCAPE '\\'`));
}

/** ORDER BY the chosen column, then id so pages never overlap on ties. */
export function orderBy(column: AnyColumn | SQL, dir: "asc" | "desc", idColumn: AnyColumn) {
  return dir === "desc" ? [desc(column), desc(idColumn)] : [asc(column), asc(idColumn)];
}

export function pageOffset(page: number, perPage: number) {
  return (page - 1) * perPage;
}

export type Page<Row> = { rows: Row[]; total: number };
