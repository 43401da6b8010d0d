// Restores a backup over the database:
//   npm run restore -- data/backups/bcrm-20261130-101500.sqlite
// STOP THE SERVER FIRST. The script refuses when a server answers /healthz on PORT (default 3000)
// unless --force is given, and refuses any file that fails PRAGMA integrity_check. Before the
// swap it backs up the current database (so a wrong restore can be undone), then copies the file
// to <db>.restore-tmp, removes <db>-wal and <db>-shm and renames the copy over <db>.
import fs from "node:fs";
import Database from "better-sqlite3";
import { checkDatabaseFile, createBackup, restoreBackup } from "../app/models/backups.server.ts";
import { env } from "../app/env.server.ts";
import { restrictNewFiles } from "../app/server/private-files.server.ts";

restrictNewFiles();

const args = process.argv.slice(2);
const force = args.includes("--force");
const source = args.find((a) => !a.startsWith("--"));
const target = env().DATABASE_PATH;

async function serverIsUp(): Promise<boolean> {
  const port = Number(process.env.PORT ?? 3000);
  try {
    const response = await fetch(`http://127.0.0.1:${port}/healthz`, { signal: AbortSignal.timeout(1000) });
    return response.ok;
  } catch {
    return false;
  }
}

async function main() {
  if (!source) throw new Error("Usage: npm run restore -- FILE [--force]");
  if (!force && (await serverIsUp())) {
    throw new Error(`A server answers on port ${process.env.PORT ?? 3000}: stop it first (or pass --force if it uses another database).`);
  }
  const verdict = checkDatabaseFile(source);
  if (verdict !== "ok") throw new Error(`Refusing to restore ${source}: ${verdict}`);
  if (fs.existsSync(target)) {
    const current = new Database(target, { fileMustExist: true });
    try {
      const saved = await createBackup(current, { oneStep: true });
      console.log(`Saved the current database as ${saved.name} first.`);
    } finally {
      current.close();
    }
  }
  restoreBackup(source, target);
  console.log(`Restored ${source} to ${target}. Start the server again.`);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
