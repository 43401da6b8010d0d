import { and, asc, eq, gte, inArray, isNotNull, isNull, lt, lte, or, sql, type SQL } from "drizzle-orm";
import { can, notFound, requireCapability, requireFollowUpClose, requireRecordWrite, type CurrentUser } from "../auth/access.server.ts";
import { getDb } from "../db/client.server.ts";
import { titledKeys } from "../db/derived.ts";
import { commitments, events, followUps, organizations, partnerships, people, users } from "../db/schema.ts";
import type { FollowUpStatus } from "../domain/enums.ts";
import { DUE_SOON_DAYS, followUpListSpec, type BulkFollowUpInput, type FollowUpInput } from "../domain/followUp.ts";
import { ORG_SECTION_LIMIT } from "../domain/organization-sections.ts";
import { addDays, todayIso } from "../lib/calendar-day.ts";
import type { FieldErrors } from "../lib/forms.ts";
import { parseListParams } from "../lib/list-params.ts";
import { changedFields, writeAudit } from "./audit.server.ts";
import { checkReferences } from "./link-choices.server.ts";
import { listOrderBy, matchesQuery, pageOffset, type Page } from "./query.server.ts";
import { createAudited, updateVersioned, type VersionedResult, type WriteContext } from "./record-write.server.ts";
import { noticeNewlyShared } from "./sharing-notices.server.ts";

export type FollowUp = typeof followUps.$inferSelect;

/** Staff work with follow-ups here; partners complete their shared items on /shared. */
export function requireFollowUpRead(user: CurrentUser) {
  requireCapability(user, "readRecords");
}

// ---------------------------------------------------------------- list

export type FollowUpListParams = ReturnType<typeof parseFollowUpListParams>;
export const parseFollowUpListParams = (url: URL | URLSearchParams) => parseListParams(url, followUpListSpec);

export const sortColumns = { due: followUps.dueOn, title: followUps.sortKey, status: followUps.status };

export function listConditions(user: CurrentUser, params: FollowUpListParams, today: string): SQL | undefined {
  const { view = "all", status, assignee, organization, shared, due } = params.filters;
  const open = eq(followUps.status, "open");
  return and(
    view === "mine" ? and(open, eq(followUps.assigneeId, user.id)) : undefined,
    view === "overdue" ? and(open, lt(followUps.dueOn, today)) : undefined,
    view === "week" ? and(open, gte(followUps.dueOn, today), lte(followUps.dueOn, addDays(today, 7))) : undefined,
    status ? eq(followUps.status, status) : undefined,
    assignee ? eq(followUps.assigneeId, assignee) : undefined,
    organization ? or(eq(followUps.organizationId, organization), eq(followUps.sharedWithOrganizationId, organization)) : undefined,
    due === "overdue" ? and(open, lt(followUps.dueOn, today)) : undefined,
    due === "soon" ? and(open, gte(followUps.dueOn, today), lte(followUps.dueOn, addDays(today, DUE_SOON_DAYS))) : undefined,
    shared === "yes" ? isNotNull(followUps.sharedWithOrganizationId) : shared === "no" ? isNull(followUps.sharedWithOrganizationId) : undefined,
    matchesQuery(followUps.searchKey, params.q),
  );
}

export type FollowUpRow = Pick<FollowUp, "id" | "title" | "dueOn" | "status" | "version" | "sharedWithOrganizationId" | "assigneeId"> & {
  assigneeName: string | null;
  organizationName: string | null;
};

export function listFollowUps(user: CurrentUser, params: FollowUpListParams, today = todayIso()): Page<FollowUpRow> {
  requireFollowUpRead(user);
  const db = getDb();
  const where = listConditions(user, params, today);
  const rows = db
    .select({
      id: followUps.id,
      title: followUps.title,
      dueOn: followUps.dueOn,
      status: followUps.status,
      version: followUps.version,
      sharedWithOrganizationId: followUps.sharedWithOrganizationId,
      assigneeId: followUps.assigneeId,
      assigneeName: users.name,
      organizationName: organizations.name,
    })
    .from(followUps)
    .leftJoin(users, eq(users.id, followUps.assigneeId))
    .leftJoin(organizations, eq(organizations.id, followUps.organizationId))
    .where(where)
    .orderBy(...listOrderBy(params, sortColumns[params.sort], followUps.id, { name: followUps.title, searchKey: followUps.searchKey }))
    .limit(params.perPage)
    .offset(pageOffset(params.page, params.perPage))
    .all();
  const total = db.select({ n: sql<number>`count(*)` }).from(followUps).where(where).get()?.n ?? 0;
  return { rows, total };
}

// ---------------------------------------------------------------- read

export function getFollowUp(user: CurrentUser, id: number): FollowUp {
  requireFollowUpRead(user);
  const row = getDb().select().from(followUps).where(eq(followUps.id, id)).get();
  if (!row) throw notFound();
  return row;
}

/** The follow-up with the names of everything it links to, for its page. */
export function getFollowUpDetail(user: CurrentUser, id: number) {
  const followUp = getFollowUp(user, id);
  const db = getDb();
  const one = <T>(q: () => T | undefined) => q() ?? null;
  const userName = (userId: number | null) =>
    userId == null ? null : one(() => db.select({ name: users.name }).from(users).where(eq(users.id, userId)).get())?.name ?? null;
  const orgName = (orgId: number | null) =>
    orgId == null ? null : one(() => db.select({ name: organizations.name }).from(organizations).where(eq(organizations.id, orgId)).get())?.name ?? null;
  return {
    followUp,
    assigneeName: userName(followUp.assigneeId),
    completedByName: userName(followUp.completedById),
    organizationName: orgName(followUp.organizationId),
    sharedWithName: orgName(followUp.sharedWithOrganizationId),
    personName: followUp.personId == null ? null : (db.select({ name: people.name }).from(people).where(eq(people.id, followUp.personId)).get()?.name ?? null),
    partnershipTitle:
      followUp.partnershipId == null ? null : (db.select({ t: partnerships.title }).from(partnerships).where(eq(partnerships.id, followUp.partnershipId)).get()?.t ?? null),
    commitmentTitle:
      followUp.commitmentId == null ? null : (db.select({ t: commitments.title }).from(commitments).where(eq(commitments.id, followUp.commitmentId)).get()?.t ?? null),
    eventTitle: followUp.eventId == null ? null : (db.select({ t: events.title }).from(events).where(eq(events.id, followUp.eventId)).get()?.t ?? null),
  };
}

/** Follow-ups about an organization (linked to it or shared with it), for its page (staff only): open first, ORG_SECTION_LIMIT + 1. */
export function followUpsOfOrganization(user: CurrentUser, organizationId: number, limit = ORG_SECTION_LIMIT + 1) {
  if (!can(user, "readRecords")) return [];
  return getDb()
    .select({ id: followUps.id, title: followUps.title, dueOn: followUps.dueOn, status: followUps.status, assigneeName: users.name })
    .from(followUps)
    .leftJoin(users, eq(users.id, followUps.assigneeId))
    .where(or(eq(followUps.organizationId, organizationId), eq(followUps.sharedWithOrganizationId, organizationId)))
    .orderBy(sql`${followUps.status} <> 'open'`, asc(followUps.dueOn), asc(followUps.id))
    .limit(limit)
    .all();
}

/** Follow-ups linked to a partnership (for the partnership page). */
export function followUpsOfPartnership(user: CurrentUser, partnershipId: number) {
  requireFollowUpRead(user);
  return getDb()
    .select({ id: followUps.id, title: followUps.title, dueOn: followUps.dueOn, status: followUps.status })
    .from(followUps)
    .where(eq(followUps.partnershipId, partnershipId))
    .orderBy(asc(followUps.dueOn), asc(followUps.id))
    .all();
}

// ---------------------------------------------------------------- write

export function followUpReferenceErrors(input: FollowUpInput): FieldErrors {
  return checkReferences([
    ["assigneeId", "assignee", input.assigneeId],
    ["organizationId", "organization", input.organizationId],
    ["personId", "person", input.personId],
    ["partnershipId", "partnership", input.partnershipId],
    ["commitmentId", "commitment", input.commitmentId],
    ["eventId", "event", input.eventId],
    ["sharedWithOrganizationId", "organization", input.sharedWithOrganizationId],
  ]);
}

/** completedAt/completedById follow the status: set when it becomes done, cleared when it is reopened. */
function completion(user: CurrentUser, status: FollowUpStatus, before?: Pick<FollowUp, "status" | "completedAt" | "completedById">) {
  if (status !== "done") return { completedAt: null, completedById: null };
  if (before?.status === "done") return { completedAt: before.completedAt, completedById: before.completedById };
  return { completedAt: new Date().toISOString(), completedById: user.id };
}

export function createFollowUp(user: CurrentUser, input: FollowUpInput, ctx: WriteContext = {}): number {
  requireRecordWrite(user);
  const id = createAudited({
    user,
    table: followUps,
    entityType: "follow_up",
    values: { ...input, ...titledKeys({ title: input.title }), ...completion(user, input.status), createdById: user.id },
    auditFields: { ...input },
    ctx,
  });
  noticeNewlyShared([input.sharedWithOrganizationId], { kind: "follow_up", id, title: input.title, dueOn: input.dueOn });
  return id;
}

export function updateFollowUp(user: CurrentUser, id: number, expectedVersion: number, input: FollowUpInput, ctx: WriteContext = {}): VersionedResult<FollowUp> {
  requireRecordWrite(user);
  const before = getFollowUp(user, id);
  const result = updateVersioned<FollowUp>({
    user,
    table: followUps,
    entityType: "follow_up",
    id,
    expectedVersion,
    values: { ...input, ...titledKeys({ title: input.title }), ...completion(user, input.status, before) },
    ctx,
  });
  if (result.ok && input.sharedWithOrganizationId !== before.sharedWithOrganizationId) {
    noticeNewlyShared([input.sharedWithOrganizationId], { kind: "follow_up", id, title: input.title, dueOn: input.dueOn });
  }
  return result;
}

/** Marks one follow-up done (from the list or its page), over the version the user saw. */
export function markFollowUpDone(user: CurrentUser, id: number, expectedVersion: number, ctx: WriteContext = {}): VersionedResult<FollowUp> {
  const before = getFollowUp(user, id);
  requireFollowUpClose(user, before);
  return updateVersioned<FollowUp>({
    user,
    table: followUps,
    entityType: "follow_up",
    id,
    expectedVersion,
    values: { status: "done", ...completion(user, "done", before) },
    ctx,
  });
}

/** Adds a note under the follow-up's notes (its assignee may, whatever their role), over the version the user saw. */
export function addFollowUpNote(user: CurrentUser, id: number, expectedVersion: number, note: string, ctx: WriteContext = {}): VersionedResult<FollowUp> {
  const before = getFollowUp(user, id);
  requireFollowUpClose(user, before);
  return updateVersioned<FollowUp>({
    user,
    table: followUps,
    entityType: "follow_up",
    id,
    expectedVersion,
    values: { notes: before.notes ? `${before.notes}\n\n${note}` : note },
    ctx,
  });
}

/**
 * Reassigns or closes the selected follow-ups in one transaction, one audit entry per record
 * that changed. Selected ids that do not exist make the whole batch fail (nothing written).
 */
export function bulkUpdateFollowUps(user: CurrentUser, input: BulkFollowUpInput, ctx: WriteContext = {}): { ok: true; changed: number } | { ok: false; errors: FieldErrors } {
  requireRecordWrite(user);
  if (input.intent === "bulkReassign") {
    const errors = checkReferences([["assigneeId", "assignee", input.assigneeId]]);
    if (Object.keys(errors).length) return { ok: false, errors };
  }
  const ids = [...new Set(input.ids)];
  return getDb().transaction((tx) => {
    const rows = tx.select().from(followUps).where(inArray(followUps.id, ids)).all();
    if (rows.length !== ids.length) return { ok: false, errors: { ids: ["invalid"] } } as const;
    const now = new Date().toISOString();
    let changed = 0;
    for (const row of rows) {
      const values =
        input.intent === "bulkReassign"
          ? { assigneeId: input.assigneeId }
          : { status: input.closeAs, ...(input.closeAs === "done" ? completion(user, "done", row) : { completedAt: null, completedById: null }) };
      const changes = changedFields(row as Record<string, unknown>, values);
      if (!Object.keys(changes).length) continue;
      tx.update(followUps).set({ ...values, updatedAt: now, version: row.version + 1 }).where(eq(followUps.id, row.id)).run();
      writeAudit(tx, { userId: user.id, action: "update", entityType: "follow_up", entityId: row.id, changes, detail: { bulk: true }, ip: ctx.ip });
      changed++;
    }
    return { ok: true, changed } as const;
  });
}

/** Nothing points at a follow-up, so admins may always hard-delete one. */
export function deleteFollowUp(user: CurrentUser, id: number, ctx: WriteContext = {}): void {
  requireCapability(user, "hardDelete");
  getDb().transaction((tx) => {
    const row = tx.select().from(followUps).where(eq(followUps.id, id)).get();
    if (!row) throw notFound();
    tx.delete(followUps).where(eq(followUps.id, id)).run();
    const { sortKey: _s, searchKey: _k, ...fields } = row;
    writeAudit(tx, { userId: user.id, action: "delete", entityType: "follow_up", entityId: id, changes: fields, ip: ctx.ip });
  });
}
