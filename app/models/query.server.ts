// Query pieces every list shares: the `q` match, ordering, paging.
import { asc, desc, getTableColumns, getTableName, sql, type AnyColumn, type SQL } from "drizzle-orm";
import { ftsMatchExpression } from "../lib/fts-query.ts";

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

export function pageOffset(page: number, perPage: number) {
  return (page - 1) * perPage;
}

export type Page<Row> = { rows: Row[]; total: number };
