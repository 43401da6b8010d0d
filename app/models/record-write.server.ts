// The write path every record kind shares: one transaction, optimistic locking on `version`,
// and the audit entry with the changed fields written inside that same transaction.
import { and, eq, lt } from "drizzle-orm";
import type { AnySQLiteColumn, SQLiteTableWithColumns } from "drizzle-orm/sqlite-core";
import { notFound, type CurrentUser } from "../auth/access.server.ts";
import { getDb, type Tx } from "../db/client.server.ts";
import { derivedColumns } from "../db/derived.ts";
import { formSubmissions } from "../db/schema.ts";
import type { EntityType } from "../domain/enums.ts";
import { changedFields, writeAudit } from "./audit.server.ts";

type VersionedTable = SQLiteTableWithColumns<any> & { id: AnySQLiteColumn; version: AnySQLiteColumn; updatedAt: AnySQLiteColumn };

export type WriteContext = {
  ip?: string | null;
  /** The form's key with a digest of what was sent in it (writeContext in server/http.server.ts), when it came from a form. */
  submissionKey?: string | null;
};

// ---------------------------------------------------------------- one record per form sent

/** How long a form's key is remembered: far longer than a double click or a Back-and-resend. */
const SUBMISSION_KEY_TTL_MS = 24 * 3600 * 1000;

/**
 * The record this form made when it was sent before (a double click, a resend after Back, a
 * retried request), or null the first time. Called inside the write's transaction, so two
 * sendings cannot both pass.
 */
export function earlierSubmission(tx: Tx, userId: number, ctx: WriteContext | undefined, entityType: string): number | null {
  if (!ctx?.submissionKey) return null;
  const row = tx
    .select({ entityId: formSubmissions.entityId })
    .from(formSubmissions)
    .where(and(eq(formSubmissions.userId, userId), eq(formSubmissions.key, ctx.submissionKey), eq(formSubmissions.entityType, entityType)))
    .get();
  return row?.entityId ?? null;
}

/** Remembers that this form made this record (same transaction as the record), and forgets day-old keys. */
export function noteSubmission(tx: Tx, userId: number, ctx: WriteContext | undefined, entityType: string, entityId: number) {
  if (!ctx?.submissionKey) return;
  tx.delete(formSubmissions).where(lt(formSubmissions.createdAt, new Date(Date.now() - SUBMISSION_KEY_TTL_MS).toISOString())).run();
  tx.insert(formSubmissions).values({ userId, key: ctx.submissionKey, entityType, entityId }).onConflictDoNothing().run();
}

/** Runs `write` (which returns the new record's id) once per form sent; a repeat gets the first id back. */
export function oncePerSubmission(tx: Tx, userId: number, ctx: WriteContext | undefined, entityType: string, write: () => number): number {
  const earlier = earlierSubmission(tx, userId, ctx, entityType);
  if (earlier !== null) return earlier;
  const id = write();
  noteSubmission(tx, userId, ctx, entityType, id);
  return id;
}

// ---------------------------------------------------------------- create and update

export type VersionedResult<Row> = { ok: true } | { ok: false; reason: "stale"; current: Row };

/** Inserts a record and its `create` audit entry (with the given fields) in one transaction; returns the id. */
export function createAudited(opts: {
  user: CurrentUser;
  table: VersionedTable;
  entityType: EntityType;
  values: Record<string, unknown>;
  /** What the audit entry lists as created; defaults to `values`. */
  auditFields?: Record<string, unknown>;
  /** More writes in the same transaction (join tables, …). */
  afterInsert?: (tx: Tx, id: number) => void;
  ctx?: WriteContext;
}): number {
  return getDb().transaction((tx) =>
    oncePerSubmission(tx, opts.user.id, opts.ctx, opts.entityType, () => {
      const created = tx.insert(opts.table).values(opts.values).returning({ id: opts.table.id }).get() as { id: number };
      opts.afterInsert?.(tx, created.id);
      writeAudit(tx, {
        userId: opts.user.id,
        action: "create",
        entityType: opts.entityType,
        entityId: created.id,
        changes: opts.auditFields ?? Object.fromEntries(Object.entries(opts.values).filter(([field]) => !derivedColumns.has(field))),
        ip: opts.ctx?.ip,
      });
      return created.id;
    }),
  );
}

/**
 * Updates a record only if it is still at the version the user read. A stale save writes
 * nothing and returns the current record, so the form can show both versions.
 */
export function updateVersioned<Row extends { id: number; version: number }>(opts: {
  user: CurrentUser;
  table: VersionedTable;
  entityType: EntityType;
  id: number;
  expectedVersion: number;
  /** New column values; the audit lists those that differ from the stored ones. */
  values: Record<string, unknown>;
  action?: string;
  /** More writes in the same transaction; returns extra audit changes (e.g. a join table). */
  afterUpdate?: (tx: Tx, before: Row) => Record<string, [unknown, unknown]> | void;
  /** Adds to the stale answer (e.g. the join-table values). */
  currentOf?: (tx: Tx, row: Row) => Row;
  ctx?: WriteContext;
}): VersionedResult<Row> {
  return getDb().transaction((tx) => {
    const before = tx.select().from(opts.table).where(eq(opts.table.id, opts.id)).get() as Row | undefined;
    if (!before) throw notFound();
    // The same form sent again after it was saved: already done, not "changed by someone else".
    if (earlierSubmission(tx, opts.user.id, opts.ctx, opts.entityType) === opts.id) return { ok: true } as const;
    if (before.version !== opts.expectedVersion) {
      return { ok: false, reason: "stale", current: opts.currentOf ? opts.currentOf(tx, before) : before } as const;
    }
    const audited = Object.fromEntries(Object.entries(opts.values).filter(([field]) => !derivedColumns.has(field)));
    const changes: Record<string, [unknown, unknown]> = changedFields(before as Record<string, unknown>, audited);
    tx.update(opts.table)
      .set({ ...opts.values, updatedAt: new Date().toISOString(), version: before.version + 1 })
      .where(and(eq(opts.table.id, opts.id), eq(opts.table.version, opts.expectedVersion)))
      .run();
    Object.assign(changes, opts.afterUpdate?.(tx, before) ?? {});
    writeAudit(tx, {
      userId: opts.user.id,
      action: opts.action ?? "update",
      entityType: opts.entityType,
      entityId: opts.id,
      changes,
      ip: opts.ctx?.ip,
    });
    noteSubmission(tx, opts.user.id, opts.ctx, opts.entityType, opts.id);
    return { ok: true } as const;
  });
}
