// Reminders nobody has to remember to look for: a daily digest of each staff member's overdue
// and due-soon follow-ups, and a notice to a partner organization's users when an item is
// shared with them. Both go through the mailer (SMTP, or the outbox in the demo), in the
// recipient's language.
import { and, desc, eq, inArray } from "drizzle-orm";
import { getDb } from "../db/client.server.ts";
import { outbox, users } from "../db/schema.ts";
import { staffRoles } from "../domain/enums.ts";
import { env } from "../env.server.ts";
import type { Locale } from "../domain/enums.ts";
import { formatLongDate, makeTranslate } from "../i18n/i18n.ts";
import { todayIso } from "../lib/calendar-day.ts";
import { LINK, mailHtml, mailText, type MailPart } from "../lib/mail-message.ts";
import { DUE_SOON_DAYS, myDueFollowUps, type DashboardFollowUp } from "./dashboard.server.ts";
import { sendMail, type MailSettings } from "./mailer.server.ts";

export type ReminderSettings = MailSettings & {
  /** Base of the links in the message; defaults to APP_URL. */
  appUrl?: string;
  today?: string;
  /** Send even if the user already got today's digest. */
  force?: boolean;
};

export type DigestSummary = { recipients: number; sent: number; queued: number; failed: number; skipped: number };

function alreadySentToday(userId: number, today: string): boolean {
  const last = getDb()
    .select({ createdAt: outbox.createdAt })
    .from(outbox)
    .where(and(eq(outbox.userId, userId), eq(outbox.kind, "digest")))
    .orderBy(desc(outbox.createdAt), desc(outbox.id))
    .limit(1)
    .get();
  return Boolean(last && todayIso(new Date(last.createdAt)) === today);
}

/** The digest of one user (plain text and the same as HTML), or null when nothing is overdue or due soon. */
export function composeDigest(
  user: { name: string; locale: Locale },
  items: { overdue: DashboardFollowUp[]; dueSoon: DashboardFollowUp[] },
  appUrl: string,
): ComposedMail | null {
  if (!items.overdue.length && !items.dueSoon.length) return null;
  const t = makeTranslate(user.locale);
  const listed = (list: DashboardFollowUp[]): MailPart => ({
    kind: "items",
    items: list.map((f) => ({
      title: f.title,
      detail: `${t("reminders.digest.due", { date: formatLongDate(user.locale, f.dueOn) })}${f.organizationName ? ` (${f.organizationName})` : ""}`,
      url: `${appUrl}/follow-ups/${f.id}`,
    })),
  });
  const parts: MailPart[] = [{ kind: "paragraph", text: t("reminders.digest.greeting", { name: user.name }) }];
  if (items.overdue.length) parts.push({ kind: "heading", text: t("reminders.digest.overdue", { count: items.overdue.length }) }, listed(items.overdue));
  if (items.dueSoon.length)
    parts.push({ kind: "heading", text: t("reminders.digest.dueSoon", { count: items.dueSoon.length, days: DUE_SOON_DAYS }) }, listed(items.dueSoon));
  parts.push({ kind: "link", text: t("reminders.digest.footer", { url: LINK }), url: `${appUrl}/` });
  return composed(user.locale, t("reminders.digest.subject", { overdue: items.overdue.length, dueSoon: items.dueSoon.length }), parts);
}

type ComposedMail = { subject: string; text: string; html: string };

function composed(locale: Locale, subject: string, parts: MailPart[]): ComposedMail {
  return { subject, text: mailText(parts), html: mailHtml(parts, { lang: locale, title: subject }) };
}

/** Sends today's digest to every active staff user who has something overdue or due soon. Run once a day. */
export async function runDailyDigest(settings: ReminderSettings = {}): Promise<DigestSummary> {
  const today = settings.today ?? todayIso();
  const appUrl = (settings.appUrl ?? env().APP_URL).replace(/\/$/, "");
  const staff = getDb()
    .select({ id: users.id, name: users.name, email: users.email, locale: users.locale })
    .from(users)
    .where(and(eq(users.active, true), inArray(users.role, [...staffRoles])))
    .orderBy(users.id)
    .all();
  const summary: DigestSummary = { recipients: 0, sent: 0, queued: 0, failed: 0, skipped: 0 };
  for (const user of staff) {
    const message = composeDigest(user, myDueFollowUps(user.id, today), appUrl);
    if (!message) continue;
    if (!settings.force && alreadySentToday(user.id, today)) {
      summary.skipped += 1;
      continue;
    }
    summary.recipients += 1;
    const outcome = await sendMail({ userId: user.id, to: user.email, toName: user.name, kind: "digest", ...message }, settings);
    if (outcome.sent) summary.sent += 1;
    else if (outcome.error) summary.failed += 1;
    else summary.queued += 1;
  }
  return summary;
}

export type SharedItem = { kind: "follow_up" | "commitment"; id: number; title: string; dueOn?: string | null };

/** The item's page in the partner portal. */
function sharedItemPath(item: SharedItem): string {
  return item.kind === "follow_up" ? `/shared/follow-ups/${item.id}` : `/shared/commitments/${item.id}`;
}

/**
 * Tells the active users of a partner organization that an item is now shared with them.
 * Call it after the transaction that shared the item has committed.
 */
export async function notifySharedWithOrganization(organizationId: number, item: SharedItem, settings: ReminderSettings = {}) {
  const appUrl = (settings.appUrl ?? env().APP_URL).replace(/\/$/, "");
  const recipients = getDb()
    .select({ id: users.id, name: users.name, email: users.email, locale: users.locale })
    .from(users)
    .where(and(eq(users.organizationId, organizationId), eq(users.role, "partner"), eq(users.active, true)))
    .all();
  const outcomes = [];
  for (const user of recipients) {
    const t = makeTranslate(user.locale);
    const what = t(item.kind === "follow_up" ? "reminders.shared.followUp" : "reminders.shared.commitment");
    const parts: MailPart[] = [
      { kind: "paragraph", text: t("reminders.digest.greeting", { name: user.name }) },
      { kind: "paragraph", text: t("reminders.shared.body", { what, title: item.title }) },
      ...(item.dueOn ? [{ kind: "paragraph" as const, text: t("reminders.digest.due", { date: formatLongDate(user.locale, item.dueOn) }) }] : []),
      // Straight to the item in the partner portal, not to the portal's front page.
      { kind: "link", text: t("reminders.shared.link", { url: LINK }), url: `${appUrl}${sharedItemPath(item)}` },
    ];
    const message = composed(user.locale, t("reminders.shared.subject", { title: item.title }), parts);
    outcomes.push(await sendMail({ userId: user.id, to: user.email, toName: user.name, kind: "shared_notice", ...message }, settings));
  }
  return outcomes;
}

// ---------------------------------------------------------------- the server's daily schedule

/** Milliseconds from `now` until the next HH:MM on Sofia's wall clock. */
export function msUntilNextSofiaTime(at: string, now = new Date()): number {
  const [hour, minute] = at.split(":").map(Number);
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/Sofia", hour: "2-digit", minute: "2-digit", second: "2-digit", hourCycle: "h23" })
      .formatToParts(now)
      .map((p) => [p.type, p.value]),
  );
  const nowSeconds = Number(parts.hour) * 3600 + Number(parts.minute) * 60 + Number(parts.second);
  let wait = hour * 3600 + minute * 60 - nowSeconds;
  if (wait <= 0) wait += 24 * 3600;
  return wait * 1000 - now.getMilliseconds();
}

/**
 * Sends the digest every day at REMINDERS_AT (Sofia time), when it is set; server.mjs calls this
 * after start-up. Returns a stop function, or null when no schedule is configured.
 */
export function startReminderSchedule(at: string | undefined = env().REMINDERS_AT): (() => void) | null {
  if (!at) return null;
  let timer: NodeJS.Timeout | undefined;
  const schedule = () => {
    timer = setTimeout(async () => {
      try {
        const summary = await runDailyDigest();
        console.log(JSON.stringify({ t: new Date().toISOString(), reminders: summary }));
      } catch (error) {
        console.error(`Reminder digest failed: ${error instanceof Error ? error.message : error}`);
      }
      schedule();
    }, msUntilNextSofiaTime(at));
    timer.unref();
  };
  schedule();
  return () => clearTimeout(timer);
}
