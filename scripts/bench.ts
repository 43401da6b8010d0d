// The benchmark: the production build on the scale dataset (npm run seed:scale first).
//
//   npm run bench                       # BENCH_SECONDS=8 per page, 8 connections, port 3214
//   BUILD_DIR=build-bench BENCH_DB=bench/scale.sqlite npm run bench
//
// Prints a table and writes bench/results.json; bench/README.md explains every figure.
// To add a page: add a line to `pages` below (route file, URL, who signs in).
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import autocannon from "autocannon";
import Database from "better-sqlite3";
import { signIn, startServer, type ServerProcess } from "./lib/prod-server.ts";

const BENCH_DB = process.env.BENCH_DB ?? "bench/scale.sqlite";
const RUN_DB = process.env.BENCH_RUN_DB ?? "bench/run.sqlite";
const BUILD_DIR = process.env.BUILD_DIR ?? "build-bench";
const PORT = Number(process.env.BENCH_PORT ?? 3214);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const CONNECTIONS = 8;
const LOADER_RUNS = Number(process.env.BENCH_LOADER_RUNS ?? 30);
const SESSION_SECRET = "load-test-session-secret-not-for-production"; // the one startServer() uses

const targets = {
  pageP95Ms: 50,
  loaderRatio: 3,
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

// ------------------------------------------------------------------ HTTP under load

async function hammer(url: string, cookie: string) {
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
  return {
    p50: round(pct(latencies, 0.5)),
    p95: round(pct(latencies, 0.95)),
    perSecond: round(result.requests.total / SECONDS, 0),
    requests: result.requests.total,
    non2xx,
    errors: result.errors + result.timeouts,
  };
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
  const originalPrepare = client.prepare.bind(client);
  (client as any).prepare = (sql: string) => {
    const statement = originalPrepare(sql);
    let raw = false;
    const proxy: any = new Proxy(statement, {
      get(target: any, prop) {
        const value = target[prop];
        if (typeof value !== "function") return value;
        if (prop === "raw") return (on = true) => ((raw = on), target.raw(on), proxy);
        if (["pluck", "expand", "safeIntegers", "bind"].includes(prop as string)) return (...a: unknown[]) => (value.apply(target, a), proxy);
        if (["all", "get", "run", "iterate"].includes(prop as string)) {
          return (...a: unknown[]) => {
            if (recording) recorded.push({ sql, method: prop as string, args: a, raw });
            return value.apply(target, a);
          };
        }
        return value.bind(target);
      },
    });
    return proxy;
  };
  recording = true;
  await call();
  recording = false;
  const loaderMs: number[] = [];
  for (let i = 0; i < LOADER_RUNS; i++) {
    const t = performance.now();
    await call();
    loaderMs.push(performance.now() - t);
  }
  (client as any).prepare = originalPrepare;

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
  if (!fs.existsSync(BENCH_DB)) throw new Error(`${BENCH_DB} does not exist: run \`npm run seed:scale\` first.`);
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
  for (let i = 0; i < 2; i++) {
    const s = await startServer({ databasePath: RUN_DB, port: PORT, buildDir: BUILD_DIR, env: { REQUEST_LOG: "off" } });
    startups.push(s.startupMs);
    await s.stop("SIGTERM");
  }
  // Pages are measured with one worker per core (WEB_CONCURRENCY, default 2 here), as production would run.
  const server = await startServer({
    databasePath: RUN_DB,
    port: PORT,
    buildDir: BUILD_DIR,
    env: { REQUEST_LOG: "off", WEB_CONCURRENCY: process.env.WEB_CONCURRENCY ?? "2" },
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
      const url = typeof page.url === "function" ? page.url(replayDb) : page.url;
      if (!routeExists(page.route)) {
        pageResults.push({ name: page.name, url, note: "n/a (route missing)" });
        continue;
      }
      process.stdout.write(`  ${page.name} … `);
      try {
        const probe = await fetch(`${server.url}${url}`, { headers: { Cookie: cookies[page.as] }, redirect: "manual", signal: AbortSignal.timeout(60_000) });
        const html = await probe.text();
        if (probe.status !== 200) {
          console.log(`answers ${probe.status}`);
          pageResults.push({ name: page.name, url, note: `n/a (answers ${probe.status})` });
          continue;
        }
        const http = process.env.BENCH_SKIP_HTTP ? {} : await hammer(`${server.url}${url}`, cookies[page.as]);
        const loader = await loaderVersusSql(build, page.route, url, cookies[page.as], replayDb);
        console.log(`p95 ${"p95" in http ? http.p95 : "-"} ms, loader/SQL ${loader?.ratio}`);
        pageResults.push({ name: page.name, url, htmlKb: Math.round(html.length / 1024), ...http, ...(loader ?? { note: "no loader" }) });
      } catch (error) {
        console.log(`failed: ${error instanceof Error ? error.message : error}`);
        pageResults.push({ name: page.name, url, note: `failed: ${error instanceof Error ? error.message : error}` });
        if (server.proc.exitCode !== null) throw new Error(`the server died:\n${server.lines.slice(-20).join("\n")}`);
      }
    }
    results.pages = pageResults;

    const exportsResult: Record<string, unknown> = {};
    if (routeExists("exports.$file")) {
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
  } finally {
    await server.stop("SIGTERM");
  }
  process.stdout.write("  import 10,000 rows … ");
  results.import = await timeImport(10_000);
  console.log("done");
  replayDb.close();

  // ---- report
  const table = (results.pages as Array<Record<string, any>>).map((p) => ({
    page: p.name,
    "p50 ms": p.p50 ?? p.note,
    "p95 ms": p.p95 ?? "",
    "req/s": p.perSecond ?? "",
    "loader ms": p.loaderMs ?? "",
    "SQL ms": p.sqlMs ?? "",
    ratio: p.ratio ?? "",
    ok: p.p95 == null ? "" : p.p95 <= targets.pageP95Ms && (p.ratio ?? 0) <= targets.loaderRatio ? "yes" : "NO",
  }));
  console.table(table);
  const ex = results.exports as Record<string, any>;
  const im = results.import as Record<string, any>;
  const other = [
    { figure: "CSV export, all organizations", value: ex.csv?.seconds != null ? `${ex.csv.seconds} s, ${ex.csv.csvLines - 1} rows, peak RSS ${ex.csv.peakRssMb} MB` : ex.csv?.note ?? ex.note, target: `≤ ${targets.csvSeconds} s, ≤ ${targets.exportPeakRssMb} MB` },
    { figure: "XLSX export, all organizations", value: ex.xlsx?.seconds != null ? `${ex.xlsx.seconds} s, ${ex.xlsx.megabytes} MB, peak RSS ${ex.xlsx.peakRssMb} MB` : ex.xlsx?.note ?? ex.note, target: `≤ ${targets.xlsxSeconds} s, ≤ ${targets.exportPeakRssMb} MB` },
    { figure: "import 10,000 rows", value: im.seconds != null ? `${im.seconds} s (${JSON.stringify(im.result)})` : im.note, target: `≤ ${targets.importSeconds} s` },
    { figure: "start-up to first 200 on /healthz", value: `${results.startupMs} ms`, target: `≤ ${targets.startupSeconds * 1000} ms` },
  ];
  console.table(other);
  const machine = { cpus: (await import("node:os")).cpus().length, loadAverage: (await import("node:os")).loadavg().map((x) => round(x, 2)), node: process.version };
  const output = { at: new Date().toISOString(), machine, dataset: counts, settings: { connections: CONNECTIONS, secondsPerPage: SECONDS, loaderRuns: LOADER_RUNS, buildDir: BUILD_DIR }, targets, ...results };
  fs.mkdirSync("bench", { recursive: true });
  fs.writeFileSync("bench/results.json", `${JSON.stringify(output, null, 2)}\n`);
  console.log("Wrote bench/results.json");
  for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(RUN_DB + suffix, { force: true });
  process.exit(0);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
