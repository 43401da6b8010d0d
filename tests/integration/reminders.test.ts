// E-mail reminders: a real SMTP server on 127.0.0.1 receives the daily digest with the user's
// overdue follow-ups; without SMTP the digest waits in the outbox that admins read.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SMTPServer } from "smtp-server";
import type { AddressInfo } from "node:net";
import { getDb } from "#app/db/client.server.ts";
import { closeMailTransports } from "#app/models/mailer.server.ts";
import { notifySharedWithOrganization, runDailyDigest } from "#app/models/reminders.server.ts";
import * as outboxRoute from "#app/routes/admin.outbox.tsx";
import { call, userIdOf } from "#tests/helpers.ts";

const sqlite = () => getDb().$client;

type Received = { from: string; to: string[]; raw: string };
const received: Received[] = [];
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
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString("utf8"),
        });
        callback();
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

/** The decoded text body of a received message (nodemailer uses quoted-printable or base64 for Cyrillic). */
function textBody(raw: string): string {
  const [head, ...rest] = raw.split(/\r?\n\r?\n/);
  const body = rest.join("\n\n");
  if (/Content-Transfer-Encoding:\s*base64/i.test(head)) return Buffer.from(body.replace(/\s+/g, ""), "base64").toString("utf8");
  if (/Content-Transfer-Encoding:\s*quoted-printable/i.test(head)) {
    const bytes = body.replace(/=\r?\n/g, "").replace(/=([0-9A-F]{2})/gi, (_, hex: string) => `%${hex}`);
    return decodeURIComponent(bytes.replace(/%(?![0-9A-F]{2})/gi, "%25"));
  }
  return body;
}

function sofiaToday(): string {
  return new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Sofia" }).format(new Date());
}

function overdueTitlesOf(userId: number): string[] {
  return (
    sqlite().prepare("SELECT title FROM follow_ups WHERE assignee_id = ? AND status = 'open' AND due_on < ? ORDER BY due_on").all(userId, sofiaToday()) as Array<{
      title: string;
    }>
  ).map((r) => r.title);
}

describe("daily digest through SMTP", () => {
  it("a real SMTP server on 127.0.0.1 receives the digest with the user's overdue follow-ups", async () => {
    const summary = await runDailyDigest({ smtpUrl, appUrl: "https://crm.example.org", from: "BCRM <reminders@example.org>" });
    expect(summary.failed).toBe(0);
    expect(summary.sent).toBeGreaterThan(0);
    expect(summary.sent).toBe(received.length);

    const toCoordinator = received.filter((m) => m.to.includes("coordinator@bcrm.demo"));
    expect(toCoordinator).toHaveLength(1);
    const body = textBody(toCoordinator[0].raw);
    const titles = overdueTitlesOf(userIdOf("coordinator"));
    expect(titles.length).toBeGreaterThan(0);
    for (const title of titles) expect(body).toContain(title);
    expect(body).toContain("https://crm.example.org/follow-ups/");
    expect(body).toContain("Просрочени задачи"); // the coordinator's language is Bulgarian
    // Done and cancelled items are not reminded.
    const closed = sqlite().prepare("SELECT title FROM follow_ups WHERE assignee_id = ? AND status <> 'open'").all(userIdOf("coordinator")) as Array<{ title: string }>;
    for (const c of closed) expect(body).not.toContain(c.title);

    // Partners get no digest; sent mail is recorded in the outbox with sent_at.
    expect(received.some((m) => m.to.some((to) => to.endsWith("sofia.demo") || to.endsWith("redcross.demo")))).toBe(false);
    const rows = sqlite().prepare("SELECT to_email, sent_at FROM outbox WHERE kind = 'digest'").all() as Array<{ to_email: string; sent_at: string | null }>;
    expect(rows.length).toBe(summary.sent);
    expect(rows.every((r) => r.sent_at !== null)).toBe(true);

    // Run again the same day: nobody gets a second digest.
    const again = await runDailyDigest({ smtpUrl });
    expect(again.sent).toBe(0);
    expect(again.skipped).toBe(summary.sent);
  });

  it("the sharing notice reaches the partner organization's users in their language", async () => {
    const sofiaId = (sqlite().prepare("SELECT id FROM organizations WHERE name = 'Столична община'").get() as { id: number }).id;
    const before = received.length;
    await notifySharedWithOrganization(sofiaId, { kind: "follow_up", id: 1, title: "Протокол от срещата", dueOn: "2026-12-01" }, { smtpUrl });
    const notices = received.slice(before);
    expect(notices.map((m) => m.to).flat()).toEqual(["partner@sofia.demo"]);
    expect(textBody(notices[0].raw)).toContain("Протокол от срещата");
  });
});

describe("without SMTP: the outbox", () => {
  it("the digest is written to the outbox and the admin's outbox page shows it", async () => {
    const summary = await runDailyDigest({ smtpUrl: null, force: true });
    expect(summary.queued).toBeGreaterThan(0);
    expect(summary.sent).toBe(0);
    const { status, data } = await call(outboxRoute, "loader", { path: "/admin/outbox", as: "admin" });
    expect(status).toBe(200);
    const waiting = data.rows.filter((r: any) => r.kind === "digest" && r.sentAt === null && r.toEmail === "coordinator@bcrm.demo");
    expect(waiting).toHaveLength(1);
    for (const title of overdueTitlesOf(userIdOf("coordinator"))) expect(waiting[0].bodyText).toContain(title);
  });

  it("only admins read the outbox: a coordinator gets 403, a partner 404", async () => {
    expect((await call(outboxRoute, "loader", { path: "/admin/outbox", as: "coordinator" })).status).toBe(403);
    expect((await call(outboxRoute, "loader", { path: "/admin/outbox", as: "manager" })).status).toBe(403);
    expect((await call(outboxRoute, "loader", { path: "/admin/outbox", as: "partnerSofia" })).status).toBe(404);
  });
});
