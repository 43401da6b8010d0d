import { presentChanges } from "./audit-view.server.ts";
import { and, desc, eq, gte, lt, sql, type SQL } from "drizzle-orm";
import { requireCapability, type CurrentUser } from "../auth/access.server.ts";
import { getDb } from "../db/client.server.ts";
import { auditEntries, commitmentUpdates, users } from "../db/schema.ts";
import { auditListSpec } from "../domain/audit.ts";
import { addDays, todayIso } from "../lib/calendar-day.ts";
import { parseListParams } from "../lib/list-params.ts";
import { pageOffset } from "./query.server.ts";

export const parseAuditListParams = (url: URL | URLSearchParams) => parseListParams(url, auditListSpec);
export type AuditListParams = ReturnType<typeof parseAuditListParams>;

/** The first moment (ISO, UTC) of a calendar day in Sofia: its midnight is 22:00 or 21:00 UTC the day before. */
export function sofiaDayStart(day: string): string {
  const midnightUtc = Date.parse(`${day}T00:00:00Z`);
  for (const hours of [3, 2, 1, 0]) {
    const moment = new Date(midnightUtc - hours * 3_600_000);
    if (todayIso(moment) === day) return moment.toISOString();
  }
  return new Date(midnightUtc).toISOString();
}

/** The audit log's filters; the page and its export share them, so the file is the view on screen. */
export function auditConditions(params: AuditListParams): SQL | undefined {
  const { user, action, entityType, entityId, from, to } = params.filters;
  return and(
    user ? eq(auditEntries.userId, user) : undefined,
    action ? eq(auditEntries.action, action) : undefined,
    entityType ? eq(auditEntries.entityType, entityType) : undefined,
    entityId ? eq(auditEntries.entityId, entityId) : undefined,
    from ? gte(auditEntries.at, sofiaDayStart(from)) : undefined,
    to ? lt(auditEntries.at, sofiaDayStart(addDays(to, 1))) : undefined,
  );
}

/** The commitment a progress report belongs to: its page is where the report is read. */
export const auditCommitmentOfUpdate = sql<number | null>`(SELECT ${commitmentUpdates.commitmentId} FROM ${commitmentUpdates} WHERE ${commitmentUpdates.id} = ${auditEntries.entityId} AND ${auditEntries.entityType} = 'commitment_update')`;

const recordPaths: Record<string, string> = {
  organization: "/organizations/",
  person: "/people/",
  refugee_contact: "/refugees/",
  event: "/events/",
  partnership: "/partnerships/",
  commitment: "/commitments/",
  follow_up: "/follow-ups/",
  import: "/imports/",
};

/** The staff page of an entry's record, where there is one. */
export function auditRecordHref(entry: { entityType: string; entityId: number | null; commitmentId?: number | null }): string | null {
  if (entry.entityType === "commitment_update") return entry.commitmentId ? `/commitments/${entry.commitmentId}` : null;
  if (entry.entityId == null) return null;
  if (entry.entityType === "interaction") return `/interactions/${entry.entityId}/edit`;
  if (entry.entityType === "user") return "/admin/users";
  const base = recordPaths[entry.entityType];
  return base ? `${base}${entry.entityId}` : null;
}

export function listAuditEntries(user: CurrentUser, params: AuditListParams) {
  requireCapability(user, "readAudit");
  const db = getDb();
  const where = auditConditions(params);
  const rows = db
    .select({
      id: auditEntries.id,
      at: auditEntries.at,
      action: auditEntries.action,
      entityType: auditEntries.entityType,
      entityId: auditEntries.entityId,
      changes: auditEntries.changes,
      detail: auditEntries.detail,
      ip: auditEntries.ip,
      userId: auditEntries.userId,
      userName: users.name,
      commitmentId: auditCommitmentOfUpdate,
    })
    .from(auditEntries)
    .leftJoin(users, eq(users.id, auditEntries.userId))
    .where(where)
    .orderBy(params.dir === "asc" ? auditEntries.id : desc(auditEntries.id))
    .limit(params.perPage)
    .offset(pageOffset(params.page, params.perPage))
    .all()
    .map(({ commitmentId, ...row }) => ({ ...row, href: auditRecordHref({ ...row, commitmentId }) }));
  // The changes as the record's own history shows them (field labels, names, enum labels, dates).
  const views = presentChanges(rows, db);
  const total = db.select({ n: sql<number>`count(*)` }).from(auditEntries).where(where).get()?.n ?? 0;
  return { rows: rows.map(({ changes: _stored, ...row }, i) => ({ ...row, changes: views[i] ?? [] })), total };
}

/** What the filters offer: every user (deactivated ones too: their past acts stay in the log) and every action logged. */
export function auditFilterChoices(user: CurrentUser) {
  requireCapability(user, "readAudit");
  const db = getDb();
  return {
    users: db.select({ id: users.id, name: users.name }).from(users).orderBy(users.name).all(),
    actions: db.selectDistinct({ action: auditEntries.action }).from(auditEntries).orderBy(auditEntries.action).all().map((a) => a.action),
  };
}
