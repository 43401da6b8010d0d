// Issue 13, point 5 — nobody can lock a named user out (docs/decisions/008-sign-in-throttling.md).
// Over HTTP against the production server; each "address" is a different local address of the
// client (127.0.0.0/8 is all loopback on Linux), which is what the server sees as the client IP.
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startDemoServer } from "../../scripts/lib/prod-server.ts";
import { postLogin, type HttpAnswer } from "./http-client.ts";

type Server = Awaited<ReturnType<typeof startDemoServer>>;
let server: Server;

beforeAll(async () => {
  server = await startDemoServer();
});
afterAll(async () => {
  await server?.cleanup();
});

const PASSWORD = "forum2021";
const attempt = (from: string, email: string, password: string) => postLogin(server.url, { email, password }, { localAddress: from });
const retryAfter = (answer: HttpAnswer) => Number(answer.headers["retry-after"]);

/** Time passes for one address: its recorded sign-in attempts move `seconds` into the past. */
function elapse(address: string, seconds: number) {
  const db = new Database(server.databasePath);
  try {
    db.prepare("UPDATE audit_entries SET at = strftime('%Y-%m-%dT%H:%M:%fZ', at, ?) WHERE ip = ? AND action LIKE 'login%'").run(`-${seconds} seconds`, address);
  } finally {
    db.close();
  }
}

function auditActions(address: string): string[] {
  const db = new Database(server.databasePath, { readonly: true });
  try {
    return db.prepare("SELECT action FROM audit_entries WHERE ip = ? ORDER BY id").pluck().all(address) as string[];
  } finally {
    db.close();
  }
}

describe("Anyone can lock any named user out — no longer (issue 13, point 5)", () => {
  it("the server sees each test address as the client's address", async () => {
    expect((await attempt("127.0.0.77", "nobody@bcrm.demo", "x")).status).toBe(401);
    expect(auditActions("127.0.0.77")).toEqual(["login_failed"]);
  });

  it("an attacker failing from one address cannot stop the real user from signing in from another address", async () => {
    const attacker = "127.0.0.2";
    const statuses: number[] = [];
    for (let i = 0; i < 15; i++) statuses.push((await attempt(attacker, "admin@bcrm.demo", `guess-${i}`)).status);
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(statuses.slice(5).every((s) => s === 429)).toBe(true);
    // Even the right password does not get the attacker's address in while it waits.
    expect((await attempt(attacker, "admin@bcrm.demo", PASSWORD)).status).toBe(429);

    // The real admin, elsewhere: a typo, then the right password, goes straight in.
    const realUser = "127.0.0.3";
    expect((await attempt(realUser, "admin@bcrm.demo", "forum2O21")).status).toBe(401);
    const signedIn = await attempt(realUser, "admin@bcrm.demo", PASSWORD);
    expect(signedIn.status).toBe(302);
    expect(signedIn.cookies.some((c) => c.startsWith("__session=") && c.length > 12)).toBe(true);
  });

  describe("guessing stays slow", () => {
    it("per account and address: five free failures, then a wait during which even the right password is refused unchecked", async () => {
      const from = "127.0.0.4";
      for (let i = 0; i < 5; i++) expect((await attempt(from, "manager@bcrm.demo", `guess-${i}`)).status).toBe(401);
      const sixth = await attempt(from, "manager@bcrm.demo", PASSWORD);
      expect(sixth.status).toBe(429);
      expect(retryAfter(sixth)).toBeGreaterThan(0);
      expect(retryAfter(sixth)).toBeLessThanOrEqual(15);
      expect(sixth.body).toMatch(/Опитайте отново след 1 мин/);
      // Refused before the password check: no sign-in, recorded as throttled.
      expect(auditActions(from).slice(-1)).toEqual(["login_throttled"]);
    });

    it("the wait grows with each further failure: 15 s, then 30 s, then 60 s", async () => {
      const from = "127.0.0.5";
      for (let i = 0; i < 5; i++) expect((await attempt(from, "coordinator@bcrm.demo", `guess-${i}`)).status).toBe(401);
      const waits: number[] = [];
      let answer = await attempt(from, "coordinator@bcrm.demo", "guess-5");
      expect(answer.status).toBe(429);
      waits.push(retryAfter(answer));
      for (const passed of [16, 31]) {
        elapse(from, passed);
        // The wait is over: one more guess is checked (and fails)…
        expect((await attempt(from, "coordinator@bcrm.demo", `guess-after-${passed}`)).status).toBe(401);
        // …and the next wait is twice as long.
        answer = await attempt(from, "coordinator@bcrm.demo", PASSWORD);
        expect(answer.status).toBe(429);
        waits.push(retryAfter(answer));
      }
      expect(waits[0]).toBeGreaterThan(10);
      expect(waits[0]).toBeLessThanOrEqual(15);
      expect(waits[1]).toBeGreaterThan(25);
      expect(waits[1]).toBeLessThanOrEqual(30);
      expect(waits[2]).toBeGreaterThan(55);
      expect(waits[2]).toBeLessThanOrEqual(60);
      // After the last wait, the right password works again from that address.
      elapse(from, 61);
      expect((await attempt(from, "coordinator@bcrm.demo", PASSWORD)).status).toBe(302);
    });

    it("a per-account ceiling: guesses spread over many addresses slow every address to one free failure, but never lock the account", async () => {
      const account = "partner@sofia.demo";
      const addresses = Array.from({ length: 12 }, (_, i) => `127.0.1.${i + 1}`);
      // Below the ceiling an address may fail again at once.
      expect((await attempt(addresses[0]!, account, "guess-a")).status).toBe(401);
      expect((await attempt(addresses[0]!, account, "guess-b")).status).toBe(401);
      for (const from of addresses.slice(1)) expect((await attempt(from, account, `guess-${from}`)).status).toBe(401);
      // 13 failures on the account within 15 minutes: past the ceiling, one failure and an address waits.
      const again = await attempt(addresses[1]!, account, "guess-again");
      expect(again.status).toBe(429);
      expect(retryAfter(again)).toBeLessThanOrEqual(15);
      // Not a lock: after the wait that address is heard again…
      elapse(addresses[1]!, 16);
      expect((await attempt(addresses[1]!, account, "guess-later")).status).toBe(401);
      // …and the real user, from an address with no failures, signs in at once.
      expect((await attempt("127.0.1.200", account, PASSWORD)).status).toBe(302);
    });
  });

  it("an office behind one address is not locked by one person's typos", async () => {
    const office = "127.0.0.9";
    // One person: five wrong passwords, then twenty mistyped e-mail addresses — 25 failures from the office.
    for (let i = 0; i < 5; i++) expect((await attempt(office, "partner@redcross.demo", `typo-${i}`)).status).toBe(401);
    for (let i = 0; i < 20; i++) expect((await attempt(office, `partner${i}@redcros.demo`, PASSWORD)).status).toBe(401);
    // Everyone else in the office signs in, even after a typo of their own.
    expect((await attempt(office, "manager@bcrm.demo", PASSWORD)).status).toBe(302);
    expect((await attempt(office, "coordinator@bcrm.demo", "forum2022")).status).toBe(401);
    expect((await attempt(office, "coordinator@bcrm.demo", PASSWORD)).status).toBe(302);
    expect((await attempt(office, "admin@bcrm.demo", PASSWORD)).status).toBe(302);
    // The person who mistyped waits at the office; from home they are not held back.
    expect((await attempt(office, "partner@redcross.demo", PASSWORD)).status).toBe(429);
    expect((await attempt("127.0.0.10", "partner@redcross.demo", PASSWORD)).status).toBe(302);
  });
});
