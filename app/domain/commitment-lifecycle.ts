// A commitment's life: which status may follow which, who may make the change, whether it waits
// for verification, whether it needs a reason — the whole rule, in this one table. Read it top to
// bottom; the first rule that matches (actor, from, to) decides. app/models/commitment-lifecycle.server.ts
// applies it (the only code that writes a commitment's status), and
// tests/integration/http-commitment-lifecycle.test.ts walks every cell of it over HTTP.
//
// Statuses: pledged → in progress → partially fulfilled → fulfilled / not fulfilled; or withdrawn.
// Fulfilled, not fulfilled and withdrawn are *finished*: they are what the forum counts as the
// outcome, so they change again only through an explicit «reopen» with a reason.
import { commitmentStatuses, type CommitmentStatus } from "./enums.ts";

export const finishedStatuses = ["fulfilled", "not_fulfilled", "withdrawn"] as const satisfies readonly CommitmentStatus[];
export const unfinishedStatuses = ["pledged", "in_progress", "partially_fulfilled"] as const satisfies readonly CommitmentStatus[];

export function isFinished(status: CommitmentStatus): boolean {
  return (finishedStatuses as readonly string[]).includes(status);
}

/**
 * Who asks for the change, and the capability (app/auth/access.server.ts) they need:
 * - staffUpdate   a coordinator or admin posts a progress update with a status (writeRecords);
 * - partnerReport a partner user reports progress on a commitment shared with their organization (usePartnerPortal);
 * - verify        a coordinator or admin confirms a partner's report (verifyPartnerReports);
 * - return        a coordinator or admin returns a partner's report with a reason the partner reads (verifyPartnerReports);
 * - reopen        a coordinator or admin reopens a finished commitment with a reason (writeRecords).
 * Managers read everything and change no status; partners never verify.
 */
export const statusActors = {
  staffUpdate: { capability: "writeRecords" },
  partnerReport: { capability: "usePartnerPortal" },
  verify: { capability: "verifyPartnerReports" },
  return: { capability: "verifyPartnerReports" },
  reopen: { capability: "writeRecords" },
} as const;
export type StatusActor = keyof typeof statusActors;
export const statusActorNames = Object.keys(statusActors) as StatusActor[];

/** Why a change is refused; the message is `errors.<refusal>` in the user's language. */
export type Refusal =
  | "statusFinished"
  | "statusFinishedForPartner"
  | "statusNotAllowed"
  | "reportSuperseded"
  | "reopenNotFinished"
  | "reopenToUnfinished";

/**
 * What the status is after an allowed change: verified (BCRM's own word), pending (self-reported
 * until a coordinator verifies it), or as it was before the report being undone.
 */
export type Verification = "verified" | "pending" | "asBefore";

export type Outcome =
  | { allowed: true; verification: Verification; needsReason: boolean }
  | { allowed: false; refusal: Refusal };

type Statuses = readonly CommitmentStatus[];
type Rule = { actor: StatusActor; from: Statuses; to: Statuses | "same"; outcome: Outcome };

const ALL = commitmentStatuses;
const FINISHED = finishedStatuses;
const UNFINISHED = unfinishedStatuses;
const allow = (verification: Verification, needsReason = false): Outcome => ({ allowed: true, verification, needsReason });
const refuse = (refusal: Refusal): Outcome => ({ allowed: false, refusal });
const rule = (actor: StatusActor, from: Statuses, to: Statuses | "same", outcome: Outcome): Rule => ({ actor, from, to, outcome });

export const transitionRules: readonly Rule[] = [
  // ── A coordinator's progress update. BCRM's own word needs no verification; the update's note says why.
  // Posting the status it already has confirms it (a self-reported status becomes verified), finished or not.
  rule("staffUpdate", ALL, "same", allow("verified")),
  // A finished commitment does not move by an ordinary update: reopen it, with a reason, first.
  rule("staffUpdate", FINISHED, ALL, refuse("statusFinished")),
  // While unfinished, any status may follow: forward as the work goes, back to correct a mistake.
  rule("staffUpdate", UNFINISHED, ALL, allow("verified")),

  // ── A partner's report on a commitment shared with their organization.
  // Pledging and withdrawing are agreed with BCRM: a partner never sets pledged or withdrawn.
  rule("partnerReport", ALL, ["pledged", "withdrawn"], refuse("statusNotAllowed")),
  // A finished commitment takes no status from a partner: BCRM reopens it if it must change.
  rule("partnerReport", FINISHED, ALL, refuse("statusFinishedForPartner")),
  // Otherwise the reported status applies at once, shown self-reported until a coordinator verifies it.
  rule("partnerReport", UNFINISHED, ALL, allow("pending")),

  // ── Verifying a partner's report: from = the status now, to = the status the report gave.
  // The report's status is the status now: it becomes verified.
  rule("verify", ALL, "same", allow("verified")),
  // The status changed after the report: confirming it would bring an outdated status back.
  // Return the report (with a reason) or post an update instead.
  rule("verify", ALL, ALL, refuse("reportSuperseded")),

  // ── Returning a partner's report with a reason the partner reads (on the item and by e-mail):
  // from = the status the report set, to = the status before it. The status goes back to what it
  // was, verified or not as it was — even out of a finished status, since that one was never confirmed.
  rule("return", ALL, ALL, allow("asBefore", true)),

  // ── Reopening, with a reason: the one way out of a finished status.
  // Only a finished commitment is reopened; an unfinished one takes an ordinary update.
  rule("reopen", UNFINISHED, ALL, refuse("reopenNotFinished")),
  // A reopened commitment is open again: pledged, in progress or partially fulfilled.
  rule("reopen", FINISHED, FINISHED, refuse("reopenToUnfinished")),
  rule("reopen", FINISHED, UNFINISHED, allow("verified", true)),
];

/** The outcome of (actor, from, to): the first rule that matches. Every cell has one (tested). */
export function decideTransition(actor: StatusActor, from: CommitmentStatus, to: CommitmentStatus): Outcome {
  for (const r of transitionRules) {
    if (r.actor !== actor || !r.from.includes(from)) continue;
    if (r.to === "same" ? from === to : r.to.includes(to)) return r.outcome;
  }
  throw new Error(`No lifecycle rule for ${actor}: ${from} → ${to}`);
}

/** The statuses `actor` may move a commitment in status `from` to (what a form offers). */
export function allowedTargets(actor: StatusActor, from: CommitmentStatus): CommitmentStatus[] {
  return commitmentStatuses.filter((to) => decideTransition(actor, from, to).allowed);
}

type NonEmpty<T> = [T, ...T[]];

/** Statuses a partner may ever report (from some unfinished status): the portal form's choices and its validator. */
export const partnerProposableStatuses = commitmentStatuses.filter((to) =>
  unfinishedStatuses.some((from) => decideTransition("partnerReport", from, to).allowed),
) as NonEmpty<CommitmentStatus>;

// ── New commitments: from the staff form (writeRecords), a CSV import (import) or a carry-over to
// a later forum edition (writeRecords). Each starts pledged and verified — BCRM recorded the pledge
// itself; the column defaults in app/db/schema.ts are these values, so an insert never names them.
export const initialStatus = "pledged" satisfies CommitmentStatus;
export const initialStatusVerified = true;

// A forum commitment not (fully) kept may be carried over to a later edition: the new one starts
// as above, the old one keeps its status and its history.
export const carriableStatuses = ["pledged", "in_progress", "partially_fulfilled", "not_fulfilled"] as const satisfies readonly CommitmentStatus[];
