// Every change of a commitment's status, by the table in app/domain/commitment-lifecycle.ts.
// This is the only module that writes `status` and `status_verified`
// (tests/integration/commitment-status-writers.test.ts reads the source to keep it so): the staff
// update (commitments.server.ts) and the partner report (partner-portal.server.ts) plan their change
// here, and verification, return and reopen live here. Each runs in its caller's transaction and
// writes its audit entry in it.
import { and, desc, eq, isNotNull, isNull } from "drizzle-orm";
import { notFound, requireCapability, requireRecordWrite, type CurrentUser } from "../auth/access.server.ts";
import { getDb, type DbOrTx, type Tx } from "../db/client.server.ts";
import { commitments, commitmentUpdates } from "../db/schema.ts";
import {
  decideTransition,
  initialStatus,
  initialStatusVerified,
  statusActors,
  type Refusal,
  type StatusActor,
} from "../domain/commitment-lifecycle.ts";
import type { CommitmentStatus } from "../domain/enums.ts";
import { changedFields, writeAudit } from "./audit.server.ts";
import type { WriteContext } from "./record-write.server.ts";
import { noticeReturnedReport } from "./report-return-notices.server.ts";

type CommitmentRow = typeof commitments.$inferSelect;

/** The audit entry a status change is written with: the caller's action, its own changes and detail. */
export type StatusAudit = {
  action: string;
  changes?: Record<string, unknown>;
  detail?: Record<string, unknown>;
  /** Write the entry (and bump the version) even when status and verification stay as they were. */
  always?: boolean;
};

export type StatusPlan =
  | { ok: true; from: CommitmentStatus; to: CommitmentStatus; apply(audit: StatusAudit): void }
  | { ok: false; from: CommitmentStatus; to: CommitmentStatus; refusal: Refusal };

/**
 * Asks the table whether `actor` may move `commitment` (read inside `tx`) to `to`. Allowed: `apply`
 * writes the status, its verification, the version and the audit entry in `tx`. Refused: nothing
 * is written and the refusal names the message. A user without the actor's capability is denied.
 */
export function planStatusChange(
  tx: Tx,
  user: CurrentUser,
  commitment: CommitmentRow,
  change: { actor: StatusActor; to: CommitmentStatus; reason?: string | null; verifiedBefore?: boolean },
  ctx: WriteContext = {},
): StatusPlan {
  requireCapability(user, statusActors[change.actor].capability);
  const from = commitment.status;
  const to = change.to;
  const outcome = decideTransition(change.actor, from, to);
  if (!outcome.allowed) return { ok: false, from, to, refusal: outcome.refusal };
  // Forms validate the reason first; reaching here without one is a programming error, not bad input.
  if (outcome.needsReason && !change.reason?.trim()) throw new Error(`lifecycle: ${change.actor} needs a reason`);
  const statusVerified =
    outcome.verification === "verified" ? true : outcome.verification === "pending" ? false : (change.verifiedBefore ?? initialStatusVerified);
  return {
    ok: true,
    from,
    to,
    apply(audit) {
      const changes = changedFields(commitment, { status: to, statusVerified });
      if (!Object.keys(changes).length && !audit.always) return;
      // The one write of these two columns in the whole app.
      tx.update(commitments)
        .set({ status: to, statusVerified, updatedAt: new Date().toISOString(), version: commitment.version + 1 })
        .where(eq(commitments.id, commitment.id))
        .run();
      writeAudit(tx, {
        userId: user.id,
        action: audit.action,
        entityType: "commitment",
        entityId: commitment.id,
        changes: { ...changes, ...audit.changes },
        detail: audit.detail ?? null,
        ip: ctx.ip,
      });
    },
  };
}

// ---------------------------------------------------------------- what the status rests on

type StatusSource = { id: number; statusChange: CommitmentStatus; verified: boolean };

/**
 * The status-changing updates that count (returned reports do not), newest first: the first is the
 * one the status rests on, the second what it rested on before.
 */
function statusSources(db: DbOrTx, commitmentId: number, limit = 2): StatusSource[] {
  return db
    .select({
      id: commitmentUpdates.id,
      statusChange: commitmentUpdates.statusChange,
      partnerOrganizationId: commitmentUpdates.partnerOrganizationId,
      verifiedAt: commitmentUpdates.verifiedAt,
    })
    .from(commitmentUpdates)
    .where(and(eq(commitmentUpdates.commitmentId, commitmentId), isNotNull(commitmentUpdates.statusChange), isNull(commitmentUpdates.returnedAt)))
    .orderBy(desc(commitmentUpdates.createdAt), desc(commitmentUpdates.id))
    .limit(limit)
    .all()
    .map((u) => ({ id: u.id, statusChange: u.statusChange!, verified: u.partnerOrganizationId == null || u.verifiedAt != null }));
}

/** The status and verification the timeline gives (what `status`/`status_verified` always equal). */
export function statusFromTimeline(db: DbOrTx, commitmentId: number): { status: CommitmentStatus; statusVerified: boolean } {
  const [latest] = statusSources(db, commitmentId, 1);
  return latest ? { status: latest.statusChange, statusVerified: latest.verified } : { status: initialStatus, statusVerified: initialStatusVerified };
}

// ---------------------------------------------------------------- a coordinator judges a partner's report

function reportInTx(tx: Tx, updateId: number) {
  const report = tx.select().from(commitmentUpdates).where(eq(commitmentUpdates.id, updateId)).get();
  if (!report || report.partnerOrganizationId == null) throw notFound();
  const commitment = tx.select().from(commitments).where(eq(commitments.id, report.commitmentId)).get()!;
  return { report, commitment };
}

export type JudgeResult =
  | { ok: true; statusVerified: boolean }
  | { ok: false; reason: "alreadyVerified" | "alreadyReturned" }
  | { ok: false; reason: "refused"; refusal: Refusal };

/**
 * A coordinator confirms a partner's report. A report that gave a status goes through the table
 * (verify: the status now → the report's): confirming the status now makes it verified; a report
 * overtaken by a later status change is refused, and stays to be returned.
 */
export function verifyPartnerReport(user: CurrentUser, updateId: number, ctx: WriteContext = {}): JudgeResult {
  requireCapability(user, "verifyPartnerReports");
  return getDb().transaction((tx) => {
    const { report, commitment } = reportInTx(tx, updateId);
    if (report.verifiedAt) return { ok: false, reason: "alreadyVerified" } as const;
    if (report.returnedAt) return { ok: false, reason: "alreadyReturned" } as const;
    const plan = report.statusChange ? planStatusChange(tx, user, commitment, { actor: "verify", to: report.statusChange }, ctx) : null;
    if (plan && !plan.ok) return { ok: false, reason: "refused", refusal: plan.refusal } as const;
    const verifiedAt = new Date().toISOString();
    tx.update(commitmentUpdates).set({ verifiedAt, verifiedById: user.id }).where(eq(commitmentUpdates.id, updateId)).run();
    writeAudit(tx, {
      userId: user.id,
      action: "verify",
      entityType: "commitment_update",
      entityId: updateId,
      changes: { verifiedAt: [null, verifiedAt], verifiedById: [null, user.id] },
      detail: { commitmentId: commitment.id },
      ip: ctx.ip,
    });
    plan?.apply({ action: "verify", detail: { commitmentUpdateId: updateId, status: commitment.status } });
    return { ok: true, statusVerified: plan ? true : commitment.statusVerified } as const;
  });
}

/**
 * A coordinator sends a partner's report back with a reason. When the status rests on that report,
 * it goes back to what it was before (the table's «return»); the report stays on the timeline,
 * marked returned with the reason, and the partner organization's users get an e-mail.
 */
export function returnPartnerReport(user: CurrentUser, updateId: number, reason: string, ctx: WriteContext = {}): JudgeResult {
  requireCapability(user, "verifyPartnerReports");
  const result = getDb().transaction((tx) => {
    const { report, commitment } = reportInTx(tx, updateId);
    if (report.verifiedAt) return { ok: false, reason: "alreadyVerified" } as const;
    if (report.returnedAt) return { ok: false, reason: "alreadyReturned" } as const;
    const [restsOn, before] = statusSources(tx, commitment.id);
    const undo = report.statusChange != null && restsOn?.id === report.id;
    const previous = before ?? { statusChange: initialStatus, verified: initialStatusVerified };
    const plan = undo
      ? planStatusChange(tx, user, commitment, { actor: "return", to: previous.statusChange, reason, verifiedBefore: previous.verified }, ctx)
      : null;
    if (plan && !plan.ok) return { ok: false, reason: "refused", refusal: plan.refusal } as const;
    const returnedAt = new Date().toISOString();
    tx.update(commitmentUpdates).set({ returnedAt, returnedById: user.id, returnReason: reason }).where(eq(commitmentUpdates.id, updateId)).run();
    writeAudit(tx, {
      userId: user.id,
      action: "return",
      entityType: "commitment_update",
      entityId: updateId,
      changes: { returnedAt: [null, returnedAt], returnedById: [null, user.id], returnReason: [null, reason] },
      detail: { commitmentId: commitment.id },
      ip: ctx.ip,
    });
    plan?.apply({ action: "return", detail: { commitmentUpdateId: updateId, reason } });
    const after = tx.select({ statusVerified: commitments.statusVerified }).from(commitments).where(eq(commitments.id, commitment.id)).get()!;
    return {
      ok: true,
      statusVerified: after.statusVerified,
      notice: { organizationId: report.partnerOrganizationId!, commitmentId: commitment.id, title: commitment.title, reportedAt: report.createdAt, reason },
    } as const;
  });
  if (!result.ok) return result;
  // After the commit: a failed e-mail never undoes the return.
  noticeReturnedReport(result.notice);
  return { ok: true, statusVerified: result.statusVerified };
}

// ---------------------------------------------------------------- reopening a finished commitment

export type ReopenResult = { ok: true; updateId: number } | { ok: false; refusal: Refusal };

/** Reopens a finished commitment with a reason: a timeline entry (the reason is its note) and the new status. */
export function reopenCommitment(
  user: CurrentUser,
  commitmentId: number,
  input: { status: CommitmentStatus; reason: string },
  ctx: WriteContext = {},
): ReopenResult {
  requireRecordWrite(user);
  return getDb().transaction((tx) => {
    const commitment = tx.select().from(commitments).where(eq(commitments.id, commitmentId)).get();
    if (!commitment) throw notFound();
    const plan = planStatusChange(tx, user, commitment, { actor: "reopen", to: input.status, reason: input.reason }, ctx);
    if (!plan.ok) return { ok: false, refusal: plan.refusal } as const;
    const update = tx
      .insert(commitmentUpdates)
      .values({ commitmentId, authorId: user.id, note: input.reason, statusChange: input.status })
      .returning({ id: commitmentUpdates.id })
      .get();
    plan.apply({
      action: "reopen",
      changes: { update: [null, { id: update.id, note: input.reason, statusChange: input.status }] },
      detail: { reason: input.reason },
      always: true,
    });
    return { ok: true, updateId: update.id } as const;
  });
}
