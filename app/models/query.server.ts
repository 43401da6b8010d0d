// Query pieces every list shares: the `q` match, ordering, paging.
import { asc, desc, getTableColumns, getTableName, sql, type AnyColumn, type SQL } from "drizzle-orm";
import { ftsMatchExpression, queryWords } from "../lib/fts-query.ts";

/** Tables with a `search_key` column and an FTS5 index `<table>_fts` over it (drizzle/0002_search_fts.sql; stories: 0006_stories_fts.sql). */
export const searchableTables = [
  "organizations",
  "people",
  "refugee_contacts",
  "events",
  "partnerships",
  "commitments",
  "follow_ups",
  "interactions",
  "stories",
] as const;
export type SearchableTable = (typeof searchableTables)[number];

/** The FTS5 table that indexes a searchable table's `search_key`. */
export function ftsTableOf(tableName: string) {
  if (!(searchableTables as readonly string[]).includes(tableName)) throw new Error(`${tableName} has no search index`);
  return sql.identifier(`${tableName}_fts`);
}

/**
 * Matches every word of `q` as a prefix of a word of the record's folded search key, through
 * the table's FTS5 index (an index lookup, never a scan of the table), so «софия», «Sofia»,
 * «SOFIA» and «Sofiya» find the same rows. Pass the table's `searchKey` column.
 */
export function matchesQuery(searchKeyColumn: AnyColumn, q: string | null | undefined): SQL | undefined {
  const match = ftsMatchExpression(q);
  if (!match) return undefined;
  const table = searchKeyColumn.table;
  const idColumn = (getTableColumns(table) as Record<string, AnyColumn>).id;
  if (searchKeyColumn.name !== "search_key" || !idColumn) throw new Error("matchesQuery takes a table's searchKey column");
  const fts = ftsTableOf(getTableName(table));
  return sql`${idColumn} IN (SELECT rowid FROM ${fts} WHERE ${fts} MATCH ${match})`;
}

/** ORDER BY the chosen column, then id so pages never overlap on ties. */
export function orderBy(column: AnyColumn | SQL, dir: "asc" | "desc", idColumn: AnyColumn) {
  return dir === "desc" ? [desc(column), desc(idColumn)] : [asc(column), asc(idColumn)];
}

/**
 * How well a record's name matches `q`: 0 the folded name is exactly the query, 1 it starts with
 * it, 2 the rest of the FTS matches. Search keys begin with the folded name in Latin, so «Столична»
 * and «Stolichna» rank the same rows. A CASE over the matched set only: the FTS index finds the
 * rows, and the name is folded only for rows whose key already starts with the query.
 */
export function matchRank(nameColumn: AnyColumn | SQL, searchKeyColumn: AnyColumn, q: string | null | undefined): SQL | undefined {
  const folded = queryWords(q ?? "").join(" ");
  if (!folded) return undefined;
  return sql`CASE WHEN substr(${searchKeyColumn}, 1, ${[...folded].length}) = ${folded} THEN (CASE WHEN search_fold(${nameColumn}) = ${folded} THEN 0 ELSE 1 END) ELSE 2 END`;
}

/**
 * A list's ORDER BY: with a search and no sort chosen in the URL, best name matches first
 * (then the default order within each rank); a chosen sort always wins.
 */
export function listOrderBy(
  params: { q: string; sortChosen: boolean; dir: "asc" | "desc" },
  column: AnyColumn | SQL,
  idColumn: AnyColumn,
  match: { name: AnyColumn | SQL; searchKey: AnyColumn },
) {
  const rank = params.sortChosen ? undefined : matchRank(match.name, match.searchKey, params.q);
  return [...(rank ? [asc(rank)] : []), ...orderBy(column, params.dir, idColumn)];
}

export function pageOffset(page: number, perPage: number) {
  return (page - 1) * perPage;
}

export type Page<Row> = { rows: Row[]; total: number };
