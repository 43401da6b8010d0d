// The files under data/ hold refugee contacts, password hashes and partners' evidence: only the
// account that runs the app may read them (issue 13). New files get that from the umask; files
// and folders made by an older version, by hand or by a restore are tightened explicitly.
import fs from "node:fs";
import path from "node:path";

export const PRIVATE_FILE_MODE = 0o600;
export const PRIVATE_DIR_MODE = 0o700;

/** Files and folders this process creates from now on are readable by its own account only. */
export function restrictNewFiles() {
  process.umask(0o077);
}

/** chmod when the mode differs; a file that vanished meanwhile (a WAL reset, a pruned backup) is fine. */
function chmodIfNeeded(file: string, mode: number) {
  try {
    const stat = fs.statSync(file);
    if ((stat.mode & 0o777) !== mode) fs.chmodSync(file, mode);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
}

export function makeFilePrivate(file: string) {
  chmodIfNeeded(file, PRIVATE_FILE_MODE);
}

/** Creates the folder if needed (0700) and tightens it. */
export function ensurePrivateDir(dir: string) {
  fs.mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
  chmodIfNeeded(dir, PRIVATE_DIR_MODE);
}

/** A folder the app owns entirely (uploads, backups): the folder, its sub-folders and files. */
export function makeTreePrivate(dir: string) {
  if (!fs.existsSync(dir)) return;
  chmodIfNeeded(dir, PRIVATE_DIR_MODE);
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) makeTreePrivate(full);
    else if (entry.isFile()) chmodIfNeeded(full, PRIVATE_FILE_MODE);
  }
}

/** The session secret `npm run demo` keeps beside the database. */
export const SESSION_SECRET_FILE = ".session-secret";

/**
 * Whether the database's folder is the app's own data folder (data/ by default), which may be
 * locked to 0700: ours, not a shared folder (sticky, like /tmp), not the working directory, and
 * holding nothing but what the app keeps there — so a database put in someone's home folder
 * does not get that folder locked.
 */
function isAppDataDir(dir: string, databaseName: string): boolean {
  const stat = fs.statSync(dir, { throwIfNoEntry: false });
  if (!stat?.isDirectory() || stat.mode & 0o1000 || dir === path.resolve(process.cwd())) return false;
  if (typeof process.getuid === "function" && stat.uid !== process.getuid()) return false;
  const ours = new Set(["backups", "uploads", SESSION_SECRET_FILE]);
  return fs.readdirSync(dir).every((name) => ours.has(name) || name.startsWith(databaseName) || /\.sqlite(-wal|-shm|-journal)?$/.test(name));
}

/**
 * The database file with its -wal and -shm (SQLite creates those with the database file's mode,
 * so the main file decides), the session secret beside it, and the folder they live in when
 * that folder is the app's own.
 */
export function makeDatabasePrivate(databasePath: string) {
  if (databasePath === ":memory:") return;
  const file = path.resolve(databasePath);
  const dir = path.dirname(file);
  for (const suffix of ["", "-wal", "-shm", "-journal"]) chmodIfNeeded(file + suffix, PRIVATE_FILE_MODE);
  chmodIfNeeded(path.join(dir, SESSION_SECRET_FILE), PRIVATE_FILE_MODE);
  if (isAppDataDir(dir, path.basename(file))) chmodIfNeeded(dir, PRIVATE_DIR_MODE);
}
