// The private calendar feed: parsed with a real iCalendar parser (ical.js), one all-day VEVENT per
// open follow-up on its Sofia due date, and a regenerated token retires the old URL.
import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { getDb } from "#app/db/client.server.ts";
import * as calendarRoute from "#app/routes/calendar.$token[.ics].ts";
import * as profileRoute from "#app/routes/profile.tsx";
import { call, latestAudit, userIdOf } from "#tests/helpers.ts";

const sqlite = () => getDb().$client;
const tokenOf = (userId: number) => (sqlite().prepare("SELECT calendar_token AS t FROM users WHERE id = ?").get(userId) as { t: string | null }).t;

async function regenerate(as: "coordinator" | "manager") {
  const result = await call(profileRoute, "action", { path: "/profile", as, form: { intent: "calendar" } });
  expect(result.status).toBe(302);
  return tokenOf(userIdOf(as))!;
}

async function fetchFeed(token: string) {
  return call(calendarRoute, "loader", { path: `/calendar/${token}.ics`, params: { token }, as: null });
}

function vevents(ics: string) {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  return calendar.getAllSubcomponents("vevent").map((e) => {
    const start = e.getFirstPropertyValue("dtstart") as ICAL.Time;
    return { uid: String(e.getFirstPropertyValue("uid")), summary: String(e.getFirstPropertyValue("summary")), start };
  });
}

describe("calendar feed", () => {
  it("parses, and has one all-day VEVENT per open follow-up of the user on its due date", async () => {
    const token = await regenerate("coordinator");
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const feed = await fetchFeed(token);
    expect(feed.status).toBe(200);
    expect(feed.response?.headers.get("Content-Type")).toContain("text/calendar");
    const ics = await feed.response!.text();
    expect(ics).toContain("X-WR-TIMEZONE:Europe/Sofia");
    const events = vevents(ics);

    const openFollowUps = sqlite()
      .prepare("SELECT id, title, due_on FROM follow_ups WHERE assignee_id = ? AND status = 'open' ORDER BY id")
      .all(userIdOf("coordinator")) as Array<{ id: number; title: string; due_on: string }>;
    expect(openFollowUps.length).toBeGreaterThan(5);
    const followUpEvents = events.filter((e) => e.uid.startsWith("follow-up-"));
    expect(followUpEvents).toHaveLength(openFollowUps.length);
    for (const f of openFollowUps) {
      const matching = followUpEvents.filter((e) => e.uid.startsWith(`follow-up-${f.id}@`));
      expect(matching).toHaveLength(1);
      // All-day (DATE, no time, no zone): the Sofia calendar day of the due date.
      expect(matching[0].start.isDate).toBe(true);
      expect(matching[0].start.toString()).toBe(f.due_on);
      expect(matching[0].summary).toContain(f.title);
    }
    // Done and cancelled follow-ups are not in it.
    const closed = sqlite().prepare("SELECT id FROM follow_ups WHERE assignee_id = ? AND status <> 'open'").all(userIdOf("coordinator")) as Array<{ id: number }>;
    for (const c of closed) expect(followUpEvents.some((e) => e.uid.startsWith(`follow-up-${c.id}@`))).toBe(false);

    // Due dates of the commitments the user owns that are still owed.
    const owned = sqlite()
      .prepare("SELECT id, due_on FROM commitments WHERE owner_id = ? AND due_on IS NOT NULL AND status NOT IN ('fulfilled', 'withdrawn')")
      .all(userIdOf("coordinator")) as Array<{ id: number; due_on: string }>;
    const commitmentEvents = events.filter((e) => e.uid.startsWith("commitment-"));
    expect(commitmentEvents.map((e) => e.start.toString()).sort()).toEqual(owned.map((c) => c.due_on).sort());
  });

  it("a regenerated token makes the old URL 404; the new one works; the audit never holds the token", async () => {
    const old = await regenerate("coordinator");
    expect((await fetchFeed(old)).status).toBe(200);
    const fresh = await regenerate("coordinator");
    expect(fresh).not.toBe(old);
    expect((await fetchFeed(old)).status).toBe(404);
    expect((await fetchFeed(fresh)).status).toBe(200);
    const audit = latestAudit();
    expect(audit).toMatchObject({ action: "calendar_token", entityType: "user", entityId: userIdOf("coordinator") });
    expect(JSON.stringify(audit)).not.toContain(fresh);
    expect(JSON.stringify(audit)).not.toContain(old);
  });

  it("an unknown or malformed token is 404", async () => {
    expect((await fetchFeed("A".repeat(43))).status).toBe(404);
    expect((await fetchFeed("../../etc/passwd")).status).toBe(404);
    expect((await fetchFeed("")).status).toBe(404);
  });

  it("the profile shows the feed URL to its owner only", async () => {
    const token = await regenerate("manager");
    const { data } = await call(profileRoute, "loader", { path: "/profile", as: "manager" });
    expect(data.calendar.url).toBe(`http://localhost/calendar/${token}.ics`);
    const other = await call(profileRoute, "loader", { path: "/profile", as: "admin" });
    expect(other.data.calendar.url ?? "").not.toContain(token);
    // Partners have no assigned follow-ups, so no feed either.
    const partner = await call(profileRoute, "loader", { path: "/profile", as: "partnerSofia" });
    expect(partner.data.calendar).toBeNull();
  });
});
