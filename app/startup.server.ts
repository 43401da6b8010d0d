import path from "node:path";
import { closeDb, getDb } from "./db/client.server.ts";
import { env } from "./env.server.ts";
import { makeDatabasePrivate, makeTreePrivate, restrictNewFiles } from "./server/private-files.server.ts";
import { backupDirectory } from "./models/backups.server.ts";

export function startup() {
  const config = env();
  // Everything under data/ is the app's account's only: new files by the umask, files left by an
  // older version or a restore by an explicit chmod, before the database opens (its -wal and
  // -shm take the main file's mode).
  restrictNewFiles();
  makeDatabasePrivate(config.DATABASE_PATH);
  makeTreePrivate(backupDirectory());
  makeTreePrivate(path.resolve(config.UPLOAD_DIR));
  getDb();
  return { databasePath: config.DATABASE_PATH };
}

export function shutdown() {
  closeDb();
}
