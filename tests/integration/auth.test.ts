// Sign-in, throttling, sign-out and sessions.
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "#app/db/client.server.ts";
import { hashPassword } from "#app/auth/password.server.ts";
import { auditEntries, sessions, users } from "#app/db/schema.ts";
import { ADDRESS_SPRAY_ACCOUNTS } from "#app/models/auth.server.ts";
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

  it("the sixth wrong attempt from one address is throttled, even with the right password; another address is not", async () => {
    for (let i = 0; i < 5; i++) expect((await login("admin@bcrm.demo", `wrong-${i}`, "10.1.0.1")).status).toBe(401);
    const sixth = await login("admin@bcrm.demo", "forum2021", "10.1.0.1");
    expect(sixth.status).toBe(429);
    expect(sixth.data.error).toBe("throttled");
    expect(sixth.response!.headers.get("Retry-After")).toBe("15");
    expect(getDb().select().from(auditEntries).where(eq(auditEntries.action, "login_throttled")).all().length).toBeGreaterThan(0);
    // The account is not locked: the same password from elsewhere signs in.
    expect((await login("admin@bcrm.demo", "forum2021", "10.1.0.2")).status).toBe(302);
  });

  it("one address failing on many existing accounts gets one free failure per account, then waits; unknown e-mails do not count", async () => {
    const passwordHash = await hashPassword("right-password-123");
    const emails = Array.from({ length: ADDRESS_SPRAY_ACCOUNTS }, (_, i) => `sprayed${i}@bcrm.demo`);
    getDb().insert(users).values(emails.map((email, i) => ({ email, name: `Sprayed ${i}`, role: "coordinator" as const, passwordHash }))).run();
    for (let i = 0; i < 20; i++) expect((await login(`unknown${i}@example.com`, "x", "10.9.9.9")).status).toBe(401);
    // Unknown e-mails alone leave the address its five free failures on a real account.
    expect((await login(emails[0]!, "wrong", "10.9.9.9")).status).toBe(401);
    expect((await login(emails[0]!, "wrong again", "10.9.9.9")).status).toBe(401);
    for (const email of emails.slice(1)) expect((await login(email, "wrong", "10.9.9.9")).status).toBe(401);
    // Ten accounts failed from this address: a second guess on any of them has to wait…
    expect((await login(emails[1]!, "right-password-123", "10.9.9.9")).status).toBe(429);
    // …but a first attempt on an account is still checked, so colleagues behind it sign in.
    expect((await login("partner@redcross.demo", "forum2021", "10.9.9.9")).status).toBe(302);
    expect((await login(emails[1]!, "right-password-123", "10.9.9.10")).status).toBe(302);
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
