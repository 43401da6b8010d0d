// Issue 13, point 3 ("Safe at the boundary"): a malformed body on ANY action is a 400 with a
// message, never a 500 — over HTTP against the production server (server.mjs on the build), with
// raw bodies a browser would never send: garbage multipart, multipart without a boundary, JSON, no
// Content-Type, empty. Every route file that exports an action is found at test time (a new route
// is covered without touching this file) and posted to as a coordinator and as a partner.
// The in-process twin with generated field values is scale-bad-input.test.ts.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bg } from "#app/i18n/messages.ts";
import { demoUsers } from "#tests/helpers.ts";
import { signIn, startDemoServer } from "../../scripts/lib/prod-server.ts";
import { exportsAction, fillPattern, routeFiles, routeSource, urlPatternOf } from "./route-files.ts";

type Server = Awaited<ReturnType<typeof startDemoServer>>;
let server: Server;

const roles = { coordinator: demoUsers.coordinator, partner: demoUsers.partnerSofia } as const;
type Role = keyof typeof roles;
const cookies = {} as Record<Role, string>;

beforeAll(async () => {
  server = await startDemoServer();
  for (const role of Object.keys(roles) as Role[]) cookies[role] = await signIn(server.url, roles[role]);
}, 60_000);
afterAll(async () => {
  await server?.cleanup();
});

const boundary = "----bcrmBoundary7MA4YWxkTrZu0gW";
const wellFormedMultipart = `--${boundary}\r\nContent-Disposition: form-data; name="intent"\r\n\r\nupdate\r\n--${boundary}--\r\n`;

/** The malformed bodies: each is a Content-Type (null = none sent) and raw bytes. */
const malformedBodies: Array<{ kind: string; contentType: string | null; body: string }> = [
  { kind: "garbage multipart", contentType: `multipart/form-data; boundary=${boundary}`, body: "this is not a multipart body at all" },
  { kind: "multipart cut off before its closing boundary", contentType: `multipart/form-data; boundary=${boundary}`, body: `--${boundary}\r\nContent-Disposition: form-data; name="note"\r\n\r\nhalf` },
  { kind: "multipart without a boundary", contentType: "multipart/form-data", body: wellFormedMultipart },
  { kind: "JSON", contentType: "application/json", body: JSON.stringify({ intent: "update", note: "x" }) },
  { kind: "plain text", contentType: "text/plain", body: "intent=update" },
  { kind: "no Content-Type", contentType: null, body: "intent=update&note=x" },
  { kind: "empty, no Content-Type", contentType: null, body: "" },
  { kind: "empty multipart", contentType: `multipart/form-data; boundary=${boundary}`, body: "" },
];

async function post(path: string, role: Role, contentType: string | null, body: string) {
  const headers: Record<string, string> = { Cookie: cookies[role], Origin: server.url };
  if (contentType) headers["Content-Type"] = contentType;
  // A Buffer body: fetch adds no Content-Type of its own (a string body would get text/plain).
  const response = await fetch(`${server.url}${path}`, { method: "POST", headers, body: Buffer.from(body, "utf8"), redirect: "manual" });
  return { status: response.status, location: response.headers.get("Location"), text: await response.text() };
}

/** An id the user can reach for a route's `:id` (from the links of the pages above it), else 1. */
async function reachableId(pattern: string, role: Role): Promise<string> {
  const prefix = pattern.slice(0, pattern.indexOf(":"));
  const segments = prefix.split("/").filter(Boolean);
  for (let depth = segments.length; depth >= 0; depth--) {
    const page = `/${segments.slice(0, depth).join("/")}`;
    const response = await fetch(`${server.url}${page}`, { headers: { Cookie: cookies[role] }, redirect: "manual" });
    if (response.status !== 200) continue;
    const match = new RegExp(`href="${prefix.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(\\d+)`).exec(await response.text());
    if (match) return match[1];
  }
  return "1";
}

const actionRoutes = routeFiles.filter(exportsAction);
/** Sign-out reads no body at all (it answers every POST by signing out): it is posted to last, and only must not fail. */
const readsNoBody = (file: string) => !/read\w*Form\(|formData\(/.test(routeSource(file));
const badRequestText = bg["common.badRequest"];

describe("issue 13 point 3: a malformed body on any action is a 400 with a message, never a 500 (HTTP, production server)", () => {
  it("finds the action routes, among them the two that take a file", () => {
    expect(actionRoutes.length).toBeGreaterThan(30);
    expect(actionRoutes).toContain("imports._index.tsx");
    expect(actionRoutes).toContain("shared_.commitments.$id.tsx");
    expect(actionRoutes).toContain("login.tsx");
    expect(badRequestText).toBeTruthy();
  });

  for (const role of Object.keys(roles) as Role[]) {
    it(`every action answers each malformed body with 400 and a message, as a ${role}`, async () => {
      const failures: string[] = [];
      const answered400: string[] = [];
      const ordered = [...actionRoutes.filter((f) => !readsNoBody(f)), ...actionRoutes.filter(readsNoBody)];
      for (const file of ordered) {
        const { pattern, params } = urlPatternOf(file);
        const values: Record<string, string> = {};
        for (const p of params) values[p] = await reachableId(pattern, role);
        // An index route's action is reached with ?index (a bare POST / goes to the root route).
        const path = fillPattern(pattern, values) + (file.endsWith("_index.tsx") ? "?index" : "");
        // The same route with a well-formed (empty) form: a route that refuses this user before it reads
        // the body (401, 403, 404, or sends them to their start page or sign-in) may refuse the malformed
        // body the same way; any other must say 400.
        const baseline = await post(path, role, "application/x-www-form-urlencoded", "");
        const refusedBeforeBody = [401, 403, 404].includes(baseline.status) || ["/shared", "/login"].includes(baseline.location ?? "");
        for (const bad of malformedBodies) {
          const answer = await post(path, role, bad.contentType, bad.body);
          const label = `POST ${path} (${file}) as ${role}, ${bad.kind}`;
          if (answer.status >= 500) failures.push(`${label} → ${answer.status}`);
          else if (readsNoBody(file)) continue;
          else if (answer.status === 400) {
            answered400.push(file);
            if (!answer.text.includes(badRequestText)) failures.push(`${label} → 400 without the message «${badRequestText}»: ${answer.text.slice(0, 300)}`);
          } else if (!(refusedBeforeBody && answer.status === baseline.status && answer.location === baseline.location)) {
            failures.push(`${label} → ${answer.status} (a well-formed form got ${baseline.status})`);
          }
        }
      }
      expect(failures).toEqual([]);
      // Not vacuous: the routes this role may post to did read the malformed bodies and refuse them.
      const expected = role === "coordinator" ? ["imports._index.tsx", "imports.$id.tsx", "organizations.new.tsx", "set-locale.tsx", "login.tsx"] : ["shared_.commitments.$id.tsx", "shared_.follow-ups.$id.tsx", "profile.tsx"];
      for (const file of expected) expect(answered400, file).toContain(file);
    }, 240_000);
  }
});
