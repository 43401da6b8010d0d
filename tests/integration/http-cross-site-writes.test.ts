// Issue 13, point 1 — cross-site writes through `?_data=` (and `.data`, and plain form posts)
// are refused by server.mjs before Remix, for every action route, with 403 and no row changed.
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort, signIn, startDemoServer } from "../../scripts/lib/prod-server.ts";
import { changedTables, httpRequest, snapshotTables } from "./http-client.ts";

type Server = Awaited<ReturnType<typeof startDemoServer>>;
let server: Server;
let adminCookie: string;
let otherPortOrigin: string;

beforeAll(async () => {
  server = await startDemoServer();
  adminCookie = await signIn(server.url, "admin@bcrm.demo");
  otherPortOrigin = `http://127.0.0.1:${await freePort()}`;
});
afterAll(async () => {
  await server?.cleanup();
});

/** Every route module in app/routes that exports an action, with the URL it answers at. */
function actionRoutes(): { id: string; path: string; index: boolean }[] {
  const dir = path.resolve("app/routes");
  return fs
    .readdirSync(dir)
    .filter((file) => /\.tsx?$/.test(file) && !/\.test\.tsx?$/.test(file))
    .filter((file) => /export\s+(async\s+)?function\s+action\b|export\s+const\s+action\b/.test(fs.readFileSync(path.join(dir, file), "utf8")))
    .map((file) => {
      const name = file.replace(/\.tsx?$/, "");
      const segments = name.split(".");
      const index = segments.at(-1) === "_index";
      const urlSegments = segments
        .filter((s) => s !== "_index")
        // `shared_` opts out of its parent layout but keeps the URL segment; `$id` is any id.
        .map((s) => (s.startsWith("$") ? "1" : s.replace(/_$/, "")));
      return { id: `routes/${name}`, path: `/${urlSegments.join("/")}`, index };
    });
}

/** A body that would write something on the routes that matter most, and harmless fields elsewhere. */
function bodyFor(routeId: string): Record<string, string> {
  const unique = `Cross-site ${routeId} ${Math.random().toString(36).slice(2)}`;
  if (routeId === "routes/admin.users") {
    return { intent: "create", name: unique, email: `${Math.random().toString(36).slice(2)}@evil.example`, password: "evil-password-123", role: "admin" };
  }
  if (routeId === "routes/login") return { email: "admin@bcrm.demo", password: "forum2021", redirectTo: "/" };
  if (routeId === "routes/set-locale") return { locale: "en", redirectTo: "/" };
  if (routeId === "routes/profile") return { intent: "language", locale: "en" };
  return { intent: "create", name: unique, title: unique, kind: "ngo", locale: "en", version: "1", id: "1", status: "done" };
}

/** The three ways a route's action can be reached: a plain form post, `?_data=` and single fetch's `.data`. */
function actionUrls(route: { id: string; path: string; index: boolean }): string[] {
  const index = route.index ? "index&" : "";
  const dataPath = route.path === "/" ? "/_root.data" : `${route.path}.data`;
  return [
    `${route.path}${route.index ? "?index" : ""}`,
    `${route.path}?${index}_data=${encodeURIComponent(route.id)}`,
    `${dataPath}${route.index ? "?index" : ""}`,
  ];
}

describe("Cross-site writes through ?_data= are refused (issue 13, point 1)", () => {
  it("finds the action routes to attack", () => {
    const routes = actionRoutes();
    expect(routes.length).toBeGreaterThan(30);
    expect(routes.map((r) => r.id)).toEqual(expect.arrayContaining(["routes/admin.users", "routes/organizations.new", "routes/login", "routes/profile"]));
    expect(routes.find((r) => r.id === "routes/shared_.commitments.$id")?.path).toBe("/shared/commitments/1");
    expect(routes.find((r) => r.id === "routes/follow-ups._index")).toMatchObject({ path: "/follow-ups", index: true });
  });

  it("every action route, plain, with ?_data= and as .data, from a foreign origin or a same-site other port: 403 and no row changed in any table", async () => {
    const before = snapshotTables(server.databasePath);
    const hostile: { label: string; headers: Record<string, string> }[] = [
      { label: "foreign Origin", headers: { Origin: "http://evil.example" } },
      { label: "same-site other-port Origin", headers: { Origin: otherPortOrigin } },
      { label: "Origin: null", headers: { Origin: "null" } },
      { label: "no Origin, Sec-Fetch-Site: same-site", headers: { "Sec-Fetch-Site": "same-site", Referer: `${server.url}/` } },
      { label: "no Origin, Sec-Fetch-Site: cross-site", headers: { "Sec-Fetch-Site": "cross-site" } },
      { label: "no Origin, foreign Referer", headers: { Referer: `${otherPortOrigin}/attack.html` } },
    ];
    const routes = actionRoutes();
    expect(routes.length).toBeGreaterThan(30);
    const accepted: string[] = [];
    let sent = 0;
    for (const route of routes) {
      for (const url of actionUrls(route)) {
        for (const { label, headers } of hostile) {
          const answer = await httpRequest(`${server.url}${url}`, { form: bodyFor(route.id), cookie: adminCookie, headers });
          sent++;
          if (answer.status !== 403) accepted.push(`${answer.status} ${url} (${label})`);
          else expect(answer.body).toMatch(/refused/);
        }
      }
    }
    expect(sent).toBe(routes.length * 3 * hostile.length);
    expect(accepted).toEqual([]);
    expect(changedTables(before, snapshotTables(server.databasePath))).toEqual([]);
    // The refused sign-out did not sign the admin out either.
    expect((await httpRequest(`${server.url}/admin/users`, { cookie: adminCookie })).status).toBe(200);
  });

  it("the same writes from the app's own origin go through (the check above is not vacuous)", async () => {
    const before = snapshotTables(server.databasePath);
    const viaData = await httpRequest(`${server.url}/admin/users?_data=routes%2Fadmin.users`, {
      form: bodyFor("routes/admin.users"),
      cookie: adminCookie,
      headers: { Origin: server.url },
    });
    expect(viaData.status).toBeLessThan(400);
    const viaSingleFetch = await httpRequest(`${server.url}/organizations/new.data`, {
      form: bodyFor("routes/organizations.new"),
      cookie: adminCookie,
      headers: { "Sec-Fetch-Site": "same-origin" },
    });
    expect(viaSingleFetch.status).toBeLessThan(400);
    const plain = await httpRequest(`${server.url}/organizations/new`, {
      form: bodyFor("routes/organizations.new"),
      cookie: adminCookie,
      headers: { Referer: `${server.url}/organizations/new` },
    });
    expect(plain.status).toBe(302);
    const changed = changedTables(before, snapshotTables(server.databasePath));
    expect(changed).toEqual(expect.arrayContaining(["users", "organizations", "audit_entries"]));
  });

  it("a request with none of Origin, Sec-Fetch-Site and Referer is not from a browser and is let through", async () => {
    // Browsers always send Origin with a POST, so a forged cross-site request always carries one;
    // scripts and the other tests' fetch() send none and hold their own cookie.
    const answer = await httpRequest(`${server.url}/set-locale`, { form: { locale: "bg", redirectTo: "/organizations" }, cookie: adminCookie });
    expect(answer.status).toBe(302);
    expect(answer.location).toBe("/organizations");
  });

  it("with APP_URL set, the app's own origin is APP_URL's, not whatever Host the request names", async () => {
    const withAppUrl = await startDemoServer({ env: { APP_URL: "https://partners.bcrm-bg.org" } });
    try {
      // Reached directly, not through the public address: refused, even though Origin matches Host.
      const fromHost = await httpRequest(`${withAppUrl.url}/login`, {
        form: { email: "admin@bcrm.demo", password: "forum2021" },
        headers: { Origin: withAppUrl.url },
      });
      expect(fromHost.status).toBe(403);
      const fromAppUrl = await httpRequest(`${withAppUrl.url}/login`, {
        form: { email: "admin@bcrm.demo", password: "forum2021" },
        // As a reverse proxy in front of it would pass it on: the public host name.
        headers: { Origin: "https://partners.bcrm-bg.org", Host: "partners.bcrm-bg.org" },
      });
      expect(fromAppUrl.status).toBe(302);
    } finally {
      await withAppUrl.cleanup();
    }
  });
});
