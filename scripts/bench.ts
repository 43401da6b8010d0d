// The benchmark: the production build on the scale dataset (npm run seed:scale first).
//
//   npm run bench                       # BENCH_SECONDS=8 per page, 8 connections, port 3214
//   npm run bench -- --scale=0.1        # bench/scale-0.1.sqlite (npm run seed:scale -- --scale=0.1)
//   BENCH_PROFILE=1 npm run bench       # also a CPU profile per page, in bench/profiles/
//   BUILD_DIR=build-bench BENCH_DB=bench/scale.sqlite npm run bench
//
// Prints a table and writes bench/results.json; bench/README.md explains every figure.
// To add a page: add a line to `pages` below (route file, URL, who signs in).
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import os from "node:os";
import autocannon from "autocannon";
import Database from "better-sqlite3";
import { signIn, startServer, type ServerProcess } from "./lib/prod-server.ts";

const args = new Map(
  process.argv.slice(2).map((a) => {
    const [k, v = "true"] = a.replace(/^--/, "").split("=");
    return [k, v] as const;
  }),
);
/** --scale picks the dataset seed-scale wrote for that scale (bench/scale.sqlite at 1, else bench/scale-<s>.sqlite). */
const SCALE = args.has("scale") ? Number(args.get("scale")) : null;
if (SCALE !== null && !(SCALE > 0)) throw new Error(`--scale=${args.get("scale")} is not a positive number`);
const scaleSuffix = SCALE === null || SCALE === 1 ? "" : `-scale-${SCALE}`;
const BENCH_DB = args.get("db") ?? process.env.BENCH_DB ?? (SCALE === null || SCALE === 1 ? "bench/scale.sqlite" : `bench/scale-${SCALE}.sqlite`);
/** bench/results.json at scale 1; other scales next to it, so the three runs of the growth table coexist. */
const RESULTS = process.env.BENCH_OUT ?? `bench/results${scaleSuffix}.json`;
const PROFILE = Boolean(process.env.BENCH_PROFILE && process.env.BENCH_PROFILE !== "0");
const PROFILE_DIR = path.join(path.dirname(RESULTS), `profiles${scaleSuffix}`);
/** BENCH_QUICK=1: pages only (no exports, import, start-up or memory run): for before/after comparisons of a change. */
const QUICK = Boolean(process.env.BENCH_QUICK && process.env.BENCH_QUICK !== "0");
/** BENCH_PAGES=list,detail: only the pages whose name contains one of these. */
const PAGE_FILTER = process.env.BENCH_PAGES?.split(",").map((p) => p.trim()).filter(Boolean) ?? [];
/** Unmeasured load before each page, so JIT compilation and cold caches are not counted as the page's cost. */
const WARMUP_SECONDS = Number(process.env.BENCH_WARMUP_SECONDS ?? 2);
const MEMORY = process.env.BENCH_MEMORY !== "0" && !QUICK;
const MEMORY_SECONDS = Number(process.env.BENCH_MEMORY_SECONDS ?? 60);
const RUN_DB = process.env.BENCH_RUN_DB ?? "bench/run.sqlite";
const BUILD_DIR = process.env.BUILD_DIR ?? "build-bench";
const PORT = Number(process.env.BENCH_PORT ?? 3214);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const CONNECTIONS = 8;
const LOADER_RUNS = Number(process.env.BENCH_LOADER_RUNS ?? 30);
const SESSION_SECRET = "load-test-session-secret-not-for-production"; // the one startServer() uses

const targets = {
  pageP95Ms: 50,
  serverCpuMsPerRequest: 4,
  loaderRatio: 3,
  workerPeakRssMb: 250,
  csvSeconds: 3,
  xlsxSeconds: 10,
  exportPeakRssMb: 250,
  importSeconds: 5,
  startupSeconds: 2,
};

type Who = "coordinator" | "manager";
type PageSpec = { name: string; route: string; url: string | ((db: Database.Database) => string); as: Who };

/** The pages measured. `route` is the file in app/routes; a missing file is reported "n/a (route missing)". */
const pages: PageSpec[] = [
  { name: "organizations list (default)", route: "organizations._index", url: "/organizations", as: "coordinator" },
  { name: "organizations kind+oblast by name", route: "organizations._index", url: "/organizations?kind=ngo&oblast=BG-22&sort=name&dir=asc", as: "coordinator" },
  { name: "organizations page 1000", route: "organizations._index", url: "/organizations?page=1000", as: "coordinator" },
  { name: "commitments area+status", route: "commitments._index", url: "/commitments?area=socio_economic&status=in_progress", as: "coordinator" },
  { name: "follow-ups overdue", route: "follow-ups._index", url: "/follow-ups?view=overdue", as: "coordinator" },
  {
    name: "organization detail (largest)",
    route: "organizations.$id._index",
    url: (db) => `/organizations/${largestOrganization(db)}`,
    as: "coordinator",
  },
  { name: "search «sofia»", route: "search", url: "/search?q=sofia", as: "coordinator" },
  { name: "dashboard", route: "_index", url: "/", as: "coordinator" },
];

/** The single-fetch data URL of a page (what a client-side navigation loads). */
function dataUrl(url: string): string {
  const u = new URL(url, "http://localhost");
  const pathname = u.pathname === "/" ? "/_root.data" : `${u.pathname.replace(/\/$/, "")}.data`;
  return `${pathname}${u.search}`;
}

function largestOrganization(db: Database.Database): number {
  const row = db
    .prepare("SELECT organization_id AS id, count(*) AS n FROM interactions WHERE organization_id IS NOT NULL GROUP BY organization_id ORDER BY n DESC LIMIT 1")
    .get() as { id: number } | undefined;
  return row?.id ?? 1;
}

const routeExists = (route: string) => ["tsx", "ts", "jsx", "js"].some((ext) => fs.existsSync(path.join("app/routes", `${route}.${ext}`)));
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.floor(s.length / 2)] : NaN;
};
const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.floor(s.length * p))] : NaN;
};
const round = (x: number, digits = 1) => (Number.isFinite(x) ? Math.round(x * 10 ** digits) / 10 ** digits : null);

// ------------------------------------------------------------------ the server's CPU, from /proc

/** Clock ticks per second of /proc/<pid>/stat (USER_HZ: 100 on every Linux the app runs on). */
const CLOCK_TICKS = (() => {
  const out = spawnSync("getconf", ["CLK_TCK"], { encoding: "utf8" });
  return Number(out.stdout?.trim()) || 100;
})();

/** The server's processes: the one we spawned and its children (the cluster workers). */
function serverPids(primary: number): number[] {
  const children: number[] = [];
  try {
    for (const task of fs.readdirSync(`/proc/${primary}/task`)) {
      const list = fs.readFileSync(`/proc/${primary}/task/${task}/children`, "utf8").trim();
      if (list) children.push(...list.split(/\s+/).map(Number));
    }
  } catch {
    /* not Linux: no figures */
  }
  return [primary, ...children];
}

/** user + system CPU ms a process has used so far (fields 14 and 15 of /proc/<pid>/stat). */
function cpuMsOf(pid: number): number {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" "); // fields[0] is field 3 (state)
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
  } catch {
    return NaN;
  }
}

const cpuSnapshot = (pids: number[]) => new Map(pids.map((pid) => [pid, cpuMsOf(pid)]));

/** CPU ms the server's processes used between two snapshots (the load generator is this process: not counted). */
function cpuBetween(before: Map<number, number>, after: Map<number, number>) {
  let total = 0;
  for (const [pid, ms] of after) total += ms - (before.get(pid) ?? ms);
  return total;
}

// ------------------------------------------------------------------ HTTP under load

async function hammer(url: string, cookie: string, serverPid: number, warmupSeconds = WARMUP_SECONDS) {
  if (warmupSeconds > 0) {
    await new Promise<autocannon.Result>((resolve, reject) =>
      autocannon({ url, connections: CONNECTIONS, duration: warmupSeconds, headers: { cookie }, timeout: 30 }, (error, res) => (error ? reject(error) : resolve(res))),
    );
  }
  const pids = serverPids(serverPid);
  const cpuBefore = cpuSnapshot(pids);
  const latencies: number[] = [];
  let non2xx = 0;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      { url, connections: CONNECTIONS, duration: SECONDS, headers: { cookie }, timeout: 30 },
      (error, res) => (error ? reject(error) : resolve(res)),
    );
    instance.on("response", (_client: unknown, statusCode: number, _bytes: number, responseTime: number) => {
      latencies.push(responseTime);
      if (statusCode < 200 || statusCode >= 300) non2xx++;
    });
  });
  const serverCpuMs = cpuBetween(cpuBefore, cpuSnapshot(pids));
  return {
    p50: round(pct(latencies, 0.5)),
    p95: round(pct(latencies, 0.95)),
    perSecond: round(result.requests.total / SECONDS, 0),
    requests: result.requests.total,
    non2xx,
    errors: result.errors + result.timeouts,
    // Every server process (primary and workers) over the requests they answered.
    serverCpuMsPerRequest: round(serverCpuMs / Math.max(1, result.requests.total), 2),
    serverProcesses: pids.length,
  };
}

// ------------------------------------------------------------------ CPU profile of one page (BENCH_PROFILE=1)

type CpuProfile = {
  nodes: Array<{ id: number; callFrame: { functionName: string; url: string; lineNumber: number }; hitCount?: number; children?: number[] }>;
  samples: number[];
  timeDeltas: number[];
};

/** Where a function comes from: node_modules/<package>, the app (the server build), Node itself, or V8. */
function packageOf(url: string, functionName: string): string {
  if (!url) return functionName.startsWith("(") ? functionName : "(native)";
  if (url.startsWith("node:")) return "node:internal";
  const modules = url.lastIndexOf("/node_modules/");
  if (modules >= 0) {
    const parts = url.slice(modules + "/node_modules/".length).split("/");
    return parts[0].startsWith("@") ? `${parts[0]}/${parts[1]}` : parts[0];
  }
  if (url.includes(`${BUILD_DIR}/server/`)) return "app/";
  return url.replace(/^file:\/\//, "").replace(`${process.cwd()}/`, "");
}

/** Self time per function and per package over the profiles of every worker; idle time left out. */
function summariseProfiles(profiles: CpuProfile[]) {
  const byFunction = new Map<string, { function: string; package: string; ms: number }>();
  const byPackage = new Map<string, number>();
  let busyMs = 0;
  for (const profile of profiles) {
    const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
    // Starting and stopping the profiler itself (node:inspector, under the SIGUSR2 handler) is not the page's cost.
    const profilerOwn = new Set<number>();
    const mark = (id: number, inside: boolean) => {
      const node = nodes.get(id);
      if (!node) return;
      const own = inside || node.callFrame.url === "node:inspector";
      if (own) profilerOwn.add(id);
      for (const child of node.children ?? []) mark(child, own);
    };
    mark(profile.nodes[0].id, false);
    for (let i = 0; i < profile.samples.length; i++) {
      const node = nodes.get(profile.samples[i]);
      if (!node || profilerOwn.has(node.id)) continue;
      const ms = (profile.timeDeltas[i + 1] ?? 0) / 1000; // a sample lasts until the next one
      const { functionName, url, lineNumber } = node.callFrame;
      if (functionName === "(idle)") continue;
      const pkg = packageOf(url, functionName);
      const key = `${functionName}|${url}|${lineNumber}`;
      const entry = byFunction.get(key) ?? { function: `${functionName || "(anonymous)"}${url ? ` ${path.basename(url)}:${lineNumber + 1}` : ""}`, package: pkg, ms: 0 };
      entry.ms += ms;
      byFunction.set(key, entry);
      byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + ms);
      busyMs += ms;
    }
  }
  const share = (ms: number) => round((100 * ms) / Math.max(busyMs, 1e-9), 1);
  return {
    busyMs: round(busyMs, 0),
    topFunctions: [...byFunction.values()]
      .sort((a, b) => b.ms - a.ms)
      .slice(0, 10)
      .map((f) => ({ ...f, ms: round(f.ms, 0), percent: share(f.ms) })),
    byPackage: [...byPackage.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 15)
      .map(([pkg, ms]) => ({ package: pkg, ms: round(ms, 0), percent: share(ms) })),
  };
}

const slug = (name: string) => name.normalize("NFKD").replace(/[^A-Za-z0-9]+/g, "-").replace(/^-|-$/g, "").toLowerCase();

/**
 * Profiles every worker while the page is under load (a second run, so the profiler does not
 * weigh on the figures above): server.mjs starts and stops V8's profiler on SIGUSR2 when
 * BENCH_PROFILE_DIR is set. Writes <dir>/<page>.json (summary), .txt and the first worker's
 * .cpuprofile (opens in Chrome DevTools).
 */
async function profilePage(name: string, baseUrl: string, url: string, cookie: string, serverPid: number, rawDir: string) {
  const pids = serverPids(serverPid);
  const workers = pids.length > 1 ? pids.slice(1) : pids;
  const before = new Set(fs.existsSync(rawDir) ? fs.readdirSync(rawDir) : []);
  for (const pid of workers) process.kill(pid, "SIGUSR2");
  const run = await hammer(`${baseUrl}${url}`, cookie, serverPid, 0); // warm already: the measured run came first
  for (const pid of workers) process.kill(pid, "SIGUSR2");
  const deadline = Date.now() + 30_000;
  let files: string[] = [];
  while (Date.now() < deadline) {
    files = (fs.existsSync(rawDir) ? fs.readdirSync(rawDir) : []).filter((f) => f.endsWith(".cpuprofile") && !before.has(f));
    if (files.length >= workers.length) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  if (!files.length) return { note: "no profile written" };
  const profiles = files.map((f) => JSON.parse(fs.readFileSync(path.join(rawDir, f), "utf8")) as CpuProfile);
  const summary = { page: name, url, workers: files.length, requests: run.requests, errors: run.errors, ...summariseProfiles(profiles) };
  fs.mkdirSync(PROFILE_DIR, { recursive: true });
  const base = path.join(PROFILE_DIR, slug(name));
  fs.writeFileSync(`${base}.json`, `${JSON.stringify(summary, null, 2)}\n`);
  const lines = [
    `${name} — ${url} — ${summary.busyMs} ms busy CPU over ${files.length} worker(s), ${run.requests} requests, profiler on`,
    "",
    "top functions (self time)",
    ...summary.topFunctions.map((f) => `  ${String(f.percent).padStart(5)} %  ${f.package.padEnd(28)} ${f.function}`),
    "",
    "by package",
    ...summary.byPackage.map((p) => `  ${String(p.percent).padStart(5)} %  ${p.package}`),
  ];
  fs.writeFileSync(`${base}.txt`, `${lines.join("\n")}\n`);
  fs.renameSync(path.join(rawDir, files[0]), `${base}.cpuprofile`);
  for (const f of files.slice(1)) fs.rmSync(path.join(rawDir, f), { force: true });
  return { profile: path.relative(process.cwd(), `${base}.txt`), profileTop: summary.byPackage.slice(0, 5).map((p) => `${p.package} ${p.percent} %`).join(", ") };
}

// ------------------------------------------------------------------ memory: one worker, a page mix, 60 s

async function memoryRun(urls: string[], email: string) {
  // One worker, as production runs it (WEB_CONCURRENCY set: a cluster worker with its heap cap); its own figures, not the primary's.
  const server = await startServer({ databasePath: RUN_DB, port: PORT + 2, buildDir: BUILD_DIR, env: { REQUEST_LOG: "off", WEB_CONCURRENCY: "1" } });
  const pid = serverPids(server.proc.pid!).find((p) => p !== server.proc.pid) ?? server.proc.pid!;
  const rssMb = () => Number(/VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0) / 1024;
  try {
    const serverCookie = await signIn(server.url, email);
    const startRss = rssMb();
    const samples: Array<{ second: number; rssMb: number | null }> = [];
    let second = 0;
    const poll = setInterval(() => samples.push({ second: (second += 10), rssMb: round(rssMb(), 0) }), 10_000);
    const cpuBefore = cpuMsOf(pid);
    const result = await new Promise<autocannon.Result>((resolve, reject) =>
      autocannon(
        // Each connection cycles through the pages in turn.
        { url: server.url, connections: CONNECTIONS, duration: MEMORY_SECONDS, headers: { cookie: serverCookie }, timeout: 30, requests: urls.map((u) => ({ method: "GET", path: u })) },
        (error, res) => (error ? reject(error) : resolve(res)),
      ),
    );
    clearInterval(poll);
    const peak = peakRssMb(pid);
    const steady = samples.filter((s) => s.second >= 20).map((s) => s.rssMb ?? 0);
    const growth = steady.length >= 2 ? steady[steady.length - 1] - steady[0] : null;
    return {
      seconds: MEMORY_SECONDS,
      connections: CONNECTIONS,
      pages: urls,
      requests: result.requests.total,
      non2xx: result.non2xx,
      serverCpuMsPerRequest: round((cpuMsOf(pid) - cpuBefore) / Math.max(1, result.requests.total), 2),
      startRssMb: round(startRss, 0),
      rssMb: samples,
      peakRssMb: round(peak, 0),
      // From the 20th second (warm) to the end: a leak shows as steady growth.
      growthMbAfterWarmup: growth,
    };
  } finally {
    await server.stop("SIGTERM");
  }
}

// ------------------------------------------------------------------ loader vs its SQL, in-process

type Recorded = { sql: string; method: string; args: unknown[]; raw: boolean };

/**
 * Runs the route's loader from the production build in this process and records every SQL
 * statement it executes (wrapping the connection's prepare()). The "raw SQL time" replays those
 * statements, already prepared, on a separate connection: the loader's time divided by it is
 * what the loader adds (auth, drizzle, mapping, JSON).
 */
async function loaderVersusSql(build: any, route: string, url: string, cookie: string, replayDb: Database.Database) {
  const module = build.routes[`routes/${route}`]?.module;
  if (!module?.loader) return null;
  const u = new URL(url, "http://localhost");
  const routePattern = build.routes[`routes/${route}`].path as string | undefined;
  const params: Record<string, string> = {};
  if (routePattern?.includes(":id")) params.id = u.pathname.split("/").filter(Boolean)[1];
  const call = async () => {
    const request = new Request(u, { headers: { Cookie: cookie } });
    const result = await module.loader({ request, params, context: { clientIp: "127.0.0.1" } });
    if (result instanceof Response) await result.text();
  };
  await call(); // opens the connection, warms the cache
  const client = (globalThis as any).__bcrmDb.$client as Database.Database;
  const recorded: Recorded[] = [];
  let recording = false;
  // Statements prepared once per connection are not prepared again: record at execution, on the
  // Statement prototype (shared by every statement of the connection), not at prepare().
  const proto = Object.getPrototypeOf(client.prepare("SELECT 1")) as Record<string, (...a: unknown[]) => unknown>;
  const originals = Object.fromEntries(["raw", "all", "get", "run", "iterate"].map((m) => [m, proto[m]]));
  const rawMode = new WeakMap<object, boolean>();
  proto.raw = function (this: object, on = true) {
    if (recording) rawMode.set(this, on as boolean);
    return originals.raw.call(this, on);
  };
  for (const method of ["all", "get", "run", "iterate"]) {
    proto[method] = function (this: { source: string }, ...a: unknown[]) {
      if (recording) recorded.push({ sql: this.source, method, args: a, raw: rawMode.get(this) ?? false });
      return originals[method].apply(this, a);
    };
  }
  recording = true;
  try {
    await call();
  } finally {
    recording = false;
    Object.assign(proto, originals);
  }
  const loaderMs: number[] = [];
  for (let i = 0; i < LOADER_RUNS; i++) {
    const t = performance.now();
    await call();
    loaderMs.push(performance.now() - t);
  }

  const reads = recorded.filter((r) => r.method !== "run");
  const prepared = reads.map((r) => {
    const statement = replayDb.prepare(r.sql);
    if (r.raw && statement.reader) statement.raw(true);
    return { statement, r };
  });
  const sqlMs: number[] = [];
  for (let i = 0; i < LOADER_RUNS; i++) {
    const t = performance.now();
    for (const { statement, r } of prepared) {
      if (r.method === "get") statement.get(...(r.args as unknown[]));
      else if (r.method === "iterate") for (const _ of statement.iterate(...(r.args as unknown[]))) void _;
      else statement.all(...(r.args as unknown[]));
    }
    sqlMs.push(performance.now() - t);
  }
  const loader = median(loaderMs);
  const sql = median(sqlMs);
  // The slowest statements, with SQLite's plan: where an index or a query shape would help.
  const slowest = prepared
    .map(({ statement, r }) => {
      const t = performance.now();
      for (let i = 0; i < 3; i++) statement.all(...(r.args as unknown[]));
      const ms = (performance.now() - t) / 3;
      const plan = (replayDb.prepare(`EXPLAIN QUERY PLAN ${r.sql}`).all(...(r.args as unknown[])) as Array<{ detail: string }>).map((p) => p.detail);
      return { ms: round(ms, 2), sql: r.sql.replace(/\s+/g, " ").slice(0, 400), plan };
    })
    .sort((a, b) => (b.ms ?? 0) - (a.ms ?? 0))
    .slice(0, 3);
  return { loaderMs: round(loader, 2), sqlMs: round(sql, 2), ratio: round(loader / sql, 2), statements: reads.length, writes: recorded.length - reads.length, slowest };
}

// ------------------------------------------------------------------ exports: time and peak RSS

function peakRssMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
  return Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? 0) / 1024;
}

async function timeExport(server: ServerProcess, url: string, cookie: string) {
  const pid = server.proc.pid!;
  // Writing 5 to clear_refs resets the peak (VmHWM), so the figure is this download's peak.
  try {
    fs.writeFileSync(`/proc/${pid}/clear_refs`, "5");
  } catch {
    /* not Linux, or not allowed: the peak then covers the server's whole life */
  }
  let polledPeak = 0;
  const poll = setInterval(() => {
    try {
      const rss = Number(/VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0) / 1024;
      polledPeak = Math.max(polledPeak, rss);
    } catch {
      /* ignore */
    }
  }, 20);
  const started = performance.now();
  const response = await fetch(`${server.url}${url}`, { headers: { Cookie: cookie } });
  let bytes = 0;
  let newlines = 0;
  const reader = response.body!.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes += value.byteLength;
    for (let i = 0; i < value.length; i++) if (value[i] === 10) newlines++;
  }
  const seconds = (performance.now() - started) / 1000;
  clearInterval(poll);
  return { status: response.status, seconds: round(seconds, 2), megabytes: round(bytes / 1e6, 1), csvLines: newlines, peakRssMb: round(Math.max(peakRssMb(pid), polledPeak), 0) };
}

// ------------------------------------------------------------------ import of 10,000 rows (in-process)

async function timeImport(rows: number) {
  const file = path.join("app/models/imports.server.ts");
  if (!fs.existsSync(file)) return { note: "n/a (no imports model)" };
  const imports = await import("../app/models/imports.server.ts");
  const { suggestMapping } = await import("../app/domain/imports.ts");
  const header = ["Наименование", "Вид", "Област", "Община", "Имейл", "Телефон"];
  const lines = [header.join(",")];
  for (let i = 0; i < rows; i++) lines.push(`"Сдружение „Бенчмарк ${i}“",НПО,София (столица),София,bench${i}@example.bg,+359 88 ${1000000 + i}`);
  const bytes = new TextEncoder().encode(lines.join("\r\n"));
  const user = { id: 3, email: "coordinator@bcrm.demo", name: "bench", role: "coordinator" as const, organizationId: null, locale: "bg" as const };
  const started = performance.now();
  const staged = imports.stageImport(user, "organizations", "bench.csv", bytes);
  if (!staged.ok) return { note: `stage failed: ${staged.error}` };
  const mapping = suggestMapping("organizations", header);
  const preview = imports.previewImport(user, staged.id, mapping);
  const previewSeconds = (performance.now() - started) / 1000;
  const result = imports.commitImport(user, staged.id, mapping, {});
  const seconds = (performance.now() - started) / 1000;
  return {
    rows,
    seconds: round(seconds, 2),
    previewSeconds: round(previewSeconds, 2),
    result: result.ok ? { created: result.created, updated: result.updated, skipped: result.skipped } : { failed: result.reason },
    previewRows: preview ? (preview as { rows?: unknown[] }).rows?.length ?? null : null,
    note: "in-process: stageImport + previewImport + commitImport of app/models/imports.server.ts on the scale database",
  };
}

// ------------------------------------------------------------------ main

async function main() {
  // A shared machine's figures are not the app's: the load average before anything starts says which they are.
  const loadAverageBefore = os.loadavg().map((x) => round(x, 2));
  if (!fs.existsSync(BENCH_DB)) {
    throw new Error(`${BENCH_DB} does not exist: run \`npm run seed:scale${SCALE !== null && SCALE !== 1 ? ` -- --scale=${SCALE}` : ""}\` first.`);
  }
  // Always a fresh build of the current code (a stale one would measure yesterday's app), unless asked.
  if (!process.env.BENCH_REUSE_BUILD || !fs.existsSync(path.join(BUILD_DIR, "server/index.js"))) {
    console.log(`Building into ${BUILD_DIR}/ …`);
    const build = spawnSync("npx", ["remix", "vite:build"], { env: { ...process.env, BUILD_DIR }, stdio: "inherit" });
    if (build.status !== 0) throw new Error("build failed");
  }
  // The benchmark signs in, audits and imports: it works on a copy, so the dataset stays as seeded.
  for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(RUN_DB + suffix, { force: true });
  const source = new Database(BENCH_DB);
  source.pragma("wal_checkpoint(TRUNCATE)");
  source.close();
  fs.copyFileSync(BENCH_DB, RUN_DB);
  const counts = (() => {
    const db = new Database(RUN_DB, { readonly: true });
    const c: Record<string, number> = {};
    for (const t of ["organizations", "people", "commitments", "commitment_updates", "follow_ups", "interactions"]) {
      c[t] = (db.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n;
    }
    db.close();
    return c;
  })();
  console.log(`Dataset ${BENCH_DB}: ${Object.entries(counts).map(([k, v]) => `${v} ${k}`).join(", ")}`);

  // Start-up: spawn → first 200 on /healthz (best of 3 cold starts of the process; the OS file cache is warm).
  const startups: number[] = [];
  for (let i = 0; i < (QUICK ? 0 : 2); i++) {
    const s = await startServer({ databasePath: RUN_DB, port: PORT, buildDir: BUILD_DIR, env: { REQUEST_LOG: "off" } });
    startups.push(s.startupMs);
    await s.stop("SIGTERM");
  }
  // Pages are measured with one worker per core (WEB_CONCURRENCY, default 2 here), as production would run.
  const server = await startServer({
    databasePath: RUN_DB,
    port: PORT,
    buildDir: BUILD_DIR,
    env: {
      REQUEST_LOG: "off",
      WEB_CONCURRENCY: process.env.WEB_CONCURRENCY ?? "2",
      ...(PROFILE ? { BENCH_PROFILE_DIR: path.resolve(PROFILE_DIR, ".raw") } : {}),
    },
  });
  startups.push(server.startupMs);
  const startupMs = Math.min(...startups);

  // The production build, in this process too, for the loader-vs-SQL figures.
  process.env.NODE_ENV = "production";
  process.env.DATABASE_PATH = RUN_DB;
  process.env.SESSION_SECRET = SESSION_SECRET;
  const build = await import(path.resolve(BUILD_DIR, "server/index.js"));
  const replayDb = new Database(RUN_DB, { readonly: true });

  const results: Record<string, unknown> = {};
  try {
    const cookies: Record<Who, string> = {
      coordinator: await signIn(server.url, "coordinator@bcrm.demo"),
      manager: await signIn(server.url, "manager@bcrm.demo"),
    };
    const pageResults: Array<Record<string, unknown>> = [];
    for (const page of pages) {
      if (PAGE_FILTER.length && !PAGE_FILTER.some((f) => page.name.includes(f))) continue;
      const url = typeof page.url === "function" ? page.url(replayDb) : page.url;
      if (!routeExists(page.route)) {
        pageResults.push({ name: page.name, url, note: "n/a (route missing)" });
        continue;
      }
      process.stdout.write(`  ${page.name} … `);
      try {
        const probe = await fetch(`${server.url}${url}`, { headers: { Cookie: cookies[page.as] }, redirect: "manual", signal: AbortSignal.timeout(60_000) });
        const html = Buffer.from(await probe.arrayBuffer());
        if (probe.status !== 200) {
          console.log(`answers ${probe.status}`);
          pageResults.push({ name: page.name, url, note: `n/a (answers ${probe.status})` });
          continue;
        }
        // What a client-side navigation fetches instead of the HTML: the single-fetch turbo-stream payload.
        const data = await fetch(`${server.url}${dataUrl(url)}`, { headers: { Cookie: cookies[page.as] }, redirect: "manual" });
        const dataBytes = data.status === 200 ? (await data.arrayBuffer()).byteLength : null;
        const http = process.env.BENCH_SKIP_HTTP ? {} : await hammer(`${server.url}${url}`, cookies[page.as], server.proc.pid!);
        const profiled = PROFILE ? await profilePage(page.name, server.url, url, cookies[page.as], server.proc.pid!, path.resolve(PROFILE_DIR, ".raw")) : {};
        const loader = await loaderVersusSql(build, page.route, url, cookies[page.as], replayDb);
        console.log(
          `p95 ${"p95" in http ? http.p95 : "-"} ms, ${"serverCpuMsPerRequest" in http ? http.serverCpuMsPerRequest : "-"} CPU ms/request, ${html.byteLength} B, loader/SQL ${loader?.ratio}`,
        );
        pageResults.push({ name: page.name, url, responseBytes: html.byteLength, dataBytes, ...http, ...profiled, ...(loader ?? { note: "no loader" }) });
      } catch (error) {
        console.log(`failed: ${error instanceof Error ? error.message : error}`);
        pageResults.push({ name: page.name, url, note: `failed: ${error instanceof Error ? error.message : error}` });
        if (server.proc.exitCode !== null) throw new Error(`the server died:\n${server.lines.slice(-20).join("\n")}`);
      }
    }
    results.pages = pageResults;

    const exportsResult: Record<string, unknown> = {};
    if (QUICK) exportsResult.note = "skipped (BENCH_QUICK)";
    else if (routeExists("exports.$file")) {
      for (const format of ["csv", "xlsx"] as const) {
        process.stdout.write(`  export ${format} … `);
        // A fresh server per export, so its peak RSS is the export's and not what the page
        // benchmark above left in the heap.
        const exportServer = await startServer({ databasePath: RUN_DB, port: PORT + 1, buildDir: BUILD_DIR, env: { REQUEST_LOG: "off" } });
        try {
          const managerCookie = await signIn(exportServer.url, "manager@bcrm.demo");
          exportsResult[format] = await timeExport(exportServer, `/exports/organizations.${format}?archived=all`, managerCookie);
          console.log(`${(exportsResult[format] as { seconds: number }).seconds} s`);
        } catch (error) {
          exportsResult[format] = { note: `failed: ${error instanceof Error ? error.message : error}` };
          console.log("failed");
        } finally {
          await exportServer.stop("SIGTERM");
        }
      }
    } else exportsResult.note = "n/a (route missing)";
    results.exports = exportsResult;
    results.startupMs = round(startupMs, 0);
    if (MEMORY) {
      process.stdout.write(`  memory: one worker, ${CONNECTIONS} connections, ${MEMORY_SECONDS} s of the page mix … `);
      const urls = pageResults.filter((p) => p.responseBytes != null).map((p) => p.url as string);
      results.memory = urls.length ? await memoryRun(urls, "coordinator@bcrm.demo") : { note: "no page answered" };
      const m = results.memory as Record<string, any>;
      console.log(m.peakRssMb != null ? `peak ${m.peakRssMb} MB, RSS every 10 s ${m.rssMb.map((s: { rssMb: number }) => s.rssMb).join(" ")} MB` : m.note);
    }
  } finally {
    await server.stop("SIGTERM");
  }
  if (!QUICK) {
    process.stdout.write("  import 10,000 rows … ");
    results.import = await timeImport(10_000);
    console.log("done");
  } else results.import = { note: "skipped (BENCH_QUICK)" };
  replayDb.close();

  // ---- report
  const table = (results.pages as Array<Record<string, any>>).map((p) => ({
    page: p.name,
    "p50 ms": p.p50 ?? p.note,
    "p95 ms": p.p95 ?? "",
    "req/s": p.perSecond ?? "",
    "CPU ms/req": p.serverCpuMsPerRequest ?? "",
    KB: p.responseBytes != null ? round(p.responseBytes / 1024, 1) : "",
    "loader ms": p.loaderMs ?? "",
    "SQL ms": p.sqlMs ?? "",
    ratio: p.ratio ?? "",
    ok:
      p.p95 == null
        ? ""
        : p.p95 <= targets.pageP95Ms && (p.ratio ?? 0) <= targets.loaderRatio && (p.serverCpuMsPerRequest ?? 0) <= targets.serverCpuMsPerRequest
          ? "yes"
          : "NO",
  }));
  console.table(table);
  const ex = results.exports as Record<string, any>;
  const im = results.import as Record<string, any>;
  const other = [
    { figure: "CSV export, all organizations", value: ex.csv?.seconds != null ? `${ex.csv.seconds} s, ${ex.csv.csvLines - 1} rows, peak RSS ${ex.csv.peakRssMb} MB` : ex.csv?.note ?? ex.note, target: `≤ ${targets.csvSeconds} s, ≤ ${targets.exportPeakRssMb} MB` },
    { figure: "XLSX export, all organizations", value: ex.xlsx?.seconds != null ? `${ex.xlsx.seconds} s, ${ex.xlsx.megabytes} MB, peak RSS ${ex.xlsx.peakRssMb} MB` : ex.xlsx?.note ?? ex.note, target: `≤ ${targets.xlsxSeconds} s, ≤ ${targets.exportPeakRssMb} MB` },
    { figure: "import 10,000 rows", value: im.seconds != null ? `${im.seconds} s (${JSON.stringify(im.result)})` : im.note, target: `≤ ${targets.importSeconds} s` },
    { figure: "start-up to first 200 on /healthz", value: `${results.startupMs} ms`, target: `≤ ${targets.startupSeconds * 1000} ms` },
    ...(results.memory
      ? [
          {
            figure: `worker RSS, ${CONNECTIONS} connections, ${MEMORY_SECONDS} s`,
            value: (results.memory as any).peakRssMb != null ? `peak ${(results.memory as any).peakRssMb} MB, growth after 20 s ${(results.memory as any).growthMbAfterWarmup} MB` : (results.memory as any).note,
            target: `≤ ${targets.workerPeakRssMb} MB, no growth`,
          },
        ]
      : []),
  ];
  console.table(other);
  const machine = { cpus: os.cpus().length, loadAverageBefore, loadAverage: os.loadavg().map((x) => round(x, 2)), node: process.version };
  // The scale asked for, or read off the dataset (seed-scale adds 100,000 × scale organizations to the demo's few).
  const scale = SCALE ?? round(counts.organizations / 100_000, 1);
  const output = {
    at: new Date().toISOString(),
    machine,
    scale,
    database: BENCH_DB,
    dataset: counts,
    settings: { connections: CONNECTIONS, secondsPerPage: SECONDS, warmupSeconds: WARMUP_SECONDS, loaderRuns: LOADER_RUNS, buildDir: BUILD_DIR, profile: PROFILE, memorySeconds: MEMORY ? MEMORY_SECONDS : null, quick: QUICK, pages: PAGE_FILTER.length ? PAGE_FILTER : "all" },
    targets,
    ...results,
  };
  fs.mkdirSync(path.dirname(RESULTS), { recursive: true });
  fs.writeFileSync(RESULTS, `${JSON.stringify(output, null, 2)}\n`);
  console.log(`Wrote ${RESULTS} (load average before the run: ${loadAverageBefore.join(", ")})`);
  for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(RUN_DB + suffix, { force: true });
  process.exit(0);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
