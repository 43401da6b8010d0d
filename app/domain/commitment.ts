import { z } from "zod";
import { commitmentKinds, commitmentStatuses, niemAreas, niemDimensions, oblasts, organizationKinds, type CommitmentStatus, type NiemArea, type NiemDimension } from "./enums.ts";
import { checkbox, idParam, optionalDate, optionalEnum, optionalId, optionalText, optionalUrl, requiredEnum, requiredText } from "./fields.ts";
import { requiredId } from "./partnership.ts";

const dimensionTuple = niemDimensions as unknown as [NiemDimension, ...NiemDimension[]];
const areaTuple = niemAreas as unknown as [NiemArea, ...NiemArea[]];

/** Several ids from a multi-select (one value arrives as a string, several as an array). */
const idList = z.preprocess(
  (v) => (v === undefined || v === null || v === "" ? [] : [v].flat().filter((x) => x !== "")),
  z.array(idParam, { error: "invalid" }).max(50, { error: "invalid" }),
).transform((ids) => [...new Set(ids)]);

/**
 * The commitment form. The status is not here: only progress updates (and the other changes of
 * app/domain/commitment-lifecycle.ts) change it, so a commitment's status is always the latest
 * status-changing update's.
 */
export const commitmentInput = z
  .object({
    title: requiredText(300),
    description: optionalText(5000),
    leadOrganizationId: requiredId,
    coPledgerIds: idList,
    eventId: optionalId,
    partnershipId: optionalId,
    niemDimension: requiredEnum(dimensionTuple),
    kind: requiredEnum(commitmentKinds),
    dueOn: optionalDate,
    ownerId: optionalId,
    sharedWithPartner: checkbox,
  })
  // The lead is not also a co-pledger of its own commitment.
  .transform((c) => ({ ...c, coPledgerIds: c.coPledgerIds.filter((id) => id !== c.leadOrganizationId) }));
export type CommitmentInput = z.infer<typeof commitmentInput>;

/** One entry of the progress timeline, posted by staff from the commitment page. */
export const commitmentUpdateInput = z.object({
  note: requiredText(5000),
  statusChange: optionalEnum(commitmentStatuses),
  evidenceUrl: optionalUrl,
});
export type CommitmentUpdateInput = z.infer<typeof commitmentUpdateInput>;

/** Reopening a finished commitment: the status it goes back to and the reason (required, on the timeline). */
export const reopenInput = z.object({
  status: requiredEnum(commitmentStatuses),
  reason: requiredText(2000),
});

export const carryOverInput = z.object({ eventId: requiredId });

export const commitmentListSpec = {
  sortable: ["title", "due", "status", "updated"] as const,
  defaultSort: "title" as const,
  filters: {
    status: z.enum(commitmentStatuses),
    area: z.enum(areaTuple),
    dimension: z.enum(dimensionTuple),
    event: idParam,
    partnership: idParam,
    organization: idParam,
    owner: idParam,
    overdue: z.enum(["1"]),
    // The year in review's numbers link to the list with these (issue 19).
    /** 1: the status is verified; 0: it rests on a partner's self-report. */
    verified: z.enum(["1", "0"]),
    /** Kind and oblast of the lead organization (`none`: no oblast given). */
    orgKind: z.enum(organizationKinds),
    oblast: z.enum([...oblasts, "none"]),
    /** Still open: pledged or in progress. */
    open: z.enum(["1"]),
    /** Carried over from an earlier edition. */
    carried: z.enum(["1"]),
    /** Joint pledges: with at least one co-pledger. */
    joint: z.enum(["1"]),
    // The report's cells lead here (issue 17): its period, the lead organization's kind and
    // oblast, still open, and resting on a partner's unverified report.
    from: optionalDate,
    to: optionalDate,
    basis: z.enum(["due", "created"]),
    leadKind: z.enum(organizationKinds),
    leadOblast: z.enum([...oblasts, "none"]),
    unverified: z.enum(["1"]),
  },
};

/** The list filters a report link may carry but the filter form has no control for (kept as hidden fields). */
export const commitmentReportFilters = ["from", "to", "basis", "leadKind", "leadOblast", "open", "unverified"] as const;

// What «open» and «overdue» mean for a commitment, defined here once: the list's filters and
// badge, the reports, the year in review and the partner portal all import these.

/** Statuses of a commitment that is still owed: overdue once its due date has passed. */
export const openCommitmentStatuses = ["pledged", "in_progress"] as const satisfies readonly CommitmentStatus[];

/** Whether a status is one of the open ones (pledged or in progress). */
export function isOpenStatus(status: string): boolean {
  return (openCommitmentStatuses as readonly string[]).includes(status);
}

/** How many of the counted commitments are still open (the reports' «open» column). */
export function openCount(byStatus: Record<CommitmentStatus, number>): number {
  return openCommitmentStatuses.reduce((n, s) => n + byStatus[s], 0);
}

/**
 * A commitment still to be done and past its due date (the list's badge, the report, the portal's
 * flag; the list's SQL filter uses the same statuses). Due today is not overdue yet.
 */
export function isCommitmentOverdue(c: { status: string; dueOn: string | null }, today: string): boolean {
  return c.dueOn != null && c.dueOn < today && isOpenStatus(c.status);
}
