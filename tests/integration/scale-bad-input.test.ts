// Bad input everywhere: a property-based test over EVERY route in app/routes, found at test time
// (a new route is covered without touching this file). For every action it posts generated bad
// values for each field the route (or a form component / domain schema it imports) names, plus
// every intent; for every loader it sends bad URL parameters. As admin, coordinator and a partner:
//   - never a 5xx, never an error thrown that is not a Response;
//   - a refused request (4xx) changed no row (checksum of every table but audit_entries/sessions);
//   - a 400 from an action says what is wrong (an `errors`/`error` payload).
// Some bodies are not forms at all (broken multipart, no boundary, JSON, no Content-Type): those
// are refused with 400 too. The same over HTTP against the production server: http-bad-body.test.ts.
// BAD_INPUT_RUNS (default 6) sets the number of generated cases per route and role.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { getDb } from "#app/db/client.server.ts";
import * as enums from "#app/domain/enums.ts";
import { sessionCookieFor, type DemoUser } from "#tests/helpers.ts";
import { fillPattern, routeFiles, routesDir, urlPatternOf } from "./route-files.ts";

const RUNS = Number(process.env.BAD_INPUT_RUNS ?? 6);
const roles: DemoUser[] = ["admin", "coordinator", "partnerSofia"];

// ---------------------------------------------------------------- what the routes are

type RouteInfo = { file: string; pattern: string; params: string[]; fields: string[]; intents: string[]; queryKeys: string[] };

/** The route's own source and the app modules it imports (form components, domain schemas). */
function sourcesOf(file: string): string[] {
  const own = fs.readFileSync(path.join(routesDir, file), "utf8");
  const imported = [...own.matchAll(/from\s+"#app\/((?:components|domain)\/[^"]+)"/g)].map((m) => path.resolve("app", m[1]));
  return [own, ...imported.filter((f) => fs.existsSync(f)).map((f) => fs.readFileSync(f, "utf8"))];
}

function describeRoute(file: string): RouteInfo {
  const sources = sourcesOf(file);
  const all = sources.join("\n");
  const own = sources[0];
  const fields = new Set<string>();
  for (const m of all.matchAll(/\bname=(?:"([^"]+)"|\{"([^"]+)"\}|'([^']+)')/g)) fields.add(m[1] ?? m[2] ?? m[3]);
  for (const m of all.matchAll(/formData\.get(?:All)?\("([^"]+)"\)/g)) fields.add(m[1]);
  // Keys of zod object schemas in imported domain modules (`name: requiredText(300),`).
  for (const m of all.matchAll(/^\s{2,4}(\w+):\s*(?:required|optional|z\.|idParam|versionField|[a-z]+Field)/gm)) fields.add(m[1]);
  const intents = new Set<string>();
  for (const m of all.matchAll(/INTENT\s*=\s*\{([^}]*)\}/g)) for (const v of m[1].matchAll(/:\s*"([^"]+)"/g)) intents.add(v[1]);
  for (const m of all.matchAll(/intent\s*===\s*"([^"]+)"/g)) intents.add(m[1]);
  for (const m of all.matchAll(/name="intent"\s+value="([^"]+)"/g)) intents.add(m[1]);
  const queryKeys = new Set(["q", "sort", "dir", "page", "perPage"]);
  for (const m of own.matchAll(/searchParams\.get(?:All)?\("([^"]+)"\)/g)) queryKeys.add(m[1]);
  // Filter keys of list specs (`filters: { kind: ..., oblast: ... }`) in the imported domain modules.
  for (const m of all.matchAll(/filters:\s*\{([\s\S]*?)\n?\s*\}/g)) for (const k of m[1].matchAll(/(\w+):\s*z\./g)) queryKeys.add(k[1]);
  return { file, ...urlPatternOf(file), fields: [...fields].filter((f) => f !== "intent"), intents: [...intents], queryKeys: [...queryKeys] };
}


// ---------------------------------------------------------------- the bad values

const enumValues = Object.values(enums).filter(Array.isArray).flat().filter((v): v is string => typeof v === "string");
const badText = fc.oneof(
  fc.constant(""),
  fc.constant(" "),
  fc.constant("x".repeat(100_000)),
  fc.constant("Ж".repeat(20_000)),
  fc.constant("a\u0000b"),
  fc.constant("\u0000"),
  fc.constant("Съвместно пишем новите истории «Манифест» — ЁЖЫЭ ѝ"),
  fc.constant("<script>alert(1)</script>"),
  fc.constant("=cmd|' /C calc'!A0"),
  fc.constant('=HYPERLINK("http://evil","x")'),
  fc.constant("'; DROP TABLE organizations; --"),
  fc.constant("1 OR 1=1"),
  fc.constant("\" OR \"\"=\""),
  fc.constant("%"),
  fc.constant("_"),
  fc.constant("1e308"),
  fc.constant("-1"),
  fc.constant("-0"),
  fc.constant("0"),
  fc.constant("99999999999999999999999"),
  fc.constant("9007199254740993"),
  fc.constant("NaN"),
  fc.constant("Infinity"),
  fc.constant("1.5"),
  fc.constant("0x10"),
  fc.constant("2021-02-30"),
  fc.constant("31.12.2021"),
  fc.constant("0000-00-00"),
  fc.constant("2021-13-01"),
  fc.constant("99999-01-01"),
  fc.constant("not_a_valid_enum_value"),
  fc.constant("true"),
  fc.constant("[object Object]"),
  fc.constant("../../etc/passwd"),
  fc.constant("\uD800"),
  fc.constant("\u202Eevil"),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: "grapheme", maxLength: 40 }),
  fc.integer().map(String),
  fc.double().map(String),
);
const plausible = fc.oneof(
  fc.constantFrom(...enumValues),
  fc.constantFrom("Тест", "Test", "1", "2", "17", "2026-05-01", "a@b.bg", "https://example.bg", "+359 88 123 4567", "on"),
);
const fieldValue = fc.oneof({ weight: 3, arbitrary: badText }, { weight: 2, arbitrary: plausible });
const idParamValue = fc.constantFrom("1", "2", "3", "17", "25", "0", "-1", "abc", "999999999", "1e3", " 1", "1.0", "%00", "Ж", "organizations.csv", "../x");

// ---------------------------------------------------------------- the calls

/** A Uint8Array body is sent with `contentType` (default url-encoded; null = no Content-Type at all). */
type Attempt = { method: "GET" | "POST"; url: string; params: Record<string, string>; body?: FormData | Uint8Array; contentType?: string | null };

function tableChecksum(): string {
  const sqlite = getDb().$client;
  const tables = (sqlite
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%_fts%' AND name NOT IN ('audit_entries', 'sessions', '__drizzle_migrations') ORDER BY name")
    .all() as Array<{ name: string }>).map((t) => t.name);
  const hash = crypto.createHash("sha1");
  for (const t of tables) hash.update(t).update(JSON.stringify(sqlite.prepare(`SELECT * FROM "${t}" ORDER BY rowid`).raw().all()));
  return hash.digest("hex");
}

async function invoke(module: Record<string, unknown>, kind: "loader" | "action", attempt: Attempt, as: DemoUser) {
  const headers = new Headers({ Cookie: await sessionCookieFor(as) });
  let body: BodyInit | undefined;
  if (attempt.body instanceof Uint8Array) {
    if (attempt.contentType !== null) headers.set("Content-Type", attempt.contentType ?? "application/x-www-form-urlencoded");
    body = Buffer.from(attempt.body);
  } else body = attempt.body;
  const request = new Request(`http://localhost${attempt.url}`, { method: attempt.method, headers, body });
  const fn = module[kind] as (args: unknown) => unknown;
  try {
    const result = await fn({ request, params: attempt.params, context: { clientIp: "127.0.0.1" } });
    return { status: result instanceof Response ? result.status : 200, result };
  } catch (thrown) {
    if (thrown instanceof Response) return { status: thrown.status, result: thrown };
    const error = thrown instanceof Error ? `${thrown.name}: ${thrown.message}\n${thrown.stack?.split("\n").slice(1, 4).join("\n")}` : String(thrown);
    return { status: 599, result: null, error };
  }
}

/** Raw x-www-form-urlencoded bytes, some of them not UTF-8 at all. */
function rawBody(pairs: Array<[string, string]>, invalidUtf8: boolean): Uint8Array {
  // Byte-wise percent-encoding (encodeURIComponent throws on a lone surrogate; Buffer writes U+FFFD).
  const encodeURIComponent = (v: string) => [...Buffer.from(v, "utf8")].map((b) => `%${b.toString(16).padStart(2, "0")}`).join("");
  const parts: Buffer[] = [];
  pairs.forEach(([k, v], i) => {
    if (i) parts.push(Buffer.from("&"));
    parts.push(Buffer.from(`${encodeURIComponent(k)}=`));
    parts.push(invalidUtf8 && i % 2 === 0 ? Buffer.from([0xff, 0xfe, 0xc3, 0x28, 0xe2, 0x82, 0x41]) : Buffer.from(encodeURIComponent(v)));
  });
  return new Uint8Array(Buffer.concat(parts));
}

/** Bodies that are not forms at all, carrying the same pairs. */
const notAForm = {
  "garbage-multipart": (pairs: Array<[string, string]>) => ({ contentType: "multipart/form-data; boundary=----bcrm", body: rawBody(pairs, false) }),
  "multipart-without-boundary": (pairs: Array<[string, string]>) => {
    const text = pairs.map(([k, v]) => `------bcrm\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`).join("") + "------bcrm--\r\n";
    return { contentType: "multipart/form-data", body: new Uint8Array(Buffer.from(text)) };
  },
  json: (pairs: Array<[string, string]>) => ({ contentType: "application/json", body: new Uint8Array(Buffer.from(JSON.stringify(Object.fromEntries(pairs)))) }),
  "no-content-type": (pairs: Array<[string, string]>) => ({ contentType: null, body: rawBody(pairs, false) }),
} satisfies Record<string, (pairs: Array<[string, string]>) => { contentType: string | null; body: Uint8Array }>;

// ---------------------------------------------------------------- the properties

describe("bad input never breaks anything", () => {
  it("finds the routes to test", () => {
    expect(routeFiles.length).toBeGreaterThan(10);
    expect(routeFiles).toContain("organizations.$id.edit.tsx");
  });

  for (const file of routeFiles) {
    const info = describeRoute(file);

    it(`${file}: loader and action never answer 5xx to bad input, and a refused request changes nothing`, async () => {
      const module = (await import(/* @vite-ignore */ path.join(routesDir, file))) as Record<string, unknown>;
      const failures: string[] = [];
      const paramsArb = fc.record(Object.fromEntries(info.params.map((p) => [p, idParamValue])) as Record<string, fc.Arbitrary<string>>);

      if (typeof module.loader === "function") {
        const queryArb = fc.array(fc.tuple(fc.constantFrom(...info.queryKeys), fieldValue), { maxLength: 6 });
        await fc.assert(
          fc.asyncProperty(paramsArb, queryArb, fc.constantFrom(...roles), async (params, query, as) => {
            const search = new URLSearchParams(query.map(([k, v]) => [k, v.slice(0, 2000)]));
            const url = `${fillPattern(info.pattern, params)}?${search}`;
            const outcome = await invoke(module, "loader", { method: "GET", url, params }, as);
            if (outcome.status >= 500) failures.push(`GET ${url.slice(0, 200)} as ${as} → ${outcome.status} ${outcome.error ?? ""}`);
            return true;
          }),
          { numRuns: RUNS * roles.length },
        );
      }

      if (typeof module.action === "function") {
        const fields = info.fields.length ? info.fields : ["name"];
        const formArb = fc.record({
          intent: fc.option(fc.oneof(fc.constantFrom(...(info.intents.length ? info.intents : ["create"])), badText), { nil: undefined }),
          // Every field gets a value (some plausible, so the form gets past "required" to deeper checks)...
          values: fc.record(Object.fromEntries(fields.map((f) => [f, fieldValue])) as Record<string, fc.Arbitrary<string>>),
          // ...and some come twice.
          duplicates: fc.array(fc.tuple(fc.constantFrom(...fields), fieldValue), { maxLength: 3 }),
          encoding: fc.constantFrom("multipart", "urlencoded", "invalid-utf8", ...(Object.keys(notAForm) as Array<keyof typeof notAForm>)),
        });
        await fc.assert(
          fc.asyncProperty(paramsArb, formArb, fc.constantFrom(...roles), async (params, form, as) => {
            const pairs: Array<[string, string]> = [...Object.entries(form.values), ...form.duplicates];
            if (form.intent !== undefined) pairs.unshift(["intent", form.intent]);
            let body: FormData | Uint8Array;
            let contentType: string | null | undefined;
            if (form.encoding === "multipart") {
              body = new FormData();
              for (const [k, v] of pairs) body.append(k, v);
            } else if (form.encoding in notAForm) {
              ({ contentType, body } = notAForm[form.encoding as keyof typeof notAForm](pairs));
            } else body = rawBody(pairs, form.encoding === "invalid-utf8");
            const url = fillPattern(info.pattern, params);
            const before = tableChecksum();
            const outcome = await invoke(module, "action", { method: "POST", url, params, body, contentType }, as);
            const label = `POST ${url} as ${as} ${form.encoding} [${pairs.map(([k, v]) => `${k}=${JSON.stringify(v.slice(0, 40))}`).join(" ")}]`;
            if (outcome.status >= 500) failures.push(`${label} → ${outcome.status} ${outcome.error ?? ""}`);
            // A body that is not a form writes nothing, whatever the answer (sign-out reads no body and changes only sessions).
            else if (form.encoding in notAForm && tableChecksum() !== before) failures.push(`${label} → ${outcome.status} and rows changed`);
            else if (outcome.status >= 400 && outcome.status < 500) {
              if (tableChecksum() !== before) failures.push(`${label} → ${outcome.status} but rows changed`);
              const response = outcome.result as Response;
              if (outcome.status === 400 && response.headers.get("Content-Type")?.includes("json")) {
                const data = (await response.clone().json()) as Record<string, unknown>;
                if (!data || !("errors" in data || "error" in data)) failures.push(`${label} → 400 without errors`);
              }
            }
            return true;
          }),
          { numRuns: RUNS * roles.length },
        );
      }
      expect(failures.slice(0, 10)).toEqual([]);
    }, 240_000);
  }
});
