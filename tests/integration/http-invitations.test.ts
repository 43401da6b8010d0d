// Issue 21 over HTTP against the production server: the invitee answers through their personal
// link with no session (a plain form post, no JavaScript); a made-up token is a 404 that names no
// event; only the check-in page may use the camera (Permissions-Policy).
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signIn, startDemoServer } from "../../scripts/lib/prod-server.ts";
import { httpRequest } from "./http-client.ts";

let server: Awaited<ReturnType<typeof startDemoServer>>;
let cookie: string;
let eventId: number;

beforeAll(async () => {
  server = await startDemoServer();
  cookie = await signIn(server.url, "coordinator@bcrm.demo");
  const db = new Database(server.databasePath, { readonly: true });
  eventId = (db.prepare("SELECT id FROM events ORDER BY starts_on DESC LIMIT 1").get() as { id: number }).id;
  db.close();
});
afterAll(async () => {
  await server?.cleanup();
});

const post = (path: string, form: Record<string, string>, withCookie = true) =>
  httpRequest(`${server.url}${path}`, { form, cookie: withCookie ? cookie : null, headers: { Origin: server.url } });

describe("invitations over HTTP (issue 21)", () => {
  it("the invitee answers through the personal link without a session or JavaScript", async () => {
    // A future event of its own, so the link is valid.
    const db = new Database(server.databasePath);
    const future = new Date(Date.now() + 20 * 86_400_000).toISOString().slice(0, 10);
    const id = (db
      .prepare("INSERT INTO events (title, sort_key, search_key, kind, starts_on) VALUES ('Консултация HTTP', 'консултацияhttp', 'konsultatsiya http', 'consultation', ?) RETURNING id")
      .get(future) as { id: number }).id;
    db.close();
    expect((await post(`/events/${id}/invitations`, { intent: "settings", interpretationLanguages: "Arabic, Farsi" })).status).toBe(200);
    const added = await post(`/events/${id}/invitations`, { intent: "inviteGuest", name: "Nadia Rahimi", email: "nadia.http@example.org", locale: "en", role: "participant" });
    expect(added.status).toBe(200);
    const read = new Database(server.databasePath, { readonly: true });
    const token = (read.prepare("SELECT token FROM event_invitations WHERE event_id = ?").get(id) as { token: string }).token;
    read.close();

    const page = await httpRequest(`${server.url}/rsvp/${token}`);
    expect(page.status).toBe(200);
    expect(page.body).toContain("Hello, Nadia Rahimi! Will you come?");
    expect(page.body).toContain('name="robots" content="noindex, nofollow"');
    const answer = await post(`/rsvp/${token}`, { answer: "yes", attendees: "1", interpretation: "Farsi", accessibility: "", note: "" }, false);
    expect(answer.status).toBe(200);
    expect(answer.body).toContain("Thank you! Your answer is saved.");
    expect(answer.body).toMatch(/<img[^>]+src="data:image\/svg\+xml;base64,/);
    const check = new Database(server.databasePath, { readonly: true });
    expect(check.prepare("SELECT answer, interpretation FROM event_invitations WHERE token = ?").get(token)).toEqual({ answer: "yes", interpretation: "Farsi" });
    check.close();
  });

  it("a made-up token is a 404 that says nothing about any event, for reading and for posting", async () => {
    for (const token of ["f".repeat(64), "1234", "ab".repeat(33)]) {
      const get = await httpRequest(`${server.url}/rsvp/${token}`);
      expect(get.status).toBe(404);
      const sent = await post(`/rsvp/${token}`, { answer: "yes" }, false);
      expect(sent.status).toBe(404);
      for (const body of [get.body, sent.body]) {
        expect(body).not.toMatch(/форум|forum|Консултация|rsvp-form|Will you come/i);
      }
    }
  });

  it("only the check-in page may use the camera", async () => {
    const door = await httpRequest(`${server.url}/events/${eventId}/check-in`, { cookie });
    expect(door.status).toBe(200);
    expect(door.headers["permissions-policy"]).toContain("camera=(self)");
    for (const path of [`/events/${eventId}`, `/events/${eventId}/invitations`, `/events/${eventId}/check-in/x`, "/login"]) {
      const other = await httpRequest(`${server.url}${path}`, { cookie });
      expect(other.headers["permissions-policy"], path).toContain("camera=()");
    }
  });
});
