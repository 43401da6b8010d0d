// Merging two organizations (or two people) into one, and undoing it.
// The links to move are found in the schema itself (PRAGMA foreign_key_list over every table), so
// a table added later that points at organizations or people is moved too without a change here.
// Everything happens in one transaction with its audit entry; the `merges` row keeps what undo
// needs to put back exactly what was there (both records, and every linked row moved or dropped).
import { desc, eq } from "drizzle-orm";
import { notFound, requireCapability, type CurrentUser } from "../auth/access.server.ts";
import { getDb, type Tx } from "../db/client.server.ts";
import { organizationKeys, personKeys } from "../db/derived.ts";
import { merges, organizations, people, users } from "../db/schema.ts";
import { organizationById } from "./organization-lookup.server.ts";
import { writeAudit } from "./audit.server.ts";
import { tableOf, type DuplicateKind } from "./duplicates.server.ts";

/** The fields a merge lets the user take from either record, in the order the form shows them. */
export const mergeFields = {
  organization: ["name", "kind", "oblast", "municipality", "address", "website", "email", "phone", "description"],
  person: ["name", "position", "organizationId", "email", "phone", "languages", "notes"],
} as const;

export type MergeField<K extends DuplicateKind> = (typeof mergeFields)[K][number];
/** For each field, the record whose value the survivor keeps. */
export type MergeChoices = Record<string, "survivor" | "merged">;

type Row = Record<string, unknown>;
/** One foreign key that points at the merged kind's table. */
type Link = { table: string; column: string; pk: string[] };
/** What a merge did to one link: rows moved (by their key after the move) and rows dropped as repeats (as they were). */
type LinkChange = { table: string; column: string; moved: Row[]; dropped: Row[] };
type MergeData = { survivorBefore: Row; merged: Row; links: LinkChange[] };

const q = (name: string) => `"${name.replace(/"/g, '""')}"`;

function sqliteOf(tx: Tx) {
  // The transaction runs on the one connection; its raw handle is needed for table names known only at run time.
  void tx;
  return getDb().$client;
}

/** Every foreign key in the schema that points at `target` (the merges table itself keeps plain ids). */
export function linksTo(target: string): Link[] {
  const sqlite = getDb().$client;
  const tables = sqlite
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND sql NOT LIKE 'CREATE VIRTUAL%' ORDER BY name")
    .all() as Array<{ name: string }>;
  const links: Link[] = [];
  for (const { name } of tables) {
    const fks = sqlite.prepare(`PRAGMA foreign_key_list(${q(name)})`).all() as Array<{ table: string; from: string }>;
    const info = sqlite.prepare(`PRAGMA table_info(${q(name)})`).all() as Array<{ name: string; pk: number }>;
    const pk = info.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk).map((c) => c.name);
    for (const fk of fks) if (fk.table === target) links.push({ table: name, column: fk.from, pk });
  }
  return links;
}

const pick = (row: Row, columns: string[]) => Object.fromEntries(columns.map((c) => [c, row[c]]));
const where = (columns: string[]) => columns.map((c) => `${q(c)} IS @${c}`).join(" AND ");

/** Thrown when a merge or an undo cannot be done; `reason` is a message key. */
export class MergeRefused extends Error {
  constructor(readonly reason: "duplicates.sameRecord" | "errors.staleVersion" | "duplicates.undoChangedSince" | "duplicates.undoneAlready") {
    super(reason);
  }
}

function keysFor(kind: DuplicateKind, row: Row) {
  return kind === "organization"
    ? organizationKeys(row as Parameters<typeof organizationKeys>[0])
    : personKeys(row as Parameters<typeof personKeys>[0]);
}

/**
 * Merges `mergedId` into `survivorId`: the survivor takes, field by field, the value `choices` names;
 * every row that points at the merged record points at the survivor (a row that would repeat one the
 * survivor has — the same tag, the same partnership — is dropped); the merged record is deleted and its
 * URL leads to the survivor. Both records must still be at the versions the user compared.
 */
export function mergeRecords(
  user: CurrentUser,
  kind: DuplicateKind,
  opts: { survivorId: number; mergedId: number; survivorVersion: number; mergedVersion: number; choices: MergeChoices; ip?: string | null },
): { mergeId: number } {
  requireCapability(user, "mergeRecords");
  if (opts.survivorId === opts.mergedId) throw new MergeRefused("duplicates.sameRecord");
  const table = tableOf[kind];
  const links = linksTo(table);
  return getDb().transaction((tx) => {
    const sqlite = sqliteOf(tx);
    const read = (id: number) => sqlite.prepare(`SELECT * FROM ${table} WHERE id = ?`).get(id) as Row | undefined;
    const survivor = read(opts.survivorId);
    const merged = read(opts.mergedId);
    if (!survivor || !merged) throw notFound();
    if (survivor.version !== opts.survivorVersion || merged.version !== opts.mergedVersion) throw new MergeRefused("errors.staleVersion");

    // 1. The links: each row moves on its own, so a row that would repeat one of the survivor's is seen and dropped.
    const changes: LinkChange[] = [];
    for (const link of links) {
      const rows = sqlite.prepare(`SELECT rowid AS __rowid, * FROM ${q(link.table)} WHERE ${q(link.column)} = ?`).all(opts.mergedId) as Row[];
      if (!rows.length) continue;
      const change: LinkChange = { table: link.table, column: link.column, moved: [], dropped: [] };
      const move = sqlite.prepare(`UPDATE OR IGNORE ${q(link.table)} SET ${q(link.column)} = ? WHERE rowid = ?`);
      const drop = sqlite.prepare(`DELETE FROM ${q(link.table)} WHERE rowid = ?`);
      for (const { __rowid, ...row } of rows) {
        if (move.run(opts.survivorId, __rowid).changes === 1) change.moved.push(pick({ ...row, [link.column]: opts.survivorId }, link.pk));
        else {
          drop.run(__rowid);
          change.dropped.push(row);
        }
      }
      changes.push(change);
    }
    if (kind === "organization") dropSelfCoPledges(sqlite, opts.survivorId, opts.mergedId, changes);
    dropRepeatedParticipations(sqlite, opts.mergedId, changes);

    // 2. The survivor's fields, and the keys that follow from them.
    const chosen: Row = {};
    for (const field of mergeFields[kind]) chosen[field] = (opts.choices[field] === "merged" ? merged : survivor)[snake(field)] ?? null;
    const columns = { ...chosen, ...keysFor(kind, chosen) };
    const dbColumns = Object.fromEntries(Object.entries(columns).map(([k, v]) => [snake(k), v ?? null]));
    const after = { ...dbColumns, updated_at: new Date().toISOString(), version: (survivor.version as number) + 1 };
    sqlite.prepare(`UPDATE ${table} SET ${Object.keys(after).map((c) => `${q(c)} = @${c}`).join(", ")} WHERE id = @id`).run({ ...after, id: opts.survivorId });

    // 3. The merged record goes; its URL now leads to the survivor (mergedInto).
    sqlite.prepare(`DELETE FROM ${table} WHERE id = ?`).run(opts.mergedId);

    const data: MergeData = { survivorBefore: survivor, merged, links: changes };
    const mergeId = tx
      .insert(merges)
      .values({ entityType: kind, survivorId: opts.survivorId, mergedId: opts.mergedId, survivorVersion: after.version, userId: user.id, data: JSON.stringify(data) })
      .returning({ id: merges.id })
      .get().id;
    const fieldChanges = Object.fromEntries(
      mergeFields[kind].filter((f) => (survivor[snake(f)] ?? null) !== (dbColumns[snake(f)] ?? null)).map((f) => [f, [survivor[snake(f)] ?? null, dbColumns[snake(f)] ?? null]]),
    );
    const detail = { mergeId, mergedId: opts.mergedId, mergedName: merged.name, moved: summary(changes, "moved"), dropped: summary(changes, "dropped") };
    writeAudit(tx, { userId: user.id, action: "merge", entityType: kind, entityId: opts.survivorId, changes: fieldChanges, detail, ip: opts.ip });
    writeAudit(tx, { userId: user.id, action: "merged_into", entityType: kind, entityId: opts.mergedId, detail: { mergeId, survivorId: opts.survivorId }, ip: opts.ip });
    return { mergeId };
  });
}

/** A commitment cannot count its lead again as a co-pledger: after a merge such rows are dropped (and kept for undo). */
function dropSelfCoPledges(sqlite: ReturnType<typeof sqliteOf>, survivorId: number, mergedId: number, changes: LinkChange[]) {
  const rows = sqlite
    .prepare(
      `SELECT cp.rowid AS __rowid, cp.* FROM commitment_co_pledgers cp JOIN commitments c ON c.id = cp.commitment_id
       WHERE cp.organization_id = ? AND c.lead_organization_id = ?`,
    )
    .all(survivorId, survivorId) as Row[];
  if (!rows.length) return;
  let change = changes.find((c) => c.table === "commitment_co_pledgers");
  if (!change) changes.push((change = { table: "commitment_co_pledgers", column: "organization_id", moved: [], dropped: [] }));
  for (const { __rowid, ...row } of rows) {
    sqlite.prepare("DELETE FROM commitment_co_pledgers WHERE rowid = ?").run(__rowid);
    const wasMoved = change.moved.findIndex((m) => m.commitment_id === row.commitment_id && m.organization_id === row.organization_id);
    // A moved row goes back as the merged record's on undo; one the survivor had before, as the survivor's.
    if (wasMoved >= 0) {
      change.moved.splice(wasMoved, 1);
      change.dropped.push({ ...row, organization_id: mergedId });
    } else change.dropped.push(row);
  }
}

/** Both records took part in the same event: the survivor is listed there once (the moved row is dropped, kept for undo). */
function dropRepeatedParticipations(sqlite: ReturnType<typeof sqliteOf>, mergedId: number, changes: LinkChange[]) {
  for (const change of changes.filter((c) => c.table === "event_participants")) {
    for (const key of [...change.moved]) {
      const row = sqlite.prepare("SELECT * FROM event_participants WHERE id = ?").get(key.id) as Row;
      const twin = sqlite
        .prepare(`SELECT id FROM event_participants WHERE event_id = ? AND ${q(change.column)} = ? AND id <> ? LIMIT 1`)
        .get(row.event_id, row[change.column], row.id);
      if (!twin) continue;
      sqlite.prepare("DELETE FROM event_participants WHERE id = ?").run(row.id);
      change.moved.splice(change.moved.indexOf(key), 1);
      change.dropped.push({ ...row, [change.column]: mergedId });
    }
  }
}

function summary(changes: LinkChange[], what: "moved" | "dropped"): Record<string, number> {
  return Object.fromEntries(changes.filter((c) => c[what].length).map((c) => [`${c.table}.${c.column}`, c[what].length]));
}

const snake = (field: string) => field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

// ---------------------------------------------------------------- redirect and undo

/** The record a merged id now lives on (following merges of merges), or null. */
export function mergedInto(kind: DuplicateKind, id: number): number | null {
  const db = getDb();
  let current = id;
  for (let hops = 0; hops < 20; hops++) {
    const row = db.$client
      .prepare("SELECT survivor_id AS survivorId FROM merges WHERE entity_type = ? AND merged_id = ? AND undone_at IS NULL ORDER BY id DESC LIMIT 1")
      .get(kind, current) as { survivorId: number } | undefined;
    if (!row) break;
    current = row.survivorId;
  }
  return current === id ? null : current;
}

/**
 * Puts back what a merge changed: the merged record with its id, the survivor as it was before, and
 * every linked row where it was. Refused once the survivor has been edited since (that edit would be lost).
 */
export function undoMerge(user: CurrentUser, mergeId: number, ip: string | null = null): { kind: DuplicateKind; mergedId: number } {
  requireCapability(user, "undoMerges");
  return getDb().transaction((tx) => {
    const sqlite = sqliteOf(tx);
    const merge = tx.select().from(merges).where(eq(merges.id, mergeId)).get();
    if (!merge) throw notFound();
    if (merge.undoneAt) throw new MergeRefused("duplicates.undoneAlready");
    const kind = merge.entityType;
    const table = tableOf[kind];
    const current = sqlite.prepare(`SELECT version FROM ${table} WHERE id = ?`).get(merge.survivorId) as { version: number } | undefined;
    if (!current || current.version !== merge.survivorVersion) throw new MergeRefused("duplicates.undoChangedSince");
    const data = JSON.parse(merge.data) as MergeData;

    const insert = (t: string, row: Row, orIgnore = false) => {
      const cols = Object.keys(row);
      sqlite.prepare(`INSERT ${orIgnore ? "OR IGNORE " : ""}INTO ${q(t)} (${cols.map(q).join(", ")}) VALUES (${cols.map((c) => `@${c}`).join(", ")})`).run(row);
    };
    insert(table, data.merged);
    const cols = Object.keys(data.survivorBefore).filter((c) => c !== "id");
    sqlite.prepare(`UPDATE ${table} SET ${cols.map((c) => `${q(c)} = @${c}`).join(", ")} WHERE id = @id`).run(data.survivorBefore);
    for (const change of data.links) {
      const pk = Object.keys(change.moved[0] ?? {});
      if (change.moved.length) {
        const back = sqlite.prepare(`UPDATE OR IGNORE ${q(change.table)} SET ${q(change.column)} = @__merged WHERE ${where(pk)} AND ${q(change.column)} = @__survivor`);
        for (const key of change.moved) back.run({ ...key, __merged: merge.mergedId, __survivor: merge.survivorId });
      }
      for (const row of change.dropped) insert(change.table, row, true);
    }
    tx.update(merges).set({ undoneAt: new Date().toISOString(), undoneById: user.id }).where(eq(merges.id, mergeId)).run();
    writeAudit(tx, { userId: user.id, action: "merge_undone", entityType: kind, entityId: merge.mergedId, detail: { mergeId, survivorId: merge.survivorId }, ip });
    writeAudit(tx, { userId: user.id, action: "merge_undone", entityType: kind, entityId: merge.survivorId, detail: { mergeId, mergedId: merge.mergedId }, ip });
    return { kind, mergedId: merge.mergedId };
  });
}

export type MergeListItem = {
  id: number; entityType: DuplicateKind; survivorId: number; mergedId: number; mergedName: string; survivorName: string | null;
  at: string; userName: string | null; undoneAt: string | null;
};

/** The latest merges, newest first, for /duplicates. */
export function recentMerges(user: CurrentUser, limit = 20): MergeListItem[] {
  requireCapability(user, "mergeRecords");
  const rows = getDb()
    .select({ id: merges.id, entityType: merges.entityType, survivorId: merges.survivorId, mergedId: merges.mergedId, at: merges.at, undoneAt: merges.undoneAt, data: merges.data, userName: users.name })
    .from(merges)
    .leftJoin(users, eq(users.id, merges.userId))
    .orderBy(desc(merges.id))
    .limit(limit)
    .all();
  const sqlite = getDb().$client;
  return rows.map(({ data, ...r }) => {
    const parsed = JSON.parse(data) as MergeData;
    const survivor = sqlite.prepare(`SELECT name FROM ${tableOf[r.entityType]} WHERE id = ?`).get(r.survivorId) as { name: string } | undefined;
    return { ...r, mergedName: String(parsed.merged.name), survivorName: survivor?.name ?? null };
  });
}

export type MergeSide = { id: number; version: number; values: Record<string, string | null> };

/** One record as the comparison shows it: each merge field as text (a person's organization by its name). */
export function mergeSide(user: CurrentUser, kind: DuplicateKind, id: number): MergeSide | null {
  requireCapability(user, "mergeRecords");
  const db = getDb();
  const row = (kind === "organization"
    ? db.select().from(organizations).where(eq(organizations.id, id)).get()
    : db.select().from(people).where(eq(people.id, id)).get()) as Record<string, unknown> | undefined;
  if (!row) return null;
  const values: Record<string, string | null> = {};
  for (const field of mergeFields[kind]) {
    const v = row[field];
    values[field] = field === "organizationId" ? (organizationById(v as number | null, { includeArchived: true })?.name ?? null) : v == null ? null : String(v);
  }
  return { id, version: row.version as number, values };
}
