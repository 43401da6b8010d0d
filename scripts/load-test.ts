// Concurrency and faults, against the production server on a copy of the demo database.
//
//   npm run test:load                 # 20 coordinators, 60 s of mixed reads and writes, then the crash test
//   npm run test:load -- --seconds=5  # shorter
//
// Needs a production build (BUILD_DIR, default build/). The short form runs inside `npm test`
// (tests/integration/scale-load.test.ts). What is checked:
//   load:  every acknowledged create (302) is in the database; no update was lost — for every
//          organization, the version grew by exactly the number of acknowledged edits, and each
//          acknowledged edit has its audit entry (409 "stale" answers are expected and fine);
//          no 5xx; no SQLITE_BUSY (or any error) in the server log.
//   crash: SIGKILL in the middle of a burst of writes (and of an import, when /imports exists),
//          restart, integrity_check = ok, every write acknowledged before the kill is there,
//          the import is all-or-nothing.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { createDemoDatabase, signIn, startServer } from "./lib/prod-server.ts";

export const LOAD_USERS = 20;

type Sample = { kind: string; status: number; ms: number };

export type LoadReport = {
  seconds: number;
  requests: number;
  perSecond: number;
  byKind: Record<string, { count: number; p50: number; p95: number; statuses: Record<string, number> }>;
  acknowledgedCreates: number;
  acknowledgedEdits: number;
  staleEdits: number;
  problems: string[];
};

const percentile = (sorted: number[], p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] : 0);
const versionIn = (html: string) => Number(/name="version" value="(\d+)"|value="(\d+)" name="version"/.exec(html)?.slice(1).find(Boolean) ?? NaN);

/** 20 coordinator accounts with the demo password (the hash of coordinator@bcrm.demo). */
function addLoadUsers(file: string, count: number): string[] {
  const db = new Database(file);
  const hash = (db.prepare("SELECT password_hash FROM users WHERE email = 'coordinator@bcrm.demo'").get() as { password_hash: string }).password_hash;
  const insert = db.prepare("INSERT INTO users (email, name, password_hash, role, locale, active) VALUES (?, ?, ?, 'coordinator', 'bg', 1)");
  const emails = Array.from({ length: count }, (_, i) => `load-coordinator-${i + 1}@bcrm.demo`);
  db.transaction(() => emails.forEach((email, i) => insert.run(email, `Координатор ${i + 1}`, hash)))();
  db.close();
  return emails;
}

export async function runLoadTest(options: { seconds: number; port: number; users?: number; dir?: string }): Promise<LoadReport> {
  const dir = options.dir ?? fs.mkdtempSync(path.join(os.tmpdir(), "bcrm-load-"));
  const databasePath = path.join(dir, "load.sqlite");
  await createDemoDatabase(databasePath);
  const emails = addLoadUsers(databasePath, options.users ?? LOAD_USERS);

  const setup = new Database(databasePath, { readonly: true });
  const organizations = setup.prepare("SELECT id, name, kind, oblast, version FROM organizations WHERE archived = 0 ORDER BY id").all() as Array<{
    id: number; name: string; kind: string; oblast: string | null; version: number;
  }>;
  setup.close();
  // Edits go to a handful of organizations so concurrent editors really collide.
  const hot = organizations.slice(0, 6);
  const initialVersion = new Map(hot.map((o) => [o.id, o.version]));

  const server = await startServer({ databasePath, port: options.port });
  const samples: Sample[] = [];
  const created: Array<{ id: number; name: string }> = [];
  const editsAcknowledged: Array<{ id: number; token: string }> = [];
  let stale = 0;
  const problems: string[] = [];

  async function timed(kind: string, url: string, init: RequestInit) {
    const started = performance.now();
    const response = await fetch(url, { ...init, redirect: "manual" });
    const text = await response.text();
    samples.push({ kind, status: response.status, ms: performance.now() - started });
    if (response.status >= 500) problems.push(`${kind} ${url} answered ${response.status}`);
    return { response, text };
  }

  try {
    const deadline = Date.now() + options.seconds * 1000;
    await Promise.all(
      emails.map(async (email, worker) => {
        const cookie = await signIn(server.url, email);
        const headers = { Cookie: cookie };
        let n = 0;
        while (Date.now() < deadline) {
          n++;
          const roll = Math.random();
          const org = organizations[Math.floor(Math.random() * organizations.length)];
          if (roll < 0.3) {
            await timed("list", `${server.url}/organizations?page=${1 + Math.floor(Math.random() * 3)}&sort=${Math.random() < 0.5 ? "name" : "updated"}`, { headers });
          } else if (roll < 0.55) {
            await timed("detail", `${server.url}/organizations/${org.id}`, { headers });
          } else if (roll < 0.85) {
            const target = hot[Math.floor(Math.random() * hot.length)];
            const form = await timed("edit-form", `${server.url}/organizations/${target.id}/edit`, { headers });
            const version = versionIn(form.text);
            if (!Number.isFinite(version)) {
              problems.push(`no version field on /organizations/${target.id}/edit (${form.response.status})`);
              continue;
            }
            const token = `load-${worker}-${n}`;
            const body = new URLSearchParams({ name: target.name, kind: target.kind, oblast: target.oblast ?? "", description: token, version: String(version) });
            const saved = await timed("edit", `${server.url}/organizations/${target.id}/edit`, { method: "POST", headers, body });
            if (saved.response.status === 302) editsAcknowledged.push({ id: target.id, token });
            else if (saved.response.status === 409) stale++;
            else problems.push(`edit answered ${saved.response.status}`);
          } else {
            const name = `Товарен тест ${worker}-${n} „Ново сдружение“`;
            const body = new URLSearchParams({ name, kind: "ngo", oblast: "BG-22" });
            const saved = await timed("create", `${server.url}/organizations/new`, { method: "POST", headers, body });
            const id = Number(/\/organizations\/(\d+)/.exec(saved.response.headers.get("Location") ?? "")?.[1]);
            if (saved.response.status === 302 && id) created.push({ id, name });
            else problems.push(`create answered ${saved.response.status}`);
          }
        }
      }),
    );
  } finally {
    await server.stop("SIGTERM");
  }

  // ---- checks, on the file the server wrote
  const db = new Database(databasePath, { readonly: true });
  const nameOf = db.prepare("SELECT name FROM organizations WHERE id = ?");
  for (const c of created) {
    const row = nameOf.get(c.id) as { name: string } | undefined;
    if (row?.name !== c.name) problems.push(`acknowledged create ${c.id} «${c.name}» is missing`);
  }
  const versionOf = db.prepare("SELECT version FROM organizations WHERE id = ?");
  const auditOf = db.prepare("SELECT count(*) AS n FROM audit_entries WHERE entity_type = 'organization' AND entity_id = ? AND action = 'update' AND changes LIKE ?");
  for (const o of hot) {
    const acknowledged = editsAcknowledged.filter((e) => e.id === o.id);
    const { version } = versionOf.get(o.id) as { version: number };
    // Each acknowledged edit bumps the version exactly once; nothing else edits these rows.
    if (version - initialVersion.get(o.id)! !== acknowledged.length) {
      problems.push(`organization ${o.id}: version went ${initialVersion.get(o.id)} → ${version} for ${acknowledged.length} acknowledged edits`);
    }
    for (const e of acknowledged) {
      if ((auditOf.get(o.id, `%,"${e.token}"]%`) as { n: number }).n !== 1) problems.push(`edit ${e.token} of ${o.id} has no audit entry`);
    }
  }
  const integrity = (db.pragma("integrity_check") as Array<{ integrity_check: string }>)[0].integrity_check;
  if (integrity !== "ok") problems.push(`integrity_check: ${integrity}`);
  db.close();
  for (const line of server.lines) {
    if (/SQLITE_BUSY|database is locked/i.test(line)) problems.push(`server log: ${line.slice(0, 200)}`);
    else if (/"status":5\d\d/.test(line)) problems.push(`server log: ${line.slice(0, 200)}`);
    else if (/Error|error/.test(line) && !line.startsWith("{")) problems.push(`server log: ${line.slice(0, 200)}`);
  }
  if (!options.dir) fs.rmSync(dir, { recursive: true, force: true });

  const byKind: LoadReport["byKind"] = {};
  for (const kind of [...new Set(samples.map((s) => s.kind))]) {
    const mine = samples.filter((s) => s.kind === kind);
    const ms = mine.map((s) => s.ms).sort((a, b) => a - b);
    const statuses: Record<string, number> = {};
    for (const s of mine) statuses[s.status] = (statuses[s.status] ?? 0) + 1;
    byKind[kind] = { count: mine.length, p50: Math.round(percentile(ms, 0.5)), p95: Math.round(percentile(ms, 0.95)), statuses };
  }
  return {
    seconds: options.seconds,
    requests: samples.length,
    perSecond: Math.round(samples.length / options.seconds),
    byKind,
    acknowledgedCreates: created.length,
    acknowledgedEdits: editsAcknowledged.length,
    staleEdits: stale,
    problems,
  };
}

// ------------------------------------------------------------------ crash

export type CrashReport = {
  acknowledgedBeforeKill: number;
  unacknowledged: number;
  integrity: string;
  missing: number[];
  import: { ran: boolean; note: string; rowsAfterRestart?: number; expectedRows?: number };
  problems: string[];
};

const importRouteExists = () => fs.existsSync(path.resolve("app/routes")) && fs.readdirSync("app/routes").some((f) => /^imports(\.|_)/.test(f));

export async function runCrashTest(options: {
  port: number;
  burstMs?: number;
  dir?: string;
  importRows?: number;
  importKillAfterMs?: number;
}): Promise<CrashReport> {
  const dir = options.dir ?? fs.mkdtempSync(path.join(os.tmpdir(), "bcrm-crash-"));
  const databasePath = path.join(dir, "crash.sqlite");
  await createDemoDatabase(databasePath);
  const problems: string[] = [];

  let server = await startServer({ databasePath, port: options.port });
  const cookie = await signIn(server.url, "coordinator@bcrm.demo");
  const acknowledged: Array<{ id: number; name: string }> = [];
  let unacknowledged = 0;
  let killed = false;
  const killAt = Date.now() + (options.burstMs ?? 1500);

  // 8 writers in parallel; SIGKILL lands while several of their requests are in flight.
  const writers = Array.from({ length: 8 }, async (_, w) => {
    for (let n = 0; !killed; n++) {
      const name = `Срив ${w}-${n}`;
      try {
        const response = await fetch(`${server.url}/organizations/new`, {
          method: "POST",
          headers: { Cookie: cookie },
          body: new URLSearchParams({ name, kind: "ngo" }),
          redirect: "manual",
        });
        const id = Number(/\/organizations\/(\d+)/.exec(response.headers.get("Location") ?? "")?.[1]);
        if (response.status === 302 && id) acknowledged.push({ id, name });
        else problems.push(`create answered ${response.status} before the kill`);
      } catch {
        unacknowledged++; // the connection died with the server: not acknowledged, may or may not be saved
      }
    }
  });
  while (Date.now() < killAt) await new Promise((r) => setTimeout(r, 20));
  const acknowledgedAtKill = acknowledged.length;
  server.proc.kill("SIGKILL");
  killed = true;
  await server.exited;
  await Promise.all(writers);
  // Responses that arrived after kill() was called were sent before the process died: still acknowledged.

  let importReport: CrashReport["import"] = { ran: false, note: "no /imports route in app/routes yet: import crash not tested" };
  const importRows = options.importRows ?? 20_000;
  if (importRouteExists()) {
    // Upload a CSV (staged), then SIGKILL while the commit of all its rows runs.
    server = await startServer({ databasePath, port: options.port });
    const importCookie = await signIn(server.url, "coordinator@bcrm.demo");
    const csv = ["Наименование,Вид,Община", ...Array.from({ length: importRows }, (_, i) => `Импорт срив ${i},НПО,Пловдив`)].join("\r\n");
    const upload = new FormData();
    upload.append("intent", "upload");
    upload.append("kind", "organizations");
    upload.append("file", new Blob([csv], { type: "text/csv" }), "crash.csv");
    const staged = await fetch(`${server.url}/imports`, { method: "POST", headers: { Cookie: importCookie }, body: upload, redirect: "manual" });
    const importId = Number(/\/imports\/(\d+)/.exec(staged.headers.get("Location") ?? "")?.[1]);
    if (!importId) {
      importReport = { ran: false, note: `upload to /imports answered ${staged.status}: import crash not tested` };
      await server.stop("SIGKILL");
    } else {
      let answered = false;
      const commit = fetch(`${server.url}/imports/${importId}`, {
        method: "POST",
        headers: { Cookie: importCookie },
        body: new URLSearchParams({ intent: "commit", m0: "name", m1: "kind", m2: "municipality" }),
        redirect: "manual",
      }).then(
        (r) => ((answered = true), r.status),
        () => null,
      );
      await new Promise((r) => setTimeout(r, options.importKillAfterMs ?? 250));
      server.proc.kill("SIGKILL");
      await server.exited;
      const status = await commit;
      importReport = {
        ran: true,
        note: answered ? `the commit answered ${status} before the kill (not mid-import; raise the row count)` : "SIGKILL landed while the commit ran",
        expectedRows: importRows,
      };
    }
  }

  // Restart on the same file: SQLite recovers from the WAL; then check everything.
  server = await startServer({ databasePath, port: options.port });
  await server.stop("SIGTERM");
  const db = new Database(databasePath, { readonly: true });
  if (importReport.ran) {
    const rows = (db.prepare("SELECT count(*) AS n FROM organizations WHERE name LIKE 'Импорт срив %'").get() as { n: number }).n;
    importReport.rowsAfterRestart = rows;
    if (rows !== 0 && rows !== importRows) problems.push(`import is not all-or-nothing: ${rows} of ${importRows} rows after the crash`);
  }
  const integrity = (db.pragma("integrity_check") as Array<{ integrity_check: string }>)[0].integrity_check;
  if (integrity !== "ok") problems.push(`integrity_check: ${integrity}`);
  const nameOf = db.prepare("SELECT name FROM organizations WHERE id = ?");
  const missing = acknowledged.filter((a) => (nameOf.get(a.id) as { name: string } | undefined)?.name !== a.name).map((a) => a.id);
  if (missing.length) problems.push(`${missing.length} acknowledged writes missing after the crash`);
  db.close();
  if (acknowledgedAtKill === 0) problems.push("no write was acknowledged before the kill: the burst did not run");
  if (!options.dir) fs.rmSync(dir, { recursive: true, force: true });
  return { acknowledgedBeforeKill: acknowledged.length, unacknowledged, integrity, missing, import: importReport, problems };
}

// ------------------------------------------------------------------ CLI

async function main() {
  const seconds = Number(process.argv.find((a) => a.startsWith("--seconds="))?.split("=")[1] ?? 60);
  const port = Number(process.env.LOAD_TEST_PORT ?? 3212);
  console.log(`Load test: ${LOAD_USERS} coordinators, ${seconds} s, build ${process.env.BUILD_DIR ?? "build"}, port ${port}`);
  const load = await runLoadTest({ seconds, port });
  console.table(load.byKind);
  console.log(`${load.requests} requests (${load.perSecond}/s); ${load.acknowledgedCreates} creates and ${load.acknowledgedEdits} edits acknowledged, ${load.staleEdits} stale edits refused with 409`);
  console.log("Crash test: SIGKILL during a burst of writes");
  const crash = await runCrashTest({ port });
  console.log(`${crash.acknowledgedBeforeKill} writes acknowledged before the kill, ${crash.unacknowledged} cut off; integrity_check ${crash.integrity}; missing ${crash.missing.length}`);
  console.log(`Import crash: ${crash.import.note}; rows after restart: ${crash.import.rowsAfterRestart ?? "-"} of ${crash.import.expectedRows ?? "-"}`);
  const problems = [...load.problems, ...crash.problems];
  if (problems.length) {
    console.error(`FAILED:\n- ${problems.slice(0, 50).join("\n- ")}`);
    process.exitCode = 1;
  } else console.log("OK: no lost write, no lost update, no 5xx, no SQLITE_BUSY, database intact after SIGKILL.");
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename ?? "")) {
  main().catch((error) => {
    console.error(error);
    process.exitCode = 1;
  });
}
