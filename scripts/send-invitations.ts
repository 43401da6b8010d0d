// `npm run invitations -- <event id>`: sends the event's invitations not yet sent and its queued
// reminders, then exits. Safe to run again at any time (after a crash, too): an invitation already
// sent, or cut off while it was being sent, is never sent by it again.
import { closeDb, getDb } from "../app/db/client.server.ts";
import { closeMailTransports } from "../app/models/mailer.server.ts";
import { runInvitationSender } from "../app/models/invitations.server.ts";

const eventId = Number(process.argv[2]);
if (!Number.isInteger(eventId) || eventId <= 0) {
  console.error("usage: npm run invitations -- <event id>");
  process.exit(2);
}
getDb();
try {
  const summary = await runInvitationSender(eventId);
  console.log(JSON.stringify({ t: new Date().toISOString(), invitations: { eventId, ...summary } }));
  if (summary.failed) process.exitCode = 1;
} finally {
  closeMailTransports();
  closeDb();
}
