// The calendar feed as calendar apps fetch it from the production server, behind a proxy whose
// public address is APP_URL: the profile hands out the APP_URL address, and two fetches through
// different Host headers give the same events — same UIDs, DTSTAMP and LAST-MODIFIED from the
// record's last change, SEQUENCE from its version — so subscribers never get duplicates.
import http from "node:http";
import Database from "better-sqlite3";
import ICAL from "ical.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signIn, startDemoServer } from "../../scripts/lib/prod-server.ts";

const APP_URL = "https://crm.example.org";
let server: Awaited<ReturnType<typeof startDemoServer>>;
let cookie: string;

beforeAll(async () => {
  server = await startDemoServer({ env: { APP_URL } });
  cookie = await signIn(server.url, "coordinator@bcrm.demo");
});
afterAll(async () => {
  await server?.cleanup();
});

/** A GET with a chosen Host header (and proxy headers), as different clients and proxies send it. */
function getWithHost(path: string, headers: Record<string, string>): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const request = http.request({ host: "127.0.0.1", port: server.port, path, method: "GET", headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (c: Buffer) => chunks.push(c));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8") }));
    });
    request.on("error", reject);
    request.end();
  });
}

function database() {
  return new Database(server.databasePath, { readonly: true });
}

type FeedEvent = { uid: string; stamp: string; lastModified: string; sequence: number; start: string; url: string };

function eventsOf(ics: string): FeedEvent[] {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  return calendar.getAllSubcomponents("vevent").map((e) => ({
    uid: String(e.getFirstPropertyValue("uid")),
    stamp: (e.getFirstPropertyValue("dtstamp") as ICAL.Time).toJSDate().toISOString(),
    lastModified: (e.getFirstPropertyValue("last-modified") as ICAL.Time).toJSDate().toISOString(),
    sequence: Number(e.getFirstPropertyValue("sequence")),
    start: (e.getFirstPropertyValue("dtstart") as ICAL.Time).toString(),
    url: String(e.getFirstPropertyValue("url")),
  }));
}

/** An ISO timestamp to the second: what DTSTAMP can hold. */
const toSecond = (iso: string) => `${iso.slice(0, 19)}.000Z`;

describe("calendar feed behind a proxy", () => {
  it("the profile shows the APP_URL address, whatever the Host header and scheme of the request", async () => {
    const created = await fetch(`${server.url}/profile`, {
      method: "POST",
      headers: { Cookie: cookie, Origin: APP_URL, "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ intent: "calendar" }),
      redirect: "manual",
    });
    expect(created.status).toBe(302);
    const profile = await getWithHost("/profile", { Host: `10.0.0.5:${server.port}`, "X-Forwarded-Proto": "http", Cookie: cookie });
    expect(profile.status).toBe(200);
    const address = /id="calendar-url"[^>]*value="([^"]+)"/.exec(profile.body.replace(/\u0000/g, ""))?.[1];
    expect(address).toMatch(new RegExp(`^${APP_URL}/calendar/[A-Za-z0-9_-]{43}\\.ics$`));
  });

  it("two fetches through different Host headers give the same UIDs, stamps and sequences, taken from the records", async () => {
    const db = database();
    const token = (db.prepare("SELECT calendar_token AS t FROM users WHERE email = 'coordinator@bcrm.demo'").get() as { t: string }).t;
    db.close();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const path = `/calendar/${token}.ics`;

    const first = await getWithHost(path, { Host: `127.0.0.1:${server.port}` });
    // DTSTAMP used to be the time of the fetch: a second later it would differ.
    await new Promise((r) => setTimeout(r, 1100));
    const second = await getWithHost(path, { Host: `localhost:${server.port}`, "X-Forwarded-Proto": "https", "X-Forwarded-Host": "calendar.example.net" });
    expect(first.status).toBe(200);
    expect(second.status).toBe(200);
    const a = eventsOf(first.body);
    const b = eventsOf(second.body);
    expect(a.length).toBeGreaterThan(5);
    expect(b).toEqual(a);

    const check = database();
    try {
      for (const event of a) {
        expect(event.uid).not.toMatch(/127\.0\.0\.1|localhost|example\.net/);
        const match = /^(follow-up|commitment)-(\d+)@[a-z0-9.-]+$/.exec(event.uid);
        expect(match, event.uid).not.toBeNull();
        const table = match![1] === "follow-up" ? "follow_ups" : "commitments";
        const record = check.prepare(`SELECT updated_at, version FROM ${table} WHERE id = ?`).get(Number(match![2])) as { updated_at: string; version: number };
        expect(event.stamp, event.uid).toBe(toSecond(record.updated_at));
        expect(event.lastModified, event.uid).toBe(toSecond(record.updated_at));
        expect(event.sequence, event.uid).toBe(record.version);
        // Links in the events point at the public address too.
        expect(event.url.startsWith(`${APP_URL}/`), event.url).toBe(true);
      }
    } finally {
      check.close();
    }
  });

  it("changing a follow-up keeps its UID and raises its SEQUENCE and DTSTAMP", async () => {
    const db = database();
    const token = (db.prepare("SELECT calendar_token AS t FROM users WHERE email = 'coordinator@bcrm.demo'").get() as { t: string }).t;
    const f = db
      .prepare("SELECT f.* FROM follow_ups f JOIN users u ON u.id = f.assignee_id WHERE u.email = 'coordinator@bcrm.demo' AND f.status = 'open' ORDER BY f.id LIMIT 1")
      .get() as Record<string, string | number | null>;
    db.close();
    const before = eventsOf((await getWithHost(`/calendar/${token}.ics`, { Host: `127.0.0.1:${server.port}` })).body).find((e) => e.uid.startsWith(`follow-up-${f.id}@`))!;
    expect(before).toBeDefined();

    const form = new URLSearchParams({
      title: String(f.title), notes: String(f.notes ?? ""), dueOn: "2027-01-15", status: "open", version: String(f.version),
      assigneeId: String(f.assignee_id), organizationId: String(f.organization_id ?? ""), personId: String(f.person_id ?? ""),
      partnershipId: String(f.partnership_id ?? ""), commitmentId: String(f.commitment_id ?? ""), eventId: String(f.event_id ?? ""),
      sharedWithOrganizationId: String(f.shared_with_organization_id ?? ""),
    });
    const saved = await fetch(`${server.url}/follow-ups/${f.id}/edit`, {
      method: "POST",
      headers: { Cookie: cookie, Origin: APP_URL, "Content-Type": "application/x-www-form-urlencoded" },
      body: form,
      redirect: "manual",
    });
    expect(saved.status).toBe(302);

    const after = eventsOf((await getWithHost(`/calendar/${token}.ics`, { Host: `localhost:${server.port}` })).body).find((e) => e.uid === before.uid)!;
    expect(after).toBeDefined();
    expect(after.start).toBe("2027-01-15");
    expect(after.sequence).toBe(before.sequence + 1);
    expect(after.stamp > before.stamp).toBe(true);
  });
});
