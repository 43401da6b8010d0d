// When a coordinator returns a partner's report, the reporting organization's users get an e-mail
// with the reason and a link to answer (or it waits in the outbox without SMTP), in their language.
// Called after the return has committed; a failed notice never undoes or fails it.
import { and, eq } from "drizzle-orm";
import { getDb } from "../db/client.server.ts";
import { users } from "../db/schema.ts";
import { env } from "../env.server.ts";
import { formatDateTime, makeTranslate } from "../i18n/i18n.ts";
import { sendMail, type MailSettings } from "./mailer.server.ts";

export type ReturnedReport = { organizationId: number; commitmentId: number; title: string; reportedAt: string; reason: string };

export async function notifyReportReturned(report: ReturnedReport, settings: MailSettings & { appUrl?: string } = {}) {
  const appUrl = (settings.appUrl ?? env().APP_URL).replace(/\/$/, "");
  const recipients = getDb()
    .select({ id: users.id, name: users.name, email: users.email, locale: users.locale })
    .from(users)
    .where(and(eq(users.organizationId, report.organizationId), eq(users.role, "partner"), eq(users.active, true)))
    .all();
  const outcomes = [];
  for (const user of recipients) {
    const t = makeTranslate(user.locale);
    const text = [
      t("reminders.digest.greeting", { name: user.name }),
      "",
      t("portal.returned.mail.body", { title: report.title, date: formatDateTime(user.locale, report.reportedAt) }),
      "",
      report.reason,
      "",
      t("portal.returned.mail.link", { url: `${appUrl}/shared/commitments/${report.commitmentId}` }),
    ].join("\n");
    const subject = t("portal.returned.mail.subject", { title: report.title });
    outcomes.push(await sendMail({ userId: user.id, to: user.email, kind: "report_returned", subject, text }, settings));
  }
  return outcomes;
}

export function noticeReturnedReport(report: ReturnedReport) {
  notifyReportReturned(report).catch((error) => {
    console.error(JSON.stringify({ t: new Date().toISOString(), event: "return_notice_failed", organizationId: report.organizationId, error: String(error) }));
  });
}
