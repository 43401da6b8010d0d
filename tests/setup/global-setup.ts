// Once per `vitest run`: a migrated database with the demo data, copied fresh for each test file.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    baseDatabasePath: string;
  }
}

export default async function setup(project: TestProject) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bcrm-test-"));
  const basePath = path.join(dir, "base.sqlite");
  const { openDatabase } = await import("../../app/db/client.server.ts");
  const { seedDemo } = await import("../../app/db/seed-demo.server.ts");
  const db = openDatabase(basePath);
  await seedDemo(db, { password: "forum2021" });
  db.$client.pragma("wal_checkpoint(TRUNCATE)");
  db.$client.close();
  project.provide("baseDatabasePath", basePath);
  return () => fs.rmSync(dir, { recursive: true, force: true });
}
