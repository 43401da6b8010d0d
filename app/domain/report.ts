// The forum report: its URL filters and the tables it shows. The page and the CSV/XLSX export
// both build their tables with `reportTables`, so the export is exactly what the page shows.
import { z } from "zod";
import { enumLabel, type MessageKey, type Translate } from "../i18n/i18n.ts";
import { openCount } from "./commitment.ts";
import { commitmentStatuses, partnershipStatuses, type CommitmentStatus } from "./enums.ts";
import { optionalDate, optionalId } from "./fields.ts";

export const reportBases = ["due", "created"] as const;
export type ReportBasis = (typeof reportBases)[number];

/** URL filters: `event` (a forum edition), `from`/`to` (a period on the due or created date, `basis`). */
export const reportFilterFields = {
  event: optionalId,
  from: optionalDate,
  to: optionalDate,
  basis: z.preprocess((v) => (v === "" || v == null ? undefined : v), z.enum(reportBases, { error: "invalidChoice" }).default("due")),
} as const;

export type ReportFilters = { event: number | null; from: string | null; to: string | null; basis: ReportBasis };

/** Commitments of one group (an area, an organization kind, an oblast, or all of them). */
export type Breakdown = {
  key: string;
  made: number;
  byStatus: Record<CommitmentStatus, number>;
  overdue: number;
  /** Current status rests on a partner's self-report not verified yet. */
  unverified: number;
  /** See fulfilmentRate in app/domain/fulfilment.ts. */
  rate: number | null;
};

export type ReportData = {
  summary: Breakdown;
  byArea: Breakdown[];
  /** Each NIEM area with its dimensions (DESIGN.md: thirteen, in four areas), every dimension listed. */
  byDimension: Array<{ area: Breakdown; dimensions: Breakdown[] }>;
  byOrganizationKind: Breakdown[];
  byOblast: Breakdown[];
  partnerships: Array<{ kind: string; byStatus: Record<string, number>; total: number }>;
  refugeeParticipation: Array<{ role: string; count: number }>;
};

export type ReportCell = string | number | null;
export type ReportColumn = { label: string; kind: "text" | "count" | "percent" };
export type ReportTable = {
  id: string;
  title: string;
  /** A shorter name where a title is too long for a worksheet tab (XLSX allows 31 characters). */
  sheetName?: string;
  columns: ReportColumn[];
  rows: ReportCell[][];
  /** Rows that head a group (a NIEM area over its dimensions), by index: shown as a group's total. */
  groupRows?: number[];
  /** Beside `rows`, the commitments list of exactly the records a count counts (page only, not files). */
  links?: Array<Array<string | null>>;
};

/** The commitments list filters of the report's own filters (event, period and its basis). */
function reportListQuery(filters: ReportFilters): URLSearchParams {
  const query = new URLSearchParams();
  if (filters.event) query.set("event", String(filters.event));
  if (filters.from) query.set("from", filters.from);
  if (filters.to) query.set("to", filters.to);
  if ((filters.from || filters.to) && filters.basis !== "due") query.set("basis", filters.basis);
  return query;
}

/** The measures of a breakdown row as list filters, in the order of its count columns (rate: no link). */
const measureFilters: Array<Record<string, string> | null> = [
  {},
  { status: "fulfilled" },
  { status: "partially_fulfilled" },
  { status: "not_fulfilled" },
  { status: "withdrawn" },
  { open: "1" },
  { overdue: "1" },
  { unverified: "1" },
  null,
];

function measureLinks(filters: ReportFilters, group: Record<string, string>): Array<string | null> {
  return measureFilters.map((measure) => {
    if (!measure) return null;
    const query = reportListQuery(filters);
    for (const [k, v] of Object.entries({ ...group, ...measure })) query.set(k, v);
    const text = query.toString();
    return `/commitments${text ? `?${text}` : ""}`;
  });
}


const count = (label: MessageKey, t: Translate): ReportColumn => ({ label: t(label), kind: "count" });

function breakdownColumns(keyLabel: MessageKey, t: Translate): ReportColumn[] {
  return [
      { label: t(keyLabel), kind: "text" },
      count("reports.col.made", t),
      count("reports.col.fulfilled", t),
      count("reports.col.partiallyFulfilled", t),
      count("reports.col.notFulfilled", t),
      count("reports.col.withdrawn", t),
      count("reports.col.open", t),
      count("reports.col.overdue", t),
      count("reports.col.unverified", t),
      { label: t("reports.col.rate"), kind: "percent" },
  ];
}

function breakdownRow(label: string, b: Breakdown): ReportCell[] {
  return [
    label,
    b.made,
    b.byStatus.fulfilled,
    b.byStatus.partially_fulfilled,
    b.byStatus.not_fulfilled,
    b.byStatus.withdrawn,
    openCount(b.byStatus),
    b.overdue,
    b.unverified,
    b.rate,
  ];
}

type ListLink = { filters: ReportFilters; param: string };

function breakdownTable(
  id: string,
  title: MessageKey,
  keyLabel: MessageKey,
  rows: Breakdown[],
  label: (key: string) => string,
  t: Translate,
  sheetName?: MessageKey,
  link?: ListLink,
): ReportTable {
  return {
    links: link ? rows.map((b) => [null, ...measureLinks(link.filters, { [link.param]: b.key })]) : undefined,
    id,
    title: t(title),
    sheetName: sheetName ? t(sheetName) : undefined,
    columns: breakdownColumns(keyLabel, t),
    rows: rows.map((b) => breakdownRow(label(b.key), b)),
  };
}

/** The thirteen NIEM dimensions, each area first as the total of the dimensions under it. */
function dimensionTable(report: ReportData, t: Translate, linkFilters?: ReportFilters): ReportTable {
  const rows: ReportCell[][] = [];
  const groupRows: number[] = [];
  const links: Array<Array<string | null>> = [];
  for (const { area, dimensions } of report.byDimension) {
    groupRows.push(rows.length);
    rows.push(breakdownRow(t("reports.areaTotal", { area: enumLabel(t, "niemArea", area.key) }), area));
    if (linkFilters) links.push([null, ...measureLinks(linkFilters, { area: area.key })]);
    for (const d of dimensions) {
      rows.push(breakdownRow(enumLabel(t, "niemDimension", d.key), d));
      if (linkFilters) links.push([null, ...measureLinks(linkFilters, { dimension: d.key })]);
    }
  }
  return {
    id: "dimension",
    title: t("reports.byDimension"),
    sheetName: t("reports.sheet.dimension"),
    columns: breakdownColumns("reports.col.dimension", t),
    rows,
    groupRows,
    links: linkFilters ? links : undefined,
  };
}

/** The report's tables, with labels in the reader's language. */
export function reportTables(report: ReportData, t: Translate, linkFilters?: ReportFilters): ReportTable[] {
  const link = (param: string): ListLink | undefined => (linkFilters ? { filters: linkFilters, param } : undefined);
  const s = report.summary;
  const summaryRows: Array<[MessageKey, ReportCell]> = [
    ["reports.col.made", s.made],
    ["reports.col.fulfilled", s.byStatus.fulfilled],
    ["reports.col.partiallyFulfilled", s.byStatus.partially_fulfilled],
    ["reports.col.notFulfilled", s.byStatus.not_fulfilled],
    ["reports.col.withdrawn", s.byStatus.withdrawn],
    ["reports.col.open", openCount(s.byStatus)],
    ["reports.col.overdue", s.overdue],
    ["reports.col.unverified", s.unverified],
    ["reports.col.rate", s.rate],
  ];
  return [
    {
      id: "summary",
      title: t("reports.summary"),
      columns: [
        { label: t("reports.col.measure"), kind: "text" },
        { label: t("reports.col.value"), kind: "count" },
      ],
      rows: summaryRows.map(([label, value]) => [t(label), value]),
      links: linkFilters ? measureLinks(linkFilters, {}).map((href) => [null, href]) : undefined,
    },
    breakdownTable("area", "reports.byArea", "reports.col.area", report.byArea, (k) => enumLabel(t, "niemArea", k), t, "reports.sheet.area", link("area")),
    dimensionTable(report, t, linkFilters),
    breakdownTable("kind", "reports.byOrganizationKind", "reports.col.organizationKind", report.byOrganizationKind, (k) => enumLabel(t, "organizationKind", k), t, "reports.sheet.kind", link("leadKind")),
    breakdownTable("oblast", "reports.byOblast", "reports.col.oblast", report.byOblast, (k) => (k === "none" ? t("reports.noOblast") : enumLabel(t, "oblast", k)), t, "reports.sheet.oblast", link("leadOblast")),
    {
      id: "partnerships",
      title: t("reports.partnerships"),
      columns: [
        { label: t("reports.col.partnershipKind"), kind: "text" },
        ...partnershipStatuses.map((status) => ({ label: enumLabel(t, "partnershipStatus", status), kind: "count" as const })),
        count("reports.col.total", t),
      ],
      rows: report.partnerships.map((p) => [
        enumLabel(t, "partnershipKind", p.kind),
        ...partnershipStatuses.map((status) => p.byStatus[status] ?? 0),
        p.total,
      ]),
    },
    {
      id: "refugees",
      title: t("reports.refugeeParticipation"),
      sheetName: t("reports.sheet.refugees"),
      columns: [
        { label: t("reports.col.role"), kind: "text" },
        count("reports.col.participants", t),
      ],
      rows: report.refugeeParticipation.map((r) => [enumLabel(t, "refugeeParticipantRole", r.role), r.count]),
    },
  ];
}

export function emptyStatusCounts(): Record<CommitmentStatus, number> {
  return Object.fromEntries(commitmentStatuses.map((s) => [s, 0])) as Record<CommitmentStatus, number>;
}
