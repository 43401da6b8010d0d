// The forum report as a file: the same tables the page shows (app/domain/report.ts), as CSV
// (one block per table) or XLSX (one worksheet per table). Exports are audited. The CSV dialect and
// formula neutralising are the ones every export uses: app/lib/spreadsheet-safety.ts.
import { stringify } from "csv-stringify/sync";
import ExcelJS from "exceljs";
import { requireCapability, type CurrentUser } from "../auth/access.server.ts";
import { getDb } from "../db/client.server.ts";
import type { Locale } from "../domain/enums.ts";
import { reportTables, type ReportCell, type ReportFilters, type ReportTable } from "../domain/report.ts";
import { makeTranslate } from "../i18n/i18n.ts";
import { csvOptions } from "../lib/spreadsheet-safety.ts";
import { writeAudit } from "./audit.server.ts";
import { buildReport } from "./reports.server.ts";

export type ReportFormat = "csv" | "xlsx";

/**
 * CSV in the reader's dialect (Bulgarian: «;» and decimal commas), UTF-8 with BOM: each table as its
 * title, header row and rows, then a blank line.
 */
export function tablesToCsv(tables: ReportTable[], locale: Locale): string {
  const records: ReportCell[][] = [];
  for (const table of tables) records.push([table.title], table.columns.map((c) => c.label), ...table.rows, []);
  return stringify(records, csvOptions(locale));
}

/** Excel's limit on a worksheet's name. */
export const SHEET_NAME_MAX = 31;
/** Words a shortened name must not end on (it would read as cut off): prepositions and conjunctions. */
const DANGLING = new Set(["и", "в", "във", "на", "по", "за", "от", "с", "със", "до", "без", "към", "или", "a", "an", "and", "by", "for", "in", "of", "on", "or", "the", "to", "with"]);

/**
 * A worksheet name by a rule, never cut mid-word: without the characters Excel refuses (: \ / ? * [ ]);
 * remarks in brackets dropped when too long; then whole words from the end until it fits in 31
 * characters, and no preposition or conjunction left at its end; unique in the workbook
 * (case-insensitive, as Excel compares) by « (2)», « (3)»… after a name shortened by the same rule.
 */
export function sheetName(title: string, taken: ReadonlySet<string> = new Set()): string {
  const clean = (s: string) => s.replace(/[:\\/?*[\]]/g, " ").replace(/\s+/g, " ").trim().replace(/^'+|'+$/g, "");
  const fit = (s: string, max: number): string => {
    let text = clean(s);
    if (text.length > max) text = clean(text.replace(/\([^)]*\)/g, " "));
    const words = text.split(" ");
    while (words.length > 1 && words.join(" ").length > max) words.pop();
    while (words.length > 1 && DANGLING.has(words.at(-1)!.toLowerCase().replace(/[,;.–-]+$/, ""))) words.pop();
    const joined = words.join(" ").replace(/[,;.–-]+$/, "").trim();
    // A single word longer than the limit has no word boundary to cut at: the limit is all there is.
    return (joined.length > max ? joined.slice(0, max) : joined) || "Sheet";
  };
  const name = fit(title, SHEET_NAME_MAX);
  if (!taken.has(name.toLowerCase())) return name;
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`;
    const candidate = `${fit(title, SHEET_NAME_MAX - suffix.length)}${suffix}`;
    if (!taken.has(candidate.toLowerCase())) return candidate;
  }
}

export async function tablesToXlsx(tables: ReportTable[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "BCRM Partners";
  const taken = new Set<string>();
  tables.forEach((table) => {
    const name = sheetName(table.sheetName ?? table.title, taken);
    taken.add(name.toLowerCase());
    const sheet = workbook.addWorksheet(name);
    sheet.addRow(table.columns.map((c) => c.label)).font = { bold: true };
    // Text as string cells (never evaluated, so never prefixed), numbers as numbers.
    table.rows.forEach((row, i) => {
      const added = sheet.addRow(row);
      // An area's total over its dimensions, bold as on the page.
      if (table.groupRows?.includes(i)) added.font = { bold: true };
    });
    table.columns.forEach((c, i) => {
      sheet.getColumn(i + 1).width = c.kind === "text" ? 40 : 14;
    });
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The export a manager or admin downloads: the report for these filters, in their language, audited. */
export async function exportReport(
  user: CurrentUser,
  filters: ReportFilters,
  format: ReportFormat,
  ctx: { ip?: string | null } = {},
): Promise<{ body: string | Buffer; contentType: string; fileName: string }> {
  requireCapability(user, "export");
  const tables = reportTables(buildReport(user, filters), makeTranslate(user.locale));
  writeAudit(getDb(), {
    userId: user.id,
    action: "export",
    entityType: "export",
    detail: { export: "report", format, filters },
    ip: ctx.ip,
  });
  const fileName = `report${filters.event ? `-event-${filters.event}` : ""}${filters.from ? `-from-${filters.from}` : ""}${filters.to ? `-to-${filters.to}` : ""}.${format}`;
  if (format === "csv") return { body: tablesToCsv(tables, user.locale), contentType: "text/csv; charset=utf-8", fileName };
  return {
    body: await tablesToXlsx(tables),
    contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    fileName,
  };
}

/** The download response for a route. */
export function reportDownload(file: { body: string | Buffer; contentType: string; fileName: string }): Response {
  return new Response(typeof file.body === "string" ? file.body : new Uint8Array(file.body), {
    headers: {
      "Content-Type": file.contentType,
      "Content-Disposition": `attachment; filename="${file.fileName}"`,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
