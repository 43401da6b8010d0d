// Staying up: graceful shutdown, request body limits and the structured request log, against
// the production server (server.mjs + the build in BUILD_DIR, default build/).
import http from "node:http";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDemoDatabase, signIn, startServer, type ServerProcess } from "../../scripts/lib/prod-server.ts";

const PORT = Number(process.env.SCALE_TEST_PORT ?? 3208);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bcrm-server-"));
const databasePath = path.join(dir, "server.sqlite");
let server: ServerProcess;

beforeAll(async () => {
  await createDemoDatabase(databasePath);
  server = await startServer({ databasePath, port: PORT });
});
afterAll(async () => {
  await server?.stop("SIGKILL");
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Sends only the headers of a POST and resolves with the status the server answers. */
function postHeadersOnly(headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = http.request({ host: "127.0.0.1", port: PORT, path: "/login", method: "POST", headers });
    request.on("response", (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    });
    request.on("error", reject);
    request.flushHeaders();
  });
}

const logLines = () =>
  server.lines.flatMap((line) => {
    try {
      return [JSON.parse(line) as { method: string; path: string; status: number; ms: number; user: number | null }];
    } catch {
      return [];
    }
  });

describe("request limits", () => {
  it("a body declared larger than 12 MB is refused with 413 before it is read", async () => {
    expect(await postHeadersOnly({ "Content-Type": "application/x-www-form-urlencoded", "Content-Length": String(13 * 1024 * 1024) })).toBe(413);
  });

  it("a body without a declared length is refused with 411", async () => {
    expect(await postHeadersOnly({ "Content-Type": "application/x-www-form-urlencoded", "Transfer-Encoding": "chunked" })).toBe(411);
  });

  it("a normal form post still goes through", async () => {
    const response = await fetch(`${server.url}/login`, { method: "POST", body: new URLSearchParams({ email: "x@y.z", password: "no" }), redirect: "manual" });
    expect(response.status).toBe(401);
  });
});

describe("structured request log", () => {
  it("logs method, path, status, ms and the user id — never the query string or the password", async () => {
    const cookie = await signIn(server.url, "coordinator@bcrm.demo");
    const response = await fetch(`${server.url}/organizations?q=${encodeURIComponent("Тайна заявка")}`, { headers: { Cookie: cookie } });
    expect(response.status).toBe(200);
    // The line is written when the response finishes; on a busy machine that can take a moment.
    const deadline = Date.now() + 5_000;
    let line = logLines().findLast((l) => l.path === "/organizations");
    while (!line && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 50));
      line = logLines().findLast((l) => l.path === "/organizations");
    }
    expect(line).toMatchObject({ method: "GET", path: "/organizations", status: 200, user: 3 });
    expect(typeof line!.ms).toBe("number");
    const everything = server.lines.join("\n");
    expect(everything).not.toContain("forum2021");
    expect(everything).not.toContain("Тайна");
    expect(everything).not.toContain(encodeURIComponent("Тайна"));
    // Anonymous requests are logged with user null.
    expect(logLines().find((l) => l.path === "/healthz")).toMatchObject({ user: null, status: 200 });
  });
});

describe("graceful shutdown", () => {
  it("on SIGTERM an in-flight request finishes and the process exits 0", async () => {
    const body = new URLSearchParams({ email: "coordinator@bcrm.demo", password: "forum2021", redirectTo: "/" }).toString();
    const status = new Promise<number>((resolve, reject) => {
      const request = http.request({
        host: "127.0.0.1",
        port: PORT,
        path: "/login",
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded", "Content-Length": String(Buffer.byteLength(body)) },
      });
      request.on("response", (response) => {
        response.resume();
        resolve(response.statusCode ?? 0);
      });
      request.on("error", reject);
      // Half the body now, SIGTERM while the server waits for the rest, the rest later.
      request.write(body.slice(0, 10));
      setTimeout(() => {
        server.proc.kill("SIGTERM");
        setTimeout(() => request.end(body.slice(10)), 400);
      }, 200);
    });
    expect(await status).toBe(302);
    const exit = await server.exited;
    expect(exit).toEqual({ code: 0, signal: null });
    expect(server.lines.join("\n")).toContain("SIGTERM: finishing in-flight requests");
    // And it is no longer listening.
    await expect(fetch(`${server.url}/healthz`)).rejects.toThrow();
  });
});
