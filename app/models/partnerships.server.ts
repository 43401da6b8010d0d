import { and, asc, eq, exists, sql, type SQL } from "drizzle-orm";
import { can, notFound, requireCapability, requireRecordWrite, type CurrentUser } from "../auth/access.server.ts";
import { getDb, type DbOrTx } from "../db/client.server.ts";
import { titledKeys } from "../db/derived.ts";
import { commitments, followUps, organizations, partnershipMembers, partnerships, users } from "../db/schema.ts";
import { partnershipListSpec, type PartnershipInput, type PartnershipMemberInput } from "../domain/partnership.ts";
import type { FieldErrors } from "../lib/forms.ts";
import { parseListParams } from "../lib/list-params.ts";
import { writeAudit } from "./audit.server.ts";
import { checkReferences } from "./link-choices.server.ts";
import { listOrderBy, matchesQuery, pageOffset, type Page } from "./query.server.ts";
import { createAudited, updateVersioned, type VersionedResult, type WriteContext } from "./record-write.server.ts";

export type Partnership = typeof partnerships.$inferSelect;

/** Partnerships are BCRM's own records: staff read them, a partner gets 404 (their portal is /shared). */
export function requirePartnershipRead(user: CurrentUser) {
  requireCapability(user, "readRecords");
}

// ---------------------------------------------------------------- list

export type PartnershipListParams = ReturnType<typeof parsePartnershipListParams>;
export const parsePartnershipListParams = (url: URL | URLSearchParams) => parseListParams(url, partnershipListSpec);

export const sortColumns = {
  title: partnerships.sortKey,
  status: partnerships.status,
  start: partnerships.startsOn,
  updated: partnerships.updatedAt,
};

export function listConditions(params: PartnershipListParams): SQL | undefined {
  const { status, kind, owner, organization, project } = params.filters;
  const db = getDb();
  return and(
    status ? eq(partnerships.status, status) : undefined,
    project ? eq(partnerships.project, project) : undefined,
    kind ? eq(partnerships.kind, kind) : undefined,
    owner ? eq(partnerships.ownerId, owner) : undefined,
    organization
      ? exists(
          db
            .select({ one: sql`1` })
            .from(partnershipMembers)
            .where(and(eq(partnershipMembers.partnershipId, partnerships.id), eq(partnershipMembers.organizationId, organization))),
        )
      : undefined,
    matchesQuery(partnerships.searchKey, params.q),
  );
}

export type PartnershipRow = Pick<Partnership, "id" | "title" | "kind" | "project" | "status" | "startsOn" | "endsOn" | "updatedAt"> & {
  ownerName: string | null;
  memberCount: number;
};

export function listPartnerships(user: CurrentUser, params: PartnershipListParams): Page<PartnershipRow> {
  requirePartnershipRead(user);
  const db = getDb();
  const where = listConditions(params);
  const rows = db
    .select({
      id: partnerships.id,
      title: partnerships.title,
      kind: partnerships.kind,
      project: partnerships.project,
      status: partnerships.status,
      startsOn: partnerships.startsOn,
      endsOn: partnerships.endsOn,
      updatedAt: partnerships.updatedAt,
      ownerName: users.name,
      memberCount: sql<number>`(select count(*) from partnership_members m where m.partnership_id = ${partnerships.id})`,
    })
    .from(partnerships)
    .leftJoin(users, eq(users.id, partnerships.ownerId))
    .where(where)
    .orderBy(...listOrderBy(params, sortColumns[params.sort], partnerships.id, { name: partnerships.title, searchKey: partnerships.searchKey }))
    .limit(params.perPage)
    .offset(pageOffset(params.page, params.perPage))
    .all();
  const total = db.select({ n: sql<number>`count(*)` }).from(partnerships).where(where).get()?.n ?? 0;
  return { rows, total };
}

/** The projects and programmes partnerships run under, for the list's filter (a few dozen at most). */
export function partnershipProjects(user: CurrentUser): string[] {
  requirePartnershipRead(user);
  return getDb()
    .selectDistinct({ project: partnerships.project })
    .from(partnerships)
    .where(sql`${partnerships.project} is not null and trim(${partnerships.project}) <> ''`)
    .orderBy(asc(partnerships.project))
    .all()
    .map((r) => r.project!);
}

// ---------------------------------------------------------------- read

export type PartnershipMember = { id: number; organizationId: number; organizationName: string; role: string };

export function membersOf(db: DbOrTx, partnershipId: number): PartnershipMember[] {
  return db
    .select({
      id: partnershipMembers.id,
      organizationId: partnershipMembers.organizationId,
      organizationName: organizations.name,
      role: partnershipMembers.role,
    })
    .from(partnershipMembers)
    .innerJoin(organizations, eq(organizations.id, partnershipMembers.organizationId))
    .where(eq(partnershipMembers.partnershipId, partnershipId))
    .orderBy(asc(organizations.sortKey))
    .all();
}

/** The members of a partnership, for its page: staff who read records (the reader checks it, not the route). */
export function membersOfPartnership(user: CurrentUser, partnershipId: number): PartnershipMember[] {
  requireCapability(user, "readRecords");
  return membersOf(getDb(), partnershipId);
}

export function getPartnership(user: CurrentUser, id: number): Partnership & { ownerName: string | null } {
  requirePartnershipRead(user);
  const row = getDb()
    .select({ partnership: partnerships, ownerName: users.name })
    .from(partnerships)
    .leftJoin(users, eq(users.id, partnerships.ownerId))
    .where(eq(partnerships.id, id))
    .get();
  if (!row) throw notFound();
  return { ...row.partnership, ownerName: row.ownerName };
}

/** Partnerships an organization is a member of, for its page (staff only). */
export function partnershipsOfOrganization(user: CurrentUser, organizationId: number) {
  if (!can(user, "readRecords")) return [];
  return getDb()
    .select({ id: partnerships.id, title: partnerships.title, status: partnerships.status, role: partnershipMembers.role, startsOn: partnerships.startsOn, endsOn: partnerships.endsOn })
    .from(partnershipMembers)
    .innerJoin(partnerships, eq(partnerships.id, partnershipMembers.partnershipId))
    .where(eq(partnershipMembers.organizationId, organizationId))
    .orderBy(asc(partnerships.sortKey))
    .all();
}

// ---------------------------------------------------------------- write

function columnsOf(input: PartnershipInput) {
  return { ...input, ...titledKeys({ title: input.title, extra: input.project }) };
}

/** Ids in the form that do not name a record of the right kind, as field errors. */
export function partnershipReferenceErrors(input: PartnershipInput): FieldErrors {
  return checkReferences([["ownerId", "owner", input.ownerId]]);
}

/** Creates a partnership; started from an organization's page, that organization becomes its first member. */
export function createPartnership(
  user: CurrentUser,
  input: PartnershipInput,
  ctx: WriteContext = {},
  firstMember?: { organizationId: number; role: PartnershipMemberInput["role"] },
): number {
  requireRecordWrite(user);
  return createAudited({
    user,
    table: partnerships,
    entityType: "partnership",
    values: { ...columnsOf(input), createdById: user.id },
    auditFields: { ...input, ...(firstMember ? { members: [firstMember] } : {}) },
    afterInsert: firstMember ? (tx, id) => tx.insert(partnershipMembers).values({ partnershipId: id, ...firstMember }).run() : undefined,
    ctx,
  });
}

export function updatePartnership(user: CurrentUser, id: number, expectedVersion: number, input: PartnershipInput, ctx: WriteContext = {}): VersionedResult<Partnership> {
  requireRecordWrite(user);
  return updateVersioned<Partnership>({ user, table: partnerships, entityType: "partnership", id, expectedVersion, values: columnsOf(input), ctx });
}

export type MemberResult = { ok: true } | { ok: false; errors: FieldErrors };

/** Adds a member organization (once per organization); audited on the partnership. */
export function addPartnershipMember(user: CurrentUser, partnershipId: number, input: PartnershipMemberInput, ctx: WriteContext = {}): MemberResult {
  requireRecordWrite(user);
  const refErrors = checkReferences([["organizationId", "organization", input.organizationId]]);
  if (Object.keys(refErrors).length) return { ok: false, errors: refErrors };
  return getDb().transaction((tx) => {
    const existing = tx
      .select({ id: partnershipMembers.id })
      .from(partnershipMembers)
      .where(and(eq(partnershipMembers.partnershipId, partnershipId), eq(partnershipMembers.organizationId, input.organizationId)))
      .get();
    if (existing) return { ok: false, errors: { organizationId: ["alreadyMember"] } } as const;
    const before = membersOf(tx, partnershipId);
    tx.insert(partnershipMembers).values({ partnershipId, organizationId: input.organizationId, role: input.role }).run();
    writeAudit(tx, {
      userId: user.id,
      action: "member_add",
      entityType: "partnership",
      entityId: partnershipId,
      changes: { members: [memberSummary(before), memberSummary(membersOf(tx, partnershipId))] },
      ip: ctx.ip,
    });
    return { ok: true } as const;
  });
}

export function removePartnershipMember(user: CurrentUser, partnershipId: number, memberId: number, ctx: WriteContext = {}): boolean {
  requireRecordWrite(user);
  return getDb().transaction((tx) => {
    const before = membersOf(tx, partnershipId);
    if (!before.some((m) => m.id === memberId)) return false;
    tx.delete(partnershipMembers).where(and(eq(partnershipMembers.id, memberId), eq(partnershipMembers.partnershipId, partnershipId))).run();
    writeAudit(tx, {
      userId: user.id,
      action: "member_remove",
      entityType: "partnership",
      entityId: partnershipId,
      changes: { members: [memberSummary(before), memberSummary(membersOf(tx, partnershipId))] },
      ip: ctx.ip,
    });
    return true;
  });
}

function memberSummary(members: PartnershipMember[]) {
  return members.map((m) => `${m.organizationName} (${m.role})`);
}

export type DeleteResult = { ok: true } | { ok: false; reason: "referenced" };

/** Hard delete (admins) of a partnership nothing points at; otherwise conclude it instead. */
export function deletePartnership(user: CurrentUser, id: number, ctx: WriteContext = {}): DeleteResult {
  requireCapability(user, "hardDelete");
  return getDb().transaction((tx) => {
    const row = tx.select().from(partnerships).where(eq(partnerships.id, id)).get();
    if (!row) throw notFound();
    const referenced =
      !!tx.select({ id: commitments.id }).from(commitments).where(eq(commitments.partnershipId, id)).get() ||
      !!tx.select({ id: followUps.id }).from(followUps).where(eq(followUps.partnershipId, id)).get();
    if (referenced) return { ok: false, reason: "referenced" } as const;
    const members = memberSummary(membersOf(tx, id));
    tx.delete(partnerships).where(eq(partnerships.id, id)).run(); // members go with it (ON DELETE CASCADE)
    const { sortKey: _s, searchKey: _k, ...fields } = row;
    writeAudit(tx, { userId: user.id, action: "delete", entityType: "partnership", entityId: id, changes: { ...fields, members }, ip: ctx.ip });
    return { ok: true } as const;
  });
}
