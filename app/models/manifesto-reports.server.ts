// Reports on the Manifesto process: proposals by kind of organization, NIEM dimension and
// status, the share answered, endorsements by kind and oblast over time, and the process in
// each forum year; exports of proposals with their answers and of endorsers (CSV, XLSX),
// through the report files every export uses (app/models/report-export.server.ts).
import { and, asc, eq, gt, isNull, lte, sql } from "drizzle-orm";
import { requireCapability, type CurrentUser } from "../auth/access.server.ts";
import { getDb } from "../db/client.server.ts";
import { events, manifestoEndorsements, manifestoProposals, organizations } from "../db/schema.ts";
import { niemDimensions, oblasts, organizationKinds } from "../domain/enums.ts";
import { manifestoProposalStatuses, type ManifestoExportKind, type ProposalFilters } from "../domain/manifesto.ts";
import type { ReportTable } from "../domain/report.ts";
import { enumLabel, makeTranslate, type Translate } from "../i18n/i18n.ts";
import { plainText } from "../lib/markdown.ts";
import { writeAudit } from "./audit.server.ts";
import { listEndorsements } from "./manifesto-endorsements.server.ts";
import { answeredShare, listProposals, proposalConditions } from "./manifesto-proposals.server.ts";
import { tablesToCsv, tablesToXlsx } from "./report-export.server.ts";

export type CountRow = { key: string; total: number; byStatus: Record<string, number> };

function proposalBreakdown(column: typeof manifestoProposals.organizationKind | typeof manifestoProposals.niemDimension, keys: readonly string[], filters: Partial<ProposalFilters>): CountRow[] {
  const rows = getDb()
    .select({ key: column, status: manifestoProposals.status, n: sql<number>`count(*)` })
    .from(manifestoProposals)
    .where(proposalConditions(filters))
    .groupBy(column, manifestoProposals.status)
    .all();
  return keys
    .map((key) => {
      const mine = rows.filter((r) => r.key === key);
      return {
        key,
        total: mine.reduce((sum, r) => sum + r.n, 0),
        byStatus: Object.fromEntries(manifestoProposalStatuses.map((s) => [s, mine.find((r) => r.status === s)?.n ?? 0])),
      };
    })
    .filter((r) => r.total > 0);
}

export type EndorsementTimeRow = { key: string; byYear: Record<string, number>; total: number };

export type ManifestoReport = {
  proposals: {
    total: number;
    answered: number;
    byStatus: Array<{ key: string; total: number }>;
    byKind: CountRow[];
    byDimension: CountRow[];
  };
  endorsements: {
    standing: number;
    withdrawn: number;
    years: string[];
    byKind: EndorsementTimeRow[];
    byOblast: EndorsementTimeRow[];
    /** Month by month: new endorsements and the running total (withdrawals counted when they happened). */
    byMonth: Array<{ month: string; added: number; withdrawn: number; cumulative: number }>;
  };
  forumYears: Array<{ eventId: number; title: string; from: string | null; to: string; proposals: number; answered: number; accepted: number; endorsements: number }>;
};

export function buildManifestoReport(user: CurrentUser, filters: Partial<ProposalFilters> = {}): ManifestoReport {
  requireCapability(user, "readReports");
  requireCapability(user, "readManifesto");
  const db = getDb();
  const where = proposalConditions(filters);
  const share = answeredShare(where);
  const byStatusRows = db.select({ key: manifestoProposals.status, n: sql<number>`count(*)` }).from(manifestoProposals).where(where).groupBy(manifestoProposals.status).all();

  const endorsements = db
    .select({
      kind: organizations.kind,
      oblast: organizations.oblast,
      signedOn: manifestoEndorsements.signedOn,
      withdrawnAt: manifestoEndorsements.withdrawnAt,
    })
    .from(manifestoEndorsements)
    .innerJoin(organizations, eq(organizations.id, manifestoEndorsements.organizationId))
    .all();
  const standing = endorsements.filter((e) => !e.withdrawnAt);
  const years = [...new Set(standing.map((e) => e.signedOn.slice(0, 4)))].sort();
  const overTime = (keyOf: (e: (typeof standing)[number]) => string | null, keys: readonly string[]): EndorsementTimeRow[] =>
    keys
      .map((key) => {
        const mine = standing.filter((e) => keyOf(e) === key);
        return { key, total: mine.length, byYear: Object.fromEntries(years.map((y) => [y, mine.filter((e) => e.signedOn.startsWith(y)).length])) };
      })
      .filter((r) => r.total > 0);
  const months = [...new Set(endorsements.flatMap((e) => [e.signedOn.slice(0, 7), ...(e.withdrawnAt ? [e.withdrawnAt.slice(0, 7)] : [])]))].sort();
  let running = 0;
  const byMonth = months.map((month) => {
    const added = endorsements.filter((e) => e.signedOn.startsWith(month)).length;
    const withdrawn = endorsements.filter((e) => e.withdrawnAt?.startsWith(month)).length;
    running += added - withdrawn;
    return { month, added, withdrawn, cumulative: running };
  });

  return {
    proposals: {
      total: share.total,
      answered: share.answered,
      byStatus: manifestoProposalStatuses.map((s) => ({ key: s, total: byStatusRows.find((r) => r.key === s)?.n ?? 0 })),
      byKind: proposalBreakdown(manifestoProposals.organizationKind, organizationKinds, filters),
      byDimension: proposalBreakdown(manifestoProposals.niemDimension, niemDimensions, filters),
    },
    endorsements: {
      standing: standing.length,
      withdrawn: endorsements.length - standing.length,
      years,
      byKind: overTime((e) => e.kind, organizationKinds),
      byOblast: overTime((e) => e.oblast, oblasts),
      byMonth,
    },
    forumYears: manifestoForumYears(),
  };
}

/**
 * The Manifesto in each forum year: what happened after the previous national forum up to and
 * including this one (proposals made, answered, accepted; endorsements signed). The year in
 * review of a forum edition can show its row (manifestoForumYear).
 */
export function manifestoForumYears(): ManifestoReport["forumYears"] {
  const db = getDb();
  const forums = db.select({ id: events.id, title: events.title, startsOn: events.startsOn }).from(events).where(eq(events.kind, "national_forum")).orderBy(asc(events.startsOn)).all();
  return forums.map((forum, i) => {
    const from = forums[i - 1]?.startsOn ?? null;
    const inYear = (column: typeof manifestoProposals.madeOn | typeof manifestoEndorsements.signedOn) => and(from ? gt(column, from) : undefined, lte(column, forum.startsOn));
    const proposals = db
      .select({
        n: sql<number>`count(*)`,
        answered: sql<number>`count(${manifestoProposals.answeredAt})`,
        accepted: sql<number>`sum(${manifestoProposals.status} IN ('accepted', 'partly_accepted'))`,
      })
      .from(manifestoProposals)
      .where(inYear(manifestoProposals.madeOn))
      .get();
    const endorsed = db
      .select({ n: sql<number>`count(*)` })
      .from(manifestoEndorsements)
      .where(and(inYear(manifestoEndorsements.signedOn), isNull(manifestoEndorsements.withdrawnAt)))
      .get();
    return {
      eventId: forum.id,
      title: forum.title,
      from,
      to: forum.startsOn,
      proposals: proposals?.n ?? 0,
      answered: proposals?.answered ?? 0,
      accepted: proposals?.accepted ?? 0,
      endorsements: endorsed?.n ?? 0,
    };
  });
}

/** One forum edition's row of manifestoForumYears, or null when the event is not a national forum. */
export function manifestoForumYear(user: CurrentUser, eventId: number) {
  requireCapability(user, "readManifesto");
  return manifestoForumYears().find((y) => y.eventId === eventId) ?? null;
}

// ---------------------------------------------------------------- the report's tables and the exports

export function manifestoReportTables(report: ManifestoReport, t: Translate): ReportTable[] {
  const statusColumns = manifestoProposalStatuses.map((s) => ({ label: enumLabel(t, "manifestoProposalStatus", s), kind: "count" as const }));
  const breakdown = (id: string, title: string, keyLabel: string, rows: CountRow[], label: (k: string) => string): ReportTable => ({
    id,
    title,
    columns: [{ label: keyLabel, kind: "text" }, { label: t("manifesto.report.col.total"), kind: "count" }, ...statusColumns],
    rows: rows.map((r) => [label(r.key), r.total, ...manifestoProposalStatuses.map((s) => r.byStatus[s] ?? 0)]),
  });
  const overTime = (id: string, title: string, keyLabel: string, rows: EndorsementTimeRow[], label: (k: string) => string): ReportTable => ({
    id,
    title,
    columns: [{ label: keyLabel, kind: "text" }, ...report.endorsements.years.map((y) => ({ label: y, kind: "count" as const })), { label: t("manifesto.report.col.total"), kind: "count" }],
    rows: rows.map((r) => [label(r.key), ...report.endorsements.years.map((y) => r.byYear[y] ?? 0), r.total]),
  });
  const p = report.proposals;
  return [
    {
      id: "manifesto-summary",
      title: t("manifesto.report.summary"),
      columns: [{ label: t("manifesto.report.col.measure"), kind: "text" }, { label: t("manifesto.report.col.value"), kind: "count" }],
      rows: [
        [t("manifesto.report.proposals"), p.total],
        [t("manifesto.report.answered"), p.answered],
        [t("manifesto.report.answeredShare"), p.total ? Math.round((p.answered / p.total) * 1000) / 10 : 0],
        [t("manifesto.report.endorsementsStanding"), report.endorsements.standing],
        [t("manifesto.report.endorsementsWithdrawn"), report.endorsements.withdrawn],
      ],
    },
    {
      id: "manifesto-by-status",
      title: t("manifesto.report.byStatus"),
      columns: [{ label: t("manifesto.proposal.status"), kind: "text" }, { label: t("manifesto.report.col.total"), kind: "count" }],
      rows: p.byStatus.map((r) => [enumLabel(t, "manifestoProposalStatus", r.key), r.total]),
    },
    breakdown("manifesto-by-kind", t("manifesto.report.byKind"), t("org.kind"), p.byKind, (k) => enumLabel(t, "organizationKind", k)),
    breakdown("manifesto-by-dimension", t("manifesto.report.byDimension"), t("manifesto.proposal.dimension"), p.byDimension, (k) => enumLabel(t, "niemDimension", k)),
    overTime("manifesto-endorsements-kind", t("manifesto.report.endorsementsByKind"), t("org.kind"), report.endorsements.byKind, (k) => enumLabel(t, "organizationKind", k)),
    overTime("manifesto-endorsements-oblast", t("manifesto.report.endorsementsByOblast"), t("org.oblast"), report.endorsements.byOblast, (k) => enumLabel(t, "oblast", k)),
    {
      id: "manifesto-endorsements-month",
      title: t("manifesto.report.endorsementsByMonth"),
      columns: [
        { label: t("manifesto.report.col.month"), kind: "text" },
        { label: t("manifesto.report.col.added"), kind: "count" },
        { label: t("manifesto.report.col.withdrawn"), kind: "count" },
        { label: t("manifesto.report.col.cumulative"), kind: "count" },
      ],
      rows: report.endorsements.byMonth.map((m) => [m.month, m.added, m.withdrawn, m.cumulative]),
    },
    {
      id: "manifesto-forum-years",
      title: t("manifesto.report.forumYears"),
      columns: [
        { label: t("manifesto.report.col.forum"), kind: "text" },
        { label: t("manifesto.report.proposals"), kind: "count" },
        { label: t("manifesto.report.answered"), kind: "count" },
        { label: t("manifesto.report.accepted"), kind: "count" },
        { label: t("manifesto.report.endorsements"), kind: "count" },
      ],
      rows: report.forumYears.map((y) => [y.title, y.proposals, y.answered, y.accepted, y.endorsements]),
    },
  ];
}

/** Proposals with their answers, as one table. Refugee representatives are never named in a file that leaves the system. */
function proposalsTable(user: CurrentUser, filters: Partial<ProposalFilters>, t: Translate): ReportTable {
  const rows = listProposals(user, filters);
  const col = (label: string, kind: "text" | "count" = "text") => ({ label, kind });
  return {
    id: "manifesto-proposals",
    title: t("manifesto.proposals.title"),
    columns: [
      col(t("exports.col.id"), "count"),
      col(t("manifesto.proposal.madeOn")),
      col(t("manifesto.version.number")),
      col(t("manifesto.section.title")),
      col(t("manifesto.proposal.proposer")),
      col(t("org.kind")),
      col(t("org.oblast")),
      col(t("manifesto.proposal.dimension")),
      col(t("manifesto.proposal.channel")),
      col(t("manifesto.proposal.event")),
      col(t("manifesto.proposal.kind")),
      col(t("manifesto.proposal.passage")),
      col(t("manifesto.proposal.proposedText")),
      col(t("manifesto.proposal.rationale")),
      col(t("manifesto.proposal.status")),
      col(t("manifesto.answer.bg")),
      col(t("manifesto.answer.en")),
      col(t("manifesto.proposal.answeredAt")),
      col(t("manifesto.proposal.acceptedInto")),
    ],
    rows: rows.map((r) => [
      r.id,
      r.madeOn,
      String(r.versionNumber),
      `${r.sectionPosition}. ${r.sectionTitle}`,
      r.organizationName ?? t("manifesto.proposal.refugeeRepresentative", { community: r.communityName ?? t("common.none") }),
      enumLabel(t, "organizationKind", r.organizationKind),
      r.oblast ? enumLabel(t, "oblast", r.oblast) : "",
      enumLabel(t, "niemDimension", r.niemDimension),
      enumLabel(t, "manifestoProposalChannel", r.channel),
      r.eventTitle ?? "",
      enumLabel(t, "manifestoProposalKind", r.kind),
      r.passage ?? "",
      r.proposedText,
      r.rationale ?? "",
      enumLabel(t, "manifestoProposalStatus", r.status),
      plainText(r.answerBg),
      plainText(r.answerEn),
      r.answeredAt ? r.answeredAt.slice(0, 10) : "",
      r.acceptedIntoVersionNumber ? `v${r.acceptedIntoVersionNumber} · ${r.acceptedIntoTitle ?? ""}` : "",
    ]),
  };
}

/** Every endorser, withdrawn ones too; a signatory's name only when it may be shown publicly or staff recorded it. */
function endorsersTable(user: CurrentUser, t: Translate): ReportTable {
  const rows = listEndorsements(user);
  const col = (label: string, kind: "text" | "count" = "text") => ({ label, kind });
  return {
    id: "manifesto-endorsers",
    title: t("manifesto.endorsements.title"),
    columns: [
      col(t("exports.col.id"), "count"),
      col(t("manifesto.version.number")),
      col(t("exports.col.organization")),
      col(t("org.kind")),
      col(t("org.oblast")),
      col(t("manifesto.endorsement.signatory")),
      col(t("manifesto.endorsement.position")),
      col(t("manifesto.endorsement.signedOn")),
      col(t("manifesto.endorsement.channel")),
      col(t("manifesto.endorsement.listPublicly")),
      col(t("manifesto.endorsement.showSignatory")),
      col(t("manifesto.endorsement.statementBg")),
      col(t("manifesto.endorsement.statementEn")),
      col(t("manifesto.endorsement.withdrawnAt")),
    ],
    rows: rows.map((e) => [
      e.id,
      String(e.versionNumber),
      e.organizationName,
      enumLabel(t, "organizationKind", e.organizationKind),
      e.oblast ? enumLabel(t, "oblast", e.oblast) : "",
      e.signatoryName,
      e.signatoryPosition ?? "",
      e.signedOn,
      enumLabel(t, "manifestoEndorsementChannel", e.channel),
      e.listPublicly ? t("common.yes") : t("common.no"),
      e.showSignatory ? t("common.yes") : t("common.no"),
      e.statementBg ?? "",
      e.statementEn ?? "",
      e.withdrawnAt ? e.withdrawnAt.slice(0, 10) : "",
    ]),
  };
}

/** The file of proposals (with the list's filters) or of endorsers: managers and admins, audited. */
export async function exportManifesto(
  user: CurrentUser,
  kind: ManifestoExportKind | "report",
  format: "csv" | "xlsx",
  filters: Partial<ProposalFilters>,
  ctx: { ip?: string | null } = {},
): Promise<{ body: string | Buffer; contentType: string; fileName: string }> {
  requireCapability(user, "export");
  const t = makeTranslate(user.locale);
  const tables =
    kind === "proposals" ? [proposalsTable(user, filters, t)] : kind === "endorsers" ? [endorsersTable(user, t)] : manifestoReportTables(buildManifestoReport(user, filters), t);
  writeAudit(getDb(), {
    userId: user.id,
    action: "export",
    entityType: "export",
    detail: { export: `manifesto-${kind}`, format, filters, rowCount: tables[0]?.rows.length ?? 0 },
    ip: ctx.ip,
  });
  const fileName = `bcrm-manifesto-${kind}-${new Date().toISOString().slice(0, 10)}.${format}`;
  if (format === "csv") return { body: tablesToCsv(tables, user.locale), contentType: "text/csv; charset=utf-8", fileName };
  return { body: await tablesToXlsx(tables), contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", fileName };
}
