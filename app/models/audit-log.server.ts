import { and, desc, eq, sql } from "drizzle-orm";
import { requireCapability, type CurrentUser } from "../auth/access.server.ts";
import { getDb } from "../db/client.server.ts";
import { auditEntries, users } from "../db/schema.ts";
import { auditListSpec } from "../domain/audit.ts";
import { parseListParams } from "../lib/list-params.ts";
import { pageOffset } from "./query.server.ts";

export const parseAuditListParams = (url: URL) => parseListParams(url, auditListSpec);

export function listAuditEntries(user: CurrentUser, params: ReturnType<typeof parseAuditListParams>) {
  requireCapability(user, "readAudit");
  const db = getDb();
  const where = and(
    params.filters.entityType ? eq(auditEntries.entityType, params.filters.entityType) : undefined,
    params.filters.action ? eq(auditEntries.action, params.filters.action) : undefined,
  );
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
      userName: users.name,
    })
    .from(auditEntries)
    .leftJoin(users, eq(users.id, auditEntries.userId))
    .where(where)
    .orderBy(params.dir === "asc" ? auditEntries.id : desc(auditEntries.id))
    .limit(params.perPage)
    .offset(pageOffset(params.page, params.perPage))
    .all();
  const total = db.select({ n: sql<number>`count(*)` }).from(auditEntries).where(where).get()?.n ?? 0;
  return { rows, total };
}
