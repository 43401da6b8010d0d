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

export async function tablesToXlsx(tables: ReportTable[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "BCRM Partners";
  tables.forEach((table, index) => {
    // Sheet names: at most 31 characters, none of : \ / ? * [ ], unique in the workbook.
    let name = table.title.replace(/[:\\/?*[\]]/g, " ").slice(0, 31);
    if (workbook.getWorksheet(name)) name = `${name.slice(0, 27)} (${index + 1})`;
    const sheet = workbook.addWorksheet(name);
    sheet.addRow(table.columns.map((c) => c.label)).font = { bold: true };
    // Text as string cells (never evaluated, so never prefixed), numbers as numbers.
    for (const row of table.rows) sheet.addRow(row);
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
