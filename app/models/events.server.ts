import { and, desc, eq, isNull, sql, type SQL } from "drizzle-orm";
import { notFound, requireCapability, requireRecordWrite, type CurrentUser } from "../auth/access.server.ts";
import { getDb, type DbOrTx } from "../db/client.server.ts";
import { titledKeys } from "../db/derived.ts";
import { commitments, eventParticipants, events, followUps, organizations, people, stories } from "../db/schema.ts";
import type { ParticipantRole } from "../domain/enums.ts";
import { eventListSpec, type EventInput, type ParticipantInput } from "../domain/event.ts";
import { parseListParams } from "../lib/list-params.ts";
import { writeAudit } from "./audit.server.ts";
import { listOrderBy, matchesQuery, pageOffset, type Page } from "./query.server.ts";
import { createAudited, updateVersioned, type VersionedResult, type WriteContext } from "./record-write.server.ts";

export type Event = typeof events.$inferSelect;

// ---------------------------------------------------------------- list

export type EventListParams = ReturnType<typeof parseEventListParams>;
export const parseEventListParams = (url: URL | URLSearchParams) => parseListParams(url, eventListSpec);

const sortColumns = { date: events.startsOn, title: events.sortKey };

function listConditions(params: EventListParams): SQL | undefined {
  const { kind, year } = params.filters;
  return and(
    kind ? eq(events.kind, kind) : undefined,
    // A range on the indexed column rather than substr(), so the year filter uses events_starts_idx.
    year ? and(sql`${events.startsOn} >= ${`${year}-01-01`}`, sql`${events.startsOn} <= ${`${year}-12-31`}`) : undefined,
    matchesQuery(events.searchKey, params.q),
  );
}

/** Only staff read events (partners see the commitments shared with them on /shared). */
function requireEventRead(user: CurrentUser) {
  requireCapability(user, "readRecords");
}

export function listEvents(user: CurrentUser, params: EventListParams): Page<Event> {
  requireEventRead(user);
  const db = getDb();
  const where = listConditions(params);
  const rows = db
    .select()
    .from(events)
    .where(where)
    .orderBy(...listOrderBy(params, sortColumns[params.sort], events.id, { name: events.title, searchKey: events.searchKey }))
    .limit(params.perPage)
    .offset(pageOffset(params.page, params.perPage))
    .all();
  const total = db.select({ n: sql<number>`count(*)` }).from(events).where(where).get()?.n ?? 0;
  return { rows, total };
}

/** The years events took place in, newest first, for the year filter. */
export function eventYears(): string[] {
  return getDb()
    .selectDistinct({ year: sql<string>`substr(${events.startsOn}, 1, 4)` })
    .from(events)
    .orderBy(desc(sql`substr(${events.startsOn}, 1, 4)`))
    .all()
    .map((r) => r.year);
}

// ---------------------------------------------------------------- read

export function getEvent(user: CurrentUser, id: number): Event {
  requireEventRead(user);
  const event = getDb().select().from(events).where(eq(events.id, id)).get();
  if (!event) throw notFound();
  return event;
}

/**
 * Organizations and people taking part, with their role. Refugee contacts are left out on
 * purpose: they are special-category data with their own access rules and page.
 */
export function participantsOf(eventId: number) {
  return getDb()
    .select({
      id: eventParticipants.id,
      role: eventParticipants.role,
      organizationId: eventParticipants.organizationId,
      organizationName: organizations.name,
      personId: eventParticipants.personId,
      personName: people.name,
    })
    .from(eventParticipants)
    .leftJoin(organizations, eq(organizations.id, eventParticipants.organizationId))
    .leftJoin(people, eq(people.id, eventParticipants.personId))
    .where(and(eq(eventParticipants.eventId, eventId), isNull(eventParticipants.refugeeContactId)))
    .orderBy(sql`${eventParticipants.organizationId} IS NULL`, eventParticipants.role, organizations.sortKey, people.sortKey, eventParticipants.id)
    .all();
}

/** The events an organization took part in, newest first (staff section of the organization page). */
export function eventsOfOrganization(organizationId: number) {
  return getDb()
    .select({ id: events.id, title: events.title, kind: events.kind, startsOn: events.startsOn, role: eventParticipants.role })
    .from(eventParticipants)
    .innerJoin(events, eq(events.id, eventParticipants.eventId))
    .where(eq(eventParticipants.organizationId, organizationId))
    .orderBy(desc(events.startsOn), desc(events.id))
    .all();
}

// ---------------------------------------------------------------- write

function columnsOf(input: EventInput) {
  return { ...input, ...titledKeys({ title: input.title, extra: input.series }) };
}

/** Creates an event; created from an organization's page, that organization becomes its first participant. */
export function createEvent(
  user: CurrentUser,
  input: EventInput,
  ctx: WriteContext = {},
  firstParticipant?: { organizationId: number; role: ParticipantRole } | null,
): number {
  requireRecordWrite(user);
  return createAudited({
    user,
    table: events,
    entityType: "event",
    values: { ...columnsOf(input), createdById: user.id },
    auditFields: {
      ...Object.fromEntries(Object.entries(input).filter(([, v]) => v !== null)),
      ...(firstParticipant ? { participants: [firstParticipant] } : {}),
    },
    afterInsert: (tx, eventId) => {
      if (firstParticipant) tx.insert(eventParticipants).values({ eventId, ...firstParticipant }).run();
    },
    ctx,
  });
}

export type EventUpdateResult = VersionedResult<Event>;

export function updateEvent(user: CurrentUser, id: number, expectedVersion: number, input: EventInput, ctx: WriteContext = {}): EventUpdateResult {
  requireRecordWrite(user);
  return updateVersioned<Event>({ user, table: events, entityType: "event", id, expectedVersion, values: columnsOf(input), ctx });
}

export type ParticipantResult = { ok: true } | { ok: false; field: "organizationId" | "personId" | "participantId"; error: string };

/**
 * Adds an organization or a person with a role. Participants are rows of their own, so adding
 * one does not bump the event's version (an edit open in another tab stays valid); the audit
 * entry on the event records who was added.
 */
export function addParticipant(user: CurrentUser, eventId: number, input: ParticipantInput, ctx: WriteContext = {}): ParticipantResult {
  requireRecordWrite(user);
  return getDb().transaction((tx) => {
    if (!tx.select({ id: events.id }).from(events).where(eq(events.id, eventId)).get()) throw notFound();
    const target =
      input.kind === "organization"
        ? { column: eventParticipants.organizationId, id: input.organizationId, field: "organizationId" as const, exists: existsIn(tx, organizations, input.organizationId) }
        : { column: eventParticipants.personId, id: input.personId, field: "personId" as const, exists: existsIn(tx, people, input.personId) };
    if (!target.exists) return { ok: false, field: target.field, error: "invalidChoice" } as const;
    const duplicate = tx
      .select({ id: eventParticipants.id })
      .from(eventParticipants)
      .where(and(eq(eventParticipants.eventId, eventId), eq(target.column, target.id), eq(eventParticipants.role, input.role)))
      .get();
    if (duplicate) return { ok: false, field: target.field, error: "participantExists" } as const;
    const row = tx
      .insert(eventParticipants)
      .values({
        eventId,
        organizationId: input.kind === "organization" ? input.organizationId : null,
        personId: input.kind === "person" ? input.personId : null,
        role: input.role,
      })
      .returning({ id: eventParticipants.id })
      .get();
    writeAudit(tx, {
      userId: user.id,
      action: "add_participant",
      entityType: "event",
      entityId: eventId,
      changes: { participant: [null, { id: row.id, [target.field]: target.id, role: input.role }] },
      ip: ctx.ip,
    });
    return { ok: true } as const;
  });
}

/** Removes one organization or person participant of this event (never a refugee contact's row). */
export function removeParticipant(user: CurrentUser, eventId: number, participantId: number, ctx: WriteContext = {}): ParticipantResult {
  requireRecordWrite(user);
  return getDb().transaction((tx) => {
    const row = tx
      .select()
      .from(eventParticipants)
      .where(and(eq(eventParticipants.id, participantId), eq(eventParticipants.eventId, eventId), isNull(eventParticipants.refugeeContactId)))
      .get();
    if (!row) return { ok: false, field: "participantId", error: "invalid" } as const;
    tx.delete(eventParticipants).where(eq(eventParticipants.id, participantId)).run();
    const removed = row.organizationId ? { organizationId: row.organizationId } : { personId: row.personId };
    writeAudit(tx, {
      userId: user.id,
      action: "remove_participant",
      entityType: "event",
      entityId: eventId,
      changes: { participant: [{ id: row.id, ...removed, role: row.role }, null] },
      ip: ctx.ip,
    });
    return { ok: true } as const;
  });
}

function existsIn(db: DbOrTx, table: typeof organizations | typeof people, id: number): boolean {
  return Boolean(db.select({ id: table.id }).from(table).where(eq(table.id, id)).get());
}

/** What still points at an event (its participants, commitments made at it, follow-ups about it). */
export function referencesToEvent(db: DbOrTx, id: number) {
  const n = (q: { n: number } | undefined) => q?.n ?? 0;
  return {
    eventParticipants: n(db.select({ n: sql<number>`count(*)` }).from(eventParticipants).where(eq(eventParticipants.eventId, id)).get()),
    commitments: n(db.select({ n: sql<number>`count(*)` }).from(commitments).where(eq(commitments.eventId, id)).get()),
    followUps: n(db.select({ n: sql<number>`count(*)` }).from(followUps).where(eq(followUps.eventId, id)).get()),
    stories: n(db.select({ n: sql<number>`count(*)` }).from(stories).where(eq(stories.eventId, id)).get()),
  };
}

export type DeleteResult = { ok: true } | { ok: false; reason: "referenced"; references: Record<string, number> };

/** Admin-only hard delete of an event nothing points at; otherwise nothing happens and the references are returned. */
export function deleteEvent(user: CurrentUser, id: number, ctx: WriteContext = {}): DeleteResult {
  requireCapability(user, "hardDelete");
  return getDb().transaction((tx) => {
    const before = tx.select().from(events).where(eq(events.id, id)).get();
    if (!before) throw notFound();
    const references = referencesToEvent(tx, id);
    if (Object.values(references).some((count) => count > 0)) return { ok: false, reason: "referenced", references } as const;
    tx.delete(events).where(eq(events.id, id)).run();
    const { sortKey: _s, searchKey: _k, ...kept } = before;
    writeAudit(tx, { userId: user.id, action: "delete", entityType: "event", entityId: id, changes: kept, ip: ctx.ip });
    return { ok: true } as const;
  });
}

/** id, title and date of every event, newest first, for select boxes (staff only). */
export function eventChoices(): Array<{ id: number; title: string; startsOn: string }> {
  return getDb().select({ id: events.id, title: events.title, startsOn: events.startsOn }).from(events).orderBy(desc(events.startsOn), desc(events.id)).all();
}
