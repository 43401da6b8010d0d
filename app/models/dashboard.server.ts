// The staff start page: what is due for me, how the commitments stand, what partners reported
// and what happened to my records. Partners never get here (they start at /shared).
import { and, asc, count, desc, eq, gte, isNotNull, isNull, lt, lte, ne, sql, type SQL } from "drizzle-orm";
import { canCloseFollowUp, notFound, requireCapability, requireFollowUpClose, type CurrentUser } from "../auth/access.server.ts";
import { getDb } from "../db/client.server.ts";
import {
  commitmentCounts as commitmentCountsTable,
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
import { DUE_SOON_DAYS } from "../domain/followUp.ts";
import { addDays, todayIso } from "../lib/calendar-day.ts";
import { presentChanges } from "./audit-view.server.ts";
import { updateVersioned, type VersionedResult, type WriteContext } from "./record-write.server.ts";

export { DUE_SOON_DAYS };

export type DashboardFollowUp = {
  id: number;
  title: string;
  dueOn: string;
  version: number;
  organizationId: number | null;
  organizationName: string | null;
  commitmentId: number | null;
};

/** Open follow-ups assigned to the user, split into overdue and due within DUE_SOON_DAYS (every one: the daily digest). */
export function myDueFollowUps(userId: number, today = todayIso()) {
  const rows: DashboardFollowUp[] = dueFollowUpsQuery(userId, lte(followUps.dueOn, addDays(today, DUE_SOON_DAYS))).all();
  return {
    overdue: rows.filter((r) => r.dueOn < today),
    dueSoon: rows.filter((r) => r.dueOn >= today),
  };
}

function dueFollowUpsQuery(userId: number, due: SQL | undefined) {
  return getDb()
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
    .where(and(eq(followUps.assigneeId, userId), eq(followUps.status, "open"), due))
    .orderBy(asc(followUps.dueOn), asc(followUps.id));
}

/** How many follow-ups the start page lists per group; the totals are counted, the rest is in the follow-ups list. */
export const DASHBOARD_DUE_LIMIT = 20;

/**
 * The start page's share of the same follow-ups: both totals (a range count on
 * follow_ups_assignee_status_due_idx) and the first `limit` of each group, most overdue first.
 * A coordinator of a national network may have thousands open: the page must not carry them all.
 */
export function myDueFollowUpsSummary(userId: number, today = todayIso(), limit = DASHBOARD_DUE_LIMIT) {
  const overdueRange = lt(followUps.dueOn, today);
  const dueSoonRange = and(gte(followUps.dueOn, today), lte(followUps.dueOn, addDays(today, DUE_SOON_DAYS)));
  const total = (range: SQL | undefined) =>
    getDb()
      .select({ n: count() })
      .from(followUps)
      .where(and(eq(followUps.assigneeId, userId), eq(followUps.status, "open"), range))
      .get()?.n ?? 0;
  return {
    overdue: dueFollowUpsQuery(userId, overdueRange).limit(limit).all() as DashboardFollowUp[],
    overdueTotal: total(overdueRange),
    dueSoon: dueFollowUpsQuery(userId, dueSoonRange).limit(limit).all() as DashboardFollowUp[],
    dueSoonTotal: total(dueSoonRange),
  };
}

export type CountRow<K extends string> = { key: K; count: number };

/**
 * Every commitment by status (in the order of the lifecycle) and by NIEM area (withdrawn ones
 * too: they were made), zeros included so the charts are stable. Read from the counts the
 * triggers keep (commitment_counts), not by grouping every commitment: that grew with the data.
 */
export function commitmentCounts(): { byStatus: CountRow<CommitmentStatus>[]; byArea: CountRow<NiemArea>[] } {
  const rows = getDb().select({ area: commitmentCountsTable.niemArea, status: commitmentCountsTable.status, n: commitmentCountsTable.n }).from(commitmentCountsTable).all();
  const sum = <K extends string>(keys: readonly K[], keyOf: (r: (typeof rows)[number]) => string) => {
    const byKey = new Map<string, number>();
    for (const r of rows) byKey.set(keyOf(r), (byKey.get(keyOf(r)) ?? 0) + r.n);
    return keys.map((key) => ({ key, count: byKey.get(key) ?? 0 }));
  };
  return { byStatus: sum(commitmentStatuses, (r) => r.status), byArea: sum(niemAreas, (r) => r.area) };
}

/** A partner's report not verified yet: the start page's count and /partner-updates?pending=1 share it. */
export const partnerReportsWaiting = and(isNotNull(commitmentUpdates.partnerOrganizationId), isNull(commitmentUpdates.verifiedAt));

/** Partners' progress reports a coordinator has not verified yet. */
export function pendingPartnerUpdates(limit = 5) {
  const db = getDb();
  const waiting = partnerReportsWaiting;
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

/** How far back the start page looks for changes to my records: the latest entries of the audit log. */
export const ACTIVITY_WINDOW = 5000;

/**
 * The latest changes (by anyone) to records I created or own: organizations, people, events,
 * interactions I created; partnerships and commitments I created or own (and their progress
 * updates); follow-ups I created or am assigned. Views, sign-ins and refugee contacts are left
 * out: this is a work feed, not the audit log.
 *
 * Only the latest ACTIVITY_WINDOW audit entries are looked at (read newest first on
 * audit_at_idx), each checked against its record by primary key: the cost is bounded by the
 * window, not by the size of the tables or of the log. Older changes are in each record's history.
 */
export function recentActivityOnMyRecords(userId: number, limit = 10, window = ACTIVITY_WINDOW) {
  const db = getDb();
  const createdByMe = (table: typeof organizations | typeof people | typeof events | typeof interactions) =>
    sql`exists (select 1 from ${table} where ${table.id} = ${auditEntries.entityId} and ${table.createdById} = ${userId})`;
  const isMine = sql`case ${auditEntries.entityType}
    when 'organization' then ${createdByMe(organizations)}
    when 'person' then ${createdByMe(people)}
    when 'event' then ${createdByMe(events)}
    when 'interaction' then ${createdByMe(interactions)}
    when 'partnership' then exists (select 1 from ${partnerships} where ${partnerships.id} = ${auditEntries.entityId}
      and (${partnerships.createdById} = ${userId} or ${partnerships.ownerId} = ${userId}))
    when 'commitment' then exists (select 1 from ${commitments} where ${commitments.id} = ${auditEntries.entityId}
      and (${commitments.createdById} = ${userId} or ${commitments.ownerId} = ${userId}))
    when 'commitment_update' then exists (select 1 from ${commitmentUpdates}
      join ${commitments} on ${commitments.id} = ${commitmentUpdates.commitmentId}
      where ${commitmentUpdates.id} = ${auditEntries.entityId} and (${commitments.createdById} = ${userId} or ${commitments.ownerId} = ${userId}))
    when 'follow_up' then exists (select 1 from ${followUps} where ${followUps.id} = ${auditEntries.entityId}
      and (${followUps.createdById} = ${userId} or ${followUps.assigneeId} = ${userId}))
    else 0 end`;
  // The time of the window's oldest entry: a walk of `window` steps down audit_at_idx, no table reads.
  const windowStart = sql`coalesce((select ${auditEntries.at} from ${auditEntries} order by ${auditEntries.at} desc limit 1 offset ${window - 1}), '')`;
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
    .where(and(gte(auditEntries.at, windowStart), ne(auditEntries.action, "view"), sql`${isMine}`))
    .orderBy(desc(auditEntries.at), desc(auditEntries.id))
    .limit(limit)
    .all();
  // A creation lists every field: the dashboard names the new record and leaves the rest to its page.
  const changes = presentChanges(rows.map((r) => ({ ...r, changes: r.action === "create" ? null : r.changes })), db);
  return rows.map(({ commitmentOfUpdate, changes: _stored, ...r }, i) => {
    const target = r.entityType === "commitment_update" ? { type: "commitment", id: commitmentOfUpdate } : { type: r.entityType, id: r.entityId };
    return {
      ...r,
      changes: changes[i],
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
    ...myDueFollowUpsSummary(user.id, today),
    /** Managers read but keep nothing: no done button for them. */
    // Every follow-up listed here is the user's own: its assignee may close it, whatever their role.
    canComplete: canCloseFollowUp(user, { assigneeId: user.id }),
    ...commitmentCounts(),
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
  const row = getDb()
    .select({ status: followUps.status, assigneeId: followUps.assigneeId })
    .from(followUps)
    .where(and(eq(followUps.id, id), eq(followUps.assigneeId, user.id)))
    .get();
  if (!row) throw notFound();
  requireFollowUpClose(user, row);
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
