import { and, asc, desc, eq, inArray, isNotNull, isNull, or, sql, type SQL } from "drizzle-orm";
import { can, notFound, requireCapability, requireRecordWrite, type CurrentUser } from "../auth/access.server.ts";
import { getDb, type DbOrTx } from "../db/client.server.ts";
import { personKeys } from "../db/derived.ts";
import { auditEntries, eventParticipants, events, followUps, interactions, organizations, people, users } from "../db/schema.ts";
import { personListSpec, type PersonInput } from "../domain/person.ts";
import { parseListParams } from "../lib/list-params.ts";
import { writeAudit } from "./audit.server.ts";
import { listOrderBy, matchesQuery, pageOffset, type Page } from "./query.server.ts";
import { createAudited, updateVersioned, type VersionedResult, type WriteContext } from "./record-write.server.ts";
import { ORG_SECTION_LIMIT } from "../domain/organization-sections.ts";

export type Person = typeof people.$inferSelect;
export type PersonWithOrganization = Person & { organizationName: string | null };

// ---------------------------------------------------------------- list

export type PersonListParams = ReturnType<typeof parsePersonListParams>;
export const parsePersonListParams = (url: URL | URLSearchParams) => parseListParams(url, personListSpec);

export const sortColumns = {
  name: people.sortKey,
  // People without an organization sort last in ascending order.
  organization: sql`coalesce(${organizations.sortKey}, char(0x10FFFF))`,
  updated: people.updatedAt,
};

export function listConditions(params: PersonListParams): SQL | undefined {
  const { organization, email, archived = "active" } = params.filters;
  return and(
    archived === "all" ? undefined : eq(people.archived, archived === "archived"),
    organization ? eq(people.organizationId, organization) : undefined,
    email === "with" ? and(isNotNull(people.email), sql`${people.email} <> ''`) : undefined,
    email === "without" ? or(isNull(people.email), sql`${people.email} = ''`) : undefined,
    matchesQuery(people.searchKey, params.q),
  );
}

const personWithOrganization = {
  id: people.id,
  name: people.name,
  nameLatin: people.nameLatin,
  position: people.position,
  email: people.email,
  phone: people.phone,
  languages: people.languages,
  organizationId: people.organizationId,
  organizationName: organizations.name,
  notes: people.notes,
  archived: people.archived,
  createdAt: people.createdAt,
  updatedAt: people.updatedAt,
  version: people.version,
};
export type PersonRow = Omit<PersonWithOrganization, "sortKey" | "searchKey" | "importId" | "createdById">;

/** Only staff read people; a partner never browses contacts (404 like any other record out of reach). */
function requirePeopleRead(user: CurrentUser) {
  requireCapability(user, "readRecords");
}

export function listPeople(user: CurrentUser, params: PersonListParams): Page<PersonRow> {
  requirePeopleRead(user);
  const db = getDb();
  const where = listConditions(params);
  const rows = db
    .select(personWithOrganization)
    .from(people)
    .leftJoin(organizations, eq(organizations.id, people.organizationId))
    .where(where)
    .orderBy(...listOrderBy(params, sortColumns[params.sort], people.id, { name: people.name, searchKey: people.searchKey }))
    .limit(params.perPage)
    .offset(pageOffset(params.page, params.perPage))
    .all();
  const total = db.select({ n: sql<number>`count(*)` }).from(people).where(where).get()?.n ?? 0;
  return { rows, total };
}

/** The people of an organization, active first (staff section of the organization page; empty for anyone else). */
export function peopleOfOrganization(user: CurrentUser, organizationId: number, limit = ORG_SECTION_LIMIT + 1) {
  if (!can(user, "readRecords")) return [];
  // Read in the order of people_org_idx (organization_id, archived, sort_key, id): no sort, stops at the limit.
  return getDb()
    .select({ id: people.id, name: people.name, position: people.position, email: people.email, phone: people.phone, archived: people.archived })
    .from(people)
    .where(eq(people.organizationId, organizationId))
    .orderBy(asc(people.archived), people.sortKey, people.id)
    .limit(limit)
    .all();
}

// ---------------------------------------------------------------- read

export function getPerson(user: CurrentUser, id: number): PersonRow {
  requirePeopleRead(user);
  const person = getDb()
    .select(personWithOrganization)
    .from(people)
    .leftJoin(organizations, eq(organizations.id, people.organizationId))
    .where(eq(people.id, id))
    .get();
  if (!person) throw notFound();
  return person;
}

/** The events a person took part in, newest first. */
export function eventsOfPerson(personId: number) {
  return getDb()
    .select({ id: events.id, title: events.title, kind: events.kind, startsOn: events.startsOn, role: eventParticipants.role })
    .from(eventParticipants)
    .innerJoin(events, eq(events.id, eventParticipants.eventId))
    .where(eq(eventParticipants.personId, personId))
    .orderBy(desc(events.startsOn), desc(events.id))
    .all();
}

/** Follow-ups linked to a person, open ones first by due date. */
export function followUpsOfPerson(personId: number) {
  return getDb()
    .select({ id: followUps.id, title: followUps.title, dueOn: followUps.dueOn, status: followUps.status, assigneeName: users.name })
    .from(followUps)
    .leftJoin(users, eq(users.id, followUps.assigneeId))
    .where(eq(followUps.personId, personId))
    .orderBy(sql`${followUps.status} <> 'open'`, followUps.dueOn, followUps.id)
    .all();
}

/**
 * The organizations a person moved between, from the audit log (each update that changed
 * `organizationId` recorded [before, after]); newest first, with the organizations' names.
 */
export function organizationHistoryOf(personId: number) {
  const db = getDb();
  const entries = db
    .select({ id: auditEntries.id, at: auditEntries.at, changes: auditEntries.changes, userName: users.name })
    .from(auditEntries)
    .leftJoin(users, eq(users.id, auditEntries.userId))
    .where(
      and(
        eq(auditEntries.entityType, "person"),
        eq(auditEntries.entityId, personId),
        sql`json_extract(${auditEntries.changes}, '$.organizationId') IS NOT NULL`,
      ),
    )
    .orderBy(desc(auditEntries.at), desc(auditEntries.id))
    .all()
    .flatMap((e) => {
      const change = (JSON.parse(e.changes ?? "{}") as { organizationId?: unknown }).organizationId;
      if (!Array.isArray(change)) return [];
      const [from, to] = change as [number | null, number | null];
      return [{ id: e.id, at: e.at, userName: e.userName, from, to }];
    });
  const ids = [...new Set(entries.flatMap((e) => [e.from, e.to]).filter((v): v is number => typeof v === "number"))];
  const names = new Map(
    ids.length
      ? db.select({ id: organizations.id, name: organizations.name }).from(organizations).where(inArray(organizations.id, ids)).all().map((o) => [o.id, o.name])
      : [],
  );
  return entries.map((e) => ({
    ...e,
    fromName: e.from ? (names.get(e.from) ?? null) : null,
    toName: e.to ? (names.get(e.to) ?? null) : null,
  }));
}

// ---------------------------------------------------------------- write

function requireOrganizationExists(db: DbOrTx, organizationId: number | null) {
  if (organizationId === null) return true;
  return Boolean(db.select({ id: organizations.id }).from(organizations).where(eq(organizations.id, organizationId)).get());
}

/** Whether the organization chosen in a form exists (a forged id is a field error, not a crash). */
export function organizationExists(organizationId: number | null): boolean {
  return requireOrganizationExists(getDb(), organizationId);
}

function columnsOf(input: PersonInput) {
  return { ...input, ...personKeys(input) };
}

export function createPerson(user: CurrentUser, input: PersonInput, ctx: WriteContext = {}): number {
  requireRecordWrite(user);
  return createAudited({
    user,
    table: people,
    entityType: "person",
    values: { ...columnsOf(input), createdById: user.id },
    auditFields: Object.fromEntries(Object.entries(input).filter(([, v]) => v !== null)),
    ctx,
  });
}

export type PersonUpdateResult = VersionedResult<Person>;

/** Saves only over the version the user read; a change of organization is kept in the audit entry. */
export function updatePerson(user: CurrentUser, id: number, expectedVersion: number, input: PersonInput, ctx: WriteContext = {}): PersonUpdateResult {
  requireRecordWrite(user);
  return updateVersioned<Person>({ user, table: people, entityType: "person", id, expectedVersion, values: columnsOf(input), ctx });
}

export function setPersonArchived(user: CurrentUser, id: number, expectedVersion: number, archived: boolean, ctx: WriteContext = {}): PersonUpdateResult {
  requireRecordWrite(user);
  return updateVersioned<Person>({
    user,
    table: people,
    entityType: "person",
    id,
    expectedVersion,
    values: { archived },
    action: archived ? "archive" : "unarchive",
    ctx,
  });
}

/** What still points at a person; a person is deletable only when every count is zero. */
export function referencesToPerson(db: DbOrTx, id: number) {
  const count = (table: typeof followUps | typeof interactions | typeof eventParticipants) =>
    db.select({ n: sql<number>`count(*)` }).from(table).where(eq(table.personId, id)).get()?.n ?? 0;
  return { followUps: count(followUps), interactions: count(interactions), eventParticipants: count(eventParticipants) };
}

export type DeleteResult = { ok: true } | { ok: false; reason: "referenced"; references: Record<string, number> };

/** Admin-only hard delete of a person nothing points at; otherwise nothing happens and the references are returned. */
export function deletePerson(user: CurrentUser, id: number, ctx: WriteContext = {}): DeleteResult {
  requireCapability(user, "hardDelete");
  return getDb().transaction((tx) => {
    const before = tx.select().from(people).where(eq(people.id, id)).get();
    if (!before) throw notFound();
    const references = referencesToPerson(tx, id);
    if (Object.values(references).some((n) => n > 0)) return { ok: false, reason: "referenced", references } as const;
    tx.delete(people).where(eq(people.id, id)).run();
    const { sortKey: _s, searchKey: _k, nameLatin: _l, ...kept } = before;
    writeAudit(tx, { userId: user.id, action: "delete", entityType: "person", entityId: id, changes: kept, ip: ctx.ip });
    return { ok: true } as const;
  });
}
