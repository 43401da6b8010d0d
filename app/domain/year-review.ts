// A forum edition's year in review (issue 19): what it holds, and its tables. The page, the PDF
// and the XLSX all build their tables with `yearReviewTables`, so the document shows exactly the
// numbers on screen; the page also gets each number's link to the filtered commitments list.
import { z } from "zod";
import { enumLabel, type MessageKey, type Translate } from "../i18n/i18n.ts";
import { openCommitmentStatuses } from "./commitment.ts";
import { commitmentStatuses, type CommitmentStatus } from "./enums.ts";
import { idParam } from "./fields.ts";
import type { ReportCell, ReportColumn, ReportTable } from "./report.ts";

/** Counts of one group of commitments (all, a NIEM area or dimension, a kind of organization, an oblast). */
export type ReviewGroup = {
  key: string;
  made: number;
  byStatus: Record<CommitmentStatus, number>;
  /** Of those, resting on a partner's self-report not verified yet, by status. */
  selfReportedByStatus: Record<CommitmentStatus, number>;
  selfReported: number;
  /** fulfilmentRate (app/domain/fulfilment.ts, decision 005). */
  rate: number | null;
};

export type ReviewCommitment = {
  id: number;
  title: string;
  leadName: string;
  coPledgers: string[];
  status: CommitmentStatus;
  statusVerified: boolean;
  niemDimension: string;
};

export type ReviewHighlight = ReviewCommitment & {
  caption: string | null;
  /** Chosen by the rule (not added by hand). */
  auto: boolean;
  evidence: { url: string | null; fileId: number | null; fileName: string | null } | null;
};

export type YearReview = {
  edition: { id: number; title: string; startsOn: string; place: string | null };
  previous: { id: number; title: string; startsOn: string } | null;
  /** The year reviewed: after this day (the previous edition) up to and including `to` (this edition). */
  period: { after: string; to: string };
  /** When the figures were read (ISO timestamp). */
  dataAsOf: string;
  summary: ReviewGroup & { carriedIn: number; joint: number };
  byArea: ReviewGroup[];
  byDimension: ReviewGroup[];
  byOrganizationKind: ReviewGroup[];
  byOblast: ReviewGroup[];
  jointPledges: ReviewCommitment[];
  highlights: ReviewHighlight[];
  carriedOver: Array<ReviewCommitment & { fromId: number; fromTitle: string; fromEventTitle: string | null }>;
  newPartnerships: Array<{ id: number; title: string; kind: string; status: string; startsOn: string | null; members: string[] }>;
  stories: Array<{ id: number; title: string; summary: string; organizations: string[] }>;
};

/** A table of the review, with the filtered-list link of each count (page only; same shape as the rows). */
export type ReviewTable = ReportTable & { links: (string | null)[][] };

// ---------------------------------------------------------------- highlight edits (coordinators)

export const HIGHLIGHT_CAPTION_MAX = 200;

export const highlightIntents = ["exclude", "include", "moveUp", "moveDown", "caption"] as const;
export type HighlightIntent = (typeof highlightIntents)[number];

export const highlightInput = z.object({
  intent: z.enum(highlightIntents, { error: "invalid" }),
  commitmentId: idParam,
  caption: z
    .string({ error: "invalid" })
    .trim()
    .max(HIGHLIGHT_CAPTION_MAX, { error: `tooLong:${HIGHLIGHT_CAPTION_MAX}` })
    .refine((v) => !v.includes("\u0000"), { error: "invalid" })
    .optional()
    .transform((v) => (v ? v : null)),
});
export type HighlightInput = z.infer<typeof highlightInput>;

// ---------------------------------------------------------------- tables

const statusColumns: Array<{ label: MessageKey; statuses: CommitmentStatus[]; filter: Record<string, string> }> = [
  { label: "reports.col.fulfilled", statuses: ["fulfilled"], filter: { status: "fulfilled" } },
  { label: "reports.col.partiallyFulfilled", statuses: ["partially_fulfilled"], filter: { status: "partially_fulfilled" } },
  { label: "reports.col.notFulfilled", statuses: ["not_fulfilled"], filter: { status: "not_fulfilled" } },
  { label: "reports.col.withdrawn", statuses: ["withdrawn"], filter: { status: "withdrawn" } },
  { label: "review.col.open", statuses: [...openCommitmentStatuses], filter: { open: "1" } },
];

const sum = (counts: Record<CommitmentStatus, number>, statuses: CommitmentStatus[]) => statuses.reduce((n, s) => n + counts[s], 0);

/** `/commitments?event=…&…`: the list behind a number. */
export function commitmentsHref(eventId: number, filters: Record<string, string>): string {
  const params = new URLSearchParams({ event: String(eventId), ...filters });
  return `/commitments?${params}`;
}

function groupTable(
  id: string,
  title: MessageKey,
  keyLabel: MessageKey,
  groups: ReviewGroup[],
  label: (key: string) => string,
  filterOf: (key: string) => Record<string, string>,
  eventId: number | null,
  t: Translate,
): ReviewTable {
  const count = (label: MessageKey): ReportColumn => ({ label: t(label), kind: "count" });
  const href = (filters: Record<string, string>) => (eventId ? commitmentsHref(eventId, filters) : null);
  return {
    id,
    title: t(title),
    columns: [
      { label: t(keyLabel), kind: "text" },
      count("reports.col.made"),
      ...statusColumns.map((c) => count(c.label)),
      count("review.col.selfReported"),
      { label: t("reports.col.rate"), kind: "percent" },
    ],
    rows: groups.map((g) => [label(g.key), g.made, ...statusColumns.map((c) => sum(g.byStatus, c.statuses)), g.selfReported, g.rate]),
    links: groups.map((g) => {
      const base = filterOf(g.key);
      return [null, href(base), ...statusColumns.map((c) => href({ ...base, ...c.filter })), href({ ...base, verified: "0" }), null];
    }),
  };
}

/** The review's tables, with labels in the reader's language and (for the page) the links of their counts. */
export function yearReviewTables(review: YearReview, t: Translate): ReviewTable[] {
  const eventId = review.previous?.id ?? null;
  const href = (filters: Record<string, string>) => (eventId ? commitmentsHref(eventId, filters) : null);
  const s = review.summary;
  const verified = (statuses: CommitmentStatus[]) => sum(s.byStatus, statuses) - sum(s.selfReportedByStatus, statuses);
  const summaryRows: Array<{ label: MessageKey; statuses: CommitmentStatus[]; filter: Record<string, string> }> = [
    { label: "reports.col.made", statuses: [...commitmentStatuses], filter: {} },
    ...statusColumns,
  ];
  const keyFigures: Array<[MessageKey, ReportCell, string | null]> = [
    ["review.figure.made", s.made, href({})],
    ["review.figure.carriedIn", s.carriedIn, href({ carried: "1" })],
    ["review.figure.joint", s.joint, href({ joint: "1" })],
    ["review.figure.selfReported", s.selfReported, href({ verified: "0" })],
    ["reports.col.rate", s.rate, null],
  ];
  return [
    {
      id: "figures",
      title: t("review.figures"),
      columns: [
        { label: t("reports.col.measure"), kind: "text" },
        { label: t("reports.col.value"), kind: "count" },
      ],
      rows: keyFigures.map(([label, value]) => [t(label), value]),
      links: keyFigures.map(([, , link]) => [null, link]),
    },
    {
      id: "status",
      title: t("review.byStatus"),
      columns: [
        { label: t("review.col.status"), kind: "text" },
        { label: t("review.col.all"), kind: "count" },
        { label: t("review.col.verified"), kind: "count" },
        { label: t("review.col.selfReported"), kind: "count" },
      ],
      rows: summaryRows.map((r) => [t(r.label), sum(s.byStatus, r.statuses), verified(r.statuses), sum(s.selfReportedByStatus, r.statuses)]),
      links: summaryRows.map((r) => [null, href(r.filter), href({ ...r.filter, verified: "1" }), href({ ...r.filter, verified: "0" })]),
    },
    groupTable("area", "reports.byArea", "reports.col.area", review.byArea, (k) => enumLabel(t, "niemArea", k), (k) => ({ area: k }), eventId, t),
    groupTable("dimension", "review.byDimension", "review.col.dimension", review.byDimension, (k) => enumLabel(t, "niemDimension", k), (k) => ({ dimension: k }), eventId, t),
    groupTable("kind", "reports.byOrganizationKind", "reports.col.organizationKind", review.byOrganizationKind, (k) => enumLabel(t, "organizationKind", k), (k) => ({ orgKind: k }), eventId, t),
    groupTable(
      "oblast",
      "reports.byOblast",
      "reports.col.oblast",
      review.byOblast,
      (k) => (k === "none" ? t("reports.noOblast") : enumLabel(t, "oblast", k)),
      (k) => ({ oblast: k }),
      eventId,
      t,
    ),
  ];
}

/** The review's lists as tables too (for the XLSX), in the reader's language. */
export function yearReviewListTables(review: YearReview, t: Translate): ReportTable[] {
  const text = (label: MessageKey): ReportColumn => ({ label: t(label), kind: "text" });
  const commitmentRow = (c: ReviewCommitment): ReportCell[] => [
    c.title,
    [c.leadName, ...c.coPledgers].join("; "),
    enumLabel(t, "niemDimension", c.niemDimension),
    enumLabel(t, "commitmentStatus", c.status) + (c.statusVerified ? "" : ` (${t("review.col.selfReported")})`),
  ];
  const commitmentColumns = [text("review.col.commitment"), text("review.col.organizations"), text("review.col.dimension"), text("review.col.status")];
  return [
    { id: "joint", title: t("review.joint"), columns: commitmentColumns, rows: review.jointPledges.map(commitmentRow) },
    {
      id: "highlights",
      title: t("review.highlights"),
      columns: [...commitmentColumns, text("review.col.caption")],
      rows: review.highlights.map((h) => [...commitmentRow(h), h.caption]),
    },
    {
      id: "carried",
      title: t("review.carriedOver"),
      columns: [...commitmentColumns, text("review.col.carriedFrom")],
      rows: review.carriedOver.map((c) => [...commitmentRow(c), c.fromEventTitle ?? c.fromTitle]),
    },
    {
      id: "partnerships",
      title: t("review.newPartnerships"),
      columns: [text("review.col.partnership"), text("review.col.kind"), text("review.col.members"), text("review.col.startsOn")],
      rows: review.newPartnerships.map((p) => [p.title, enumLabel(t, "partnershipKind", p.kind), p.members.join("; "), p.startsOn]),
    },
    {
      id: "stories",
      title: t("review.stories"),
      columns: [text("review.col.story"), text("review.col.summary"), text("review.col.organizations")],
      rows: review.stories.map((s) => [s.title, s.summary, s.organizations.join("; ")]),
    },
  ];
}
