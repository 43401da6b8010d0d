// One search over every kind of record the user may see (/search and the header's list).
// Each kind is one query that starts from its FTS5 index and looks rows up by id, so a
// keystroke costs index lookups, never a scan of a table (asserted in tests/integration/search.test.ts).
import { sql, type SQL } from "drizzle-orm";
import { partnerCommitmentScope, partnerFollowUpScope, searchScopeFor, type CurrentUser } from "../auth/access.server.ts";
import { getDb } from "../db/client.server.ts";
import { SEARCH_HITS_PER_KIND, type SearchGroup, type SearchHit, type SearchKind, type SearchResults } from "../domain/search.ts";
import { ftsMatchExpression, queryWords } from "../lib/fts-query.ts";
import { ftsTableOf, type SearchableTable } from "./query.server.ts";

type Scope = ReturnType<typeof searchScopeFor>;

type KindQuery = {
  table: SearchableTable;
  /** Columns of the hit, selected from `b` (the record) and any joined table. */
  select: SQL;
  joins?: SQL;
  /** Extra condition on `b`: what a partner may see, live records only. */
  where: (scope: Scope) => SQL | null;
  href: (row: Row, scope: Scope) => string;
  /** The staff list of this kind filtered by the same words, or null when there is none. */
  listPath: string | null;
};

type Row = { id: number; title: string; detail: string | null; date: string | null; organization_id: number | null; person_id: number | null };

const TRUE = sql`1`;

const kindQueries: Record<SearchKind, KindQuery> = {
  organizations: {
    table: "organizations",
    select: sql`b.id, b.name AS title, b.municipality AS detail, NULL AS date, NULL AS organization_id, NULL AS person_id`,
    where: (s) => (s.partnerOrganizationId == null ? TRUE : sql`b.id = ${s.partnerOrganizationId}`),
    href: (r, s) => (s.partnerOrganizationId == null ? `/organizations/${r.id}` : "/shared"),
    listPath: "/organizations",
  },
  people: {
    table: "people",
    select: sql`b.id, b.name AS title, coalesce(o.name, b.position) AS detail, NULL AS date, NULL AS organization_id, NULL AS person_id`,
    joins: sql`LEFT JOIN organizations o ON o.id = b.organization_id`,
    where: (s) => (s.partnerOrganizationId == null ? TRUE : null),
    href: (r) => `/people/${r.id}`,
    listPath: "/people",
  },
  events: {
    table: "events",
    select: sql`b.id, b.title AS title, b.place AS detail, b.starts_on AS date, NULL AS organization_id, NULL AS person_id`,
    where: (s) => (s.partnerOrganizationId == null ? TRUE : null),
    href: (r) => `/events/${r.id}`,
    listPath: "/events",
  },
  partnerships: {
    table: "partnerships",
    select: sql`b.id, b.title AS title, b.project AS detail, b.starts_on AS date, NULL AS organization_id, NULL AS person_id`,
    where: (s) => (s.partnerOrganizationId == null ? TRUE : null),
    href: (r) => `/partnerships/${r.id}`,
    listPath: "/partnerships",
  },
  commitments: {
    table: "commitments",
    select: sql`b.id, b.title AS title, o.name AS detail, b.due_on AS date, NULL AS organization_id, NULL AS person_id`,
    joins: sql`LEFT JOIN organizations o ON o.id = b.lead_organization_id`,
    // A partner: only shared commitments their organization made, as lead or co-pledger.
    where: (s) => (s.partnerOrganizationId == null ? TRUE : partnerCommitmentScope(s.partnerOrganizationId, sql`b.id`)),
    href: (r, s) => (s.partnerOrganizationId == null ? `/commitments/${r.id}` : `/shared/commitments/${r.id}`),
    listPath: "/commitments",
  },
  followUps: {
    table: "follow_ups",
    select: sql`b.id, b.title AS title, o.name AS detail, b.due_on AS date, NULL AS organization_id, NULL AS person_id`,
    joins: sql`LEFT JOIN organizations o ON o.id = b.organization_id`,
    // A partner: only the action items shared with their organization.
    where: (s) => (s.partnerOrganizationId == null ? TRUE : partnerFollowUpScope(s.partnerOrganizationId, sql`b.id`)),
    href: (r, s) => (s.partnerOrganizationId == null ? `/follow-ups/${r.id}` : `/shared/follow-ups/${r.id}`),
    listPath: "/follow-ups",
  },
  interactions: {
    table: "interactions",
    select: sql`b.id, b.subject AS title, coalesce(o.name, p.name) AS detail, b.occurred_on AS date, b.organization_id, b.person_id`,
    joins: sql`LEFT JOIN organizations o ON o.id = b.organization_id LEFT JOIN people p ON p.id = b.person_id`,
    where: (s) => (s.partnerOrganizationId == null ? TRUE : null),
    // An interaction has no page of its own: it sits on its organization's or person's timeline.
    href: (r) => (r.organization_id != null ? `/organizations/${r.organization_id}` : r.person_id != null ? `/people/${r.person_id}` : "/organizations"),
    listPath: null,
  },
  refugees: {
    table: "refugee_contacts",
    select: sql`b.id, b.name AS title, b.country_of_origin AS detail, NULL AS date, NULL AS organization_id, NULL AS person_id`,
    // Never for partners (searchScopeFor leaves the kind out too); erased contacts have nothing left to find.
    where: (s) => (s.partnerOrganizationId == null ? sql`b.erased_at IS NULL` : null),
    href: (r) => `/refugees/${r.id}`,
    listPath: "/refugees",
  },
  stories: {
    table: "stories",
    select: sql`b.id, b.title AS title, e.title AS detail, NULL AS date, NULL AS organization_id, NULL AS person_id`,
    joins: sql`LEFT JOIN events e ON e.id = b.event_id`,
    // Never for partners (searchScopeFor leaves the kind out too).
    where: (s) => (s.partnerOrganizationId == null ? TRUE : null),
    href: (r) => `/stories/${r.id}`,
    listPath: "/stories",
  },
};

/**
 * How many FTS matches a staff search ranks per kind. «sofia» matches ~20,000 organizations
 * at national scale (their municipality is in the key); fetching and sorting every one of them
 * for 10 hits cost 20–30 ms. The records whose key starts with what was typed are looked up
 * first (their own bounded set, found by the FTS index with `^`), so they still rank first.
 */
export const SEARCH_CANDIDATES = 500;
export const SEARCH_PREFIX_CANDIDATES = 200;

/**
 * The hits of one kind. Ranked: records whose key starts with what was typed first (a name typed
 * from its beginning), then the shorter keys (where the words weigh most), then alphabetically
 * (interactions: the latest first). bm25() ranked no better on these short keys and doubled
 * the time of a broad prefix at 100k records.
 *
 * Staff (`bounded`): the FTS index gives a bounded set of candidate ids — the first
 * SEARCH_PREFIX_CANDIDATES whose key starts with the words, and the first SEARCH_CANDIDATES
 * matches (interactions: the newest) — and only those are fetched by primary key and ranked.
 * The full set is one click away (the list filtered by the same words).
 * A partner's scope is narrow, so their kinds keep the exact form: the FTS index is the outer
 * loop (CROSS JOIN) and each match is checked against the scope by primary key.
 */
function kindSql(kind: SearchKind, match: string, words: string[], scopeWhere: SQL, limit: number, bounded: boolean): SQL {
  const k = kindQueries[kind];
  const fts = ftsTableOf(k.table);
  const base = sql.identifier(k.table);
  const prefix = words.join(" ");
  const newestFirst = k.table === "interactions";
  const order = newestFirst ? sql`b.occurred_on DESC` : sql`length(b.search_key), b.sort_key`;
  const ranking = sql`ORDER BY (b.search_key LIKE ${escapeLike(prefix) + "%"} ESCAPE '\\') DESC, ${order}, b.id
    LIMIT ${limit}`;
  if (!bounded) {
    return sql`SELECT ${k.select}
    FROM ${fts} CROSS JOIN ${base} b ON b.id = ${fts}.rowid
    ${k.joins ?? sql``}
    WHERE ${fts} MATCH ${match} AND ${scopeWhere}
    ${ranking}`;
  }
  const candidates = (expression: string, n: number) =>
    sql`SELECT rowid FROM (SELECT rowid FROM ${fts} WHERE ${fts} MATCH ${expression}${newestFirst ? sql` ORDER BY rowid DESC` : sql``} LIMIT ${n})`;
  // CROSS JOIN keeps the candidates the outer loop whatever the table's statistics say.
  return sql`SELECT ${k.select}
    FROM (${candidates(startsWithExpression(words), SEARCH_PREFIX_CANDIDATES)} UNION ${candidates(match, SEARCH_CANDIDATES)}) c
    CROSS JOIN ${base} b ON b.id = c.rowid
    ${k.joins ?? sql``}
    WHERE ${scopeWhere}
    ${ranking}`;
}

/** «stol obsh» → `^"stol obsh"*`: keys whose first words are these, the last one typed in part (what LIKE 'stol obsh%' ranks first). */
function startsWithExpression(words: string[]): string {
  return `^"${words.join(" ").replace(/"/g, '""')}"*`;
}

function escapeLike(text: string): string {
  return text.replace(/[%_\\]/g, "\\$&");
}

/** Everything `user` may see that matches `q`, grouped by kind; kinds without hits are left out. */
export function search(user: CurrentUser, q: string, options: { perKind?: number } = {}): SearchResults {
  const perKind = options.perKind ?? SEARCH_HITS_PER_KIND;
  const scope = searchScopeFor(user);
  const query = q.trim().slice(0, 200);
  const scoped = scope.partnerOrganizationId != null;
  const match = ftsMatchExpression(query);
  if (!match) return { q: query, groups: [], scoped };
  const words = queryWords(query);
  const db = getDb();
  const groups: SearchGroup[] = [];
  for (const kind of scope.kinds) {
    const where = kindQueries[kind].where(scope);
    if (!where) continue;
    const rows = db.all<Row>(kindSql(kind, match, words, where, perKind + 1, !scoped));
    if (!rows.length) continue;
    const k = kindQueries[kind];
    const hits: SearchHit[] = rows.slice(0, perKind).map((r) => ({
      id: r.id,
      title: r.title,
      detail: r.detail,
      date: r.date,
      href: k.href(r, scope),
    }));
    const more = rows.length > perKind;
    const moreHref = more && !scoped && k.listPath ? `${k.listPath}?q=${encodeURIComponent(query)}` : null;
    groups.push({ kind, hits, more, moreHref });
  }
  return { q: query, groups, scoped };
}

/**
 * The SQL of one kind's search, for EXPLAIN QUERY PLAN in tests and for the benchmark
 * (`npm run bench` times `search()` itself at 100k records).
 */
export function searchQueryFor(user: CurrentUser, kind: SearchKind, q: string): SQL | null {
  const scope = searchScopeFor(user);
  const match = ftsMatchExpression(q);
  const where = kindQueries[kind].where(scope);
  if (!match || !where || !scope.kinds.includes(kind)) return null;
  return kindSql(kind, match, queryWords(q), where, SEARCH_HITS_PER_KIND + 1, scope.partnerOrganizationId == null);
}
