import { and, desc, eq, gte, sql } from "drizzle-orm";
import { can, type Capability, type CurrentUser } from "../auth/access.server.ts";
import { getDb, type Db, type DbOrTx } from "../db/client.server.ts";
import { auditEntries, users } from "../db/schema.ts";
import type { EntityType } from "../domain/enums.ts";

export type AuditInput = {
  userId: number | null;
  action: string;
  entityType: EntityType;
  entityId?: number | null;
  changes?: Record<string, unknown> | null;
  detail?: Record<string, unknown> | null;
  ip?: string | null;
};

/** Writes one audit entry; call it with the transaction of the write it records. */
export function writeAudit(tx: DbOrTx, entry: AuditInput) {
  tx.insert(auditEntries)
    .values({
      userId: entry.userId,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId ?? null,
      changes: entry.changes && Object.keys(entry.changes).length ? JSON.stringify(entry.changes) : null,
      detail: entry.detail ? JSON.stringify(entry.detail) : null,
      ip: entry.ip ?? null,
    })
    .run();
}

/** { field: [before, after] } for the fields whose value differs. */
export function changedFields<T extends Record<string, unknown>>(before: T, after: Partial<T>): Record<string, [unknown, unknown]> {
  const changes: Record<string, [unknown, unknown]> = {};
  for (const [field, value] of Object.entries(after)) {
    const previous = before[field] ?? null;
    const next = value ?? null;
    if (JSON.stringify(previous) !== JSON.stringify(next)) changes[field] = [previous, next];
  }
  return changes;
}

/** Who reads a record's change history: staff who read the records; a refugee contact's access history, admins only. */
const historyReaders: Partial<Record<EntityType, Capability>> = { refugee_contact: "readAudit" };

/** The change history of a record, newest first; empty for a user who may not read it (a partner, say). */
export function historyOf(user: CurrentUser, entityType: EntityType, entityId: number, limit = 50) {
  if (!can(user, "readRecords") || !can(user, historyReaders[entityType] ?? "readRecords")) return [];
  return getDb()
    .select({
      id: auditEntries.id,
      at: auditEntries.at,
      action: auditEntries.action,
      changes: auditEntries.changes,
      userName: users.name,
    })
    .from(auditEntries)
    .leftJoin(users, eq(users.id, auditEntries.userId))
    .where(and(eq(auditEntries.entityType, entityType), eq(auditEntries.entityId, entityId)))
    .orderBy(desc(auditEntries.at), desc(auditEntries.id))
    .limit(limit)
    .all();
}

/** Failed sign-ins since `sinceIso`, for one e-mail or one address. */
export function countFailedSignIns(db: Db, by: { email?: string; ip?: string }, sinceIso: string): number {
  const condition = by.email
    ? sql`json_extract(${auditEntries.detail}, '$.email') = ${by.email}`
    : eq(auditEntries.ip, by.ip ?? "");
  const row = db
    .select({ n: sql<number>`count(*)` })
    .from(auditEntries)
    .where(and(eq(auditEntries.action, "login_failed"), gte(auditEntries.at, sinceIso), condition))
    .get();
  return row?.n ?? 0;
}
