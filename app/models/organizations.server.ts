import { and, eq, inArray, sql, type SQL } from "drizzle-orm";
import { notFound, requireOrganizationRead, requireRecordWrite, type CurrentUser } from "../auth/access.server.ts";
import { getDb, preparedOnce, type Db, type DbOrTx } from "../db/client.server.ts";
import { organizationKeys } from "../db/derived.ts";
import { organizationCounts, organizations, organizationTags, tags } from "../db/schema.ts";
import { organizationListSpec, type OrganizationInput } from "../domain/organization.ts";
import { ftsMatchExpression } from "../lib/fts-query.ts";
import { parseListParams } from "../lib/list-params.ts";
import { createAudited, updateVersioned, type VersionedResult, type WriteContext } from "./record-write.server.ts";
import { listOrderBy, matchesQuery, orderBy, pageOffset, type Page } from "./query.server.ts";

export type Organization = typeof organizations.$inferSelect;
export type OrganizationWithTags = Organization & { tags: string[] };

// ---------------------------------------------------------------- list

export type OrganizationListParams = ReturnType<typeof parseOrganizationListParams>;
export const parseOrganizationListParams = (url: URL | URLSearchParams) => parseListParams(url, organizationListSpec);

export const sortColumns = {
  name: organizations.sortKey,
  kind: organizations.kind,
  oblast: organizations.oblast,
  updated: organizations.updatedAt,
};

export function listConditions(params: OrganizationListParams): SQL | undefined {
  const { kind, oblast, archived = "active" } = params.filters;
  return and(
    archived === "all" ? undefined : eq(organizations.archived, archived === "archived"),
    kind ? eq(organizations.kind, kind) : undefined,
    oblast ? eq(organizations.oblast, oblast) : undefined,
    matchesQuery(organizations.searchKey, params.q),
  );
}

/** What a row of the list shows (and links to): the page payload carries nothing more. */
const listColumns = {
  id: organizations.id,
  name: organizations.name,
  kind: organizations.kind,
  oblast: organizations.oblast,
  municipality: organizations.municipality,
  archived: organizations.archived,
  updatedAt: organizations.updatedAt,
};
export type OrganizationListRow = Pick<Organization, keyof typeof listColumns>;

export function listOrganizations(user: CurrentUser, params: OrganizationListParams): Page<OrganizationListRow> {
  requireOrganizationListAccess(user);
  const db = getDb();
  // A search has its own SQL per query (ranking); every other list is one of a few fixed shapes.
  if (ftsMatchExpression(params.q)) {
    const where = listConditions(params);
    const rows = db
      .select(listColumns)
      .from(organizations)
      .where(where)
      .orderBy(...listOrderBy(params, sortColumns[params.sort], organizations.id, { name: organizations.name, searchKey: organizations.searchKey }))
      .limit(params.perPage)
      .offset(pageOffset(params.page, params.perPage))
      .all();
    const total = db.select({ n: sql<number>`count(*)` }).from(organizations).where(where).get()?.n ?? 0;
    return { rows, total };
  }
  const { kind, oblast, archived = "active" } = params.filters;
  const statements = preparedOnce(db, `organizations.list:${archived}:${kind ? "kind" : ""}:${oblast ? "oblast" : ""}:${params.sort}:${params.dir}`, (db) => {
    const where = and(
      archived === "all" ? undefined : eq(organizations.archived, sql.placeholder("archived")),
      kind ? eq(organizations.kind, sql.placeholder("kind")) : undefined,
      oblast ? eq(organizations.oblast, sql.placeholder("oblast")) : undefined,
    );
    return {
      rows: db
        .select(listColumns)
        .from(organizations)
        .where(where)
        .orderBy(...orderBy(sortColumns[params.sort], params.dir, organizations.id))
        .limit(sql.placeholder("limit"))
        .offset(sql.placeholder("offset"))
        .prepare(),
      count: db.select({ n: sql<number>`count(*)` }).from(organizations).where(where).prepare(),
    };
  });
  const values = { archived: archived === "archived" ? 1 : 0, kind: kind ?? null, oblast: oblast ?? null };
  const rows = statements.rows.all({ ...values, limit: params.perPage, offset: pageOffset(params.page, params.perPage) });
  const total = unfilteredTotal(db, params) ?? statements.count.get(values)?.n ?? 0;
  return { rows, total };
}

/**
 * The total of a list filtered by archived state only (the default view): read from the counts
 * the triggers keep (organization_counts), not counted over every row. Null for any other filter.
 */
function unfilteredTotal(db: Db, params: OrganizationListParams): number | null {
  const { kind, oblast, archived = "active" } = params.filters;
  if (kind || oblast || ftsMatchExpression(params.q)) return null;
  const counts = preparedOnce(db, "organizations.counts", (db) => db.select().from(organizationCounts).prepare()).all();
  return counts.reduce((sum, c) => (archived === "all" || c.archived === (archived === "archived") ? sum + c.n : sum), 0);
}

function requireOrganizationListAccess(user: CurrentUser) {
  // Only staff browse the registry; a partner sees their own organization on /shared.
  if (user.role === "partner") throw notFound();
}

// ---------------------------------------------------------------- read

export function getOrganization(user: CurrentUser, id: number): OrganizationWithTags {
  requireOrganizationRead(user, id);
  const db = getDb();
  const organization = preparedOnce(db, "organizations.byId", (db) =>
    db.select().from(organizations).where(eq(organizations.id, sql.placeholder("id"))).prepare(),
  ).get({ id });
  if (!organization) throw notFound();
  return { ...organization, tags: tagsOf(db, id) };
}

const tagsQuery = (db: DbOrTx) =>
  db
    .select({ name: tags.name })
    .from(organizationTags)
    .innerJoin(tags, eq(tags.id, organizationTags.tagId))
    .where(eq(organizationTags.organizationId, sql.placeholder("organizationId")))
    .orderBy(tags.name);

/** An organization's tag names, in order. */
export function tagsOf(db: DbOrTx, organizationId: number): string[] {
  // Inside a write (a transaction handle) the statement is built as before; reads reuse one prepared per connection.
  const rows = db === getDb() ? preparedOnce(db as Db, "organizations.tags", (db) => tagsQuery(db).prepare()).all({ organizationId }) : tagsQuery(db).all({ organizationId });
  return rows.map((t) => t.name);
}

// ---------------------------------------------------------------- write

function columnsOf(input: OrganizationInput) {
  const { tags: _tags, ...fields } = input;
  return { ...fields, ...organizationKeys(fields) };
}

export function createOrganization(user: CurrentUser, input: OrganizationInput, ctx: WriteContext = {}): number {
  requireRecordWrite(user);
  const { tags: tagList, ...fields } = input;
  return createAudited({
    user,
    table: organizations,
    entityType: "organization",
    values: { ...columnsOf(input), createdById: user.id },
    auditFields: { ...fields, ...(tagList.length ? { tags: tagList } : {}) },
    afterInsert: (tx, id) => setTags(tx, id, tagList),
    ctx,
  });
}

export type UpdateResult = VersionedResult<OrganizationWithTags>;

/** Saves only over the version the user read; otherwise nothing is written and the current record is returned. */
export function updateOrganization(
  user: CurrentUser,
  id: number,
  expectedVersion: number,
  input: OrganizationInput,
  ctx: WriteContext = {},
): UpdateResult {
  requireRecordWrite(user);
  return updateVersioned<OrganizationWithTags>({
    user,
    table: organizations,
    entityType: "organization",
    id,
    expectedVersion,
    values: columnsOf(input),
    afterUpdate: (tx) => {
      const beforeTags = tagsOf(tx, id);
      setTags(tx, id, input.tags);
      const afterTags = [...input.tags].sort();
      if (JSON.stringify(beforeTags) !== JSON.stringify(afterTags)) return { tags: [beforeTags, afterTags] };
    },
    currentOf: (tx, row) => ({ ...row, tags: tagsOf(tx, id) }),
    ctx,
  });
}

export function setOrganizationArchived(
  user: CurrentUser,
  id: number,
  expectedVersion: number,
  archived: boolean,
  ctx: WriteContext = {},
): UpdateResult {
  requireRecordWrite(user);
  return updateVersioned<OrganizationWithTags>({
    user,
    table: organizations,
    entityType: "organization",
    id,
    expectedVersion,
    values: { archived },
    action: archived ? "archive" : "unarchive",
    currentOf: (tx, row) => ({ ...row, tags: tagsOf(tx, id) }),
    ctx,
  });
}

/** Replaces an organization's tags by these names, creating the tags that do not exist yet. */
export function setTags(db: DbOrTx, organizationId: number, tagNames: string[]) {
  db.delete(organizationTags).where(eq(organizationTags.organizationId, organizationId)).run();
  if (!tagNames.length) return;
  for (const name of tagNames) db.insert(tags).values({ name }).onConflictDoNothing().run();
  const tagIds = db.select({ id: tags.id }).from(tags).where(inArray(tags.name, tagNames)).all();
  db.insert(organizationTags)
    .values(tagIds.map((t) => ({ organizationId, tagId: t.id })))
    .run();
}
