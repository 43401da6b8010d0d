import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { getDb } from "#app/db/client.server.ts";
import { env } from "#app/env.server.ts";
import { backupDirectory, checkDatabaseFile, createBackup, listBackups, restoreBackup } from "#app/models/backups.server.ts";
import { createOrganization } from "#app/models/organizations.server.ts";
import * as backupsPage from "#app/routes/admin.backups._index.tsx";
import * as backupDownload from "#app/routes/admin.backups.$name.ts";
import { call, latestAudit, userIdOf } from "#tests/helpers.ts";

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "bcrm-backups-"));

/** A second process that commits one row after another and prints each id once committed. */
function startWriter(file: string, ms: number) {
  const code = `
    const Database = require("better-sqlite3");
    const db = new Database(${JSON.stringify(file)});
    db.pragma("journal_mode = WAL"); db.pragma("busy_timeout = 5000");
    const insert = db.prepare("INSERT INTO tags (name) VALUES (?)");
    const until = Date.now() + ${ms};
    for (let i = 1; Date.now() < until; i++) { insert.run("burst-" + i); process.stdout.write(i + "\\n"); }
    db.close();`;
  const child = spawn(process.execPath, ["-e", code], { cwd: process.cwd() });
  const acknowledged: number[] = [];
  let buffer = "";
  child.stdout.on("data", (chunk: Buffer) => {
    buffer += chunk.toString();
    const lines = buffer.split("\n");
    buffer = lines.pop()!;
    for (const line of lines) if (line) acknowledged.push(Number(line));
  });
  const done = new Promise<number>((resolve) => child.on("exit", (code) => resolve(code ?? 1)));
  return { acknowledged, done };
}

describe("backups", () => {
  it("a backup taken during a write burst restores to a database that passes integrity_check and has every write acknowledged before it started", async () => {
    const file = env().DATABASE_PATH;
    getDb(); // migrated
    const writer = startWriter(file, 1500);
    while (writer.acknowledged.length < 50) await new Promise((r) => setTimeout(r, 10));
    const before = [...writer.acknowledged];

    const source = new Database(file);
    const info = await createBackup(source, { directory: scratch, oneStep: true });
    source.close();
    expect(await writer.done).toBe(0);
    expect(writer.acknowledged.length).toBeGreaterThan(before.length); // the burst went on during the backup

    const backupFile = path.join(scratch, info.name);
    expect(checkDatabaseFile(backupFile)).toBe("ok");
    const target = path.join(scratch, "restored.sqlite");
    restoreBackup(backupFile, target);
    const restored = new Database(target, { readonly: true });
    const names = new Set((restored.prepare("SELECT name FROM tags WHERE name LIKE 'burst-%'").all() as Array<{ name: string }>).map((r) => r.name));
    restored.close();
    for (const id of before) expect(names.has(`burst-${id}`)).toBe(true);
  });

  it("a backup taken by the app while it writes contains every write acknowledged before it started", async () => {
    const coordinator = { id: userIdOf("coordinator"), email: "", name: "", role: "coordinator" as const, organizationId: null, locale: "bg" as const };
    const acknowledged: number[] = [];
    const write = () =>
      acknowledged.push(createOrganization(coordinator, { name: `Бекъп ${acknowledged.length}`, kind: "ngo", tags: [] } as never));
    for (let i = 0; i < 20; i++) write();
    const before = [...acknowledged];
    let running = true;
    const burst = (async () => {
      while (running) {
        write();
        await new Promise((r) => setImmediate(r));
      }
    })();
    const info = await createBackup(getDb().$client, { directory: scratch });
    running = false;
    await burst;
    const restored = new Database(path.join(scratch, info.name), { readonly: true });
    expect((restored.pragma("integrity_check") as Array<{ integrity_check: string }>)[0].integrity_check).toBe("ok");
    const ids = new Set((restored.prepare("SELECT id FROM organizations").all() as Array<{ id: number }>).map((r) => r.id));
    restored.close();
    for (const id of before) expect(ids.has(id)).toBe(true);
  });

  it("keeps only the newest BACKUP_KEEP backups", async () => {
    const dir = path.join(scratch, "keep");
    const sqlite = getDb().$client;
    for (let i = 0; i < 4; i++) await createBackup(sqlite, { directory: dir, keep: 2, now: new Date(Date.UTC(2026, 0, 1, 10, 0, i)) });
    expect(listBackups(dir).map((b) => b.name)).toEqual(["bcrm-20260101-100003.sqlite", "bcrm-20260101-100002.sqlite"]);
  });

  it("restore refuses a file that fails integrity_check or is not a database, and leaves the live file alone", () => {
    const target = path.join(scratch, "live.sqlite");
    fs.copyFileSync(env().DATABASE_PATH, target);
    const before = fs.readFileSync(target);
    const junk = path.join(scratch, "junk.sqlite");
    fs.writeFileSync(junk, "this is not a database".repeat(100));
    expect(() => restoreBackup(junk, target)).toThrow(/Refusing/);
    // A real database with a damaged page.
    const damaged = path.join(scratch, "damaged.sqlite");
    const src = new Database(env().DATABASE_PATH);
    src.pragma("wal_checkpoint(TRUNCATE)");
    src.close();
    fs.copyFileSync(env().DATABASE_PATH, damaged);
    const bytes = fs.readFileSync(damaged);
    for (let i = 4096 * 3; i < 4096 * 6; i++) bytes[i] = 0x5a;
    fs.writeFileSync(damaged, bytes);
    expect(checkDatabaseFile(damaged)).not.toBe("ok");
    expect(() => restoreBackup(damaged, target)).toThrow(/Refusing/);
    expect(fs.readFileSync(target).equals(before)).toBe(true);
  });
});

describe("/admin/backups", () => {
  it("is for admins only: coordinators and managers get 403, partners 404", async () => {
    expect((await call(backupsPage, "loader", { path: "/admin/backups", as: "coordinator" })).status).toBe(403);
    expect((await call(backupsPage, "loader", { path: "/admin/backups", as: "manager" })).status).toBe(403);
    expect((await call(backupsPage, "loader", { path: "/admin/backups", as: "partnerSofia" })).status).toBe(404);
    expect((await call(backupsPage, "action", { path: "/admin/backups", as: "coordinator", form: { intent: "create" } })).status).toBe(403);
  });

  it("an admin creates a backup, sees it listed and downloads it; both are audited", async () => {
    const created = await call(backupsPage, "action", { path: "/admin/backups", as: "admin", form: { intent: "create" } });
    expect(created.status).toBe(302);
    expect(latestAudit()).toMatchObject({ action: "backup_create", entityType: "backup", userId: userIdOf("admin") });
    const page = await call(backupsPage, "loader", { path: "/admin/backups", as: "admin" });
    expect(page.status).toBe(200);
    const name = page.data.backups[0].name as string;
    expect(fs.existsSync(path.join(backupDirectory(), name))).toBe(true);

    const download = await call(backupDownload, "loader", { path: `/admin/backups/${name}`, params: { name }, as: "admin" });
    expect(download.status).toBe(200);
    const body = Buffer.from(await download.response!.arrayBuffer());
    expect(body.subarray(0, 15).toString()).toBe("SQLite format 3");
    expect(latestAudit()).toMatchObject({ action: "backup_download", entityType: "backup" });
  });

  it("a download name outside the backups folder is 404", async () => {
    for (const name of ["../test.sqlite", "..%2Ftest.sqlite", "bcrm-20260101-100000.sqlite", "x"]) {
      expect((await call(backupDownload, "loader", { path: "/admin/backups/x", params: { name }, as: "admin" })).status).toBe(404);
    }
    expect((await call(backupDownload, "loader", { path: "/admin/backups/x", params: { name: "x" }, as: "coordinator" })).status).toBe(403);
  });
});
