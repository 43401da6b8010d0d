// Database backups: online copies taken with SQLite's backup API (consistent while the app
// keeps writing), the last N kept, and a restore that checks a file before swapping it in.
// Used by `npm run backup`, `npm run restore -- FILE` and the admin page /admin/backups.
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { requireCapability, type CurrentUser } from "../auth/access.server.ts";
import { eq, sql } from "drizzle-orm";
import { getDb } from "../db/client.server.ts";
import { auditEntries } from "../db/schema.ts";
import { env } from "../env.server.ts";
import { ensurePrivateDir, makeFilePrivate } from "../server/private-files.server.ts";
import { writeAudit } from "./audit.server.ts";

/** bcrm-YYYYMMDD-HHMMSS.sqlite, optionally -N when two are taken in the same second. */
const BACKUP_NAME = /^bcrm-\d{8}-\d{6}(?:-\d{1,3})?\.sqlite$/;

export type BackupInfo = { name: string; size: number; createdAt: string };

export function backupDirectory(): string {
  const config = env();
  return path.resolve(config.BACKUP_DIR ?? path.join(path.dirname(path.resolve(config.DATABASE_PATH)), "backups"));
}

function stamp(date: Date): string {
  const iso = date.toISOString(); // UTC, so names sort in time order whatever the server's zone
  return `${iso.slice(0, 10).replaceAll("-", "")}-${iso.slice(11, 19).replaceAll(":", "")}`;
}

/**
 * Copies the open database into a new file of `directory` and prunes older backups down to `keep`.
 * The copy is written under a temporary name and renamed when complete, so a listed backup is
 * never half-written. The backup API restarts when a write lands mid-copy; the result is a snapshot
 * that contains every transaction committed before it started.
 */
export async function createBackup(
  sqlite: Database.Database,
  options: { directory?: string; keep?: number; now?: Date; oneStep?: boolean } = {},
): Promise<BackupInfo> {
  const directory = options.directory ?? backupDirectory();
  const keep = options.keep ?? env().BACKUP_KEEP;
  // A backup holds everything the database does: 0600 in a 0700 folder, whatever the umask.
  ensurePrivateDir(directory);
  const base = `bcrm-${stamp(options.now ?? new Date())}`;
  let name = `${base}.sqlite`;
  for (let i = 2; fs.existsSync(path.join(directory, name)); i++) name = `${base}-${i}.sqlite`;
  const target = path.join(directory, name);
  const partial = `${target}.partial`;
  try {
    // From another process (npm run backup) every write of the server would restart a stepwise
    // copy, so the CLI copies in one step (one read transaction; WAL lets the server keep writing).
    // Inside the app the same connection writes, SQLite updates the copy as it goes, and small
    // steps keep the event loop free.
    await sqlite.backup(partial, { progress: ({ totalPages }) => (options.oneStep ? totalPages + 1 : 1000) });
    makeFilePrivate(partial);
    // A self-contained file: rollback-journal mode, so opening it (to check or download) leaves no -wal/-shm.
    const copy = new Database(partial);
    copy.pragma("journal_mode = DELETE");
    copy.close();
    fs.renameSync(partial, target);
  } finally {
    fs.rmSync(partial, { force: true });
  }
  pruneBackups(directory, keep);
  const stat = fs.statSync(target);
  return { name, size: stat.size, createdAt: stat.mtime.toISOString() };
}

/** Newest first. */
export function listBackups(directory = backupDirectory()): BackupInfo[] {
  if (!fs.existsSync(directory)) return [];
  return fs
    .readdirSync(directory)
    .filter((name) => BACKUP_NAME.test(name))
    .map((name) => {
      const stat = fs.statSync(path.join(directory, name));
      return { name, size: stat.size, createdAt: stat.mtime.toISOString() };
    })
    .sort((a, b) => (a.name < b.name ? 1 : a.name > b.name ? -1 : 0));
}

function pruneBackups(directory: string, keep: number) {
  for (const old of listBackups(directory).slice(keep)) fs.rmSync(path.join(directory, old.name), { force: true });
}

/** The file of a listed backup; null for anything else (no path tricks through the name). */
export function backupPath(name: string, directory = backupDirectory()): string | null {
  if (!BACKUP_NAME.test(name)) return null;
  const file = path.join(directory, name);
  return fs.existsSync(file) ? file : null;
}

/** "ok", or what is wrong with the file (not SQLite, corrupt, not a BCRM database). */
export function checkDatabaseFile(file: string): string {
  if (!fs.existsSync(file)) return `${file} does not exist`;
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    const rows = db.pragma("integrity_check") as Array<{ integrity_check: string }>;
    const result = rows.map((r) => r.integrity_check).join("; ");
    if (result !== "ok") return `integrity_check: ${result}`;
    const hasUsers = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'users'").get();
    if (!hasUsers) return "not a BCRM Partners database (no users table)";
    return "ok";
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  } finally {
    db?.close();
  }
}

/**
 * Replaces the database file `target` with the backup `source`, which must pass integrity_check.
 * The server must be stopped: the copy goes to `<target>.restore-tmp` first and is renamed over
 * the live file (atomic on one file system) after the old -wal/-shm files are removed, so a
 * crash half-way leaves either the old database or the new one, never a mix.
 */
export function restoreBackup(source: string, target: string): void {
  const verdict = checkDatabaseFile(source);
  if (verdict !== "ok") throw new Error(`Refusing to restore ${source}: ${verdict}`);
  const tmp = `${target}.restore-tmp`;
  fs.copyFileSync(source, tmp);
  // The copy takes the backup's mode, which may be from before backups were private.
  makeFilePrivate(tmp);
  const fd = fs.openSync(tmp, "r+");
  fs.fsyncSync(fd);
  fs.closeSync(fd);
  // A backup file may carry WAL mode in its header with no -wal beside it: that is fine.
  for (const suffix of ["-wal", "-shm"]) fs.rmSync(target + suffix, { force: true });
  fs.renameSync(tmp, target);
}

// ---------------------------------------------------------------- the admin page

export type BackupListing = BackupInfo & {
  /** Taken before the latest erasure of personal data, so it still holds the erased values. */
  beforeErasure: boolean;
};

/** When personal data were last erased (a refugee contact), or null. */
function latestErasureAt(): string | null {
  const row = getDb()
    .select({ at: sql<string | null>`max(${auditEntries.at})` })
    .from(auditEntries)
    .where(eq(auditEntries.action, "erase"))
    .get();
  return row?.at ?? null;
}

function listBackupsMarked(): { backups: BackupListing[]; latestErasureAt: string | null } {
  const erasedAt = latestErasureAt();
  const erasedMs = erasedAt ? Date.parse(erasedAt) : null;
  return {
    backups: listBackups().map((b) => ({ ...b, beforeErasure: erasedMs != null && Date.parse(b.createdAt) < erasedMs })),
    latestErasureAt: erasedAt,
  };
}

export function listBackupsFor(user: CurrentUser): { backups: BackupListing[]; keep: number; latestErasureAt: string | null } {
  requireCapability(user, "manageBackups");
  return { ...listBackupsMarked(), keep: env().BACKUP_KEEP };
}

/**
 * Deletes the named backups (unknown names are ignored), or with `beforeErasure` every backup
 * taken before the latest erasure — the copies that still hold erased personal data. Each
 * deletion is audited. Returns how many were deleted.
 */
export function deleteBackupsAs(user: CurrentUser, which: { names: string[] } | { beforeErasure: true }, ip: string): number {
  requireCapability(user, "manageBackups");
  const names = "names" in which ? which.names : listBackupsMarked().backups.filter((b) => b.beforeErasure).map((b) => b.name);
  let deleted = 0;
  for (const name of names) {
    const file = backupPath(name);
    if (!file) continue;
    fs.rmSync(file, { force: true });
    writeAudit(getDb(), { userId: user.id, action: "backup_delete", entityType: "backup", detail: { name }, ip });
    deleted++;
  }
  return deleted;
}

export async function createBackupAs(user: CurrentUser, ip: string): Promise<BackupInfo> {
  requireCapability(user, "manageBackups");
  const db = getDb();
  const info = await createBackup(db.$client);
  writeAudit(db, { userId: user.id, action: "backup_create", entityType: "backup", detail: { name: info.name, size: info.size }, ip });
  return info;
}

/** The file to stream, audited as a download; null when there is no such backup. */
export function openBackupDownload(user: CurrentUser, name: string, ip: string): { file: string; size: number } | null {
  requireCapability(user, "manageBackups");
  const file = backupPath(name);
  if (!file) return null;
  writeAudit(getDb(), { userId: user.id, action: "backup_download", entityType: "backup", detail: { name }, ip });
  return { file, size: fs.statSync(file).size };
}
