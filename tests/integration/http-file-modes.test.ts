// Issue 13, point 7 — "File modes": the database, its WAL, backups and uploads hold refugee
// contacts, password hashes and partners' evidence. Against the production server, on a data/
// folder left world-readable by an older version: after writes, a backup taken on /admin/backups
// and an evidence upload, every file under data/ is 0600 and every folder 0700 — and again after
// `npm run restore` of a backup that was 0644 and a restart.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { createDemoDatabase, freePort, signIn, startServer, type ServerProcess } from "../../scripts/lib/prod-server.ts";
import { demo, demoId } from "../demo-handles.ts";
import { createdId, postEvidenceUpdate, postForm } from "./http-helpers.ts";

const root = fs.mkdtempSync(path.join(os.tmpdir(), "bcrm-modes-"));
const dataDir = path.join(root, "data");
const databasePath = path.join(dataDir, "bcrm.sqlite");
const backupsDir = path.join(dataDir, "backups");
const uploadsDir = path.join(dataDir, "uploads");
let server: ServerProcess | undefined;

afterAll(async () => {
  await server?.stop("SIGKILL");
  fs.rmSync(root, { recursive: true, force: true });
});

const mode = (file: string) => fs.statSync(file).mode & 0o777;
const octal = (m: number) => `0${m.toString(8)}`;

/** Every file and folder under `dir` (itself included), with its mode. */
function entriesUnder(dir: string): Array<{ path: string; dir: boolean; mode: number }> {
  const out = [{ path: dir, dir: true, mode: mode(dir) }];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...entriesUnder(full));
    else out.push({ path: full, dir: false, mode: mode(full) });
  }
  return out;
}

/** Entries that anyone but the owner could read, write or enter. */
function notPrivate(): string[] {
  return entriesUnder(dataDir)
    .filter((e) => e.mode !== (e.dir ? 0o700 : 0o600))
    .map((e) => `${path.relative(root, e.path)} ${octal(e.mode)}`);
}

const start = async () =>
  startServer({ databasePath, port: await freePort(), env: { UPLOAD_DIR: uploadsDir, REQUEST_LOG: "off" } });

/** A coordinator's write, an admin's backup through the page, a partner's evidence upload. */
async function useTheApp(s: ServerProcess, label: string) {
  const coordinator = await signIn(s.url, "coordinator@bcrm.demo");
  createdId(await postForm(s.url, coordinator, "/organizations/new", { name: `Права на файлове ${label}`, kind: "ngo" }));
  const admin = await signIn(s.url, "admin@bcrm.demo");
  const backup = await postForm(s.url, admin, "/admin/backups", { intent: "create" });
  expect(backup.status).toBe(302);
  const db = new Database(databasePath, { readonly: true });
  const shared = db
    .prepare("SELECT id FROM commitments WHERE lead_organization_id = ? AND shared_with_partner = 1")
    .get(demoId(db, demo.organizations.sofiaMunicipality)) as { id: number };
  db.close();
  await postEvidenceUpdate(s.url, await signIn(s.url, "partner@sofia.demo"), shared.id, { note: `Доказателство ${label}` });
}

describe("file modes under data/", () => {
  it("File modes: every file the app writes under data/ is 0600 and its folders 0700, also after a restore", async () => {
    // An installation from before: data/, the database, an old backup and an old upload all world-readable.
    fs.mkdirSync(dataDir);
    await createDemoDatabase(databasePath);
    fs.mkdirSync(backupsDir);
    fs.copyFileSync(databasePath, path.join(backupsDir, "bcrm-20200101-000000.sqlite"));
    fs.mkdirSync(uploadsDir);
    fs.writeFileSync(path.join(uploadsDir, "0".repeat(48)), "old upload");
    // The session secret `npm run demo` keeps beside the database.
    fs.writeFileSync(path.join(dataDir, ".session-secret"), "an-old-demo-session-secret");
    for (const d of [dataDir, backupsDir, uploadsDir]) fs.chmodSync(d, 0o755);
    for (const f of [databasePath, path.join(dataDir, ".session-secret"), path.join(backupsDir, "bcrm-20200101-000000.sqlite"), path.join(uploadsDir, "0".repeat(48))]) {
      fs.chmodSync(f, 0o644);
    }
    expect(notPrivate().length).toBe(7);

    server = await start();
    await useTheApp(server, "1");

    const files = entriesUnder(dataDir).filter((e) => !e.dir).map((e) => path.relative(dataDir, e.path));
    expect(files).toEqual(expect.arrayContaining(["bcrm.sqlite", "bcrm.sqlite-wal", "bcrm.sqlite-shm", ".session-secret"]));
    const backups = fs.readdirSync(backupsDir).filter((n) => n.endsWith(".sqlite"));
    expect(backups.length).toBe(2);
    expect(fs.readdirSync(uploadsDir).length).toBe(2);
    expect(notPrivate()).toEqual([]);

    // Restore the backup just taken, as a copy that arrived world-readable; then start again and write.
    const newest = backups.sort().at(-1)!;
    fs.chmodSync(path.join(backupsDir, newest), 0o644);
    const port = server.port;
    expect(await server.stop("SIGTERM")).toEqual({ code: 0, signal: null });
    server = undefined;
    const restore = spawnSync(path.resolve("node_modules/.bin/tsx"), ["scripts/restore.ts", path.join(backupsDir, newest)], {
      env: { ...process.env, DATABASE_PATH: databasePath, PORT: String(port), NODE_ENV: "production", SESSION_SECRET: "restore-test-session-secret" },
      encoding: "utf8",
    });
    expect(restore.status, restore.stderr).toBe(0);
    expect(restore.stdout).toContain("Restored");
    expect(mode(databasePath)).toBe(0o600);

    server = await start();
    await useTheApp(server, "2");
    expect(fs.existsSync(`${databasePath}-wal`)).toBe(true);
    expect(fs.readdirSync(backupsDir).filter((n) => n.endsWith(".sqlite")).length).toBe(4); // + the restore's safety copy + one more
    expect(notPrivate()).toEqual([]);
  });
});
