// Static files against the production server: the build's assets and the client folder's own
// files (favicon.ico) are served with their cache headers; every other path goes to the app
// without express.static looking on disk first (server.mjs routes by the first path segment).
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildDirectory, startDemoServer } from "../../scripts/lib/prod-server.ts";

let server: Awaited<ReturnType<typeof startDemoServer>>;

beforeAll(async () => {
  server = await startDemoServer();
});
afterAll(async () => {
  await server?.cleanup();
});

describe("static files", () => {
  it("serves a built asset with a year-long immutable cache", async () => {
    const page = await (await fetch(`${server.url}/login`)).text();
    const asset = /href="(\/assets\/[^"]+\.css)"/.exec(page)?.[1];
    expect(asset).toBeTruthy();
    const response = await fetch(`${server.url}${asset}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toContain("immutable");
    expect(response.headers.get("cache-control")).toContain("max-age=31536000");
    expect((await response.text()).length).toBeGreaterThan(0);
  });

  it("serves the client folder's own files (favicon.ico) with an hour's cache", async () => {
    const names = fs.readdirSync(path.join(buildDirectory(), "client")).filter((n) => n !== "assets");
    expect(names).toContain("favicon.ico");
    const response = await fetch(`${server.url}/favicon.ico`);
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("public, max-age=3600");
    const bytes = Buffer.from(await response.arrayBuffer());
    expect(bytes.equals(fs.readFileSync(path.join(buildDirectory(), "client/favicon.ico")))).toBe(true);
  });

  it("a missing asset is a 404 from the app, and pages are answered by the app", async () => {
    const missing = await fetch(`${server.url}/assets/no-such-file.js`);
    expect(missing.status).toBe(404);
    const login = await fetch(`${server.url}/login`);
    expect(login.status).toBe(200);
    expect(login.headers.get("content-type")).toContain("text/html");
    // A name that only starts like a static file is a page path, not a file.
    const lookalike = await fetch(`${server.url}/favicon.icox`, { redirect: "manual" });
    expect(lookalike.headers.get("cache-control") ?? "").not.toContain("max-age=3600");
  });
});
