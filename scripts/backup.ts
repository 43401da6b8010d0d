// Online backup of the database (safe while the server runs and writes):
//   npm run backup
// DATABASE_PATH picks the database (default data/bcrm.sqlite); backups go to BACKUP_DIR
// (default: backups/ beside the database) as bcrm-YYYYMMDD-HHMMSS.sqlite; the newest
// BACKUP_KEEP (default 10) are kept.
import Database from "better-sqlite3";
import { backupDirectory, createBackup } from "../app/models/backups.server.ts";
import { env } from "../app/env.server.ts";

const file = env().DATABASE_PATH;
const sqlite = new Database(file, { fileMustExist: true });
sqlite.pragma("busy_timeout = 5000");
try {
  const started = performance.now();
  const info = await createBackup(sqlite, { oneStep: true });
  const ms = Math.round(performance.now() - started);
  console.log(`Backed up ${file} to ${backupDirectory()}/${info.name} (${(info.size / 1e6).toFixed(1)} MB, ${ms} ms).`);
} catch (error) {
  console.error(`Backup failed: ${error instanceof Error ? error.message : error}`);
  process.exitCode = 1;
} finally {
  sqlite.close();
}
