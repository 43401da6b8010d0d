// The forum report: what was promised at a forum edition (or in a period) and what was kept,
// by NIEM area, by kind and oblast of the lead organization; the partnerships involved; and how
// many refugees took part (counts only — never names).
import { and, asc, count, desc, eq, gte, inArray, isNotNull, lte, or, sql, type SQL } from "drizzle-orm";
import { requireCapability, type CurrentUser } from "../auth/access.server.ts";
import { getDb } from "../db/client.server.ts";
import { commitments, eventParticipants, events, organizations, partnerships } from "../db/schema.ts";
import {
  niemAreas,
  niemDimensionsByArea,
  oblasts,
  organizationKinds,
  partnershipKinds,
  refugeeParticipantRoles,
  type CommitmentStatus,
} from "../domain/enums.ts";
import { fulfilmentRate } from "../domain/fulfilment.ts";
import { isCommitmentOverdue } from "../domain/commitment.ts";
import { emptyStatusCounts, reportFilterFields, type Breakdown, type ReportData, type ReportFilters } from "../domain/report.ts";
import { todayIso } from "../lib/calendar-day.ts";

/** Reads the filters from the URL; a value that does not parse is dropped and reported, never guessed. */
export function parseReportFilters(url: URL): { filters: ReportFilters; errors: Record<string, string[]> } {
  const errors: Record<string, string[]> = {};
  const read = <K extends keyof typeof reportFilterFields>(name: K) => {
    const parsed = reportFilterFields[name].safeParse(url.searchParams.get(name) ?? undefined);
    if (parsed.success) return parsed.data;
    errors[name] = parsed.error.issues.map((i) => i.message);
    return undefined;
  };
  const filters: ReportFilters = {
    event: (read("event") as number | null | undefined) ?? null,
    from: (read("from") as string | null | undefined) ?? null,
    to: (read("to") as string | null | undefined) ?? null,
    basis: (read("basis") as ReportFilters["basis"] | undefined) ?? "due",
  };
  return { filters, errors };
}

/** The forum editions a report can be about, newest first. */
export function forumEditions() {
  return getDb()
    .select({ id: events.id, title: events.title, startsOn: events.startsOn })
    .from(events)
    .where(eq(events.kind, "national_forum"))
    .orderBy(desc(events.startsOn), desc(events.id))
    .all();
}

function commitmentConditions(filters: ReportFilters): SQL | undefined {
  const conditions: SQL[] = [];
  if (filters.event) conditions.push(eq(commitments.eventId, filters.event));
  // The period applies to the due date, or to the day the commitment was recorded.
  const day = filters.basis === "created" ? sql`substr(${commitments.createdAt}, 1, 10)` : sql`${commitments.dueOn}`;
  if (filters.from) conditions.push(sql`${day} >= ${filters.from}`);
  if (filters.to) conditions.push(sql`${day} <= ${filters.to}`);
  return conditions.length ? and(...conditions) : undefined;
}

type CommitmentFacts = {
  id: number;
  status: CommitmentStatus;
  statusVerified: boolean;
  dueOn: string | null;
  niemArea: string;
  niemDimension: string;
  organizationKind: string;
  oblast: string | null;
  partnershipId: number | null;
};

function breakdown(key: string, rows: CommitmentFacts[], today: string): Breakdown {
  const byStatus = emptyStatusCounts();
  let overdue = 0;
  let unverified = 0;
  for (const c of rows) {
    byStatus[c.status] += 1;
    if (isCommitmentOverdue(c, today)) overdue += 1;
    if (!c.statusVerified) unverified += 1;
  }
  return { key, made: rows.length, byStatus, overdue, unverified, rate: fulfilmentRate(byStatus) };
}

/** Groups in the order of `order` (an enumeration), keeping only groups that have commitments. */
function groupBy(rows: CommitmentFacts[], keyOf: (c: CommitmentFacts) => string, order: readonly string[], today: string): Breakdown[] {
  const groups = new Map<string, CommitmentFacts[]>();
  for (const c of rows) {
    const key = keyOf(c);
    groups.set(key, [...(groups.get(key) ?? []), c]);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => rank(order, a) - rank(order, b))
    .map(([key, members]) => breakdown(key, members, today));
}

const rank = (order: readonly string[], key: string) => (order.includes(key) ? order.indexOf(key) : order.length);

/** The whole report for the filters. Readers: admin, manager, coordinator. */
export function buildReport(user: CurrentUser, filters: ReportFilters, today = todayIso()): ReportData {
  requireCapability(user, "readReports");
  const db = getDb();
  const facts: CommitmentFacts[] = db
    .select({
      id: commitments.id,
      status: commitments.status,
      statusVerified: commitments.statusVerified,
      dueOn: commitments.dueOn,
      niemArea: commitments.niemArea,
      niemDimension: commitments.niemDimension,
      organizationKind: organizations.kind,
      oblast: organizations.oblast,
      partnershipId: commitments.partnershipId,
    })
    .from(commitments)
    .innerJoin(organizations, eq(organizations.id, commitments.leadOrganizationId))
    .where(commitmentConditions(filters))
    .all();

  const byArea = niemAreas.map((area) => breakdown(area, facts.filter((c) => c.niemArea === area), today));
  // All thirteen dimensions under their four areas, those without commitments too (a funder reads the gaps).
  const byDimension = niemAreas.map((area, i) => ({
    area: byArea[i],
    dimensions: niemDimensionsByArea[area].map((dimension) => breakdown(dimension, facts.filter((c) => c.niemDimension === dimension), today)),
  }));

  return {
    summary: breakdown("all", facts, today),
    byArea,
    byDimension,
    byOrganizationKind: groupBy(facts, (c) => c.organizationKind, organizationKinds, today),
    byOblast: groupBy(facts, (c) => c.oblast ?? "none", oblasts, today),
    partnerships: partnershipsByKindAndStatus(filters, facts),
    refugeeParticipation: refugeeParticipation(filters),
  };
}

/**
 * For a forum edition: the partnerships its commitments were made under. Without an edition:
 * every partnership, or those running in the period (started by its end, not ended before its start).
 */
function partnershipsByKindAndStatus(filters: ReportFilters, facts: CommitmentFacts[]) {
  const db = getDb();
  let where: SQL | undefined;
  if (filters.event) {
    const ids = [...new Set(facts.map((c) => c.partnershipId).filter((id): id is number => id !== null))];
    if (!ids.length) return [];
    where = inArray(partnerships.id, ids);
  } else {
    const period: SQL[] = [];
    if (filters.to) period.push(or(sql`${partnerships.startsOn} is null`, lte(partnerships.startsOn, filters.to))!);
    if (filters.from) period.push(or(sql`${partnerships.endsOn} is null`, gte(partnerships.endsOn, filters.from))!);
    where = period.length ? and(...period) : undefined;
  }
  const rows = db
    .select({ kind: partnerships.kind, status: partnerships.status, n: count() })
    .from(partnerships)
    .where(where)
    .groupBy(partnerships.kind, partnerships.status)
    .all();
  const byKind = new Map<string, Record<string, number>>();
  for (const r of rows) byKind.set(r.kind, { ...(byKind.get(r.kind) ?? {}), [r.status]: r.n });
  return [...byKind.entries()]
    .sort(([a], [b]) => rank(partnershipKinds, a) - rank(partnershipKinds, b))
    .map(([kind, byStatus]) => ({ kind, byStatus, total: Object.values(byStatus).reduce((a, b) => a + b, 0) }));
}

/** Refugee participants by role (no names): at the edition, or at events that started in the period. */
function refugeeParticipation(filters: ReportFilters) {
  const conditions: SQL[] = [isNotNull(eventParticipants.refugeeContactId)];
  if (filters.event) conditions.push(eq(eventParticipants.eventId, filters.event));
  else {
    if (filters.from) conditions.push(gte(events.startsOn, filters.from));
    if (filters.to) conditions.push(lte(events.startsOn, filters.to));
  }
  const rows = getDb()
    .select({ role: eventParticipants.role, count: count() })
    .from(eventParticipants)
    .innerJoin(events, eq(events.id, eventParticipants.eventId))
    .where(and(...conditions))
    .groupBy(eventParticipants.role)
    .orderBy(asc(eventParticipants.role))
    .all();
  return rows.sort((a, b) => rank(refugeeParticipantRoles, a.role) - rank(refugeeParticipantRoles, b.role));
}
