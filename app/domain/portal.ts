// Forms of the partner portal: a partner's progress update on a shared commitment and the
// completion of a shared follow-up. Shared by the routes, the model and the tests.
import { z } from "zod";
import { partnerProposableStatuses } from "./commitment-lifecycle.ts";
import { commitmentStatuses } from "./enums.ts";
import { idParam, optionalText, optionalUrl, requiredText } from "./fields.ts";

export const PORTAL_INTENT = {
  update: "update",
  complete: "complete",
  reopen: "reopen",
  verify: "verify",
  /** A coordinator sends a partner's report back with a reason. */
  return: "return",
} as const;

/** Largest evidence file a partner may upload. */
export const EVIDENCE_MAX_BYTES = 10 * 1024 * 1024;

export const partnerUpdateInput = z.object({
  note: requiredText(4000),
  /**
   * Empty = no status change. Anything outside partnerProposableStatuses is refused (and audited)
   * before this runs; whether it may follow the status now is the lifecycle table's call.
   */
  proposedStatus: z.preprocess(
    (v) => (v === "" ? undefined : v),
    z.enum(partnerProposableStatuses, { error: "statusNotAllowed" }).optional().transform((v) => v ?? null),
  ),
  evidenceUrl: optionalUrl,
});
export type PartnerUpdateInput = z.output<typeof partnerUpdateInput>;

/** A coordinator's decision on a partner's report: verify it, or return it with a reason the partner reads. */
export const reportDecisionInput = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal(PORTAL_INTENT.verify), updateId: idParam }),
  z.object({ intent: z.literal(PORTAL_INTENT.return), updateId: idParam, reason: requiredText(2000) }),
]);

export const followUpCompletionInput = z.object({
  completionNote: optionalText(2000),
});

/** Form fields each partner form may carry; anything else is a forged field and is refused. */
export const partnerUpdateFields = ["intent", "note", "proposedStatus", "evidenceUrl", "evidenceFile", "commitmentId"] as const;
export const followUpCompletionFields = ["intent", "completionNote", "followUpId", "version"] as const;

/** Fields naming a record or an organization: a value other than the one in reach means "not found". */
export const scopeFields = ["commitmentId", "followUpId", "organizationId", "partnerOrganizationId", "sharedWithOrganizationId", "leadOrganizationId"] as const;

export function isCommitmentStatus(value: string): boolean {
  return (commitmentStatuses as readonly string[]).includes(value);
}
