// Issue 13, point 2 — open redirect after sign-in: every redirect target that comes from a user
// (sign-in, /set-locale) stays on the app's own origin, never answers 5xx, and a sign-in leaves
// exactly one session row behind.
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signIn, startDemoServer } from "../../scripts/lib/prod-server.ts";
import { httpRequest, postLogin, sessionCookieOf } from "./http-client.ts";

type Server = Awaited<ReturnType<typeof startDemoServer>>;
let server: Server;

beforeAll(async () => {
  server = await startDemoServer();
});
afterAll(async () => {
  await server?.cleanup();
});

/** Targets an attacker could put in ?redirectTo= or a hidden field; each must end on the app's own origin. */
const HOSTILE_REDIRECTS: string[] = [
  "/\t/evil.example",
  "/\n/evil.example",
  "/\r\n/evil.example",
  "/\x0b/evil.example",
  "/\u3000/evil.example",
  "/\uff0e/evil.example",
  "//evil\uff0eexample",
  "//evil.example",
  "//evil.example/%2F..",
  "///evil.example",
  "/\\evil.example",
  "\\\\evil.example",
  "/\t\\evil.example",
  "\t//evil.example",
  "https:evil.example",
  "https://evil.example/",
  "http:/evil.example",
  "%2F%2Fevil.example",
  "%2F%09%2Fevil.example",
  "/%09/evil.example",
  "/%0a/evil.example",
  "/%2509/evil.example",
  "javascript:alert(document.cookie)",
  "JaVaScRiPt:alert(1)",
  "data:text/html,<script>alert(1)</script>",
  "/.//evil.example",
  "/..//evil.example",
  "/%2e%2e//evil.example",
  " /evil.example",
  "/\u2028//evil.example",
  "/\u00a0//evil.example",
  "/x\u0000y",
  "/\u007f/evil.example",
  "/\u0085/evil.example",
  "",
  `/${"a".repeat(5000)}`,
];

const CONTROL_OR_NON_ASCII = /[^\x21-\x7e]/;

function expectOwnOrigin(location: string | null) {
  expect(location).not.toBeNull();
  expect(location!).not.toMatch(CONTROL_OR_NON_ASCII);
  expect(new URL(location!, server.url).origin).toBe(server.url);
}

function sessionRows(): number {
  const db = new Database(server.databasePath, { readonly: true });
  try {
    return db.prepare("SELECT count(*) FROM sessions").pluck().get() as number;
  } finally {
    db.close();
  }
}

describe("Open redirect after sign-in (issue 13, point 2)", () => {
  it(`sign-in with each of ${HOSTILE_REDIRECTS.length} hostile redirectTo values: 302 to the app's own origin, never 5xx, one working session each`, async () => {
    expect(HOSTILE_REDIRECTS.length).toBeGreaterThanOrEqual(20);
    const sessionsBefore = sessionRows();
    const wrong: string[] = [];
    for (const value of HOSTILE_REDIRECTS) {
      const answer = await postLogin(server.url, { email: "coordinator@bcrm.demo", password: "forum2021", redirectTo: value });
      if (answer.status !== 302) wrong.push(`${JSON.stringify(value)} → ${answer.status}`);
      else {
        expectOwnOrigin(answer.location);
        const cookie = sessionCookieOf(answer);
        expect(cookie).not.toBeNull();
        expect((await httpRequest(`${server.url}/organizations`, { cookie })).status).toBe(200);
      }
    }
    expect(wrong).toEqual([]);
    expect(sessionRows()).toBe(sessionsBefore + HOSTILE_REDIRECTS.length);
  });

  it("the login page itself renders for every hostile redirectTo (no 5xx)", async () => {
    for (const value of HOSTILE_REDIRECTS) {
      const answer = await httpRequest(`${server.url}/login?redirectTo=${encodeURIComponent(value)}`);
      expect(answer.status, JSON.stringify(value)).toBe(200);
    }
  });

  it("the language switch (/set-locale) with each hostile redirectTo: 302 to the app's own origin, never 5xx", async () => {
    const cookie = await signIn(server.url, "manager@bcrm.demo");
    for (const value of HOSTILE_REDIRECTS) {
      for (const locale of ["en", "xx"]) {
        const answer = await httpRequest(`${server.url}/set-locale`, { form: { locale, redirectTo: value }, cookie, headers: { Origin: server.url } });
        expect(answer.status, JSON.stringify(value)).toBe(302);
        expectOwnOrigin(answer.location);
      }
    }
  });

  it("ordinary targets inside the app are kept, query and all", async () => {
    const answer = await postLogin(server.url, { email: "manager@bcrm.demo", password: "forum2021", redirectTo: "/organizations?q=%D0%B0&sort=name#list" });
    expect(answer.status).toBe(302);
    expect(answer.location).toBe("/organizations?q=%D0%B0&sort=name#list");
    const locale = await httpRequest(`${server.url}/set-locale`, {
      form: { locale: "bg", redirectTo: "/follow-ups?page=2" },
      cookie: sessionCookieOf(answer),
      headers: { Origin: server.url },
    });
    expect(locale.location).toBe("/follow-ups?page=2");
  });
});
