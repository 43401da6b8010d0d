// The staff start page: what is due for me, how the commitments stand, what partners reported
// and what happened to my records. Partners never get here (they start at /shared).
import { and, asc, count, desc, eq, isNotNull, isNull, lte, ne, or, sql, type SQL } from "drizzle-orm";
import { can, notFound, requireCapability, requireRecordWrite, type CurrentUser } from "../auth/access.server.ts";
import { getDb } from "../db/client.server.ts";
import {
  auditEntries,
  commitments,
  commitmentUpdates,
  events,
  followUps,
  interactions,
  organizations,
  partnerships,
  people,
  users,
} from "../db/schema.ts";
import { commitmentStatuses, niemAreas, type CommitmentStatus, type NiemArea } from "../domain/enums.ts";
import { addDays, todayIso } from "../lib/calendar-day.ts";
import { updateVersioned, type VersionedResult, type WriteContext } from "./record-write.server.ts";

/** "Due soon" = due today or within the next 7 days; earlier is overdue. */
export const DUE_SOON_DAYS = 7;

export type DashboardFollowUp = {
  id: number;
  title: string;
  dueOn: string;
  version: number;
  organizationId: number | null;
  organizationName: string | null;
  commitmentId: number | null;
};

/** Open follow-ups assigned to the user, split into overdue and due within DUE_SOON_DAYS. */
export function myDueFollowUps(userId: number, today = todayIso()) {
  const rows: DashboardFollowUp[] = getDb()
    .select({
      id: followUps.id,
      title: followUps.title,
      dueOn: followUps.dueOn,
      version: followUps.version,
      organizationId: followUps.organizationId,
      organizationName: organizations.name,
      commitmentId: followUps.commitmentId,
    })
    .from(followUps)
    .leftJoin(organizations, eq(organizations.id, followUps.organizationId))
    .where(
      and(eq(followUps.assigneeId, userId), eq(followUps.status, "open"), lte(followUps.dueOn, addDays(today, DUE_SOON_DAYS))),
    )
    .orderBy(asc(followUps.dueOn), asc(followUps.id))
    .all();
  return {
    overdue: rows.filter((r) => r.dueOn < today),
    dueSoon: rows.filter((r) => r.dueOn >= today),
  };
}

export type CountRow<K extends string> = { key: K; count: number };

/** Every commitment by status, in the order of the lifecycle (zeros included, so the chart is stable). */
export function commitmentsByStatus(): CountRow<CommitmentStatus>[] {
  const rows = getDb().select({ key: commitments.status, n: count() }).from(commitments).groupBy(commitments.status).all();
  const byKey = new Map(rows.map((r) => [r.key, r.n]));
  return commitmentStatuses.map((key) => ({ key, count: byKey.get(key) ?? 0 }));
}

/** Every commitment by NIEM area (withdrawn ones too: they were made). */
export function commitmentsByArea(): CountRow<NiemArea>[] {
  const rows = getDb().select({ key: commitments.niemArea, n: count() }).from(commitments).groupBy(commitments.niemArea).all();
  const byKey = new Map(rows.map((r) => [r.key, r.n]));
  return niemAreas.map((key) => ({ key, count: byKey.get(key) ?? 0 }));
}

/** Partners' progress reports a coordinator has not verified yet. */
export function pendingPartnerUpdates(limit = 5) {
  const db = getDb();
  const waiting = and(isNotNull(commitmentUpdates.partnerOrganizationId), isNull(commitmentUpdates.verifiedAt));
  const total = db.select({ n: count() }).from(commitmentUpdates).where(waiting).get()?.n ?? 0;
  const latest = db
    .select({
      id: commitmentUpdates.id,
      commitmentId: commitmentUpdates.commitmentId,
      commitmentTitle: commitments.title,
      organizationName: organizations.name,
      statusChange: commitmentUpdates.statusChange,
      createdAt: commitmentUpdates.createdAt,
    })
    .from(commitmentUpdates)
    .innerJoin(commitments, eq(commitments.id, commitmentUpdates.commitmentId))
    .leftJoin(organizations, eq(organizations.id, commitmentUpdates.partnerOrganizationId))
    .where(waiting)
    .orderBy(desc(commitmentUpdates.createdAt), desc(commitmentUpdates.id))
    .limit(limit)
    .all();
  return { total, latest };
}

const ENTITY_PATHS: Record<string, string> = {
  organization: "/organizations",
  person: "/people",
  event: "/events",
  partnership: "/partnerships",
  commitment: "/commitments",
  follow_up: "/follow-ups",
  interaction: "/interactions",
};

/**
 * The latest changes (by anyone) to records I created or own: organizations, people, events,
 * interactions I created; partnerships and commitments I created or own (and their progress
 * updates); follow-ups I created or am assigned. Views, sign-ins and refugee contacts are left
 * out: this is a work feed, not the audit log.
 */
export function recentActivityOnMyRecords(userId: number, limit = 10) {
  const db = getDb();
  const mine = (type: string, ids: SQL) => and(eq(auditEntries.entityType, type), sql`${auditEntries.entityId} in (${ids})`);
  const createdBy = (table: typeof organizations | typeof people | typeof events | typeof interactions) =>
    sql`select id from ${table} where created_by_id = ${userId}`;
  const myCommitmentIds = sql`select id from ${commitments} where created_by_id = ${userId} or owner_id = ${userId}`;
  const rows = db
    .select({
      id: auditEntries.id,
      at: auditEntries.at,
      action: auditEntries.action,
      entityType: auditEntries.entityType,
      entityId: auditEntries.entityId,
      changes: auditEntries.changes,
      userName: users.name,
      commitmentOfUpdate: sql<number | null>`(select commitment_id from ${commitmentUpdates} where ${commitmentUpdates.id} = ${auditEntries.entityId})`,
    })
    .from(auditEntries)
    .leftJoin(users, eq(users.id, auditEntries.userId))
    .where(
      and(
        ne(auditEntries.action, "view"),
        or(
          mine("organization", createdBy(organizations)),
          mine("person", createdBy(people)),
          mine("event", createdBy(events)),
          mine("interaction", createdBy(interactions)),
          mine("partnership", sql`select id from ${partnerships} where created_by_id = ${userId} or owner_id = ${userId}`),
          mine("commitment", myCommitmentIds),
          mine("commitment_update", sql`select id from ${commitmentUpdates} where commitment_id in (${myCommitmentIds})`),
          mine("follow_up", sql`select id from ${followUps} where created_by_id = ${userId} or assignee_id = ${userId}`),
        ),
      ),
    )
    .orderBy(desc(auditEntries.at), desc(auditEntries.id))
    .limit(limit)
    .all();
  return rows.map(({ commitmentOfUpdate, ...r }) => {
    const target = r.entityType === "commitment_update" ? { type: "commitment", id: commitmentOfUpdate } : { type: r.entityType, id: r.entityId };
    return {
      ...r,
      changedFields: r.changes ? Object.keys(JSON.parse(r.changes) as Record<string, unknown>) : [],
      href: target.id && ENTITY_PATHS[target.type] ? `${ENTITY_PATHS[target.type]}/${target.id}` : null,
      label: labelOf(target.type, target.id),
    };
  });
}

function labelOf(type: string, id: number | null): string | null {
  if (!id) return null;
  const db = getDb();
  const pick = (row: { label: string } | undefined) => row?.label ?? null;
  switch (type) {
    case "organization":
      return pick(db.select({ label: organizations.name }).from(organizations).where(eq(organizations.id, id)).get());
    case "person":
      return pick(db.select({ label: people.name }).from(people).where(eq(people.id, id)).get());
    case "event":
      return pick(db.select({ label: events.title }).from(events).where(eq(events.id, id)).get());
    case "partnership":
      return pick(db.select({ label: partnerships.title }).from(partnerships).where(eq(partnerships.id, id)).get());
    case "commitment":
      return pick(db.select({ label: commitments.title }).from(commitments).where(eq(commitments.id, id)).get());
    case "follow_up":
      return pick(db.select({ label: followUps.title }).from(followUps).where(eq(followUps.id, id)).get());
    case "interaction":
      return pick(db.select({ label: interactions.subject }).from(interactions).where(eq(interactions.id, id)).get());
    default:
      return null;
  }
}

/** Everything the start page shows, for a staff user. */
export function getDashboard(user: CurrentUser, today = todayIso()) {
  requireCapability(user, "readRecords");
  return {
    today,
    ...myDueFollowUps(user.id, today),
    /** Managers read but keep nothing: no done button for them. */
    canComplete: can(user, "writeRecords"),
    byStatus: commitmentsByStatus(),
    byArea: commitmentsByArea(),
    pendingUpdates: pendingPartnerUpdates(),
    activity: recentActivityOnMyRecords(user.id),
  };
}

/**
 * The one-click "done" of the start page: only the user's own open follow-up, at the version
 * they saw (a stale click changes nothing), audited like any other update.
 */
export function completeMyFollowUp(
  user: CurrentUser,
  id: number,
  expectedVersion: number,
  ctx: WriteContext = {},
): VersionedResult<typeof followUps.$inferSelect> | { ok: false; reason: "notOpen" } {
  requireRecordWrite(user);
  const row = getDb()
    .select({ status: followUps.status })
    .from(followUps)
    .where(and(eq(followUps.id, id), eq(followUps.assigneeId, user.id)))
    .get();
  if (!row) throw notFound();
  if (row.status !== "open") return { ok: false, reason: "notOpen" };
  return updateVersioned<typeof followUps.$inferSelect>({
    user,
    table: followUps,
    entityType: "follow_up",
    id,
    expectedVersion,
    values: { status: "done", completedAt: new Date().toISOString(), completedById: user.id },
    ctx,
  });
}
