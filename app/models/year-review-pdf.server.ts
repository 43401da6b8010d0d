// The year in review as a real PDF (issue 19, decision 017): A4, drawn on the server with pdfkit,
// DejaVu Sans embedded from app/assets/fonts (never the machine's fonts), charts as vector
// graphics, a contents list with page numbers, every page numbered and dated with the data's time.
// The tables are the page's own (yearReviewTables), so the document shows the numbers on screen.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import PDFDocument from "pdfkit";
import { openCommitmentStatuses } from "../domain/commitment.ts";
import type { Locale } from "../domain/enums.ts";
import type { ReportCell, ReportTable } from "../domain/report.ts";
import { yearReviewTables, type ReviewCommitment, type YearReview } from "../domain/year-review.ts";
import { enumLabel, formatDate, formatDateTime, formatNumber, makeTranslate, type MessageKey, type Translate } from "../i18n/i18n.ts";

// ---------------------------------------------------------------- fonts shipped with the app

const FONT_FILES = { regular: "DejaVuSans.ttf", bold: "DejaVuSans-Bold.ttf" } as const;

/**
 * app/assets/fonts, found from this module's own place: beside the source in development and
 * tests, two levels above build/server/index.js in the production build. Falls back to the
 * working directory (server.mjs runs from the project's root).
 */
function findFontDir(): string {
  const candidates: string[] = [];
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 5; i++) {
    candidates.push(path.join(dir, "app/assets/fonts"), path.join(dir, "assets/fonts"));
    dir = path.dirname(dir);
  }
  candidates.push(path.resolve("app/assets/fonts"));
  const found = candidates.find((c) => fs.existsSync(path.join(c, FONT_FILES.regular)));
  if (!found) throw new Error(`The PDF fonts (${FONT_FILES.regular}) are missing from app/assets/fonts`);
  return found;
}

let fonts: { regular: Buffer; bold: Buffer } | null = null;
/** Read once per process: 1.4 MB that every PDF embeds (subset to the glyphs used). */
function fontData() {
  if (!fonts) {
    const dir = findFontDir();
    fonts = { regular: fs.readFileSync(path.join(dir, FONT_FILES.regular)), bold: fs.readFileSync(path.join(dir, FONT_FILES.bold)) };
  }
  return fonts;
}

// ---------------------------------------------------------------- layout

const PAGE = { width: 595.28, height: 841.89 };
const MARGIN = { top: 56, bottom: 64, left: 50, right: 50 };
const CONTENT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;
const BOTTOM = PAGE.height - MARGIN.bottom;
const COLOR = { text: "#1a1a1a", muted: "#555555", accent: "#1f4e79", bar: "#2e75b6", light: "#9dc3e6", grid: "#c8c8c8", band: "#eef3f8" };
const SIZE = { title: 20, h1: 15, h2: 11.5, body: 9.5, table: 8, small: 7.5, header: 6.5 };

type Doc = InstanceType<typeof PDFDocument>;

type Ctx = {
  doc: Doc;
  t: Translate;
  locale: Locale;
  n: (v: number) => string;
  /** Section headings and the page each starts on, for the contents list. */
  sections: Array<{ title: string; page: number; dest: string }>;
};

const pageIndex = (doc: Doc) => doc.bufferedPageRange().start + doc.bufferedPageRange().count - 1;

/** Starts a new page when fewer than `needed` points are left on this one. */
function ensureSpace(ctx: Ctx, needed: number) {
  if (ctx.doc.y + needed > BOTTOM) ctx.doc.addPage();
}

function section(ctx: Ctx, title: string) {
  const { doc } = ctx;
  ensureSpace(ctx, 120);
  if (doc.y > MARGIN.top + 1) doc.moveDown(0.8);
  const dest = `section-${ctx.sections.length + 1}`;
  doc.addNamedDestination(dest);
  ctx.sections.push({ title, page: pageIndex(doc), dest });
  doc.outline.addItem(title);
  doc.font("bold").fontSize(SIZE.h1).fillColor(COLOR.accent).text(title, MARGIN.left, doc.y, { width: CONTENT_WIDTH });
  doc.moveDown(0.4);
  doc.fillColor(COLOR.text);
}

function subheading(ctx: Ctx, title: string) {
  ensureSpace(ctx, 80);
  ctx.doc.moveDown(0.5);
  ctx.doc.font("bold").fontSize(SIZE.h2).fillColor(COLOR.text).text(title, MARGIN.left, ctx.doc.y, { width: CONTENT_WIDTH });
  ctx.doc.moveDown(0.3);
}

function paragraph(ctx: Ctx, text: string, options: { size?: number; color?: string } = {}) {
  const { doc } = ctx;
  doc.font("regular").fontSize(options.size ?? SIZE.body).fillColor(options.color ?? COLOR.text);
  ensureSpace(ctx, doc.heightOfString(text, { width: CONTENT_WIDTH }) + 4);
  doc.text(text, MARGIN.left, doc.y, { width: CONTENT_WIDTH, lineGap: 1.5 });
  doc.moveDown(0.4);
}

function cellText(ctx: Ctx, value: ReportCell): string {
  if (value === null) return ctx.t("common.none");
  return typeof value === "number" ? ctx.n(value) : value;
}

/** A table drawn cell by cell; its header repeats on every page it runs onto. */
function drawTable(ctx: Ctx, table: ReportTable) {
  const { doc } = ctx;
  const numeric = table.columns.filter((c) => c.kind !== "text").length;
  // Wide tables (a group and eight counts) keep every count column wide enough for its one-word header.
  const firstWidth = table.columns.length <= 2 ? CONTENT_WIDTH - 110 : table.columns.length <= 4 ? 200 : 112;
  const numWidth = numeric ? (CONTENT_WIDTH - firstWidth) / numeric : 0;
  const widths = table.columns.map((c) => (c.kind === "text" ? firstWidth : numWidth));
  const pad = 2.5;
  const rowHeight = (cells: string[], font: "regular" | "bold", size: number) => {
    doc.font(font).fontSize(size);
    return Math.max(...cells.map((text, i) => doc.heightOfString(text, { width: widths[i]! - 2 * pad }))) + 2 * pad;
  };
  const drawRow = (cells: string[], font: "regular" | "bold", size: number, band: boolean) => {
    const height = rowHeight(cells, font, size);
    const y = doc.y;
    if (band) doc.rect(MARGIN.left, y, CONTENT_WIDTH, height).fill(COLOR.band);
    let x = MARGIN.left;
    doc.font(font).fontSize(size).fillColor(COLOR.text);
    cells.forEach((text, i) => {
      const align = table.columns[i]!.kind === "text" ? "left" : "right";
      doc.text(text, x + pad, y + pad, { width: widths[i]! - 2 * pad, align });
      x += widths[i]!;
    });
    doc.moveTo(MARGIN.left, y + height).lineTo(MARGIN.left + CONTENT_WIDTH, y + height).lineWidth(0.5).strokeColor(COLOR.grid).stroke();
    doc.x = MARGIN.left;
    doc.y = y + height;
  };
  const header = table.columns.map((c) => c.label);
  // The header's type shrinks (a little) until no word has to be broken inside its column.
  doc.font("bold");
  const fits = (size: number) =>
    header.every((label, i) => label.split(/\s+/).every((word) => doc.fontSize(size).widthOfString(word) <= widths[i]! - 2 * pad));
  const headerSize = [SIZE.header, 6, 5.5, 5].find(fits) ?? 5;
  const headerHeight = rowHeight(header, "bold", headerSize);
  ensureSpace(ctx, headerHeight + 20);
  drawRow(header, "bold", headerSize, true);
  if (!table.rows.length) {
    drawRow([ctx.t("reports.noRows"), ...header.slice(1).map(() => "")], "regular", SIZE.table, false);
  }
  for (const row of table.rows) {
    const cells = row.map((v) => cellText(ctx, v));
    if (doc.y + rowHeight(cells, "regular", SIZE.table) > BOTTOM) {
      doc.addPage();
      drawRow(header, "bold", headerSize, true);
    }
    drawRow(cells, "regular", SIZE.table, false);
  }
  doc.moveDown(0.6);
}

type Bar = { label: string; segments: Array<{ value: number; color: string }>; valueText: string };

/** Horizontal bars as vector shapes: a label, the bar (one or more segments), the value. */
function drawBars(ctx: Ctx, title: string, bars: Bar[], max: number, legend: Array<{ label: string; color: string }> = []) {
  const { doc } = ctx;
  const labelWidth = 190;
  const barWidth = CONTENT_WIDTH - labelWidth - 60;
  const row = 18;
  ensureSpace(ctx, 30 + bars.length * row + (legend.length ? 16 : 0));
  doc.font("bold").fontSize(SIZE.table).fillColor(COLOR.text).text(title, MARGIN.left, doc.y, { width: CONTENT_WIDTH });
  doc.moveDown(0.3);
  let y = doc.y;
  // The axis: a vertical line at zero and a light line at the maximum.
  doc.moveTo(MARGIN.left + labelWidth, y).lineTo(MARGIN.left + labelWidth, y + bars.length * row).lineWidth(0.7).strokeColor(COLOR.muted).stroke();
  for (const bar of bars) {
    doc.font("regular").fontSize(SIZE.small).fillColor(COLOR.text);
    doc.text(bar.label, MARGIN.left, y + 4, { width: labelWidth - 8, align: "right", lineBreak: false, ellipsis: true });
    let x = MARGIN.left + labelWidth;
    for (const segment of bar.segments) {
      const width = max > 0 ? (segment.value / max) * barWidth : 0;
      if (width > 0) doc.rect(x, y + 3, width, row - 6).fill(segment.color);
      x += width;
    }
    doc.fillColor(COLOR.text).text(bar.valueText, x + 4, y + 4, { width: 56, lineBreak: false });
    y += row;
  }
  doc.y = y + 4;
  if (legend.length) {
    let x = MARGIN.left + labelWidth;
    for (const item of legend) {
      doc.rect(x, doc.y + 1, 8, 8).fill(item.color);
      doc.fillColor(COLOR.text).font("regular").fontSize(SIZE.small).text(item.label, x + 12, doc.y, { lineBreak: false });
      x += 12 + doc.widthOfString(item.label) + 16;
    }
    doc.y += 14;
  }
  doc.x = MARGIN.left;
  doc.moveDown(0.5);
}

function commitmentLine(ctx: Ctx, c: ReviewCommitment): string {
  const { t } = ctx;
  const by = [c.leadName, ...c.coPledgers].join(", ");
  const status = enumLabel(t, "commitmentStatus", c.status) + (c.statusVerified ? "" : ` (${t("review.selfReportedShort")})`);
  return `${by} · ${enumLabel(t, "niemDimension", c.niemDimension)} · ${status}`;
}

/** A list of items: a bold title, then lines in smaller type. */
function drawList(ctx: Ctx, items: Array<{ title: string; lines: string[] }>, empty: MessageKey) {
  const { doc } = ctx;
  if (!items.length) {
    paragraph(ctx, ctx.t(empty), { color: COLOR.muted });
    return;
  }
  items.forEach((item, index) => {
    const lines = item.lines.filter(Boolean);
    doc.font("bold").fontSize(SIZE.body);
    const titleText = `${index + 1}. ${item.title}`;
    let height = doc.heightOfString(titleText, { width: CONTENT_WIDTH });
    doc.font("regular").fontSize(SIZE.table);
    for (const line of lines) height += doc.heightOfString(line, { width: CONTENT_WIDTH - 14 });
    ensureSpace(ctx, height + 8);
    doc.font("bold").fontSize(SIZE.body).fillColor(COLOR.text).text(titleText, MARGIN.left, doc.y, { width: CONTENT_WIDTH });
    doc.font("regular").fontSize(SIZE.table).fillColor(COLOR.muted);
    for (const line of lines) doc.text(line, MARGIN.left + 14, doc.y, { width: CONTENT_WIDTH - 14 });
    doc.fillColor(COLOR.text);
    doc.moveDown(0.45);
  });
}

// ---------------------------------------------------------------- the document

export type ReviewPdfOptions = { locale: Locale };

/** The review as PDF bytes. */
export function renderYearReviewPdf(review: YearReview, options: ReviewPdfOptions): Promise<Buffer> {
  const { locale } = options;
  const t = makeTranslate(locale);
  const { regular, bold } = fontData();
  const title = `${t("review.title")}: ${review.edition.title}`;
  const doc = new PDFDocument({
    size: "A4",
    margins: MARGIN,
    bufferPages: true,
    autoFirstPage: false,
    lang: locale === "bg" ? "bg-BG" : "en-GB",
    displayTitle: true,
    info: { Title: title, Author: "BCRM Partners", Subject: t("review.title"), CreationDate: new Date(review.dataAsOf) },
  });
  doc.registerFont("regular", regular);
  doc.registerFont("bold", bold);
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });

  const ctx: Ctx = { doc, t, locale, n: (v) => formatNumber(locale, v), sections: [] };
  const tables = Object.fromEntries(yearReviewTables(review, t).map((table) => [table.id, table]));
  const dataAsOf = formatDateTime(locale, review.dataAsOf);

  // Cover: what, which editions, as of when, and how the numbers are counted.
  doc.addPage();
  doc.font("regular").fontSize(SIZE.h2).fillColor(COLOR.accent).text(t("review.title"), MARGIN.left, MARGIN.top + 40, { width: CONTENT_WIDTH });
  doc.moveDown(0.4);
  doc.font("bold").fontSize(SIZE.title).fillColor(COLOR.text).text(review.edition.title, { width: CONTENT_WIDTH });
  doc.moveDown(0.4);
  doc.font("regular").fontSize(SIZE.body + 1).fillColor(COLOR.muted);
  doc.text([formatDate(locale, review.edition.startsOn), review.edition.place].filter(Boolean).join(" · "), { width: CONTENT_WIDTH });
  doc.moveDown(1.2);
  doc.fillColor(COLOR.text);
  paragraph(
    ctx,
    review.previous
      ? t("review.lookingBackAt", { title: review.previous.title, date: formatDate(locale, review.previous.startsOn) })
      : t("review.noPrevious"),
  );
  paragraph(ctx, t("review.period", { from: formatDate(locale, review.period.after), to: formatDate(locale, review.period.to) }));
  paragraph(ctx, t("review.dataAsOf", { date: dataAsOf }));
  doc.moveDown(0.6);
  doc.font("bold").fontSize(SIZE.h2).text(t("review.definitionsTitle"), MARGIN.left, doc.y, { width: CONTENT_WIDTH });
  doc.moveDown(0.3);
  paragraph(ctx, t("review.definitions"), { size: SIZE.table });

  // The contents page, filled in once every section knows its page.
  doc.addPage();
  const contentsPage = pageIndex(doc);
  doc.addPage();

  section(ctx, t("review.figures"));
  drawTable(ctx, tables.figures!);
  drawTable(ctx, tables.status!);
  const s = review.summary;
  const statusBars: Bar[] = [
    { key: "reports.col.fulfilled" as MessageKey, statuses: ["fulfilled"] as const },
    { key: "reports.col.partiallyFulfilled" as MessageKey, statuses: ["partially_fulfilled"] as const },
    { key: "reports.col.notFulfilled" as MessageKey, statuses: ["not_fulfilled"] as const },
    { key: "reports.col.withdrawn" as MessageKey, statuses: ["withdrawn"] as const },
    { key: "review.col.open" as MessageKey, statuses: openCommitmentStatuses },
  ].map(({ key, statuses }) => {
    const all = statuses.reduce((n, st) => n + s.byStatus[st], 0);
    const self = statuses.reduce((n, st) => n + s.selfReportedByStatus[st], 0);
    return {
      label: t(key),
      segments: [
        { value: all - self, color: COLOR.bar },
        { value: self, color: COLOR.light },
      ],
      valueText: ctx.n(all),
    };
  });
  drawBars(ctx, t("review.chart.status"), statusBars, Math.max(1, ...statusBars.map((b) => b.segments[0]!.value + b.segments[1]!.value)), [
    { label: t("review.col.verified"), color: COLOR.bar },
    { label: t("review.col.selfReported"), color: COLOR.light },
  ]);

  section(ctx, t("review.byNiem"));
  drawBars(
    ctx,
    t("reports.rateChart"),
    review.byArea.map((g) => ({
      label: enumLabel(t, "niemArea", g.key),
      segments: [{ value: g.rate ?? 0, color: COLOR.bar }],
      valueText: g.rate === null ? t("common.none") : `${ctx.n(g.rate)} %`,
    })),
    100,
  );
  drawTable(ctx, tables.area!);
  subheading(ctx, tables.dimension!.title);
  drawTable(ctx, tables.dimension!);

  section(ctx, tables.kind!.title);
  drawTable(ctx, tables.kind!);
  section(ctx, tables.oblast!.title);
  drawTable(ctx, tables.oblast!);

  section(ctx, t("review.joint"));
  drawList(
    ctx,
    review.jointPledges.map((c) => ({ title: c.title, lines: [commitmentLine(ctx, c)] })),
    "review.noJoint",
  );

  section(ctx, t("review.highlights"));
  drawList(
    ctx,
    review.highlights.map((h) => ({
      title: h.title,
      lines: [h.caption ? `«${h.caption}»` : "", commitmentLine(ctx, h), h.evidence?.url ? `${t("review.evidence")}: ${h.evidence.url}` : h.evidence?.fileName ? `${t("review.evidence")}: ${h.evidence.fileName}` : ""],
    })),
    "review.noHighlights",
  );

  section(ctx, t("review.carriedOver"));
  drawList(
    ctx,
    review.carriedOver.map((c) => ({
      title: c.title,
      lines: [commitmentLine(ctx, c), `${t("review.col.carriedFrom")}: ${c.fromEventTitle ?? c.fromTitle}`],
    })),
    "review.noCarriedOver",
  );

  section(ctx, t("review.newPartnerships"));
  drawList(
    ctx,
    review.newPartnerships.map((p) => ({
      title: p.title,
      lines: [
        `${enumLabel(t, "partnershipKind", p.kind)} · ${enumLabel(t, "partnershipStatus", p.status)}${p.startsOn ? ` · ${t("review.since", { date: formatDate(locale, p.startsOn) })}` : ""}`,
        p.members.join(", "),
      ],
    })),
    "review.noPartnerships",
  );

  section(ctx, t("review.stories"));
  drawList(
    ctx,
    review.stories.map((story) => ({ title: story.title, lines: [story.summary, story.organizations.join(", ")] })),
    "review.noStories",
  );

  // Contents, with links to each section.
  doc.switchToPage(contentsPage);
  doc.font("bold").fontSize(SIZE.h1).fillColor(COLOR.accent).text(t("review.contents"), MARGIN.left, MARGIN.top, { width: CONTENT_WIDTH });
  doc.moveDown(0.8);
  for (const entry of ctx.sections) {
    const y = doc.y;
    const pageText = ctx.n(entry.page + 1);
    doc.font("regular").fontSize(SIZE.body + 1).fillColor(COLOR.text);
    doc.text(entry.title, MARGIN.left, y, { width: CONTENT_WIDTH - 50, goTo: entry.dest });
    const after = doc.y;
    doc.text(pageText, MARGIN.left + CONTENT_WIDTH - 50, y, { width: 50, align: "right", goTo: entry.dest });
    doc.y = Math.max(after, doc.y) + 4;
  }

  // Every page: its number, and the date of the data.
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const bottomMargin = doc.page.margins.bottom;
    doc.page.margins.bottom = 0; // writing in the margin must not start a new page
    doc.font("regular").fontSize(SIZE.small).fillColor(COLOR.muted);
    const y = PAGE.height - MARGIN.bottom + 24;
    doc.text(`${t("review.title")} · ${formatDate(locale, review.edition.startsOn)} · ${t("review.dataAsOf", { date: dataAsOf })}`, MARGIN.left, y, {
      width: CONTENT_WIDTH - 90,
      lineBreak: false,
    });
    doc.text(t("review.pageOf", { page: i + 1, pages: range.count }), MARGIN.left + CONTENT_WIDTH - 90, y, { width: 90, align: "right", lineBreak: false });
    doc.page.margins.bottom = bottomMargin;
  }
  doc.end();
  return done;
}
