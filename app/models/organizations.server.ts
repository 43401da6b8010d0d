import { and, eq, inArray, sql, type SQL } from "drizzle-orm";
import { notFound, requireOrganizationRead, requireRecordWrite, type CurrentUser } from "../auth/access.server.ts";
import { getDb, type DbOrTx } from "../db/client.server.ts";
import { organizationKeys } from "../db/derived.ts";
import { organizations, organizationTags, tags } from "../db/schema.ts";
import { organizationListSpec, type OrganizationInput } from "../domain/organization.ts";
import { parseListParams } from "../lib/list-params.ts";
import { changedFields, writeAudit } from "./audit.server.ts";
import { matchesQuery, orderBy, pageOffset, type Page } from "./query.server.ts";

export type Organization = typeof organizations.$inferSelect;
export type OrganizationWithTags = Organization & { tags: string[] };

// ---------------------------------------------------------------- list

export type OrganizationListParams = ReturnType<typeof parseOrganizationListParams>;
export const parseOrganizationListParams = (url: URL | URLSearchParams) => parseListParams(url, organizationListSpec);

const sortColumns = {
  name: organizations.sortKey,
  kind: organizations.kind,
  oblast: organizations.oblast,
  updated: organizations.updatedAt,
};

function listConditions(params: OrganizationListParams): SQL | undefined {
  const { kind, oblast, archived = "active" } = params.filters;
  return and(
    archived === "all" ? undefined : eq(organizations.archived, archived === "archived"),
    kind ? eq(organizations.kind, kind) : undefined,
    oblast ? eq(organizations.oblast, oblast) : undefined,
    matchesQuery(organizations.searchKey, params.q),
  );
}

export function listOrganizations(user: CurrentUser, params: OrganizationListParams): Page<Organization> {
  requireOrganizationListAccess(user);
  const db = getDb();
  const where = listConditions(params);
  const rows = db
    .select()
    .from(organizations)
    .where(where)
    .orderBy(...orderBy(sortColumns[params.sort], params.dir, organizations.id))
    .limit(params.perPage)
    .offset(pageOffset(params.page, params.perPage))
    .all();
  const total = db.select({ n: sql<number>`count(*)` }).from(organizations).where(where).get()?.n ?? 0;
  return { rows, total };
}

function requireOrganizationListAccess(user: CurrentUser) {
  // Only staff browse the registry; a partner sees their own organization on /shared.
  if (user.role === "partner") throw notFound();
}

/** id and name of every active organization, for select boxes (staff only). */
export function organizationChoices(): Array<{ id: number; name: string }> {
  return getDb()
    .select({ id: organizations.id, name: organizations.name })
    .from(organizations)
    .where(eq(organizations.archived, false))
    .orderBy(organizations.sortKey)
    .all();
}

// ---------------------------------------------------------------- read

export function getOrganization(user: CurrentUser, id: number): OrganizationWithTags {
  requireOrganizationRead(user, id);
  const db = getDb();
  const organization = db.select().from(organizations).where(eq(organizations.id, id)).get();
  if (!organization) throw notFound();
  return { ...organization, tags: tagsOf(db, id) };
}

function tagsOf(db: DbOrTx, organizationId: number): string[] {
  return db
    .select({ name: tags.name })
    .from(organizationTags)
    .innerJoin(tags, eq(tags.id, organizationTags.tagId))
    .where(eq(organizationTags.organizationId, organizationId))
    .orderBy(tags.name)
    .all()
    .map((t) => t.name);
}

// ---------------------------------------------------------------- write

type WriteContext = { ip?: string | null };

function columnsOf(input: OrganizationInput) {
  const { tags: _tags, ...fields } = input;
  return { ...fields, ...organizationKeys(fields) };
}

export function createOrganization(user: CurrentUser, input: OrganizationInput, ctx: WriteContext = {}): number {
  requireRecordWrite(user);
  const db = getDb();
  return db.transaction((tx) => {
    const created = tx
      .insert(organizations)
      .values({ ...columnsOf(input), createdById: user.id })
      .returning({ id: organizations.id })
      .get();
    setTags(tx, created.id, input.tags);
    const { tags: tagList, ...fields } = input;
    writeAudit(tx, {
      userId: user.id,
      action: "create",
      entityType: "organization",
      entityId: created.id,
      changes: { ...fields, ...(tagList.length ? { tags: tagList } : {}) },
      ip: ctx.ip,
    });
    return created.id;
  });
}

export type UpdateResult = { ok: true } | { ok: false; reason: "stale"; current: OrganizationWithTags };

/** Saves only over the version the user read; otherwise nothing is written and the current record is returned. */
export function updateOrganization(
  user: CurrentUser,
  id: number,
  expectedVersion: number,
  input: OrganizationInput,
  ctx: WriteContext = {},
): UpdateResult {
  requireRecordWrite(user);
  const db = getDb();
  return db.transaction((tx) => {
    const before = tx.select().from(organizations).where(eq(organizations.id, id)).get();
    if (!before) throw notFound();
    if (before.version !== expectedVersion) {
      return { ok: false, reason: "stale", current: { ...before, tags: tagsOf(tx, id) } } as const;
    }
    const beforeTags = tagsOf(tx, id);
    const { tags: tagList, ...fields } = input;
    tx.update(organizations)
      .set({ ...columnsOf(input), updatedAt: new Date().toISOString(), version: before.version + 1 })
      .where(and(eq(organizations.id, id), eq(organizations.version, expectedVersion)))
      .run();
    setTags(tx, id, tagList);
    const changes: Record<string, unknown> = changedFields(before, fields);
    if (JSON.stringify(beforeTags) !== JSON.stringify([...tagList].sort())) changes.tags = [beforeTags, tagList];
    writeAudit(tx, { userId: user.id, action: "update", entityType: "organization", entityId: id, changes, ip: ctx.ip });
    return { ok: true } as const;
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
  const db = getDb();
  return db.transaction((tx) => {
    const before = tx.select().from(organizations).where(eq(organizations.id, id)).get();
    if (!before) throw notFound();
    if (before.version !== expectedVersion) {
      return { ok: false, reason: "stale", current: { ...before, tags: tagsOf(tx, id) } } as const;
    }
    tx.update(organizations)
      .set({ archived, updatedAt: new Date().toISOString(), version: before.version + 1 })
      .where(eq(organizations.id, id))
      .run();
    writeAudit(tx, {
      userId: user.id,
      action: archived ? "archive" : "unarchive",
      entityType: "organization",
      entityId: id,
      changes: { archived: [before.archived, archived] },
      ip: ctx.ip,
    });
    return { ok: true } as const;
  });
}

function setTags(db: DbOrTx, organizationId: number, tagNames: string[]) {
  db.delete(organizationTags).where(eq(organizationTags.organizationId, organizationId)).run();
  if (!tagNames.length) return;
  for (const name of tagNames) db.insert(tags).values({ name }).onConflictDoNothing().run();
  const tagIds = db.select({ id: tags.id }).from(tags).where(inArray(tags.name, tagNames)).all();
  db.insert(organizationTags)
    .values(tagIds.map((t) => ({ organizationId, tagId: t.id })))
    .run();
}
