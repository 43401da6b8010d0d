// Integration stories (issue 19): staff only. A story names refugee contacts only while each has a
// current «story publication» consent (what "current" means is refugee-consent.server.ts's rule);
// its publication state moves only along app/domain/story.ts's table. Every write runs in one
// transaction with its audit entry. Withdrawal on consent withdrawal / erasure: story-withdrawal.server.ts.
import fs from "node:fs";
import { and, asc, desc, eq, inArray, sql, type SQL } from "drizzle-orm";
import { notFound, requireCapability, type CurrentUser } from "../auth/access.server.ts";
import { getDb, type DbOrTx, type Tx } from "../db/client.server.ts";
import { storyKeys } from "../db/derived.ts";
import { events, evidenceFiles, organizations, refugeeContacts, stories, storyFiles, storyOrganizations, storyPeople, users } from "../db/schema.ts";
import type { StoryState } from "../domain/enums.ts";
import { canMoveStory, statesNeedingConsent, storyEditable, storyListSpec, storyTransitions, type StoryConsentProblem, type StoryInput } from "../domain/story.ts";
import type { FieldErrors } from "../lib/forms.ts";
import { parseListParams } from "../lib/list-params.ts";
import { changedFields, writeAudit } from "./audit.server.ts";
import { changeHistoryOf } from "./audit-view.server.ts";
import { storeEvidenceFile, type EvidenceCheck } from "./evidence.server.ts";
import { checkReferences, OWNER_ROLES, pickerChoices, userChoices } from "./link-choices.server.ts";
import { matchesQuery, orderBy, pageOffset, type Page } from "./query.server.ts";
import type { WriteContext } from "./record-write.server.ts";
import { consentsByContact, isCurrentConsent, purposesOf, todayIso, type ConsentRecord } from "./refugee-consent.server.ts";

export type Story = typeof stories.$inferSelect;

function requireStoryRead(user: CurrentUser) {
  requireCapability(user, "readStories");
}
function requireStoryWrite(user: CurrentUser) {
  requireCapability(user, "writeStories");
}

// ---------------------------------------------------------------- consent of the people in a story

export type ConsentRefusal = { id: number; name: string; problem: StoryConsentProblem };

/** Why a contact may not be named, from their consent records; null when they may. */
export function storyConsentProblem(consents: ConsentRecord[], erased: boolean, today: string): StoryConsentProblem | null {
  if (erased) return "erased";
  const forStories = consents.filter((c) => purposesOf(c).includes("story_publication"));
  if (forStories.some((c) => isCurrentConsent(c, "story_publication", today))) return null;
  if (!forStories.length) return "none";
  if (forStories.some((c) => c.withdrawnOn)) return "withdrawn";
  if (forStories.some((c) => c.expiresOn && c.expiresOn < today)) return "expired";
  return "notYetValid";
}

/** The contacts among `ids` who may not be named in a story today, each with the reason. */
export function consentRefusals(db: DbOrTx, ids: number[], today = todayIso()): ConsentRefusal[] {
  if (!ids.length) return [];
  const contacts = db
    .select({ id: refugeeContacts.id, name: refugeeContacts.name, erasedAt: refugeeContacts.erasedAt })
    .from(refugeeContacts)
    .where(inArray(refugeeContacts.id, ids))
    .all();
  const consents = consentsByContact(db, ids);
  const refusals: ConsentRefusal[] = [];
  for (const c of contacts) {
    const problem = storyConsentProblem(consents.get(c.id) ?? [], Boolean(c.erasedAt), today);
    if (problem) refusals.push({ id: c.id, name: c.name, problem });
  }
  return refusals;
}

// ---------------------------------------------------------------- list

export type StoryListParams = ReturnType<typeof parseStoryListParams>;
export const parseStoryListParams = (url: URL | URLSearchParams) => parseListParams(url, storyListSpec);

const sortColumns = { title: stories.sortKey, updated: stories.updatedAt, state: stories.state };

export type StoryRow = Pick<Story, "id" | "title" | "state" | "updatedAt"> & { eventTitle: string | null; people: number };

export function listStories(user: CurrentUser, params: StoryListParams): Page<StoryRow> {
  requireStoryRead(user);
  const db = getDb();
  const where: SQL | undefined = and(
    params.filters.state ? eq(stories.state, params.filters.state) : undefined,
    params.filters.event ? eq(stories.eventId, params.filters.event) : undefined,
    matchesQuery(stories.searchKey, params.q),
  );
  const rows = db
    .select({
      id: stories.id,
      title: stories.title,
      state: stories.state,
      updatedAt: stories.updatedAt,
      eventTitle: events.title,
      people: sql<number>`(SELECT count(*) FROM ${storyPeople} WHERE ${storyPeople.storyId} = ${stories.id})`,
    })
    .from(stories)
    .leftJoin(events, eq(events.id, stories.eventId))
    .where(where)
    .orderBy(...orderBy(sortColumns[params.sort], params.dir, stories.id))
    .limit(params.perPage)
    .offset(pageOffset(params.page, params.perPage))
    .all();
  const total = db.select({ n: sql<number>`count(*)` }).from(stories).where(where).get()?.n ?? 0;
  return { rows, total };
}

// ---------------------------------------------------------------- read

export type StoryWithLinks = Story & { refugeeContactIds: number[]; organizationIds: number[] };

function linksOf(db: DbOrTx, storyId: number) {
  return {
    refugeeContactIds: db.select({ id: storyPeople.refugeeContactId }).from(storyPeople).where(eq(storyPeople.storyId, storyId)).all().map((r) => r.id).sort((a, b) => a - b),
    organizationIds: db.select({ id: storyOrganizations.organizationId }).from(storyOrganizations).where(eq(storyOrganizations.storyId, storyId)).all().map((r) => r.id).sort((a, b) => a - b),
  };
}

function withLinks(db: DbOrTx, story: Story): StoryWithLinks {
  return { ...story, ...linksOf(db, story.id) };
}

/** The story with the ids of its people and organizations (for the edit form). */
export function getStory(user: CurrentUser, id: number): StoryWithLinks {
  requireStoryRead(user);
  const db = getDb();
  const story = db.select().from(stories).where(eq(stories.id, id)).get();
  if (!story) throw notFound();
  return withLinks(db, story);
}

/**
 * Everything the story page shows. The people in a story are special-category data: opening a
 * story that names anyone is an audited view, like opening a refugee contact.
 */
export function getStoryDetail(user: CurrentUser, id: number, ctx: WriteContext = {}) {
  const story = getStory(user, id);
  const db = getDb();
  const today = todayIso();
  const contacts = story.refugeeContactIds.length
    ? db
        .select({ id: refugeeContacts.id, name: refugeeContacts.name, erasedAt: refugeeContacts.erasedAt })
        .from(refugeeContacts)
        .where(inArray(refugeeContacts.id, story.refugeeContactIds))
        .orderBy(asc(refugeeContacts.sortKey))
        .all()
    : [];
  const refusals = new Map(consentRefusals(db, story.refugeeContactIds, today).map((r) => [r.id, r.problem]));
  if (contacts.length) {
    writeAudit(db, { userId: user.id, action: "view", entityType: "story", entityId: id, detail: { refugeeContactIds: story.refugeeContactIds }, ip: ctx.ip });
  }
  const orgs = story.organizationIds.length
    ? db.select({ id: organizations.id, name: organizations.name }).from(organizations).where(inArray(organizations.id, story.organizationIds)).orderBy(asc(organizations.sortKey)).all()
    : [];
  const event = story.eventId ? (db.select({ id: events.id, title: events.title, startsOn: events.startsOn }).from(events).where(eq(events.id, story.eventId)).get() ?? null) : null;
  const owner = story.ownerId ? (db.select({ id: users.id, name: users.name }).from(users).where(eq(users.id, story.ownerId)).get() ?? null) : null;
  return {
    story,
    people: contacts.map((c) => ({ id: c.id, name: c.name, erased: Boolean(c.erasedAt), consentProblem: refusals.get(c.id) ?? null })),
    organizations: orgs,
    event,
    owner,
    files: filesOf(db, id),
    moves: storyTransitions[story.state],
    editable: storyEditable(story.state),
    history: changeHistoryOf(user, "story", id),
  };
}

function filesOf(db: DbOrTx, storyId: number) {
  return db
    .select({ id: evidenceFiles.id, originalName: evidenceFiles.originalName, mimeType: evidenceFiles.mimeType, size: evidenceFiles.size })
    .from(storyFiles)
    .innerJoin(evidenceFiles, eq(evidenceFiles.id, storyFiles.evidenceFileId))
    .where(eq(storyFiles.storyId, storyId))
    .orderBy(asc(evidenceFiles.id))
    .all();
}

/** What the story form offers: refugee contacts (not erased), organizations, forum editions and events, owners. */
export function storyFormChoices(user: CurrentUser, selectedOrganizations: number[] = []) {
  requireStoryWrite(user);
  const db = getDb();
  const today = todayIso();
  const contacts = db
    .select({ id: refugeeContacts.id, name: refugeeContacts.name })
    .from(refugeeContacts)
    .where(sql`${refugeeContacts.erasedAt} IS NULL`)
    .orderBy(asc(refugeeContacts.sortKey), asc(refugeeContacts.id))
    .all();
  const refusals = new Map(consentRefusals(db, contacts.map((c) => c.id), today).map((r) => [r.id, r.problem]));
  return {
    people: contacts.map((c) => ({ id: c.id, label: c.name, consentProblem: refusals.get(c.id) ?? null })),
    organizations: pickerChoices("organizations", selectedOrganizations),
    events: db
      .select({ id: events.id, title: events.title, startsOn: events.startsOn, kind: events.kind })
      .from(events)
      .orderBy(sql`${events.kind} <> 'national_forum'`, desc(events.startsOn), desc(events.id))
      .all()
      .map((e) => ({ id: e.id, label: `${e.title} (${e.startsOn})` })),
    owners: userChoices(OWNER_ROLES),
  };
}

// ---------------------------------------------------------------- write

export type StoryWriteResult =
  | { ok: true; id: number }
  | { ok: false; reason: "invalid"; errors: FieldErrors; refusals: ConsentRefusal[] }
  | { ok: false; reason: "notEditable" }
  | { ok: false; reason: "stale"; current: StoryWithLinks };

/** Field errors for references that do not exist and for people without a current consent. */
function checkStoryInput(db: DbOrTx, input: StoryInput): { errors: FieldErrors; refusals: ConsentRefusal[] } {
  const errors = checkReferences([
    ["eventId", "event", input.eventId],
    ["ownerId", "owner", input.ownerId],
    ...input.organizationIds.map((id) => ["organizationIds", "organization", id] as [string, "organization", number]),
  ]);
  const known = new Set(
    input.refugeeContactIds.length
      ? db.select({ id: refugeeContacts.id }).from(refugeeContacts).where(inArray(refugeeContacts.id, input.refugeeContactIds)).all().map((r) => r.id)
      : [],
  );
  if (input.refugeeContactIds.some((id) => !known.has(id))) (errors.refugeeContactIds ??= []).push("invalidChoice");
  const refusals = consentRefusals(db, input.refugeeContactIds.filter((id) => known.has(id)));
  if (refusals.length) (errors.refugeeContactIds ??= []).push("storyConsentMissing");
  for (const field of Object.keys(errors)) errors[field] = [...new Set(errors[field])];
  return { errors, refusals };
}

function columnsOf(input: StoryInput) {
  return {
    title: input.title,
    summary: input.summary,
    body: input.body,
    eventId: input.eventId,
    ownerId: input.ownerId,
    ...storyKeys(input),
  };
}

function setLinks(tx: Tx, storyId: number, input: StoryInput) {
  tx.delete(storyPeople).where(eq(storyPeople.storyId, storyId)).run();
  tx.delete(storyOrganizations).where(eq(storyOrganizations.storyId, storyId)).run();
  if (input.refugeeContactIds.length) tx.insert(storyPeople).values(input.refugeeContactIds.map((refugeeContactId) => ({ storyId, refugeeContactId }))).run();
  if (input.organizationIds.length) tx.insert(storyOrganizations).values(input.organizationIds.map((organizationId) => ({ storyId, organizationId }))).run();
}

/** A new story, in draft. The people named must each have a current «story publication» consent. */
export function createStory(user: CurrentUser, input: StoryInput, ctx: WriteContext = {}): StoryWriteResult {
  requireStoryWrite(user);
  return getDb().transaction((tx) => {
    const { errors, refusals } = checkStoryInput(tx, input);
    if (Object.keys(errors).length) return { ok: false, reason: "invalid", errors, refusals } as const;
    const created = tx
      .insert(stories)
      .values({ ...columnsOf(input), ownerId: input.ownerId ?? user.id, state: "draft", createdById: user.id })
      .returning({ id: stories.id })
      .get();
    setLinks(tx, created.id, input);
    writeAudit(tx, {
      userId: user.id,
      action: "create",
      entityType: "story",
      entityId: created.id,
      changes: { title: input.title, eventId: input.eventId, ownerId: input.ownerId ?? user.id, state: "draft", refugeeContactIds: input.refugeeContactIds, organizationIds: input.organizationIds },
      ip: ctx.ip,
    });
    return { ok: true, id: created.id } as const;
  });
}

/** Saves the form over the version read; only a draft's content may change. */
export function updateStory(user: CurrentUser, id: number, expectedVersion: number, input: StoryInput, ctx: WriteContext = {}): StoryWriteResult {
  requireStoryWrite(user);
  return getDb().transaction((tx) => {
    const before = tx.select().from(stories).where(eq(stories.id, id)).get();
    if (!before) throw notFound();
    if (before.version !== expectedVersion) return { ok: false, reason: "stale", current: withLinks(tx, before) } as const;
    if (!storyEditable(before.state)) return { ok: false, reason: "notEditable" } as const;
    const { errors, refusals } = checkStoryInput(tx, input);
    if (Object.keys(errors).length) return { ok: false, reason: "invalid", errors, refusals } as const;
    const links = linksOf(tx, id);
    const values = columnsOf(input);
    const { sortKey: _s, searchKey: _k, ...audited } = values;
    const changes: Record<string, [unknown, unknown]> = changedFields(before as Record<string, unknown>, audited);
    const after = { refugeeContactIds: [...input.refugeeContactIds].sort((a, b) => a - b), organizationIds: [...input.organizationIds].sort((a, b) => a - b) };
    for (const key of ["refugeeContactIds", "organizationIds"] as const) {
      if (JSON.stringify(links[key]) !== JSON.stringify(after[key])) changes[key] = [links[key], after[key]];
    }
    tx.update(stories).set({ ...values, updatedAt: new Date().toISOString(), version: before.version + 1 }).where(eq(stories.id, id)).run();
    setLinks(tx, id, input);
    writeAudit(tx, { userId: user.id, action: "update", entityType: "story", entityId: id, changes, ip: ctx.ip });
    return { ok: true, id } as const;
  });
}

export type StoryMoveResult =
  | { ok: true }
  | { ok: false; reason: "notAllowed" | "stale" }
  | { ok: false; reason: "consent"; refusals: ConsentRefusal[] };

/** Moves the story to another publication state, if the table allows it and (for approval/publication) every person still consents. */
export function moveStory(user: CurrentUser, id: number, expectedVersion: number, to: StoryState, ctx: WriteContext = {}): StoryMoveResult {
  requireStoryWrite(user);
  return getDb().transaction((tx) => {
    const before = tx.select().from(stories).where(eq(stories.id, id)).get();
    if (!before) throw notFound();
    if (before.version !== expectedVersion) return { ok: false, reason: "stale" } as const;
    if (!canMoveStory(before.state, to)) return { ok: false, reason: "notAllowed" } as const;
    if (statesNeedingConsent.includes(to)) {
      const refusals = consentRefusals(tx, linksOf(tx, id).refugeeContactIds);
      if (refusals.length) return { ok: false, reason: "consent", refusals } as const;
    }
    const now = new Date().toISOString();
    tx.update(stories)
      .set({
        state: to,
        publishedAt: to === "published" ? now : before.publishedAt,
        withdrawnAt: to === "withdrawn" ? now : to === "draft" ? null : before.withdrawnAt,
        withdrawnReason: to === "withdrawn" ? "manual" : to === "draft" ? null : before.withdrawnReason,
        updatedAt: now,
        version: before.version + 1,
      })
      .where(eq(stories.id, id))
      .run();
    writeAudit(tx, { userId: user.id, action: to === "withdrawn" ? "withdraw" : "state_change", entityType: "story", entityId: id, changes: { state: [before.state, to] }, ip: ctx.ip });
    return { ok: true } as const;
  });
}

export type StoryFileResult = { ok: true } | { ok: false; reason: "notEditable" | "notFound" };

/** Attaches a checked upload (same checks as evidence: checkEvidenceFile) to a draft story. */
export function addStoryFile(user: CurrentUser, id: number, file: Extract<EvidenceCheck, { ok: true }>, ctx: WriteContext = {}): StoryFileResult {
  requireStoryWrite(user);
  let storedPath: string | null = null;
  try {
    return getDb().transaction((tx) => {
      const story = tx.select({ state: stories.state }).from(stories).where(eq(stories.id, id)).get();
      if (!story) throw notFound();
      if (!storyEditable(story.state)) return { ok: false, reason: "notEditable" } as const;
      const stored = storeEvidenceFile(tx, user.id, file);
      storedPath = stored.storedPath;
      tx.insert(storyFiles).values({ storyId: id, evidenceFileId: stored.id }).run();
      writeAudit(tx, {
        userId: user.id,
        action: "add_file",
        entityType: "story",
        entityId: id,
        changes: { file: [null, { id: stored.id, name: file.originalName, type: file.mimeType }] },
        ip: ctx.ip,
      });
      return { ok: true } as const;
    });
  } catch (error) {
    // The row is gone with the rolled-back transaction: the bytes go too.
    if (storedPath) fs.rmSync(storedPath, { force: true });
    throw error;
  }
}

/** Detaches a file from a draft story (the stored file stays, as evidence files do, for the audit trail). */
export function removeStoryFile(user: CurrentUser, id: number, evidenceFileId: number, ctx: WriteContext = {}): StoryFileResult {
  requireStoryWrite(user);
  return getDb().transaction((tx) => {
    const story = tx.select({ state: stories.state }).from(stories).where(eq(stories.id, id)).get();
    if (!story) throw notFound();
    if (!storyEditable(story.state)) return { ok: false, reason: "notEditable" } as const;
    const row = tx
      .select({ name: evidenceFiles.originalName })
      .from(storyFiles)
      .innerJoin(evidenceFiles, eq(evidenceFiles.id, storyFiles.evidenceFileId))
      .where(and(eq(storyFiles.storyId, id), eq(storyFiles.evidenceFileId, evidenceFileId)))
      .get();
    if (!row) return { ok: false, reason: "notFound" } as const;
    tx.delete(storyFiles).where(and(eq(storyFiles.storyId, id), eq(storyFiles.evidenceFileId, evidenceFileId))).run();
    writeAudit(tx, { userId: user.id, action: "remove_file", entityType: "story", entityId: id, changes: { file: [{ id: evidenceFileId, name: row.name }, null] }, ip: ctx.ip });
    return { ok: true } as const;
  });
}
