// E-mail reminders: a real SMTP server on 127.0.0.1 receives the daily digest with the user's
// overdue follow-ups, read back with a MIME parser (mailparser); without SMTP the digest waits in
// the outbox that admins read.
import { simpleParser, type AddressObject, type ParsedMail } from "mailparser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SMTPServer } from "smtp-server";
import type { AddressInfo } from "node:net";
import { getDb } from "#app/db/client.server.ts";
import { closeMailTransports } from "#app/models/mailer.server.ts";
import { createFollowUp } from "#app/models/follow-ups.server.ts";
import { notifySharedWithOrganization, runDailyDigest } from "#app/models/reminders.server.ts";
import * as outboxRoute from "#app/routes/admin.outbox.tsx";
import { call, demo, idOf, userIdOf } from "#tests/helpers.ts";
import { actingAs } from "./record-fixtures.ts";

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

/** The text part of a received message, decoded by a real MIME parser. */
async function textBody(raw: string): Promise<string> {
  return (await simpleParser(raw)).text ?? "";
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
    const body = await textBody(toCoordinator[0].raw);
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
    const sofiaId = idOf(demo.organizations.sofiaMunicipality);
    const before = received.length;
    await notifySharedWithOrganization(sofiaId, { kind: "follow_up", id: 1, title: "Протокол от срещата", dueOn: "2026-12-01" }, { smtpUrl });
    const notices = received.slice(before);
    expect(notices.map((m) => m.to).flat()).toEqual(["partner@sofia.demo"]);
    expect(await textBody(notices[0].raw)).toContain("Протокол от срещата");
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

// ---------------------------------------------------------------- what a mail client receives

const addressOf = (to: AddressObject | AddressObject[] | undefined) => [to ?? []].flat().flatMap((a) => a.value);
/** The HTML part as a reader sees it without images or styles: tags dropped, entities decoded. */
const htmlAsText = (html: string) =>
  html
    .replace(/<[^>]+>/g, " ")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ");

async function receivedBy(email: string, from: number): Promise<ParsedMail[]> {
  const raw = received.slice(from).filter((m) => m.to.includes(email));
  return Promise.all(raw.map((m) => simpleParser(m.raw)));
}

function checkMachineMail(mail: ParsedMail, name: string, email: string) {
  // Both alternatives: a plain text part and an HTML part.
  expect(mail.headers.get("content-type")).toMatchObject({ value: "multipart/alternative" });
  expect(mail.text?.trim().length).toBeGreaterThan(0);
  expect(typeof mail.html).toBe("string");
  // Auto-replies (out of office) are not sent back to a machine.
  expect(mail.headers.get("auto-submitted")).toBe("auto-generated");
  // Addressed by name.
  expect(addressOf(mail.to)).toEqual([{ address: email, name }]);
  // Readable without images: there are none to load.
  expect(mail.html as string).not.toMatch(/<img|src=|url\(/i);
}

describe("the e-mails as a mail client shows them", () => {
  const trickyTitle = `<b>Tom & Jerry</b> "кавички" и 'апостроф'`;

  it("the digest: text and escaped HTML alternatives, Auto-Submitted, the name in To:, links to each item, dates in words", async () => {
    const coordinator = actingAs("coordinator");
    const id = createFollowUp(coordinator, {
      title: trickyTitle, notes: null, dueOn: "2026-12-10", assigneeId: coordinator.id, organizationId: null, personId: null,
      partnershipId: null, commitmentId: null, eventId: null, status: "open", sharedWithOrganizationId: null,
    });
    const before = received.length;
    await runDailyDigest({ smtpUrl, appUrl: "https://crm.example.org", today: "2026-12-12", force: true });
    const [mail] = await receivedBy("coordinator@bcrm.demo", before);
    expect(mail).toBeDefined();
    checkMachineMail(mail!, coordinator.name, "coordinator@bcrm.demo");

    const html = mail!.html as string;
    expect(html).not.toContain("<b>Tom");
    expect(html).toContain("&lt;b&gt;Tom &amp; Jerry&lt;/b&gt; &quot;кавички&quot; и &#39;апостроф&#39;");
    expect(html).toContain(`href="https://crm.example.org/follow-ups/${id}"`);
    expect(mail!.text).toContain(trickyTitle);
    expect(mail!.text).toContain(`https://crm.example.org/follow-ups/${id}`);
    // The date written out in the recipient's language, the same in both alternatives.
    expect(mail!.text).toContain(`${trickyTitle} — срок 10 декември 2026`);
    expect(htmlAsText(html)).toContain(`${trickyTitle} — срок 10 декември 2026`);
    expect(mail!.text).not.toMatch(/\b10[./]12[./]2026\b/);
  });

  it("an English recipient reads «due 10 December 2026»", async () => {
    const manager = actingAs("manager");
    sqlite().prepare("UPDATE users SET locale = 'en' WHERE id = ?").run(manager.id);
    createFollowUp(actingAs("coordinator"), {
      title: "Send the funder report", notes: null, dueOn: "2026-12-10", assigneeId: manager.id, organizationId: null, personId: null,
      partnershipId: null, commitmentId: null, eventId: null, status: "open", sharedWithOrganizationId: null,
    });
    const before = received.length;
    await runDailyDigest({ smtpUrl, appUrl: "https://crm.example.org", today: "2026-12-12", force: true });
    const [mail] = await receivedBy("manager@bcrm.demo", before);
    expect(mail).toBeDefined();
    checkMachineMail(mail!, manager.name, "manager@bcrm.demo");
    expect(mail!.text).toContain("Send the funder report — due 10 December 2026");
    expect(htmlAsText(mail!.html as string)).toContain("Send the funder report — due 10 December 2026");
    expect(mail!.text).not.toContain("10/12/2026");
  });

  it("the sharing notice links straight to the item in the partner portal", async () => {
    const sofiaId = idOf(demo.organizations.sofiaMunicipality);
    const partner = sqlite().prepare("SELECT name FROM users WHERE email = 'partner@sofia.demo'").get() as { name: string };
    for (const [kind, path] of [["follow_up", "follow-ups"], ["commitment", "commitments"]] as const) {
      const before = received.length;
      await notifySharedWithOrganization(sofiaId, { kind, id: 7, title: trickyTitle, dueOn: "2026-12-10" }, { smtpUrl, appUrl: "https://crm.example.org" });
      const [mail] = await receivedBy("partner@sofia.demo", before);
      expect(mail).toBeDefined();
      checkMachineMail(mail!, partner.name, "partner@sofia.demo");
      const url = `https://crm.example.org/shared/${path}/7`;
      expect(mail!.text).toContain(url);
      expect(mail!.html as string).toContain(`href="${url}"`);
      expect(mail!.text).not.toMatch(/\/shared\s*$/m);
      expect(mail!.text).toContain("срок 10 декември 2026");
      expect(mail!.html as string).toContain("&lt;b&gt;Tom &amp; Jerry&lt;/b&gt;");
    }
  });
});
