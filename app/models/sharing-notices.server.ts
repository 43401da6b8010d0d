// When BCRM starts sharing a follow-up or a commitment with a partner organization, that
// organization's users get a notice (an e-mail, or the outbox in the demo). Called after the
// write has committed; a failed notice never undoes or fails the write.
import { notifySharedWithOrganization, type SharedItem } from "./reminders.server.ts";

export function noticeNewlyShared(organizationIds: Array<number | null | undefined>, item: SharedItem) {
  for (const organizationId of new Set(organizationIds)) {
    if (organizationId == null) continue;
    notifySharedWithOrganization(organizationId, item).catch((error) => {
      console.error(JSON.stringify({ t: new Date().toISOString(), event: "shared_notice_failed", organizationId, error: String(error) }));
    });
  }
}
