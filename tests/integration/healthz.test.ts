import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import * as healthz from "#app/routes/healthz.ts";

describe("/healthz", () => {
  it("answers 200 and reports the database", async () => {
    const response = (await healthz.loader()) as Response;
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: "ok", database: { ok: true, journalMode: "wal" } });
  });

  it("answers 503 when the database is unreachable", async () => {
    const { closeDb } = await import("#app/db/client.server.ts");
    closeDb();
    const { env } = await import("#app/env.server.ts");
    const config = env() as { DATABASE_PATH: string };
    const original = config.DATABASE_PATH;
    // A path below a plain file: the directory can never be created, the database never opened.
    const blocker = path.join(os.tmpdir(), `bcrm-blocker-${process.pid}`);
    fs.writeFileSync(blocker, "");
    config.DATABASE_PATH = path.join(blocker, "bcrm.sqlite");
    try {
      const response = (await healthz.loader()) as Response;
      expect(response.status).toBe(503);
      expect(await response.json()).toMatchObject({ status: "error", database: { ok: false } });
    } finally {
      config.DATABASE_PATH = original;
      closeDb();
    }
  });
});
