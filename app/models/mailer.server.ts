// Outgoing e-mail. Every message is written to the outbox table: with SMTP_URL it is also sent
// through nodemailer and marked sent (or its error kept); without SMTP (the demo) it waits in
// the outbox, where admins read it at /admin/outbox, instead of being lost.
import { desc, eq, sql } from "drizzle-orm";
import nodemailer, { type Transporter } from "nodemailer";
import { requireCapability, type CurrentUser } from "../auth/access.server.ts";
import { getDb } from "../db/client.server.ts";
import { outbox, users } from "../db/schema.ts";
import { env } from "../env.server.ts";

export type OutgoingMail = {
  userId: number | null;
  to: string;
  /** The recipient's name, shown in the To: header ("Name" <address>). */
  toName?: string | null;
  subject: string;
  text: string;
  /** The same message as HTML: sent beside the text as multipart/alternative. */
  html?: string;
  /** What the message is: `digest`, `shared_notice`, … */
  kind: string;
};

export type MailSettings = {
  /** Overrides SMTP_URL (tests point it at their own SMTP server); null = outbox only. */
  smtpUrl?: string | null;
  from?: string;
};

const transports = new Map<string, Transporter>();

function transportFor(smtpUrl: string): Transporter {
  let transport = transports.get(smtpUrl);
  if (!transport) {
    transport = nodemailer.createTransport(smtpUrl);
    transports.set(smtpUrl, transport);
  }
  return transport;
}

export type MailOutcome = { outboxId: number; sent: boolean; error: string | null };

/** Records the message in the outbox and, when SMTP is configured, sends it. Never throws for a refused send. */
export async function sendMail(mail: OutgoingMail, settings: MailSettings = {}): Promise<MailOutcome> {
  const smtpUrl = settings.smtpUrl === undefined ? (env().SMTP_URL ?? null) : settings.smtpUrl;
  const from = settings.from ?? env().MAIL_FROM;
  const db = getDb();
  const row = db
    .insert(outbox)
    .values({ userId: mail.userId, toEmail: mail.to, subject: mail.subject, bodyText: mail.text, kind: mail.kind })
    .returning({ id: outbox.id })
    .get();
  if (!smtpUrl) return { outboxId: row.id, sent: false, error: null };
  try {
    await transportFor(smtpUrl).sendMail({
      from,
      to: mail.toName ? { name: mail.toName, address: mail.to } : mail.to,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      // Machine-sent (RFC 3834): out-of-office and other auto-replies are not sent back to it.
      headers: { "Auto-Submitted": "auto-generated", "X-Auto-Response-Suppress": "All" },
    });
    db.update(outbox).set({ sentAt: new Date().toISOString() }).where(eq(outbox.id, row.id)).run();
    return { outboxId: row.id, sent: true, error: null };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    db.update(outbox).set({ error: message.slice(0, 1000) }).where(eq(outbox.id, row.id)).run();
    return { outboxId: row.id, sent: false, error: message };
  }
}

/** Closes pooled SMTP connections (scripts call this before exiting). */
export function closeMailTransports() {
  for (const transport of transports.values()) transport.close();
  transports.clear();
}

const OUTBOX_PAGE = 100;

/** The outbox for admins, newest first. */
export function listOutbox(admin: CurrentUser, page = 1) {
  requireCapability(admin, "readOutbox");
  const db = getDb();
  const total = db.select({ n: sql<number>`count(*)` }).from(outbox).get()?.n ?? 0;
  const rows = db
    .select({
      id: outbox.id,
      toEmail: outbox.toEmail,
      userName: users.name,
      subject: outbox.subject,
      bodyText: outbox.bodyText,
      kind: outbox.kind,
      createdAt: outbox.createdAt,
      sentAt: outbox.sentAt,
      error: outbox.error,
    })
    .from(outbox)
    .leftJoin(users, eq(users.id, outbox.userId))
    .orderBy(desc(outbox.createdAt), desc(outbox.id))
    .limit(OUTBOX_PAGE)
    .offset((Math.max(1, page) - 1) * OUTBOX_PAGE)
    .all();
  return { rows, total, page, perPage: OUTBOX_PAGE };
}
