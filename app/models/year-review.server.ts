// The year in review of a national forum edition (issue 19): the commitments of the previous
// edition (made there, or carried over to it) and what became of them; the highlights (chosen by
// a rule, curated by a coordinator); what was carried over to this edition; the year's new
// partnerships; and the integration stories told at this edition (published ones only).
import { aliasedTable, and, asc, desc, eq, gt, inArray, isNotNull, lt, lte, or, sql } from "drizzle-orm";
import { notFound, requireCapability, type CurrentUser } from "../auth/access.server.ts";
import { getDb, type DbOrTx } from "../db/client.server.ts";
import {
  commitmentCoPledgers,
  commitments,
  commitmentUpdates,
  events,
  evidenceFiles,
  organizations,
  partnershipMembers,
  partnerships,
  reviewHighlights,
  stories,
  storyOrganizations,
  storyPeople,
} from "../db/schema.ts";
import {
  commitmentStatuses,
  niemAreas,
  niemDimensions,
  oblasts,
  organizationKinds,
  type CommitmentStatus,
} from "../domain/enums.ts";
import { fulfilmentRate } from "../domain/fulfilment.ts";
import type { HighlightInput, ReviewCommitment, ReviewGroup, ReviewHighlight, YearReview } from "../domain/year-review.ts";
import { addDays } from "../lib/calendar-day.ts";
import { writeAudit } from "./audit.server.ts";
import type { WriteContext } from "./record-write.server.ts";
import { consentRefusals } from "./stories.server.ts";

// ---------------------------------------------------------------- which editions

type Edition = { id: number; title: string; startsOn: string; place: string | null };

/** A national forum edition, or 404 (other events have no year in review). */
function forumEdition(db: DbOrTx, eventId: number): Edition {
  const edition = db
    .select({ id: events.id, title: events.title, startsOn: events.startsOn, place: events.place, kind: events.kind })
    .from(events)
    .where(eq(events.id, eventId))
    .get();
  if (!edition || edition.kind !== "national_forum") throw notFound();
  return { id: edition.id, title: edition.title, startsOn: edition.startsOn, place: edition.place };
}

/** The national forum edition held last before this one (by date, then id), if any. */
function previousEdition(db: DbOrTx, edition: Edition) {
  return (
    db
      .select({ id: events.id, title: events.title, startsOn: events.startsOn })
      .from(events)
      .where(
        and(
          eq(events.kind, "national_forum"),
          or(lt(events.startsOn, edition.startsOn), and(eq(events.startsOn, edition.startsOn), lt(events.id, edition.id))),
        ),
      )
      .orderBy(desc(events.startsOn), desc(events.id))
      .get() ?? null
  );
}

/** Whether this event has a year in review (a national forum edition): for the event page's link. */
export function hasYearReview(kind: string): boolean {
  return kind === "national_forum";
}

// ---------------------------------------------------------------- the figures

type Fact = ReviewCommitment & {
  niemArea: string;
  organizationKind: string;
  oblast: string | null;
  sortKey: string;
  carriedIn: boolean;
};

function emptyCounts(): Record<CommitmentStatus, number> {
  return Object.fromEntries(commitmentStatuses.map((s) => [s, 0])) as Record<CommitmentStatus, number>;
}

function group(key: string, facts: Fact[]): ReviewGroup {
  const byStatus = emptyCounts();
  const selfReportedByStatus = emptyCounts();
  for (const f of facts) {
    byStatus[f.status] += 1;
    if (!f.statusVerified) selfReportedByStatus[f.status] += 1;
  }
  const selfReported = Object.values(selfReportedByStatus).reduce((a, b) => a + b, 0);
  return { key, made: facts.length, byStatus, selfReportedByStatus, selfReported, rate: fulfilmentRate(byStatus) };
}

/** Groups by `keyOf`, in the order of the enumeration; `all`: every value even without commitments. */
function groups(facts: Fact[], keyOf: (f: Fact) => string, order: readonly string[], all = false): ReviewGroup[] {
  const keys = all ? [...order] : [...new Set(facts.map(keyOf))].sort((a, b) => rank(order, a) - rank(order, b));
  return keys.map((key) => group(key, facts.filter((f) => keyOf(f) === key)));
}

const rank = (order: readonly string[], key: string) => (order.includes(key) ? order.indexOf(key) : order.length);

function commitmentFacts(db: DbOrTx, where: ReturnType<typeof eq>): Fact[] {
  const rows = db
    .select({
      id: commitments.id,
      title: commitments.title,
      sortKey: commitments.sortKey,
      leadName: organizations.name,
      status: commitments.status,
      statusVerified: commitments.statusVerified,
      niemDimension: commitments.niemDimension,
      niemArea: commitments.niemArea,
      organizationKind: organizations.kind,
      oblast: organizations.oblast,
      carriedOverFromId: commitments.carriedOverFromId,
    })
    .from(commitments)
    .innerJoin(organizations, eq(organizations.id, commitments.leadOrganizationId))
    .where(where)
    .orderBy(asc(commitments.sortKey), asc(commitments.id))
    .all();
  const coPledgers = coPledgerNames(db, rows.map((r) => r.id));
  return rows.map(({ carriedOverFromId, ...r }) => ({ ...r, coPledgers: coPledgers.get(r.id) ?? [], carriedIn: carriedOverFromId !== null }));
}

function coPledgerNames(db: DbOrTx, ids: number[]): Map<number, string[]> {
  const names = new Map<number, string[]>();
  if (!ids.length) return names;
  const rows = db
    .select({ commitmentId: commitmentCoPledgers.commitmentId, name: organizations.name })
    .from(commitmentCoPledgers)
    .innerJoin(organizations, eq(organizations.id, commitmentCoPledgers.organizationId))
    .where(sql`${commitmentCoPledgers.commitmentId} IN (SELECT value FROM json_each(${JSON.stringify(ids)}))`)
    .orderBy(asc(organizations.sortKey))
    .all();
  for (const r of rows) names.set(r.commitmentId, [...(names.get(r.commitmentId) ?? []), r.name]);
  return names;
}

const toCommitment = (f: Fact): ReviewCommitment => ({
  id: f.id,
  title: f.title,
  leadName: f.leadName,
  coPledgers: f.coPledgers,
  status: f.status,
  statusVerified: f.statusVerified,
  niemDimension: f.niemDimension,
});

// ---------------------------------------------------------------- highlights

/**
 * The highlight rule: fulfilled, verified, and with evidence (a link or a file) on an update that
 * is BCRM's own or a partner report a coordinator verified. The first such evidence, per commitment.
 */
function verifiedEvidence(db: DbOrTx, ids: number[]) {
  const evidence = new Map<number, { url: string | null; fileId: number | null; fileName: string | null }>();
  if (!ids.length) return evidence;
  const rows = db
    .select({
      commitmentId: commitmentUpdates.commitmentId,
      url: commitmentUpdates.evidenceUrl,
      fileId: commitmentUpdates.evidenceFileId,
      fileName: evidenceFiles.originalName,
    })
    .from(commitmentUpdates)
    .leftJoin(evidenceFiles, eq(evidenceFiles.id, commitmentUpdates.evidenceFileId))
    .where(
      and(
        sql`${commitmentUpdates.commitmentId} IN (SELECT value FROM json_each(${JSON.stringify(ids)}))`,
        or(isNotNull(commitmentUpdates.evidenceUrl), isNotNull(commitmentUpdates.evidenceFileId)),
        or(sql`${commitmentUpdates.partnerOrganizationId} IS NULL`, isNotNull(commitmentUpdates.verifiedAt)),
      ),
    )
    .orderBy(desc(commitmentUpdates.createdAt), desc(commitmentUpdates.id))
    .all();
  for (const r of rows) if (!evidence.has(r.commitmentId)) evidence.set(r.commitmentId, { url: r.url, fileId: r.fileId, fileName: r.fileName });
  return evidence;
}

type HighlightRow = typeof reviewHighlights.$inferSelect;

function highlightRows(db: DbOrTx, eventId: number): Map<number, HighlightRow> {
  return new Map(db.select().from(reviewHighlights).where(eq(reviewHighlights.eventId, eventId)).all().map((r) => [r.commitmentId, r]));
}

/**
 * The highlights in their order: the rule's choices (in NIEM area order, then by title) that the
 * coordinator did not exclude, and those they included by hand; a coordinator's positions first.
 * Also returns what may still be included (everything else of the reviewed commitments).
 */
function assembleHighlights(facts: Fact[], evidence: ReturnType<typeof verifiedEvidence>, rows: Map<number, HighlightRow>) {
  const byRule = (f: Fact) => f.status === "fulfilled" && f.statusVerified && evidence.has(f.id);
  const areaRank = (f: Fact) => rank(niemAreas, f.niemArea);
  const ordered = [...facts].sort((a, b) => areaRank(a) - areaRank(b) || (a.sortKey < b.sortKey ? -1 : a.sortKey > b.sortKey ? 1 : a.id - b.id));
  const shown = ordered
    .map((f, index) => ({ f, index, row: rows.get(f.id), auto: byRule(f) }))
    .filter(({ row, auto }) => (row?.choice === "exclude" ? false : auto || row?.choice === "include"));
  shown.sort((a, b) => (a.row?.position ?? Number.MAX_SAFE_INTEGER) - (b.row?.position ?? Number.MAX_SAFE_INTEGER) || a.index - b.index);
  const highlights: ReviewHighlight[] = shown.map(({ f, row, auto }) => ({
    ...toCommitment(f),
    caption: row?.caption ?? null,
    auto,
    evidence: evidence.get(f.id) ?? null,
  }));
  const shownIds = new Set(highlights.map((h) => h.id));
  const candidates = ordered.filter((f) => !shownIds.has(f.id)).map((f) => ({ ...toCommitment(f), byRule: byRule(f) }));
  return { highlights, candidates };
}

// ---------------------------------------------------------------- the review

function buildReview(db: DbOrTx, edition: Edition, now: Date) {
  const previous = previousEdition(db, edition);
  // The year reviewed: since the previous edition (or the 365 days before this one, for the first).
  const after = previous?.startsOn ?? addDays(edition.startsOn, -365);
  const facts = previous ? commitmentFacts(db, eq(commitments.eventId, previous.id)) : [];
  const evidence = verifiedEvidence(
    db,
    facts.filter((f) => f.status === "fulfilled" && f.statusVerified).map((f) => f.id),
  );
  const rows = highlightRows(db, edition.id);
  // Included by hand may be any reviewed commitment: its evidence is shown when there is some.
  for (const [id, e] of verifiedEvidence(db, [...rows.keys()].filter((id) => !evidence.has(id)))) evidence.set(id, e);
  const { highlights, candidates } = assembleHighlights(facts, evidence, rows);

  const carriedFrom = aliasedTable(commitments, "carried_from");
  const fromEvent = aliasedTable(events, "from_event");
  const carriedRows = db
    .select({ id: commitments.id, fromId: carriedFrom.id, fromTitle: carriedFrom.title, fromEventTitle: fromEvent.title })
    .from(commitments)
    .innerJoin(carriedFrom, eq(carriedFrom.id, commitments.carriedOverFromId))
    .leftJoin(fromEvent, eq(fromEvent.id, carriedFrom.eventId))
    .where(eq(commitments.eventId, edition.id))
    .all();
  const carriedFacts = new Map(
    (carriedRows.length ? commitmentFacts(db, inArray(commitments.id, carriedRows.map((r) => r.id)) as ReturnType<typeof eq>) : []).map((f) => [f.id, f]),
  );
  const carriedOver = carriedRows
    .map((r) => ({ ...toCommitment(carriedFacts.get(r.id)!), fromId: r.fromId, fromTitle: r.fromTitle, fromEventTitle: r.fromEventTitle }))
    .sort((a, b) => a.title.localeCompare(b.title, "bg"));

  const partnershipRows = db
    .select({ id: partnerships.id, title: partnerships.title, kind: partnerships.kind, status: partnerships.status, startsOn: partnerships.startsOn })
    .from(partnerships)
    .where(and(gt(partnerships.startsOn, after), lte(partnerships.startsOn, edition.startsOn)))
    .orderBy(asc(partnerships.startsOn), asc(partnerships.sortKey), asc(partnerships.id))
    .all();
  const members = new Map<number, string[]>();
  if (partnershipRows.length) {
    for (const m of db
      .select({ partnershipId: partnershipMembers.partnershipId, name: organizations.name })
      .from(partnershipMembers)
      .innerJoin(organizations, eq(organizations.id, partnershipMembers.organizationId))
      .where(inArray(partnershipMembers.partnershipId, partnershipRows.map((p) => p.id)))
      .orderBy(asc(organizations.sortKey))
      .all()) {
      members.set(m.partnershipId, [...(members.get(m.partnershipId) ?? []), m.name]);
    }
  }

  // Published, and everyone in it still consents today: a consent that lapsed (expired) keeps the
  // story out of the review until it is renewed; a withdrawn one has withdrawn the story already.
  const storyRows = db
    .select({ id: stories.id, title: stories.title, summary: stories.summary })
    .from(stories)
    .where(and(eq(stories.eventId, edition.id), eq(stories.state, "published")))
    .orderBy(asc(stories.sortKey), asc(stories.id))
    .all()
    .filter((story) => {
      const people = db.select({ id: storyPeople.refugeeContactId }).from(storyPeople).where(eq(storyPeople.storyId, story.id)).all().map((r) => r.id);
      return consentRefusals(db, people).length === 0;
    });
  const storyOrgs = new Map<number, string[]>();
  if (storyRows.length) {
    for (const o of db
      .select({ storyId: storyOrganizations.storyId, name: organizations.name })
      .from(storyOrganizations)
      .innerJoin(organizations, eq(organizations.id, storyOrganizations.organizationId))
      .where(inArray(storyOrganizations.storyId, storyRows.map((s) => s.id)))
      .orderBy(asc(organizations.sortKey))
      .all()) {
      storyOrgs.set(o.storyId, [...(storyOrgs.get(o.storyId) ?? []), o.name]);
    }
  }

  const review: YearReview = {
    edition,
    previous,
    period: { after, to: edition.startsOn },
    dataAsOf: now.toISOString(),
    summary: { ...group("all", facts), carriedIn: facts.filter((f) => f.carriedIn).length, joint: facts.filter((f) => f.coPledgers.length > 0).length },
    byArea: groups(facts, (f) => f.niemArea, niemAreas, true),
    byDimension: groups(facts, (f) => f.niemDimension, niemDimensions),
    byOrganizationKind: groups(facts, (f) => f.organizationKind, organizationKinds),
    byOblast: groups(facts, (f) => f.oblast ?? "none", oblasts),
    jointPledges: facts.filter((f) => f.coPledgers.length > 0).map(toCommitment),
    highlights,
    carriedOver,
    newPartnerships: partnershipRows.map((p) => ({ ...p, members: members.get(p.id) ?? [] })),
    stories: storyRows.map((s) => ({ ...s, organizations: storyOrgs.get(s.id) ?? [] })),
  };
  return { review, candidates };
}

/** The review of a forum edition, for staff. `candidates`: what a coordinator may still add to the highlights. */
export function getYearReview(user: CurrentUser, eventId: number, now = new Date()) {
  requireCapability(user, "readYearReview");
  const db = getDb();
  return buildReview(db, forumEdition(db, eventId), now);
}

// ---------------------------------------------------------------- curating the highlights

export type HighlightEditResult = { ok: true } | { ok: false; error: "notInReview" | "notShown" | "notCandidate" };

/**
 * One coordinator edit of the highlights: exclude or include a commitment of the reviewed edition,
 * move one up or down, or set its caption. One transaction with its audit entry on the event.
 */
export function editHighlight(user: CurrentUser, eventId: number, input: HighlightInput, ctx: WriteContext = {}): HighlightEditResult {
  requireCapability(user, "editYearReview");
  return getDb().transaction((tx) => {
    const edition = forumEdition(tx, eventId);
    const { review, candidates } = buildReview(tx, edition, new Date());
    const shownIds = review.highlights.map((h) => h.id);
    const inReview = shownIds.includes(input.commitmentId) || candidates.some((c) => c.id === input.commitmentId);
    if (!inReview) return { ok: false, error: "notInReview" } as const;
    const rows = highlightRows(tx, eventId);
    const before = rows.get(input.commitmentId) ?? null;
    const upsert = (commitmentId: number, set: Partial<Pick<HighlightRow, "choice" | "position" | "caption">>) => {
      const values = { updatedById: user.id, updatedAt: new Date().toISOString(), ...set };
      tx.insert(reviewHighlights)
        .values({ eventId, commitmentId, ...values })
        .onConflictDoUpdate({ target: [reviewHighlights.eventId, reviewHighlights.commitmentId], set: values })
        .run();
    };
    const shown = shownIds.includes(input.commitmentId);
    const auto = review.highlights.find((h) => h.id === input.commitmentId)?.auto ?? candidates.find((c) => c.id === input.commitmentId)?.byRule ?? false;
    let changes: Record<string, [unknown, unknown]>;
    switch (input.intent) {
      case "exclude":
        if (!shown) return { ok: false, error: "notShown" } as const;
        upsert(input.commitmentId, { choice: "exclude", position: null });
        changes = { choice: [before?.choice ?? null, "exclude"] };
        break;
      case "include": {
        if (shown) return { ok: false, error: "notCandidate" } as const;
        // Back to the rule when the rule would show it anyway; otherwise included by hand, at the end.
        upsert(input.commitmentId, { choice: auto ? null : "include", position: null });
        changes = { choice: [before?.choice ?? null, auto ? null : "include"] };
        break;
      }
      case "moveUp":
      case "moveDown": {
        if (!shown) return { ok: false, error: "notShown" } as const;
        const order = [...shownIds];
        const from = order.indexOf(input.commitmentId);
        const to = input.intent === "moveUp" ? from - 1 : from + 1;
        if (to < 0 || to >= order.length) return { ok: true } as const;
        [order[from], order[to]] = [order[to]!, order[from]!];
        // The whole order is written down, so later rule changes add at the end instead of reshuffling.
        order.forEach((commitmentId, index) => upsert(commitmentId, { position: index + 1 }));
        changes = { position: [from + 1, to + 1] };
        break;
      }
      case "caption":
        if (!shown) return { ok: false, error: "notShown" } as const;
        upsert(input.commitmentId, { caption: input.caption });
        changes = { caption: [before?.caption ?? null, input.caption] };
        break;
    }
    writeAudit(tx, {
      userId: user.id,
      action: "review_highlight",
      entityType: "event",
      entityId: eventId,
      changes,
      detail: { commitmentId: input.commitmentId, intent: input.intent },
      ip: ctx.ip,
    });
    return { ok: true } as const;
  });
}
