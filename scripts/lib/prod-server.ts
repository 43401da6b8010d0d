// Starting the production server (server.mjs + a Remix build) as a child process, for the
// load test, the crash test, the shutdown tests and the benchmark.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

export type ServerProcess = {
  proc: ChildProcess;
  url: string;
  port: number;
  /** Every line the server printed (request log lines are JSON). */
  lines: string[];
  /** ms from spawn to the first 200 on /healthz. */
  startupMs: number;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  stop(signal?: NodeJS.Signals): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
};

export function buildDirectory(): string {
  return process.env.BUILD_DIR ?? "build";
}

export function requireBuild(buildDir = buildDirectory()): string {
  const entry = path.resolve(buildDir, "server/index.js");
  if (!fs.existsSync(entry)) {
    throw new Error(`No production build in ${buildDir}/ — run \`BUILD_DIR=${buildDir} npx remix vite:build\` (or npm run build) first.`);
  }
  return buildDir;
}

export async function startServer(options: {
  databasePath: string;
  port: number;
  buildDir?: string;
  env?: Record<string, string>;
  timeoutMs?: number;
}): Promise<ServerProcess> {
  const buildDir = requireBuild(options.buildDir);
  const url = `http://127.0.0.1:${options.port}`;
  const started = performance.now();
  const proc = spawn(process.execPath, ["server.mjs"], {
    cwd: process.cwd(),
    env: {
      ...process.env,
      NODE_ENV: "production",
      SESSION_SECRET: "load-test-session-secret-not-for-production",
      DATABASE_PATH: options.databasePath,
      PORT: String(options.port),
      HOST: "127.0.0.1",
      BUILD_DIR: buildDir,
      REQUEST_LOG: "on",
      ...options.env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const lines: string[] = [];
  const collect = (stream: NodeJS.ReadableStream | null) => {
    let buffer = "";
    stream?.on("data", (chunk: Buffer) => {
      buffer += chunk.toString();
      const parts = buffer.split("\n");
      buffer = parts.pop()!;
      lines.push(...parts);
    });
  };
  collect(proc.stdout);
  collect(proc.stderr);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    proc.on("exit", (code, signal) => resolve({ code, signal })),
  );
  let dead = false;
  void exited.then(() => (dead = true));

  const deadline = Date.now() + (options.timeoutMs ?? 20_000);
  for (;;) {
    if (dead) throw new Error(`Server exited during start-up:\n${lines.join("\n")}`);
    try {
      const response = await fetch(`${url}/healthz`);
      if (response.status === 200) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      proc.kill("SIGKILL");
      throw new Error(`Server did not answer /healthz within ${options.timeoutMs ?? 20_000} ms:\n${lines.join("\n")}`);
    }
    await new Promise((r) => setTimeout(r, 10));
  }
  const startupMs = performance.now() - started;
  return {
    proc,
    url,
    port: options.port,
    lines,
    startupMs,
    exited,
    async stop(signal: NodeJS.Signals = "SIGTERM") {
      if (!dead) proc.kill(signal);
      return exited;
    },
  };
}

/** Signs in through the real /login form and returns the Cookie header value of the session. */
export async function signIn(url: string, email: string, password = "forum2021"): Promise<string> {
  const response = await fetch(`${url}/login`, {
    method: "POST",
    body: new URLSearchParams({ email, password, redirectTo: "/" }),
    redirect: "manual",
  });
  const cookie = response.headers.getSetCookie().find((c) => c.startsWith("__session="));
  if (response.status !== 302 || !cookie) throw new Error(`Sign-in as ${email} failed: ${response.status}`);
  return cookie.split(";")[0];
}

/** A fresh demo database at `file` (migrated, seeded, checkpointed). */
export async function createDemoDatabase(file: string): Promise<void> {
  const { openDatabase } = await import("../../app/db/client.server.ts");
  const { seedDemo } = await import("../../app/db/seed-demo.server.ts");
  for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(file + suffix, { force: true });
  const db = openDatabase(file);
  await seedDemo(db, { password: "forum2021" });
  db.$client.pragma("wal_checkpoint(TRUNCATE)");
  db.$client.close();
}

/** A TCP port nobody listens on now, so tests that start a server never collide with another run. */
export async function freePort(): Promise<number> {
  const net = await import("node:net");
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.unref();
    probe.on("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/**
 * The production server on a fresh demo database in a temporary folder, on a free port: for the
 * tests that must go through HTTP. `cleanup()` stops it and removes the folder.
 */
export async function startDemoServer(options: { env?: Record<string, string> } = {}): Promise<
  ServerProcess & { databasePath: string; dataDir: string; cleanup(): Promise<void> }
> {
  const os = await import("node:os");
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "bcrm-http-"));
  const databasePath = path.join(dataDir, "app.sqlite");
  await createDemoDatabase(databasePath);
  const server = await startServer({
    databasePath,
    port: await freePort(),
    env: { UPLOAD_DIR: path.join(dataDir, "uploads"), REQUEST_LOG: "off", ...options.env },
  });
  return {
    ...server,
    databasePath,
    dataDir,
    async cleanup() {
      await server.stop("SIGKILL");
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
