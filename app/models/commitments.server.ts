import fs from "node:fs";
import { aliasedTable, and, asc, desc, eq, gt, inArray, lt, sql, type SQL } from "drizzle-orm";
import { can, notFound, requireCapability, requireRecordWrite, type CurrentUser } from "../auth/access.server.ts";
import { getDb, type DbOrTx, type Tx } from "../db/client.server.ts";
import { commitmentDerived } from "../db/derived.ts";
import { commitmentCoPledgers, commitments, commitmentUpdates, events, followUps, organizations, partnerships, users } from "../db/schema.ts";
import { commitmentListSpec, openCommitmentStatuses, type CommitmentInput, type CommitmentUpdateInput } from "../domain/commitment.ts";
import { allowedTargets, carriableStatuses, initialStatus, type Refusal } from "../domain/commitment-lifecycle.ts";
import type { CommitmentStatus, NiemDimension } from "../domain/enums.ts";
import { ORG_SECTION_LIMIT } from "../domain/organization-sections.ts";
import { todayIso } from "../lib/calendar-day.ts";
import type { FieldErrors } from "../lib/forms.ts";
import { parseListParams } from "../lib/list-params.ts";
import { writeAudit } from "./audit.server.ts";
import { checkReferences } from "./link-choices.server.ts";
import { listOrderBy, matchesQuery, pageOffset, type Page } from "./query.server.ts";
import { createAudited, earlierSubmission, noteSubmission, updateVersioned, type VersionedResult, type WriteContext } from "./record-write.server.ts";
import { timelinesOf } from "./commitment-timeline.server.ts";
import { storeEvidenceFile, type EvidenceUpload } from "./evidence.server.ts";
import { planStatusChange } from "./commitment-lifecycle.server.ts";
import { noticeNewlyShared } from "./sharing-notices.server.ts";

export type Commitment = typeof commitments.$inferSelect;

/** Commitments on these routes are staff records; a partner sees the shared ones on /shared only. */
export function requireCommitmentRead(user: CurrentUser) {
  requireCapability(user, "readRecords");
}

// ---------------------------------------------------------------- list

export type CommitmentListParams = ReturnType<typeof parseCommitmentListParams>;
export const parseCommitmentListParams = (url: URL | URLSearchParams) => parseListParams(url, commitmentListSpec);

export const sortColumns = {
  title: commitments.sortKey,
  due: commitments.dueOn,
  status: commitments.status,
  updated: commitments.updatedAt,
};

/**
 * Led by the organization, or pledged jointly with it. A UNION of the two indexed lookups
 * (commitments_lead_idx, commitment_co_pledgers_org_idx): `lead = ? OR EXISTS (…)` scans every commitment.
 */
function pledgedBy(organizationId: number): SQL {
  return sql`${commitments.id} IN (SELECT id FROM ${commitments} WHERE lead_organization_id = ${organizationId}
    UNION SELECT commitment_id FROM ${commitmentCoPledgers} WHERE organization_id = ${organizationId})`;
}

export function listConditions(params: CommitmentListParams, today: string): SQL | undefined {
  const { status, area, dimension, event, partnership, organization, owner, overdue, verified, orgKind, oblast, open, carried, joint, from, to, basis, leadKind, leadOblast, unverified } =
    params.filters;
  // The report's period: on the due date, or on the day the commitment was recorded (reports.server.ts).
  const day = basis === "created" ? sql`substr(${commitments.createdAt}, 1, 10)` : sql`${commitments.dueOn}`;
  return and(
    verified ? eq(commitments.statusVerified, verified === "1") : undefined,
    orgKind || oblast ? leadOrganizationIs(orgKind, oblast) : undefined,
    open ? inArray(commitments.status, [...openCommitmentStatuses]) : undefined,
    carried ? sql`${commitments.carriedOverFromId} IS NOT NULL` : undefined,
    joint ? sql`EXISTS (SELECT 1 FROM ${commitmentCoPledgers} WHERE ${commitmentCoPledgers.commitmentId} = ${commitments.id})` : undefined,
    from ? sql`${day} >= ${from}` : undefined,
    to ? sql`${day} <= ${to}` : undefined,
    leadKind || leadOblast ? leadOrganizationIs(leadKind, leadOblast) : undefined,
    unverified ? eq(commitments.statusVerified, false) : undefined,
    status ? eq(commitments.status, status) : undefined,
    area ? eq(commitments.niemArea, area) : undefined,
    dimension ? eq(commitments.niemDimension, dimension) : undefined,
    event ? eq(commitments.eventId, event) : undefined,
    partnership ? eq(commitments.partnershipId, partnership) : undefined,
    organization ? pledgedBy(organization) : undefined,
    owner ? eq(commitments.ownerId, owner) : undefined,
    overdue ? and(lt(commitments.dueOn, today), inArray(commitments.status, [...openCommitmentStatuses])) : undefined,
    matchesQuery(commitments.searchKey, params.q),
  );
}

/** The lead organization is of this kind and/or in this oblast (`none`: no oblast given). */
function leadOrganizationIs(kind: string | undefined, oblast: string | undefined): SQL {
  const conditions = [
    kind ? sql`o.kind = ${kind}` : sql`1`,
    oblast === "none" ? sql`o.oblast IS NULL` : oblast ? sql`o.oblast = ${oblast}` : sql`1`,
  ];
  return sql`${commitments.leadOrganizationId} IN (SELECT o.id FROM ${organizations} o WHERE ${sql.join(conditions, sql` AND `)})`;
}

export type CommitmentRow = Pick<Commitment, "id" | "title" | "status" | "statusVerified" | "niemDimension" | "niemArea" | "dueOn" | "updatedAt"> & {
  leadName: string;
  eventTitle: string | null;
};

export function listCommitments(user: CurrentUser, params: CommitmentListParams, today = todayIso()): Page<CommitmentRow> {
  requireCommitmentRead(user);
  const db = getDb();
  const where = listConditions(params, today);
  const rows = db
    .select({
      id: commitments.id,
      title: commitments.title,
      status: commitments.status,
      statusVerified: commitments.statusVerified,
      niemDimension: commitments.niemDimension,
      niemArea: commitments.niemArea,
      dueOn: commitments.dueOn,
      updatedAt: commitments.updatedAt,
      leadName: organizations.name,
      eventTitle: events.title,
    })
    .from(commitments)
    .innerJoin(organizations, eq(organizations.id, commitments.leadOrganizationId))
    .leftJoin(events, eq(events.id, commitments.eventId))
    .where(where)
    .orderBy(...listOrderBy(params, sortColumns[params.sort], commitments.id, { name: commitments.title, searchKey: commitments.searchKey }))
    .limit(params.perPage)
    .offset(pageOffset(params.page, params.perPage))
    .all();
  const total = db.select({ n: sql<number>`count(*)` }).from(commitments).where(where).get()?.n ?? 0;
  return { rows, total };
}

// ---------------------------------------------------------------- read

export type CoPledger = { organizationId: number; name: string };

function coPledgersOf(db: DbOrTx, commitmentId: number): CoPledger[] {
  return db
    .select({ organizationId: commitmentCoPledgers.organizationId, name: organizations.name })
    .from(commitmentCoPledgers)
    .innerJoin(organizations, eq(organizations.id, commitmentCoPledgers.organizationId))
    .where(eq(commitmentCoPledgers.commitmentId, commitmentId))
    .orderBy(asc(organizations.sortKey))
    .all();
}

export type CommitmentWithCoPledgers = Commitment & { coPledgerIds: number[] };

function withCoPledgers(db: DbOrTx, row: Commitment): CommitmentWithCoPledgers {
  return { ...row, coPledgerIds: coPledgersOf(db, row.id).map((c) => c.organizationId) };
}

/** The commitment for the edit form (with its co-pledgers' ids). */
export function getCommitment(user: CurrentUser, id: number): CommitmentWithCoPledgers {
  requireCommitmentRead(user);
  const db = getDb();
  const row = db.select().from(commitments).where(eq(commitments.id, id)).get();
  if (!row) throw notFound();
  return withCoPledgers(db, row);
}

const carriedFrom = aliasedTable(commitments, "carried_from");

/** Everything the commitment page shows: names of what it points at, timeline, carry-over links, follow-ups. */
export function getCommitmentDetail(user: CurrentUser, id: number) {
  const commitment = getCommitment(user, id);
  const db = getDb();
  const name = (table: typeof organizations | typeof users, rowId: number | null) =>
    rowId == null ? null : (db.select({ name: table.name }).from(table).where(eq(table.id, rowId)).get()?.name ?? null);
  const event = commitment.eventId
    ? (db.select({ id: events.id, title: events.title, kind: events.kind, startsOn: events.startsOn }).from(events).where(eq(events.id, commitment.eventId)).get() ?? null)
    : null;
  const partnership = commitment.partnershipId
    ? (db.select({ id: partnerships.id, title: partnerships.title }).from(partnerships).where(eq(partnerships.id, commitment.partnershipId)).get() ?? null)
    : null;
  const carriedOverFrom = commitment.carriedOverFromId
    ? (db.select({ id: carriedFrom.id, title: carriedFrom.title }).from(carriedFrom).where(eq(carriedFrom.id, commitment.carriedOverFromId)).get() ?? null)
    : null;
  const carriedOverTo = db
    .select({ id: commitments.id, title: commitments.title })
    .from(commitments)
    .where(eq(commitments.carriedOverFromId, id))
    .all();
  const timeline = timelinesOf(db, [id], "oldestFirst").get(id) ?? [];
  const relatedFollowUps = db
    .select({ id: followUps.id, title: followUps.title, dueOn: followUps.dueOn, status: followUps.status })
    .from(followUps)
    .where(eq(followUps.commitmentId, id))
    .orderBy(asc(followUps.dueOn), asc(followUps.id))
    .all();
  return {
    commitment,
    leadName: name(organizations, commitment.leadOrganizationId),
    ownerName: name(users, commitment.ownerId),
    coPledgers: coPledgersOf(db, id),
    event,
    partnership,
    carriedOverFrom,
    carriedOverTo,
    timeline,
    followUps: relatedFollowUps,
    carryOver: carryOverOptions(commitment, event, carriedOverTo.length > 0),
    /** What the update form and the reopen form offer, by the lifecycle table. */
    statusChoices: { update: allowedTargets("staffUpdate", commitment.status), reopen: allowedTargets("reopen", commitment.status) },
  };
}

/** Commitments an organization leads or co-pledges, for its page (staff only): the latest ORG_SECTION_LIMIT + 1. */
export function commitmentsOfOrganization(user: CurrentUser, organizationId: number, limit = ORG_SECTION_LIMIT + 1) {
  if (!can(user, "readRecords")) return [];
  return getDb()
    .select({ id: commitments.id, title: commitments.title, status: commitments.status, statusVerified: commitments.statusVerified, dueOn: commitments.dueOn, leadOrganizationId: commitments.leadOrganizationId })
    .from(commitments)
    .where(pledgedBy(organizationId))
    .orderBy(desc(commitments.updatedAt), desc(commitments.id))
    .limit(limit)
    .all();
}

/** Commitments under a partnership or made at an event. */
/** Commitments under a partnership or made at an event, by title: the first `limit` (one more than a section shows). */
export function commitmentsWhere(user: CurrentUser, by: { partnershipId?: number; eventId?: number }, limit = ORG_SECTION_LIMIT + 1) {
  requireCommitmentRead(user);
  return getDb()
    .select({ id: commitments.id, title: commitments.title, status: commitments.status, statusVerified: commitments.statusVerified, dueOn: commitments.dueOn, leadName: organizations.name })
    .from(commitments)
    .innerJoin(organizations, eq(organizations.id, commitments.leadOrganizationId))
    .where(
      and(
        by.partnershipId ? eq(commitments.partnershipId, by.partnershipId) : undefined,
        by.eventId ? eq(commitments.eventId, by.eventId) : undefined,
      ),
    )
    .orderBy(asc(commitments.sortKey), asc(commitments.id))
    .limit(limit)
    .all();
}

// ---------------------------------------------------------------- write

function columnsOf(input: CommitmentInput) {
  const { coPledgerIds: _ids, ...fields } = input;
  return { ...fields, ...commitmentDerived({ title: input.title, niemDimension: input.niemDimension as NiemDimension }) };
}

export function commitmentReferenceErrors(input: CommitmentInput): FieldErrors {
  return checkReferences([
    ["leadOrganizationId", "organization", input.leadOrganizationId],
    ...input.coPledgerIds.map((id) => ["coPledgerIds", "organization", id] as ["coPledgerIds", "organization", number]),
    ["eventId", "event", input.eventId],
    ["partnershipId", "partnership", input.partnershipId],
    ["ownerId", "owner", input.ownerId],
  ]);
}

function setCoPledgers(tx: Tx, commitmentId: number, organizationIds: number[]) {
  tx.delete(commitmentCoPledgers).where(eq(commitmentCoPledgers.commitmentId, commitmentId)).run();
  if (organizationIds.length) tx.insert(commitmentCoPledgers).values(organizationIds.map((organizationId) => ({ commitmentId, organizationId }))).run();
}

export function createCommitment(user: CurrentUser, input: CommitmentInput, ctx: WriteContext = {}): number {
  requireRecordWrite(user);
  const id = createAudited({
    user,
    table: commitments,
    entityType: "commitment",
    // The status is the column default, the lifecycle's initial status: only the lifecycle module writes it.
    values: { ...columnsOf(input), createdById: user.id },
    auditFields: { ...input, status: initialStatus },
    afterInsert: (tx, id) => setCoPledgers(tx, id, input.coPledgerIds),
    ctx,
  });
  if (input.sharedWithPartner) noticeSharedCommitment(id, input);
  return id;
}

/** The pledging organizations (lead and co-pledgers) hear that the commitment is now shared with them. */
function noticeSharedCommitment(id: number, input: CommitmentInput) {
  noticeNewlyShared([input.leadOrganizationId, ...input.coPledgerIds], { kind: "commitment", id, title: input.title, dueOn: input.dueOn });
}

/** Saves the form over the version read; the status is not part of it (only updates change it). */
export function updateCommitment(
  user: CurrentUser,
  id: number,
  expectedVersion: number,
  input: CommitmentInput,
  ctx: WriteContext = {},
): VersionedResult<CommitmentWithCoPledgers> {
  requireRecordWrite(user);
  // Read inside the write's transaction (not in a second query before it).
  let wasShared = false;
  const result = updateVersioned<CommitmentWithCoPledgers>({
    user,
    table: commitments,
    entityType: "commitment",
    id,
    expectedVersion,
    values: columnsOf(input),
    afterUpdate: (tx, row) => {
      wasShared = row.sharedWithPartner;
      const before = coPledgersOf(tx, id).map((c) => c.organizationId).sort((a, b) => a - b);
      const after = [...input.coPledgerIds].sort((a, b) => a - b);
      setCoPledgers(tx, id, after);
      if (JSON.stringify(before) !== JSON.stringify(after)) return { coPledgerIds: [before, after] };
    },
    currentOf: (tx, row) => withCoPledgers(tx, row),
    ctx,
  });
  if (result.ok && input.sharedWithPartner && !wasShared) noticeSharedCommitment(id, input);
  return result;
}

export type AddUpdateResult = { ok: true; id: number } | { ok: false; refusal: Refusal };

/**
 * Appends a staff progress update. A status change goes through the lifecycle table (a finished
 * commitment is refused: it is reopened instead) and is written in the same transaction, verified:
 * staff do not self-report. One audit entry holds the update and the status change.
 */
export function addCommitmentUpdate(
  user: CurrentUser,
  commitmentId: number,
  input: CommitmentUpdateInput,
  ctx: WriteContext = {},
  evidence: EvidenceUpload | null = null,
): AddUpdateResult {
  requireRecordWrite(user);
  let storedPath: string | null = null;
  try {
    return getDb().transaction((tx) => {
      const before = tx.select().from(commitments).where(eq(commitments.id, commitmentId)).get();
      if (!before) throw notFound();
      // The same form sent again (double click, resend) gets the update it made the first time; its file is stored once.
      const earlier = earlierSubmission(tx, user.id, ctx, "commitment_update");
      if (earlier !== null) return { ok: true, id: earlier } as const;
      const plan = input.statusChange ? planStatusChange(tx, user, before, { actor: "staffUpdate", to: input.statusChange }, ctx) : null;
      if (plan && !plan.ok) return { ok: false, refusal: plan.refusal } as const;
      // The same store, limits and content checks as a partner's report (models/evidence.server.ts).
      let evidenceFileId: number | null = null;
      if (evidence) {
        const stored = storeEvidenceFile(tx, user.id, evidence);
        storedPath = stored.storedPath;
        evidenceFileId = stored.id;
      }
      const now = new Date().toISOString();
      const update = tx
        .insert(commitmentUpdates)
        .values({ commitmentId, authorId: user.id, note: input.note, statusChange: input.statusChange, evidenceUrl: input.evidenceUrl, evidenceFileId, createdAt: now })
        .returning({ id: commitmentUpdates.id })
        .get();
      const audit = {
        action: "progress_update",
        changes: {
          update: [
            null,
            {
              id: update.id,
              note: input.note,
              statusChange: input.statusChange,
              evidenceUrl: input.evidenceUrl,
              ...(evidence ? { evidenceFile: evidence.originalName } : {}),
            },
          ],
        },
      };
      if (plan) {
        plan.apply({ ...audit, always: true });
      } else {
        tx.update(commitments).set({ updatedAt: now, version: before.version + 1 }).where(eq(commitments.id, commitmentId)).run();
        writeAudit(tx, { userId: user.id, entityType: "commitment", entityId: commitmentId, ip: ctx.ip, ...audit });
      }
      noteSubmission(tx, user.id, ctx, "commitment_update", update.id);
      return { ok: true, id: update.id } as const;
    });
  } catch (error) {
    // Nothing half-written: a file stored for a transaction that rolled back goes too.
    if (storedPath) fs.rmSync(storedPath, { force: true });
    throw error;
  }
}

type EventRef = { id: number; kind: string; startsOn: string } | null;

/** Whether the commitment may be carried over, and the later forum editions it may go to (next one first). */
function carryOverOptions(commitment: Commitment, event: EventRef, alreadyCarried: boolean) {
  const eligible =
    !alreadyCarried &&
    !!event &&
    event.kind === "national_forum" &&
    (carriableStatuses as readonly string[]).includes(commitment.status);
  if (!eligible) return { eligible: false as const, targets: [] as Array<{ id: number; title: string; startsOn: string }> };
  const targets = getDb()
    .select({ id: events.id, title: events.title, startsOn: events.startsOn })
    .from(events)
    .where(and(eq(events.kind, "national_forum"), gt(events.startsOn, event.startsOn)))
    .orderBy(asc(events.startsOn), asc(events.id))
    .all();
  return { eligible: targets.length > 0, targets };
}

export type CarryOverResult = { ok: true; id: number } | { ok: false; reason: "notEligible" | "badTarget" };

/**
 * Carries a forum commitment that was not (fully) kept over to a later forum edition: a new
 * commitment with the same content, pointing back at the old one. Audited on both.
 */
export function carryOverCommitment(user: CurrentUser, id: number, targetEventId: number, ctx: WriteContext = {}): CarryOverResult {
  requireRecordWrite(user);
  const detail = getCommitmentDetail(user, id);
  if (!detail.carryOver.eligible) return { ok: false, reason: "notEligible" };
  if (!detail.carryOver.targets.some((t) => t.id === targetEventId)) return { ok: false, reason: "badTarget" };
  const old = detail.commitment;
  return getDb().transaction((tx) => {
    const values = {
      title: old.title,
      sortKey: old.sortKey,
      searchKey: old.searchKey,
      description: old.description,
      leadOrganizationId: old.leadOrganizationId,
      eventId: targetEventId,
      partnershipId: old.partnershipId,
      niemDimension: old.niemDimension,
      niemArea: old.niemArea,
      kind: old.kind,
      dueOn: null,
      ownerId: old.ownerId,
      sharedWithPartner: old.sharedWithPartner,
      carriedOverFromId: old.id,
      createdById: user.id,
    };
    const created = tx.insert(commitments).values(values).returning({ id: commitments.id }).get();
    setCoPledgers(tx, created.id, old.coPledgerIds);
    const { sortKey: _s, searchKey: _k, niemArea: _a, ...audited } = values;
    writeAudit(tx, {
      userId: user.id,
      action: "create",
      entityType: "commitment",
      entityId: created.id,
      // The status is the column default, the lifecycle's initial status (only the lifecycle module writes it).
      changes: { ...audited, status: initialStatus, coPledgerIds: old.coPledgerIds },
      ip: ctx.ip,
    });
    writeAudit(tx, {
      userId: user.id,
      action: "carry_over",
      entityType: "commitment",
      entityId: old.id,
      changes: { carriedOverToId: [null, created.id] },
      ip: ctx.ip,
    });
    return { ok: true, id: created.id } as const;
  });
}

export type DeleteResult = { ok: true } | { ok: false; reason: "referenced" };

/** Hard delete (admins) of a commitment without updates, follow-ups or carry-over; otherwise withdraw it. */
export function deleteCommitment(user: CurrentUser, id: number, ctx: WriteContext = {}): DeleteResult {
  requireCapability(user, "hardDelete");
  return getDb().transaction((tx) => {
    const row = tx.select().from(commitments).where(eq(commitments.id, id)).get();
    if (!row) throw notFound();
    const referenced =
      row.carriedOverFromId != null ||
      !!tx.select({ id: commitmentUpdates.id }).from(commitmentUpdates).where(eq(commitmentUpdates.commitmentId, id)).get() ||
      !!tx.select({ id: followUps.id }).from(followUps).where(eq(followUps.commitmentId, id)).get() ||
      !!tx.select({ id: commitments.id }).from(commitments).where(eq(commitments.carriedOverFromId, id)).get();
    if (referenced) return { ok: false, reason: "referenced" } as const;
    const coPledgerIds = coPledgersOf(tx, id).map((c) => c.organizationId);
    tx.delete(commitments).where(eq(commitments.id, id)).run(); // co-pledgers go with it (ON DELETE CASCADE)
    const { sortKey: _s, searchKey: _k, niemArea: _a, ...fields } = row;
    writeAudit(tx, { userId: user.id, action: "delete", entityType: "commitment", entityId: id, changes: { ...fields, coPledgerIds }, ip: ctx.ip });
    return { ok: true } as const;
  });
}
