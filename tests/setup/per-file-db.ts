// Each test file gets its own copy of the seeded database (files run in separate processes).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, inject } from "vitest";

const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "bcrm-file-")), "test.sqlite");
fs.copyFileSync(inject("baseDatabasePath"), file);
process.env.DATABASE_PATH = file;
process.env.UPLOAD_DIR = path.join(path.dirname(file), "uploads");

afterAll(async () => {
  const { closeDb } = await import("../../app/db/client.server.ts");
  closeDb();
  fs.rmSync(path.dirname(file), { recursive: true, force: true });
});
