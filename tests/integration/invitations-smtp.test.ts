// Issue 21, point 2: invitations through the app's mailer to a real SMTP server on 127.0.0.1 — one
// message per invitee, to that invitee alone, in their language, with a personal link that works;
// a rerun sends nothing new; and a sender killed (SIGKILL) midway, then run again, still sends no
// invitation twice.
import { spawn, type ChildProcess } from "node:child_process";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { simpleParser, type AddressObject } from "mailparser";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { and, eq, inArray } from "drizzle-orm";
import { getDb } from "#app/db/client.server.ts";
import { outbox, refugeeContacts } from "#app/db/schema.ts";
import { closeMailTransports } from "#app/models/mailer.server.ts";
import { runInvitationSender } from "#app/models/invitations.server.ts";
import * as invitationsRoute from "#app/routes/events.$id.invitations.tsx";
import * as rsvpRoute from "#app/routes/rsvp.$token.tsx";
import { call } from "#tests/helpers.ts";
import { freshEvent, invitationRows, uniqueTag } from "./invitations-helpers.ts";
import { freshContact } from "./refugees-helpers.ts";

type Received = { to: string[]; raw: string };
const received: Received[] = [];
/** When set, the SMTP server holds back its answer to the message with this index (0-based) until released. */
let holdAt: number | null = null;
let onHeld: (() => void) | null = null;
let server: SMTPServer;
let smtpUrl: string;

beforeAll(async () => {
  server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        const index = received.length;
        received.push({ to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString("utf8") });
        if (holdAt === index) onHeld?.(); // the sender waits for "250 OK" that does not come
        else callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  smtpUrl = `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  closeMailTransports();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

beforeEach(() => {
  received.length = 0;
  holdAt = null;
  onHeld = null;
});

const APP_URL = "https://partners.example.org";

async function inviteGuests(eventId: number, guests: Array<{ name: string; email: string; locale: "bg" | "en" }>) {
  for (const g of guests) {
    const r = await call(invitationsRoute, "action", {
      path: `/events/${eventId}/invitations`,
      params: { id: String(eventId) },
      as: "coordinator",
      form: { intent: "inviteGuest", name: g.name, email: g.email, locale: g.locale, role: "participant" },
    });
    expect(r.status).toBe(200);
  }
}

function guestsFor(tag: string, count: number) {
  return Array.from({ length: count }, (_, i) => ({
    name: i % 2 ? `Guest ${i} ${tag}` : `Гост ${i} ${tag}`,
    email: `guest${i}.${tag}@example.org`,
    locale: (i % 2 ? "en" : "bg") as "bg" | "en",
  }));
}

describe("sending invitations through SMTP", () => {
  it("one message per invitee, to them alone, in their language, with a working personal link; a rerun sends nothing", async () => {
    const event = freshEvent();
    await call(invitationsRoute, "action", {
      path: `/events/${event.id}/invitations`,
      params: { id: String(event.id) },
      as: "coordinator",
      form: { intent: "settings", subjectEn: "Join us at the round table", bodyEn: "We would be glad to see you.", bodyBg: "Ще се радваме да ви видим." },
    });
    const tag = uniqueTag("smtp");
    const guests = guestsFor(tag, 6);
    await inviteGuests(event.id, guests);

    // A refugee contact reached by e-mail, with consent to forum participation: invited one by one.
    const refugee = freshContact(["forum_participation"]);
    const refugeeEmail = `refugee.${tag}@example.org`;
    getDb().update(refugeeContacts).set({ contactChannel: "email", contactValue: refugeeEmail }).where(eq(refugeeContacts.id, refugee.id)).run();
    const invited = await call(invitationsRoute, "action", {
      path: `/events/${event.id}/invitations`,
      params: { id: String(event.id) },
      as: "coordinator",
      form: { intent: "inviteRefugee", refugeeContactId: String(refugee.id), locale: "en" },
    });
    expect(invited.data.count).toBe(1);

    const summary = await runInvitationSender(event.id, { smtpUrl, appUrl: APP_URL, from: "BCRM <events@example.org>" });
    expect(summary).toEqual({ sent: 7, failed: 0, skipped: 0 });
    expect(received).toHaveLength(7);
    // The refugee's invitation is a message to them alone: no other address in its envelope or headers.
    const toRefugee = received.filter((m) => m.to.includes(refugeeEmail));
    expect(toRefugee).toHaveLength(1);
    expect(toRefugee[0]!.to).toEqual([refugeeEmail]);
    const refugeeHeaders = toRefugee[0]!.raw.split(/\r?\n\r?\n/)[0]!;
    for (const g of guests) expect(refugeeHeaders).not.toContain(g.email);
    for (const m of received.filter((x) => !x.to.includes(refugeeEmail))) expect(m.raw).not.toContain(refugeeEmail);
    received.splice(received.indexOf(toRefugee[0]!), 1);

    for (const guest of guests) {
      const mine = received.filter((m) => m.to.includes(guest.email));
      expect(mine, guest.email).toHaveLength(1);
      // Never a message with other recipients.
      expect(mine[0]!.to).toEqual([guest.email]);
      const parsed = await simpleParser(mine[0]!.raw);
      expect((parsed.to as AddressObject).value.map((a) => a.address)).toEqual([guest.email]);
      expect(parsed.headers.get("auto-submitted")).toBe("auto-generated");
      const text = parsed.text ?? "";
      if (guest.locale === "bg") {
        expect(parsed.subject).toBe(`Покана: ${event.title}`);
        expect(text).toContain(`Здравейте, ${guest.name},`);
        expect(text).toContain("Ще се радваме да ви видим.");
      } else {
        expect(parsed.subject).toBe("Join us at the round table");
        expect(text).toContain(`Dear ${guest.name},`);
        expect(text).toContain("We would be glad to see you.");
      }
      expect(parsed.html).toContain("/rsvp/");
      // The link is this invitee's own, and opens their answer page without signing in.
      const link = new RegExp(`${APP_URL.replace(/[.]/g, "\\.")}/rsvp/([0-9a-f]{64})`).exec(text);
      expect(link, text).not.toBeNull();
      const page = await call(rsvpRoute, "loader", { path: `/rsvp/${link![1]}`, params: { token: link![1]! }, as: null });
      expect(page.status).toBe(200);
      expect(page.data.name).toBe(guest.name);
      expect(page.data.locale).toBe(guest.locale);
    }
    expect(invitationRows(event.id).every((r) => r.sendState === "sent" && r.sentAt)).toBe(true);

    // Run again: nothing new.
    const rerun = await runInvitationSender(event.id, { smtpUrl, appUrl: APP_URL });
    expect(rerun).toEqual({ sent: 0, failed: 0, skipped: 0 });
    expect(received).toHaveLength(6);

    // Reminders go only to those who have not answered, from one action.
    const [first, second] = invitationRows(event.id);
    await call(rsvpRoute, "action", { path: `/rsvp/${first!.token}`, params: { token: first!.token }, as: null, form: { answer: "no" } });
    await call(rsvpRoute, "action", { path: `/rsvp/${second!.token}`, params: { token: second!.token }, as: null, form: { answer: "maybe" } });
    // (The route's sender uses the app's settings: no SMTP_URL in tests, so the reminders wait in the outbox.)
    const remind = await call(invitationsRoute, "action", { path: `/events/${event.id}/invitations`, params: { id: String(event.id) }, as: "coordinator", form: { intent: "remind" } });
    expect(remind.status).toBe(200);
    expect(remind.data.count).toBe(5);
    const reminders = getDb()
      .select()
      .from(outbox)
      .where(and(eq(outbox.kind, "event_reminder"), inArray(outbox.toEmail, guests.map((g) => g.email))))
      .all();
    expect(reminders.map((m) => m.toEmail).sort()).toEqual(guests.map((g) => g.email).filter((e) => e !== first!.email && e !== second!.email).sort());
    expect(getDb().select().from(outbox).where(and(eq(outbox.kind, "event_reminder"), eq(outbox.toEmail, refugeeEmail))).all()).toHaveLength(1);
    expect(reminders.find((m) => m.toEmail === guests[2]!.email)!.subject).toBe(`Напомняне: Покана: ${event.title}`);
    // Nothing more went through SMTP: reminders are not invitations sent again.
    expect(received).toHaveLength(6);
  });

  it("a sender killed midway and run again sends every invitation once and none twice", async () => {
    const event = freshEvent();
    const tag = uniqueTag("kill");
    const guests = guestsFor(tag, 8);
    await inviteGuests(event.id, guests);

    const script = path.resolve("scripts/send-invitations.ts");
    const env = { ...process.env, SMTP_URL: smtpUrl, APP_URL, REQUEST_LOG: "off" };
    const run = () => spawn(process.execPath, ["--import", "tsx", script, String(event.id)], { env, stdio: ["ignore", "pipe", "pipe"] });
    const exited = (child: ChildProcess) => new Promise<{ code: number | null; signal: string | null }>((resolve) => child.on("exit", (code, signal) => resolve({ code, signal })));

    // First run: killed while the SMTP server holds its answer to the fourth message.
    holdAt = 3;
    const first = run();
    const firstExit = exited(first);
    await new Promise<void>((resolve, reject) => {
      onHeld = resolve;
      first.on("exit", () => reject(new Error("the sender finished before it was killed")));
    });
    first.kill("SIGKILL");
    expect((await firstExit).signal).toBe("SIGKILL");
    expect(received).toHaveLength(4);
    const states = invitationRows(event.id).map((r) => r.sendState);
    expect(states.filter((s) => s === "sent")).toHaveLength(3);
    expect(states.filter((s) => s === "sending")).toHaveLength(1);
    holdAt = null;

    // Second run: goes on with the rest, and leaves the one cut off midway alone.
    const second = run();
    let output = "";
    second.stdout!.on("data", (c: Buffer) => (output += c.toString()));
    second.stderr!.on("data", (c: Buffer) => (output += c.toString()));
    expect((await exited(second)).code, output).toBe(0);

    // A third run sends nothing.
    const third = run();
    expect((await exited(third)).code).toBe(0);

    const counts = new Map<string, number>();
    for (const m of received) for (const to of m.to) counts.set(to, (counts.get(to) ?? 0) + 1);
    expect([...counts.keys()].sort()).toEqual(guests.map((g) => g.email).sort());
    expect([...counts.values()].every((n) => n === 1)).toBe(true);
    expect(received).toHaveLength(8);
    const after = invitationRows(event.id);
    expect(after.filter((r) => r.sendState === "sent")).toHaveLength(7);
    // The one cut off stays marked so: a coordinator sees it and decides.
    expect(after.filter((r) => r.sendState === "sending")).toHaveLength(1);
  }, 60_000);
});
