// Sign-in, throttling, sign-out and sessions.
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "#app/db/client.server.ts";
import { auditEntries, sessions } from "#app/db/schema.ts";
import * as indexRoute from "#app/routes/_index.tsx";
import * as loginRoute from "#app/routes/login.tsx";
import * as logoutRoute from "#app/routes/logout.tsx";
import { call, userIdOf } from "#tests/helpers.ts";

const login = (email: string, password: string, ip = "10.0.0.1", redirectTo = "/") =>
  call(loginRoute, "action", { path: "/login", form: { email, password, redirectTo }, ip });

describe("sign-in", () => {
  it("a right password creates a database session behind an HttpOnly, SameSite=Lax cookie, and is audited", async () => {
    const outcome = await login("coordinator@bcrm.demo", "forum2021");
    expect(outcome.status).toBe(302);
    const cookie = outcome.response!.headers.get("Set-Cookie")!;
    expect(cookie).toMatch(/^__session=/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    const userId = userIdOf("coordinator");
    expect(getDb().select().from(sessions).where(eq(sessions.userId, userId)).all().length).toBeGreaterThan(0);
    expect(getDb().select().from(auditEntries).where(and(eq(auditEntries.action, "login"), eq(auditEntries.userId, userId))).all()).toHaveLength(1);
  });

  it("a wrong password and an unknown e-mail get the same message, and both are audited", async () => {
    const wrongPassword = await login("manager@bcrm.demo", "wrong", "10.0.0.2");
    const unknownEmail = await login("nobody@bcrm.demo", "forum2021", "10.0.0.2");
    expect(wrongPassword.status).toBe(401);
    expect(unknownEmail.status).toBe(401);
    expect(wrongPassword.data.error).toBe("invalid");
    expect(unknownEmail.data.error).toBe("invalid");
    const failed = getDb().select().from(auditEntries).where(eq(auditEntries.action, "login_failed")).all();
    expect(failed.map((f) => JSON.parse(f.detail!).email)).toEqual(expect.arrayContaining(["manager@bcrm.demo", "nobody@bcrm.demo"]));
  });

  it("the sixth wrong attempt in a row within a minute is throttled, even with the right password", async () => {
    for (let i = 0; i < 5; i++) expect((await login("admin@bcrm.demo", `wrong-${i}`, `10.1.0.${i}`)).status).toBe(401);
    const sixth = await login("admin@bcrm.demo", "forum2021", "10.1.0.99");
    expect(sixth.status).toBe(429);
    expect(sixth.data.error).toBe("throttled");
    expect(getDb().select().from(auditEntries).where(eq(auditEntries.action, "login_throttled")).all().length).toBeGreaterThan(0);
  });

  it("one address trying many accounts is throttled too", async () => {
    for (let i = 0; i < 20; i++) await login(`guess${i}@example.com`, "x", "10.9.9.9");
    expect((await login("partner@redcross.demo", "forum2021", "10.9.9.9")).status).toBe(429);
    expect((await login("partner@redcross.demo", "forum2021", "10.9.9.10")).status).toBe(302);
  });

  it("redirectTo cannot send the user to another site", async () => {
    const outcome = await login("partner@sofia.demo", "forum2021", "10.0.0.3", "//evil.example/");
    expect(outcome.response!.headers.get("Location")).toBe("/");
  });
});

describe("landing and sign-out", () => {
  it("a partner is sent from / to /shared; staff get the dashboard", async () => {
    const partner = await call(indexRoute, "loader", { path: "/", as: "partnerSofia" });
    expect(partner.status).toBe(302);
    expect(partner.response!.headers.get("Location")).toBe("/shared");
    expect((await call(indexRoute, "loader", { path: "/", as: "coordinator" })).status).toBe(200);
  });

  it("sign-out ends the session in the database, so the old cookie no longer works", async () => {
    const signedIn = await login("manager@bcrm.demo", "forum2021", "10.0.0.4");
    const cookie = signedIn.response!.headers.get("Set-Cookie")!.split(";")[0];
    const request = (method: string) => new Request("http://localhost/", { method, headers: { Cookie: cookie } });
    const ok = await indexRoute.loader({ request: request("GET"), params: {}, context: {} });
    expect((ok as Response).status).toBe(200);
    const out = (await logoutRoute.action({ request: request("POST"), params: {}, context: {} })) as Response;
    expect(out.headers.get("Set-Cookie")).toMatch(/Max-Age=0|Expires=Thu, 01 Jan 1970/);
    await expect(indexRoute.loader({ request: request("GET"), params: {}, context: {} })).rejects.toMatchObject({ status: 302 });
  });
});
