// The partner portal: what a partner organization sees of its shared commitments and
// follow-ups, the progress updates its users post, and the staff list of those reports (verifying
// or returning one is a status matter: commitment-lifecycle.server.ts).
// Access is decided by the rules in access.server.ts; everything out of reach is a 404.
import fs from "node:fs";
import { aliasedTable, and, asc, desc, eq, inArray, isNotNull, sql } from "drizzle-orm";
import {
  notFound,
  partnerCanSeeCommitment,
  partnerCanSeeFollowUp,
  partnerCommitmentScope,
  partnerFollowUpScope,
  requireCapability,
  type CurrentUser,
} from "../auth/access.server.ts";
import { getDb, type DbOrTx } from "../db/client.server.ts";
import { commitmentCoPledgers, commitments, commitmentUpdates, evidenceFiles, followUps, organizations, users } from "../db/schema.ts";
import { allowedTargets, partnerProposableStatuses, type Refusal } from "../domain/commitment-lifecycle.ts";
import type { CommitmentStatus } from "../domain/enums.ts";
import { scopeFields, type PartnerUpdateInput } from "../domain/portal.ts";
import { isCommitmentOverdue } from "../domain/commitment.ts";
import { todayIso } from "../lib/calendar-day.ts";
import type { FormValues } from "../lib/forms.ts";
import { writeAudit } from "./audit.server.ts";
import { planStatusChange } from "./commitment-lifecycle.server.ts";
import { storeEvidenceFile, type EvidenceUpload } from "./evidence.server.ts";
import { timelinesOf, unansweredReturn, type TimelineEntry } from "./commitment-timeline.server.ts";
import { getOrganization, type OrganizationWithTags } from "./organizations.server.ts";
import { earlierSubmission, noteSubmission, updateVersioned, type WriteContext } from "./record-write.server.ts";
import { partnerReportsWaiting } from "./dashboard.server.ts";

// ---------------------------------------------------------------- what a partner can reach

function requirePartner(user: CurrentUser): number {
  requireCapability(user, "usePartnerPortal");
  if (user.organizationId == null) throw notFound();
  return user.organizationId;
}

function coPledgerIdsOf(db: DbOrTx, commitmentId: number): number[] {
  return db
    .select({ id: commitmentCoPledgers.organizationId })
    .from(commitmentCoPledgers)
    .where(eq(commitmentCoPledgers.commitmentId, commitmentId))
    .all()
    .map((r) => r.id);
}

/** The commitment row if this partner may see it, otherwise 404. */
function reachableCommitment(db: DbOrTx, user: CurrentUser, id: number) {
  const commitment = db.select().from(commitments).where(eq(commitments.id, id)).get();
  if (!commitment || !partnerCanSeeCommitment(user, commitment, coPledgerIdsOf(db, id))) throw notFound();
  return commitment;
}

function reachableFollowUp(db: DbOrTx, user: CurrentUser, id: number) {
  const followUp = db.select().from(followUps).where(eq(followUps.id, id)).get();
  if (!followUp || !partnerCanSeeFollowUp(user, followUp)) throw notFound();
  return followUp;
}

/** Ids of the shared commitments the partner's organization made, as lead or co-pledger. */
function sharedCommitmentIds(db: DbOrTx, organizationId: number): number[] {
  return db
    .select({ id: commitments.id })
    .from(commitments)
    .where(partnerCommitmentScope(organizationId))
    .all()
    .map((r) => r.id);
}

// ---------------------------------------------------------------- timeline

function timelineOf(db: DbOrTx, commitmentIds: number[]): Map<number, TimelineEntry[]> {
  return timelinesOf(db, commitmentIds, "newestFirst");
}

// ---------------------------------------------------------------- the portal page

/** A progress update as the portal shows it (no internal ids beyond the evidence link). */
export type PortalTimelineEntry = Omit<TimelineEntry, "partnerOrganizationId">;

/** An update without the internal id of the reporting organization. */
function forPortal({ partnerOrganizationId: _internal, ...entry }: TimelineEntry): PortalTimelineEntry {
  return entry;
}

/** A shared commitment on its own portal page: what that page shows, nothing internal. */
export type SharedCommitment = {
  id: number;
  title: string;
  description: string | null;
  status: CommitmentStatus;
  statusVerified: boolean;
  dueOn: string | null;
  leadOrganizationName: string;
  coPledgerNames: string[];
  timeline: PortalTimelineEntry[];
  /** The organization's latest report BCRM returned and no later report answers: its reason is shown on the item. */
  returnedReport: PortalTimelineEntry | null;
  /** The statuses the partner may report now (none once finished), by the lifecycle table. */
  statusChoices: CommitmentStatus[];
};

/** A row of /shared's commitments table. */
export type SharedCommitmentSummary = Pick<SharedCommitment, "id" | "title" | "status" | "statusVerified" | "dueOn" | "timeline"> & {
  /** Whether the partner's organization leads it (else it co-pledged). */
  isLead: boolean;
  /** Past due and not finished: flagged like an overdue task. */
  overdue: boolean;
};

type SharedCommitmentRow = SharedCommitment & { isLead: boolean };

function sharedCommitmentsByIds(db: DbOrTx, organizationId: number, ids: number[]): SharedCommitmentRow[] {
  if (!ids.length) return [];
  const rows = db
    .select({
      id: commitments.id,
      title: commitments.title,
      description: commitments.description,
      status: commitments.status,
      statusVerified: commitments.statusVerified,
      dueOn: commitments.dueOn,
      leadOrganizationId: commitments.leadOrganizationId,
      leadOrganizationName: organizations.name,
    })
    .from(commitments)
    .innerJoin(organizations, eq(organizations.id, commitments.leadOrganizationId))
    .where(inArray(commitments.id, ids))
    .orderBy(sql`${commitments.dueOn} IS NULL`, asc(commitments.dueOn), asc(commitments.sortKey))
    .all();
  const timelines = timelineOf(db, ids);
  const coPledgers = db
    .select({ commitmentId: commitmentCoPledgers.commitmentId, name: organizations.name })
    .from(commitmentCoPledgers)
    .innerJoin(organizations, eq(organizations.id, commitmentCoPledgers.organizationId))
    .where(inArray(commitmentCoPledgers.commitmentId, ids))
    .orderBy(organizations.sortKey)
    .all();
  return rows.map(({ leadOrganizationId, ...c }) => {
    const timeline = timelines.get(c.id) ?? [];
    const returned = unansweredReturn(timeline, organizationId);
    return {
      ...c,
      isLead: leadOrganizationId === organizationId,
      coPledgerNames: coPledgers.filter((p) => p.commitmentId === c.id).map((p) => p.name),
      timeline: timeline.map(forPortal),
      returnedReport: returned && forPortal(returned),
      statusChoices: allowedTargets("partnerReport", c.status),
    };
  });
}

/** A shared follow-up on its own portal page (the version goes back with the done / reopen form). */
export type SharedFollowUp = {
  id: number;
  title: string;
  notes: string | null;
  dueOn: string;
  status: "open" | "done" | "cancelled";
  overdue: boolean;
  completedAt: string | null;
  completionNote: string | null;
  completedByName: string | null;
  /** Set when the linked commitment is one the partner can see too. */
  commitmentId: number | null;
  commitmentTitle: string | null;
  version: number;
};

/** A row of /shared's follow-ups table. */
export type SharedFollowUpSummary = Pick<SharedFollowUp, "id" | "title" | "dueOn" | "status" | "overdue">;

function sharedFollowUps(db: DbOrTx, organizationId: number, where = partnerFollowUpScope(organizationId)): SharedFollowUp[] {
  const visibleCommitments = new Set(sharedCommitmentIds(db, organizationId));
  const today = todayIso();
  return db
    .select({
      id: followUps.id,
      title: followUps.title,
      notes: followUps.notes,
      dueOn: followUps.dueOn,
      status: followUps.status,
      completedAt: followUps.completedAt,
      completionNote: followUps.completionNote,
      completedByName: users.name,
      commitmentId: followUps.commitmentId,
      commitmentTitle: commitments.title,
      version: followUps.version,
    })
    .from(followUps)
    .leftJoin(users, eq(users.id, followUps.completedById))
    .leftJoin(commitments, eq(commitments.id, followUps.commitmentId))
    .where(where)
    // Open items first, the most urgent on top; then what is done or cancelled, newest first.
    .orderBy(sql`${followUps.status} <> 'open'`, sql`CASE WHEN ${followUps.status} = 'open' THEN ${followUps.dueOn} END`, desc(followUps.dueOn), asc(followUps.id))
    .all()
    .map((f) => {
      const linked = f.commitmentId != null && visibleCommitments.has(f.commitmentId);
      return {
        ...f,
        overdue: f.status === "open" && f.dueOn < today,
        commitmentId: linked ? f.commitmentId : null,
        commitmentTitle: linked ? f.commitmentTitle : null,
      };
    });
}

/** The organization card on /shared: the fields it shows. */
export type PortalOrganizationCard = Pick<
  OrganizationWithTags,
  "id" | "name" | "kind" | "oblast" | "municipality" | "address" | "email" | "phone" | "website"
>;

/**
 * Everything on /shared: the organization card, its shared commitments and follow-ups. Partner
 * loaders send only what their page shows (issue 13): no sort or search keys, versions, creators
 * or import ids, which say nothing to a partner and much about BCRM's internals.
 */
export function getPortalOverview(user: CurrentUser): {
  organization: PortalOrganizationCard;
  commitments: SharedCommitmentSummary[];
  followUps: SharedFollowUpSummary[];
} {
  const organizationId = requirePartner(user);
  const db = getDb();
  const { id, name, kind, oblast, municipality, address, email, phone, website } = getOrganization(user, organizationId);
  return {
    organization: { id, name, kind, oblast, municipality, address, email, phone, website },
    commitments: sharedCommitmentsByIds(db, organizationId, sharedCommitmentIds(db, organizationId)).map(
      ({ id, title, status, statusVerified, dueOn, isLead, timeline }) => ({
        id, title, status, statusVerified, dueOn, isLead, timeline, overdue: isCommitmentOverdue({ status, dueOn }, todayIso()),
      }),
    ),
    followUps: sharedFollowUps(db, organizationId).map(({ id, title, dueOn, status, overdue }) => ({ id, title, dueOn, status, overdue })),
  };
}

export function getSharedCommitment(user: CurrentUser, id: number): SharedCommitment {
  const organizationId = requirePartner(user);
  const db = getDb();
  reachableCommitment(db, user, id);
  const { isLead: _notShown, ...commitment } = sharedCommitmentsByIds(db, organizationId, [id])[0]!;
  return commitment;
}

export function getSharedFollowUp(user: CurrentUser, id: number): SharedFollowUp {
  const organizationId = requirePartner(user);
  const db = getDb();
  reachableFollowUp(db, user, id);
  return sharedFollowUps(db, organizationId, and(eq(followUps.id, id), partnerFollowUpScope(organizationId)))[0]!;
}

// ---------------------------------------------------------------- forged or refused posts

export type Screening =
  | { ok: true }
  | { ok: false; outcome: "forbidden"; field: string; value: string }
  | { ok: false; outcome: "refused"; field: string; value: string };

/**
 * Looks at a partner's form before anything else: a field naming another record or organization
 * than the one in reach is "forbidden" (answered 404), a field the form does not have or a status
 * a partner may not set is "refused" (answered 400). Both are audited by `auditRefusal`.
 */
export function screenPartnerForm(
  user: CurrentUser,
  values: FormValues,
  opts: { allowedFields: readonly string[]; inReach: Partial<Record<(typeof scopeFields)[number], number>> },
): Screening {
  const scope: Record<string, number | null> = {
    organizationId: user.organizationId,
    partnerOrganizationId: user.organizationId,
    sharedWithOrganizationId: user.organizationId,
    leadOrganizationId: user.organizationId,
    ...opts.inReach,
  };
  for (const [field, raw] of Object.entries(values)) {
    const value = Array.isArray(raw) ? raw.join(",") : raw;
    if ((scopeFields as readonly string[]).includes(field)) {
      // A duplicated field is forged too: only one value can be the record in reach.
      if (Array.isArray(raw) || scope[field] == null || String(scope[field]) !== value.trim()) {
        return { ok: false, outcome: "forbidden", field, value };
      }
      continue;
    }
    if (!opts.allowedFields.includes(field)) return { ok: false, outcome: "refused", field, value: value.slice(0, 200) };
  }
  const proposed = values.proposedStatus;
  if (proposed !== undefined && proposed !== "" && (Array.isArray(proposed) || !(partnerProposableStatuses as readonly string[]).includes(proposed))) {
    return { ok: false, outcome: "refused", field: "proposedStatus", value: String(proposed).slice(0, 200) };
  }
  return { ok: true };
}

/** Records an attempt the portal refused: who, on which record, which field and value. */
export function auditRefusal(
  user: CurrentUser,
  entity: { type: "commitment" | "follow_up" | "manifesto_proposal" | "manifesto_endorsement"; id?: number },
  refusal: { outcome: "forbidden" | "refused"; field?: string; value?: string; reason?: string },
  ctx: WriteContext = {},
) {
  writeAudit(getDb(), {
    userId: user.id,
    action: refusal.outcome,
    entityType: entity.type,
    entityId: entity.id,
    detail: {
      organizationId: user.organizationId,
      ...(refusal.field ? { field: refusal.field, value: refusal.value } : {}),
      ...(refusal.reason ? { reason: refusal.reason } : {}),
    },
    ip: ctx.ip,
  });
}

// ---------------------------------------------------------------- a partner's progress update

export type { EvidenceUpload };

export type PartnerUpdateResult = { ok: true; id: number } | { ok: false; refusal: Refusal };

/**
 * Appends the partner's update to the commitment's timeline, marked self-reported (not verified).
 * A proposed status goes through the lifecycle table: allowed, it becomes the commitment's status at
 * once, flagged unverified until staff verify it; refused (a finished commitment), nothing is written.
 * An update after a returned report of the same organization answers it.
 */
export function postPartnerUpdate(
  user: CurrentUser,
  commitmentId: number,
  input: PartnerUpdateInput,
  evidence: EvidenceUpload | null,
  ctx: WriteContext = {},
): PartnerUpdateResult {
  const organizationId = requirePartner(user);
  let storedPath: string | null = null;
  try {
    return getDb().transaction((tx) => {
      const commitment = reachableCommitment(tx, user, commitmentId);
      // The same report sent twice (a double click, a resend) is one report; its file is stored once.
      const earlier = earlierSubmission(tx, user.id, ctx, "commitment_update");
      if (earlier !== null) return { ok: true, id: earlier } as const;
      const plan = input.proposedStatus ? planStatusChange(tx, user, commitment, { actor: "partnerReport", to: input.proposedStatus }, ctx) : null;
      if (plan && !plan.ok) return { ok: false, refusal: plan.refusal } as const;
      let evidenceFileId: number | null = null;
      if (evidence) {
        const stored = storeEvidenceFile(tx, user.id, evidence);
        storedPath = stored.storedPath;
        evidenceFileId = stored.id;
      }
      const answers = unansweredReturn(timelineOf(tx, [commitmentId]).get(commitmentId) ?? [], organizationId);
      const values = {
        commitmentId,
        authorId: user.id,
        partnerOrganizationId: organizationId,
        note: input.note,
        statusChange: input.proposedStatus,
        evidenceUrl: input.evidenceUrl,
        evidenceFileId,
        verifiedAt: null,
        answersUpdateId: answers?.id ?? null,
      };
      const update = tx.insert(commitmentUpdates).values(values).returning({ id: commitmentUpdates.id }).get();
      writeAudit(tx, {
        userId: user.id,
        action: "create",
        entityType: "commitment_update",
        entityId: update.id,
        changes: {
          commitmentId,
          partnerOrganizationId: organizationId,
          note: input.note,
          ...(input.proposedStatus ? { statusChange: input.proposedStatus } : {}),
          ...(input.evidenceUrl ? { evidenceUrl: input.evidenceUrl } : {}),
          ...(evidence ? { evidenceFile: evidence.originalName } : {}),
          ...(answers ? { answersUpdateId: answers.id } : {}),
        },
        ip: ctx.ip,
      });
      plan?.apply({ action: "update", detail: { commitmentUpdateId: update.id, selfReported: true }, always: true });
      noteSubmission(tx, user.id, ctx, "commitment_update", update.id);
      return { ok: true, id: update.id } as const;
    });
  } catch (error) {
    // Nothing half-written: a file stored for a transaction that rolled back goes too.
    if (storedPath) fs.rmSync(storedPath, { force: true });
    throw error;
  }
}

// ---------------------------------------------------------------- shared follow-ups: done / reopen

export type FollowUpStateResult = { ok: true } | { ok: false; reason: "stale" | "notOpen" | "notDone" };

export function setSharedFollowUpDone(
  user: CurrentUser,
  id: number,
  expectedVersion: number,
  done: boolean,
  completionNote: string | null,
  ctx: WriteContext = {},
): FollowUpStateResult {
  requirePartner(user);
  const followUp = reachableFollowUp(getDb(), user, id);
  if (followUp.version !== expectedVersion) return { ok: false, reason: "stale" };
  if (done && followUp.status !== "open") return { ok: false, reason: "notOpen" };
  if (!done && followUp.status !== "done") return { ok: false, reason: "notDone" };
  const values = done
    ? { status: "done", completedAt: new Date().toISOString(), completedById: user.id, completionNote }
    : { status: "open", completedAt: null, completedById: null, completionNote: null };
  const result = updateVersioned({
    user,
    table: followUps,
    entityType: "follow_up",
    id,
    expectedVersion,
    values,
    action: done ? "complete" : "reopen",
    ctx,
  });
  return result.ok ? { ok: true } : { ok: false, reason: "stale" };
}

// ---------------------------------------------------------------- staff: partner updates and verification

const verifier = aliasedTable(users, "verifier");

export type PartnerUpdateRow = {
  id: number;
  createdAt: string;
  commitmentId: number;
  commitmentTitle: string;
  commitmentStatus: CommitmentStatus;
  commitmentStatusVerified: boolean;
  organizationId: number;
  organizationName: string;
  authorName: string;
  note: string;
  statusChange: CommitmentStatus | null;
  evidenceUrl: string | null;
  evidenceFileId: number | null;
  evidenceFileName: string | null;
  evidenceFileType: string | null;
  evidenceFileSize: number | null;
  verifiedAt: string | null;
  verifiedByName: string | null;
  returnedAt: string | null;
  returnedByName: string | null;
  returnReason: string | null;
  answersUpdateId: number | null;
};

export const PARTNER_UPDATES_PER_PAGE = 50;

const returner = aliasedTable(users, "returner");

/** Updates partners posted (staff with readRecords): those waiting for a decision (neither verified nor returned) first, then newest first. */
export function listPartnerUpdates(user: CurrentUser, page = 1, options: { pending?: boolean } = {}): { rows: PartnerUpdateRow[]; total: number } {
  requireCapability(user, "readRecords");
  const db = getDb();
  // pending: only those not verified yet (the start page's count links here).
  const where = options.pending ? partnerReportsWaiting : isNotNull(commitmentUpdates.partnerOrganizationId);
  const rows = db
    .select({
      id: commitmentUpdates.id,
      createdAt: commitmentUpdates.createdAt,
      commitmentId: commitments.id,
      commitmentTitle: commitments.title,
      commitmentStatus: commitments.status,
      commitmentStatusVerified: commitments.statusVerified,
      organizationId: organizations.id,
      organizationName: organizations.name,
      authorName: users.name,
      note: commitmentUpdates.note,
      statusChange: commitmentUpdates.statusChange,
      evidenceUrl: commitmentUpdates.evidenceUrl,
      evidenceFileId: commitmentUpdates.evidenceFileId,
      evidenceFileName: evidenceFiles.originalName,
      evidenceFileType: evidenceFiles.mimeType,
      evidenceFileSize: evidenceFiles.size,
      verifiedAt: commitmentUpdates.verifiedAt,
      verifiedByName: verifier.name,
      returnedAt: commitmentUpdates.returnedAt,
      returnedByName: returner.name,
      returnReason: commitmentUpdates.returnReason,
      answersUpdateId: commitmentUpdates.answersUpdateId,
    })
    .from(commitmentUpdates)
    .innerJoin(commitments, eq(commitments.id, commitmentUpdates.commitmentId))
    .innerJoin(organizations, eq(organizations.id, commitmentUpdates.partnerOrganizationId))
    .innerJoin(users, eq(users.id, commitmentUpdates.authorId))
    .leftJoin(verifier, eq(verifier.id, commitmentUpdates.verifiedById))
    .leftJoin(returner, eq(returner.id, commitmentUpdates.returnedById))
    .leftJoin(evidenceFiles, eq(evidenceFiles.id, commitmentUpdates.evidenceFileId))
    .where(where)
    .orderBy(
      sql`(${commitmentUpdates.verifiedAt} IS NOT NULL OR ${commitmentUpdates.returnedAt} IS NOT NULL)`,
      desc(commitmentUpdates.createdAt),
      desc(commitmentUpdates.id),
    )
    .limit(PARTNER_UPDATES_PER_PAGE)
    .offset((Math.max(1, page) - 1) * PARTNER_UPDATES_PER_PAGE)
    .all();
  const total = db.select({ n: sql<number>`count(*)` }).from(commitmentUpdates).where(where).get()?.n ?? 0;
  return { rows, total };
}

const completer = aliasedTable(users, "completer");

/** Shared follow-ups a partner marked done, newest first. */
export function listPartnerCompletions(user: CurrentUser, limit = 50) {
  requireCapability(user, "readRecords");
  return getDb()
    .select({
      id: followUps.id,
      title: followUps.title,
      completedAt: followUps.completedAt,
      completionNote: followUps.completionNote,
      completedByName: completer.name,
      organizationName: organizations.name,
    })
    .from(followUps)
    .innerJoin(completer, eq(completer.id, followUps.completedById))
    .leftJoin(organizations, eq(organizations.id, followUps.sharedWithOrganizationId))
    .where(and(eq(followUps.status, "done"), eq(completer.role, "partner")))
    .orderBy(desc(followUps.completedAt), desc(followUps.id))
    .limit(limit)
    .all();
}
