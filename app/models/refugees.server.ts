// Refugee contacts (issue 6): special-category personal data, staff only, every view and
// change audited, erasable by anonymisation in place so event statistics stay true.
// Who may do what is asked of the access module; what consent means lives in refugee-consent.server.ts.
import { and, eq, isNotNull, isNull, or, sql, type SQL } from "drizzle-orm";
import { can, notFound, requireCapability, type Capability, type CurrentUser } from "../auth/access.server.ts";
import { getDb, type DbOrTx } from "../db/client.server.ts";
import { refugeeContactKeys } from "../db/derived.ts";
import { auditEntries, eventInvitations, eventParticipants, events, refugeeConsents, refugeeContacts } from "../db/schema.ts";
import { auditFieldSpec, unshownFields } from "../domain/audit-fields.ts";
import { refugeeParticipantRoles, type RefugeeParticipantRole } from "../domain/enums.ts";
import { refugeeListSpec, type ParticipationInput, type RefugeeContactInput } from "../domain/refugee.ts";
import type { MessageKey } from "../i18n/i18n.ts";
import { parseListParams } from "../lib/list-params.ts";
import { env } from "../env.server.ts";
import { historyOf, writeAudit } from "./audit.server.ts";
import { listBackups } from "./backups.server.ts";
import {
  checkpointTruncate,
  findCopies,
  purgeSearchIndexes,
  REDACTED,
  redactCopies,
  redactText,
  removeFiles,
  searchableValues,
  variantsOf,
  type PersonalDataCopies,
} from "./personal-data.server.ts";
import { listOrderBy, matchesQuery, pageOffset, type Page } from "./query.server.ts";
import { createAudited, updateVersioned, type VersionedResult, type WriteContext } from "./record-write.server.ts";
import {
  consentStateCondition,
  consentStateOf,
  consentsByContact,
  consentsOf,
  currentPurposes,
  isFlagged,
  missingPurposesForRole,
  todayIso,
} from "./refugee-consent.server.ts";
import { noticeStoryOwners, withdrawStoriesNaming, type WithdrawnStory } from "./story-withdrawal.server.ts";

export type RefugeeContact = typeof refugeeContacts.$inferSelect;

/** The neutral label an erased contact keeps (stored in Bulgarian, the data language; the UI translates it). */
export function erasedLabel(id: number): string {
  return `Изтрит контакт #${id}`;
}

// ---------------------------------------------------------------- list

export type RefugeeListParams = ReturnType<typeof parseRefugeeListParams>;
export const parseRefugeeListParams = (url: URL | URLSearchParams) => parseListParams(url, refugeeListSpec);

const sortColumns = { name: refugeeContacts.sortKey, updated: refugeeContacts.updatedAt };

export type RefugeeListRow = Pick<RefugeeContact, "id" | "name" | "languages" | "countryOfOrigin" | "erasedAt" | "updatedAt"> & {
  flagged: boolean;
};

export function listRefugeeContacts(user: CurrentUser, params: RefugeeListParams): Page<RefugeeListRow> {
  requireCapability(user, "readRefugeeContacts");
  const db = getDb();
  const today = todayIso();
  const { consent, country } = params.filters;
  const where: SQL | undefined = and(
    matchesQuery(refugeeContacts.searchKey, params.q),
    country ? eq(refugeeContacts.countryOfOrigin, country) : undefined,
    consent ? consentStateCondition(refugeeContacts.id, consent, today) : undefined,
  );
  const rows = db
    .select({
      id: refugeeContacts.id,
      name: refugeeContacts.name,
      languages: refugeeContacts.languages,
      countryOfOrigin: refugeeContacts.countryOfOrigin,
      erasedAt: refugeeContacts.erasedAt,
      updatedAt: refugeeContacts.updatedAt,
    })
    .from(refugeeContacts)
    .where(where)
    .orderBy(...listOrderBy(params, sortColumns[params.sort], refugeeContacts.id, { name: refugeeContacts.name, searchKey: refugeeContacts.searchKey }))
    .limit(params.perPage)
    .offset(pageOffset(params.page, params.perPage))
    .all();
  const total = db.select({ n: sql<number>`count(*)` }).from(refugeeContacts).where(where).get()?.n ?? 0;
  const consents = consentsByContact(db, rows.map((r) => r.id));
  return { rows: rows.map((r) => ({ ...r, flagged: isFlagged(consents.get(r.id) ?? [], today) })), total };
}

/** Countries of origin in use, for the list filter. */
export function refugeeCountryChoices(user: CurrentUser): string[] {
  requireCapability(user, "readRefugeeContacts");
  return getDb()
    .selectDistinct({ country: refugeeContacts.countryOfOrigin })
    .from(refugeeContacts)
    .where(and(isNotNull(refugeeContacts.countryOfOrigin), isNull(refugeeContacts.erasedAt)))
    .orderBy(refugeeContacts.countryOfOrigin)
    .all()
    .map((r) => r.country!)
    .filter(Boolean);
}

// ---------------------------------------------------------------- read

/** The contact, for checks before a write; not a view (nothing is shown), so not audited. */
export function findRefugeeContact(user: CurrentUser, id: number): RefugeeContact {
  requireCapability(user, "readRefugeeContacts");
  const contact = getDb().select().from(refugeeContacts).where(eq(refugeeContacts.id, id)).get();
  if (!contact) throw notFound();
  return contact;
}

/** Opening a contact is itself recorded: who looked at whose data, when (DESIGN.md, audit). */
export function viewRefugeeContact(user: CurrentUser, id: number, ctx: WriteContext = {}) {
  const contact = findRefugeeContact(user, id);
  const db = getDb();
  writeAudit(db, { userId: user.id, action: "view", entityType: "refugee_contact", entityId: id, ip: ctx.ip });
  const today = todayIso();
  const consents = consentsOf(db, id);
  return {
    contact,
    consents: consents.map((c) => ({ ...c, current: !isFlagged([c], today) })),
    flagged: isFlagged(consents, today),
    consentState: consentStateOf(consents, today),
    currentPurposes: currentPurposes(consents, today),
  };
}

/** The contact's own access history (views, changes, consents): admins only. */
export function refugeeAccessHistory(user: CurrentUser, id: number) {
  // Which fields changed, by their labels; never the values (special-category data).
  return historyOf(user, "refugee_contact", id, 200).map(({ changes, ...entry }) => ({
    ...entry,
    fields: (changes ? Object.keys(JSON.parse(changes) as Record<string, unknown>) : [])
      .filter((field) => !unshownFields.has(field))
      .map((field): MessageKey => auditFieldSpec("refugee_contact", field)?.label ?? "audit.field.other"),
  }));
}

// ---------------------------------------------------------------- write

function columnsOf(input: RefugeeContactInput) {
  return { ...input, ...refugeeContactKeys(input) };
}

export function createRefugeeContact(user: CurrentUser, input: RefugeeContactInput, ctx: WriteContext = {}): number {
  requireCapability(user, "writeRefugeeContacts");
  return createAudited({
    user,
    table: refugeeContacts,
    entityType: "refugee_contact",
    values: { ...columnsOf(input), createdById: user.id },
    ctx,
  });
}

export type RefugeeUpdateResult = VersionedResult<RefugeeContact> | { ok: false; reason: "erased" };

export function updateRefugeeContact(
  user: CurrentUser,
  id: number,
  expectedVersion: number,
  input: RefugeeContactInput,
  ctx: WriteContext = {},
): RefugeeUpdateResult {
  requireCapability(user, "writeRefugeeContacts");
  // Synchronous from here to the write: nothing can erase the contact in between.
  if (findRefugeeContact(user, id).erasedAt) return { ok: false, reason: "erased" };
  return updateVersioned<RefugeeContact>({
    user,
    table: refugeeContacts,
    entityType: "refugee_contact",
    id,
    expectedVersion,
    values: columnsOf(input),
    ctx,
  });
}

// ---------------------------------------------------------------- erasure

/** Personal fields of a contact; all of them are replaced or emptied by erasure. */
const personalFields = ["name", "languages", "countryOfOrigin", "contactChannel", "contactValue", "notes"] as const;
/**
 * The fields that point at the person: searched for in other records, the outbox and uploads.
 * Notes are not (a short note such as «Бележка» would match unrelated text); they are removed
 * from audit entries, where they were quoted.
 */
const identifyingFields = ["name", "contactValue"] as const;
const quotedInAuditFields = [...identifyingFields, "notes"] as const;
const ERASED = REDACTED;

/**
 * An audit JSON (`changes` or `detail`) of an erased contact: the field names stay, so the
 * history still says what was done, but every value is gone.
 */
export function scrubAuditJson(text: string | null): string | null {
  if (text === null) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return JSON.stringify(ERASED);
  }
  if (parsed && typeof parsed === "object" && !Array.isArray(parsed)) {
    return JSON.stringify(Object.fromEntries(Object.keys(parsed).map((key) => [key, ERASED])));
  }
  return JSON.stringify(ERASED);
}

/** Replaces every occurrence of the erased values inside the strings of an audit JSON (other records' entries). */
export function redactAuditJson(text: string | null, erasedValues: string[]): string | null {
  if (text === null) return null;
  const redact = (value: unknown): unknown => {
    if (typeof value === "string") return redactText(value, erasedValues);
    if (Array.isArray(value)) return value.map(redact);
    if (value && typeof value === "object") {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [redactText(k, erasedValues), redact(v)]));
    }
    return value;
  };
  try {
    return JSON.stringify(redact(JSON.parse(text)));
  } catch {
    return redact(text) as string;
  }
}

/**
 * The values of the given fields the contact has now and had before (from its own audit
 * entries, read before they are scrubbed): a copy made before an edit is still theirs.
 */
function identifyingValues(db: DbOrTx, contact: RefugeeContact, fields: ReadonlyArray<(typeof quotedInAuditFields)[number]> = identifyingFields): string[] {
  const values: unknown[] = fields.map((f) => contact[f]);
  const entries = db
    .select({ changes: auditEntries.changes })
    .from(auditEntries)
    .where(and(eq(auditEntries.entityType, "refugee_contact"), eq(auditEntries.entityId, contact.id)))
    .all();
  for (const { changes } of entries) {
    if (!changes) continue;
    try {
      const parsed = JSON.parse(changes) as Record<string, unknown>;
      for (const f of fields) values.push(...[parsed[f]].flat());
    } catch {
      // not JSON: nothing to learn from it
    }
  }
  return searchableValues(values.filter((v): v is string => typeof v === "string"));
}

export type ErasurePreview = PersonalDataCopies & { backups: { count: number; keep: number } };

/** Tables beyond the staff records that erasers (coordinators, admins) all read. */
const readCapabilityOfTable: Partial<Record<string, Capability>> = { outbox: "readOutbox", imports: "import" };

/**
 * What the erase page shows before the user confirms: every other record, outbox message and
 * uploaded file that contains the contact's name or contact value (erasure redacts them
 * too), and the backups that will still hold the data afterwards.
 */
export function previewErasure(user: CurrentUser, id: number): ErasurePreview {
  requireCapability(user, "eraseRefugeeContacts");
  const db = getDb();
  const contact = db.select().from(refugeeContacts).where(eq(refugeeContacts.id, id)).get();
  if (!contact) throw notFound();
  const copies = findCopies(identifyingValues(db, contact), { table: "refugee_contacts", id });
  // The list names every copy; its text and link only where this user may read that kind of record.
  const records = copies.records.map((r) => {
    const needs = readCapabilityOfTable[r.table];
    return needs && !can(user, needs) ? { ...r, excerpt: null, href: null } : r;
  });
  return { records, files: copies.files, backups: { count: listBackups().length, keep: env().BACKUP_KEEP } };
}

export type ErasureResult = { ok: true; redacted: number; files: number; checkpointed: boolean } | { ok: false; reason: "alreadyErased" };

/**
 * GDPR erasure by anonymisation in place, in one transaction: personal fields replaced by a
 * neutral label, consents deleted, the contact's audit history kept but emptied of values, every
 * copy of its name or contact value in other records and the outbox redacted (each audited), and
 * its values, notes too, removed from other audit entries. Event participations stay so counts and statistics remain
 * true. After the commit, uploaded files that contain the values are removed and the WAL is
 * checkpointed and emptied, so no old page image keeps them on disk. Irreversible.
 */
export async function eraseRefugeeContact(
  user: CurrentUser,
  id: number,
  confirmation: { confirmed: true },
  ctx: WriteContext = {},
): Promise<ErasureResult> {
  requireCapability(user, "eraseRefugeeContacts");
  if (confirmation.confirmed !== true) throw new Error("Erasure needs an explicit confirmation");
  let withdrawnStories: WithdrawnStory[] = [];
  const db = getDb();
  const outcome = db.transaction((tx) => {
    const contact = tx.select().from(refugeeContacts).where(eq(refugeeContacts.id, id)).get();
    if (!contact) throw notFound();
    if (contact.erasedAt) return { ok: false, reason: "alreadyErased" } as const;
    const erasedValues = identifyingValues(tx, contact);
    const quotedValues = identifyingValues(tx, contact, quotedInAuditFields);
    const label = erasedLabel(id);
    const now = new Date().toISOString();
    tx.update(refugeeContacts)
      .set({
        name: label,
        ...refugeeContactKeys({ name: label }),
        languages: null,
        countryOfOrigin: null,
        contactChannel: null,
        contactValue: null,
        notes: null,
        erasedAt: now,
        updatedAt: now,
        version: contact.version + 1,
      })
      .where(eq(refugeeContacts.id, id))
      .run();
    tx.delete(refugeeConsents).where(eq(refugeeConsents.refugeeContactId, id)).run();
    // What they wrote when answering an invitation (access needs are health data, notes anything) goes too.
    tx.update(eventInvitations)
      .set({ accessibility: null, note: null, interpretation: "", updatedAt: now })
      .where(eq(eventInvitations.refugeeContactId, id))
      .run();
    const copies = redactCopies(tx, erasedValues, { table: "refugee_contacts", id }, { userId: user.id, ip: ctx.ip });
    scrubContactAudit(tx, id);
    redactElsewhere(tx, quotedValues);
    purgeSearchIndexes(tx, ["refugee_contacts", ...copies.touchedTables]);
    writeAudit(tx, {
      userId: user.id,
      action: "erase",
      entityType: "refugee_contact",
      entityId: id,
      detail: {
        fields: [...personalFields],
        consents: "deleted",
        redacted: copies.records.map((r) => ({ table: r.table, id: r.id, fields: r.columns })),
        files: copies.files.map((f) => ({ evidenceId: f.evidenceId, storageName: f.storageName })),
      },
      ip: ctx.ip,
    });
    // Issue 19: out of every story, and those stories withdrawn.
    withdrawnStories = withdrawStoriesNaming(tx, {
      contactId: id,
      reason: "erasure",
      userId: user.id,
      ip: ctx.ip,
      erase: { label, values: [contact.name].filter((v) => v.trim().length >= 3) },
    });
    return { ok: true, copies } as const;
  });
  if (!outcome.ok) return outcome;
  noticeStoryOwners(withdrawnStories);
  removeFiles(outcome.copies.files);
  const checkpointed = await checkpointTruncate(db);
  return { ok: true, redacted: outcome.copies.records.length, files: outcome.copies.files.length, checkpointed };
}

function scrubContactAudit(tx: DbOrTx, contactId: number) {
  const entries = tx
    .select({ id: auditEntries.id, changes: auditEntries.changes, detail: auditEntries.detail })
    .from(auditEntries)
    .where(and(eq(auditEntries.entityType, "refugee_contact"), eq(auditEntries.entityId, contactId)))
    .all();
  for (const e of entries) {
    if (e.changes === null && e.detail === null) continue;
    tx.update(auditEntries)
      .set({ changes: scrubAuditJson(e.changes), detail: scrubAuditJson(e.detail) })
      .where(eq(auditEntries.id, e.id))
      .run();
  }
}

/**
 * Any other audit entry that quotes the erased values (a search term, an import row, an earlier
 * version of a follow-up's title) loses those words too.
 */
function redactElsewhere(tx: DbOrTx, erasedValues: string[]) {
  if (!erasedValues.length) return;
  // As typed, lower-case, and as the value appears inside a JSON string (quotes and backslashes escaped).
  const needles = variantsOf(erasedValues);
  const matches = or(...needles.flatMap((n) => [sql`instr(${auditEntries.changes}, ${n}) > 0`, sql`instr(${auditEntries.detail}, ${n}) > 0`]));
  const entries = tx.select({ id: auditEntries.id, changes: auditEntries.changes, detail: auditEntries.detail }).from(auditEntries).where(matches).all();
  for (const e of entries) {
    tx.update(auditEntries)
      .set({ changes: redactAuditJson(e.changes, erasedValues), detail: redactAuditJson(e.detail, erasedValues) })
      .where(eq(auditEntries.id, e.id))
      .run();
  }
}

// ---------------------------------------------------------------- event participation

function requireEvent(db: DbOrTx, eventId: number) {
  const event = db.select({ id: events.id, title: events.title, startsOn: events.startsOn }).from(events).where(eq(events.id, eventId)).get();
  if (!event) throw notFound();
  return event;
}

export type EventRefugeeParticipant = {
  participantId: number;
  contactId: number;
  name: string;
  erased: boolean;
  role: RefugeeParticipantRole;
  flagged: boolean;
};

function participantsOf(db: DbOrTx, eventId: number): EventRefugeeParticipant[] {
  const rows = db
    .select({
      participantId: eventParticipants.id,
      contactId: refugeeContacts.id,
      name: refugeeContacts.name,
      erasedAt: refugeeContacts.erasedAt,
      role: eventParticipants.role,
    })
    .from(eventParticipants)
    .innerJoin(refugeeContacts, eq(refugeeContacts.id, eventParticipants.refugeeContactId))
    .where(eq(eventParticipants.eventId, eventId))
    .orderBy(refugeeContacts.sortKey, eventParticipants.id)
    .all();
  const today = todayIso();
  const consents = consentsByContact(db, [...new Set(rows.map((r) => r.contactId))]);
  return rows.map(({ erasedAt, role, ...r }) => ({
    ...r,
    role: role as RefugeeParticipantRole,
    erased: Boolean(erasedAt),
    flagged: isFlagged(consents.get(r.contactId) ?? [], today),
  }));
}

/**
 * What an event page may show about refugee participants: for staff, the list and (for
 * writers) the contacts that may be added; for anyone else `null`, computed from nothing.
 */
export function eventRefugeeParticipants(user: CurrentUser, eventId: number) {
  if (!can(user, "readRefugeeContacts")) return null;
  const db = getDb();
  requireEvent(db, eventId);
  const participants = participantsOf(db, eventId);
  const canWrite = can(user, "writeRefugeeContacts");
  const taken = new Set(participants.map((p) => p.contactId));
  const today = todayIso();
  const candidates = canWrite
    ? db
        .select({ id: refugeeContacts.id, name: refugeeContacts.name })
        .from(refugeeContacts)
        .where(isNull(refugeeContacts.erasedAt))
        .orderBy(refugeeContacts.sortKey)
        .all()
        .filter((c) => !taken.has(c.id))
    : [];
  const candidateConsents = consentsByContact(db, candidates.map((c) => c.id));
  return {
    eventId,
    participants,
    canWrite,
    candidates: candidates.map((c) => ({ ...c, flagged: isFlagged(candidateConsents.get(c.id) ?? [], today) })),
  };
}
export type EventRefugeeParticipantsData = NonNullable<ReturnType<typeof eventRefugeeParticipants>>;

export function eventTitleFor(user: CurrentUser, eventId: number) {
  requireCapability(user, "readRefugeeContacts");
  return requireEvent(getDb(), eventId);
}

export type ParticipationResult =
  | { ok: true }
  | { ok: false; reason: "noConsent"; missing: string[] }
  | { ok: false; reason: "erased" | "alreadyParticipant" };

/** Adds a contact to an event only with current consent for every purpose the role needs. */
export function addEventRefugeeParticipant(
  user: CurrentUser,
  eventId: number,
  input: ParticipationInput,
  ctx: WriteContext = {},
): ParticipationResult {
  requireCapability(user, "writeRefugeeContacts");
  return getDb().transaction((tx) => {
    requireEvent(tx, eventId);
    const contact = tx.select().from(refugeeContacts).where(eq(refugeeContacts.id, input.refugeeContactId)).get();
    if (!contact) throw notFound();
    if (contact.erasedAt) return { ok: false, reason: "erased" } as const;
    const missing = missingPurposesForRole(consentsOf(tx, contact.id), input.role, todayIso());
    if (missing.length) return { ok: false, reason: "noConsent", missing } as const;
    const existing = tx
      .select({ id: eventParticipants.id })
      .from(eventParticipants)
      .where(and(eq(eventParticipants.eventId, eventId), eq(eventParticipants.refugeeContactId, contact.id)))
      .get();
    if (existing) return { ok: false, reason: "alreadyParticipant" } as const;
    const created = tx
      .insert(eventParticipants)
      .values({ eventId, refugeeContactId: contact.id, role: input.role })
      .returning({ id: eventParticipants.id })
      .get();
    // Recorded on the contact, not on the event, so the event's history never names a refugee.
    writeAudit(tx, {
      userId: user.id,
      action: "participation_add",
      entityType: "refugee_contact",
      entityId: contact.id,
      detail: { eventId, participantId: created.id, role: input.role },
      ip: ctx.ip,
    });
    return { ok: true } as const;
  });
}

export function removeEventRefugeeParticipant(user: CurrentUser, eventId: number, participantId: number, ctx: WriteContext = {}): boolean {
  requireCapability(user, "writeRefugeeContacts");
  return getDb().transaction((tx) => {
    requireEvent(tx, eventId);
    const row = tx
      .select()
      .from(eventParticipants)
      .where(and(eq(eventParticipants.id, participantId), eq(eventParticipants.eventId, eventId), isNotNull(eventParticipants.refugeeContactId)))
      .get();
    if (!row) return false;
    tx.delete(eventParticipants).where(eq(eventParticipants.id, participantId)).run();
    writeAudit(tx, {
      userId: user.id,
      action: "participation_remove",
      entityType: "refugee_contact",
      entityId: row.refugeeContactId,
      detail: { eventId, participantId, role: row.role },
      ip: ctx.ip,
    });
    return true;
  });
}

// ---------------------------------------------------------------- counts for reports (no names)

export type RefugeeParticipationCounts = {
  /** Participation rows (a contact in two events counts twice). */
  participations: number;
  /** Different contacts, erased ones included: erasure does not change statistics. */
  contacts: number;
  byRole: Record<RefugeeParticipantRole, number>;
};

/** Refugee participation of one event, or of all events: numbers only, safe for managers' reports. */
export function refugeeParticipationCounts(eventId?: number): RefugeeParticipationCounts {
  const rows = getDb()
    .select({ role: eventParticipants.role, n: sql<number>`count(*)` })
    .from(eventParticipants)
    .where(and(isNotNull(eventParticipants.refugeeContactId), eventId === undefined ? undefined : eq(eventParticipants.eventId, eventId)))
    .groupBy(eventParticipants.role)
    .all();
  const byRole = Object.fromEntries(refugeeParticipantRoles.map((r) => [r, 0])) as Record<RefugeeParticipantRole, number>;
  for (const r of rows) if (r.role in byRole) byRole[r.role as RefugeeParticipantRole] = r.n;
  const contacts =
    getDb()
      .select({ n: sql<number>`count(DISTINCT ${eventParticipants.refugeeContactId})` })
      .from(eventParticipants)
      .where(and(isNotNull(eventParticipants.refugeeContactId), eventId === undefined ? undefined : eq(eventParticipants.eventId, eventId)))
      .get()?.n ?? 0;
  return { participations: rows.reduce((sum, r) => sum + r.n, 0), contacts, byRole };
}

/** Refugee participation per event (ids and numbers only). */
export function refugeeParticipationCountsByEvent(): Array<{ eventId: number; participations: number }> {
  return getDb()
    .select({ eventId: eventParticipants.eventId, participations: sql<number>`count(*)` })
    .from(eventParticipants)
    .where(isNotNull(eventParticipants.refugeeContactId))
    .groupBy(eventParticipants.eventId)
    .all();
}
