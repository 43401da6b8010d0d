// `npm run reminders`: sends today's reminder digest once (for cron), then exits.
// With SMTP_URL the e-mails are sent; without it they wait in the outbox (/admin/outbox).
import { closeDb, getDb } from "../app/db/client.server.ts";
import { closeMailTransports } from "../app/models/mailer.server.ts";
import { runDailyDigest } from "../app/models/reminders.server.ts";

getDb();
try {
  const summary = await runDailyDigest({ force: process.argv.includes("--force") });
  console.log(JSON.stringify({ t: new Date().toISOString(), reminders: summary }));
  if (summary.failed) process.exitCode = 1;
} finally {
  closeMailTransports();
  closeDb();
}
