// The forum report: fulfilment by NIEM area for the 2021 forum against numbers worked out by hand
// from app/db/seed-demo.server.ts, and the export equal to what the page shows.
import ExcelJS from "exceljs";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { getDb } from "#app/db/client.server.ts";
import { reportTables } from "#app/domain/report.ts";
import { makeTranslate } from "#app/i18n/i18n.ts";
import * as reportsRoute from "#app/routes/reports._index.tsx";
import * as csvRoute from "#app/routes/reports.export[.csv].ts";
import * as xlsxRoute from "#app/routes/reports.export[.xlsx].ts";
import { call, latestAudit } from "#tests/helpers.ts";

const forum2021 = () =>
  (getDb().$client.prepare("SELECT id FROM events WHERE kind = 'national_forum' AND starts_on = '2021-11-30'").get() as { id: number }).id;

/*
 * The 29 commitments of the 2021 forum in the seed, by NIEM area (status = the last update's):
 *  general (6):         sofia-info-center F, sofia-strategy IP, bcrm-manifesto F, bcrm-niem-report F,
 *                       sar-skills IP, plovdiv-coordinator NF                  → 3 / 6           = 50 %
 *  legal (4):           redcross-tracing PF, unhcr-family-legal F, sar-documents PF,
 *                       mp-naturalization NF                                   → (1 + 2·½) / 4   = 50 %
 *  socio-economic (11): sofia-housing PF, redcross-health F, redcross-starter-packs NF,
 *                       mtsp-employment-plan F, mtsp-social-assistance IP, az-mobile-offices W,
 *                       mz-translations W, caritas-housing IP, wings-psychosocial F,
 *                       telus-hiring F, panorama-seasonal PF                   → (4 + 2·½) / (11 − 2) = 55.6 %
 *  socio-cultural (8):  sofia-redcross-language IP, sofia-kindergartens F (unverified),
 *                       redcross-volunteers P, multikulti-culture F, mon-language IP,
 *                       harmanli-schools IP, syrian-mentoring P, su-language P → 2 / 8           = 25 %
 */
const expectedByArea = [
  { key: "general", made: 6, fulfilled: 3, partially: 0, notFulfilled: 1, withdrawn: 0, unverified: 0, rate: 50 },
  { key: "legal", made: 4, fulfilled: 1, partially: 2, notFulfilled: 1, withdrawn: 0, unverified: 1, rate: 50 },
  { key: "socio_economic", made: 11, fulfilled: 4, partially: 2, notFulfilled: 1, withdrawn: 2, unverified: 0, rate: 55.6 },
  { key: "socio_cultural", made: 8, fulfilled: 2, partially: 0, notFulfilled: 0, withdrawn: 0, unverified: 1, rate: 25 },
];

describe("reports: fulfilment rate by area for the 2021 forum", () => {
  it("matches the hand-computed fixture", async () => {
    const event = forum2021();
    const { status, data } = await call(reportsRoute, "loader", { path: `/reports?event=${event}`, as: "manager" });
    expect(status).toBe(200);
    const byArea = data.report.byArea.map((b: any) => ({
      key: b.key,
      made: b.made,
      fulfilled: b.byStatus.fulfilled,
      partially: b.byStatus.partially_fulfilled,
      notFulfilled: b.byStatus.not_fulfilled,
      withdrawn: b.byStatus.withdrawn,
      unverified: b.unverified,
      rate: b.rate,
    }));
    expect(byArea).toEqual(expectedByArea);
    expect(data.report.summary.made).toBe(29);
    // (10 fulfilled + 4 partially · ½) / (29 − 2 withdrawn) = 12 / 27
    expect(data.report.summary.rate).toBe(44.4);
    expect(data.report.refugeeParticipation).toEqual([
      { role: "speaker", count: 1 },
      { role: "story_teller", count: 1 },
      { role: "community_representative", count: 1 },
    ]);
  });

  it("filters by period in the URL (due date) and reports filters that do not parse", async () => {
    const event = forum2021();
    const { data } = await call(reportsRoute, "loader", { path: `/reports?event=${event}&from=2022-01-01&to=2022-06-30`, as: "coordinator" });
    const expected = (
      getDb().$client.prepare("SELECT COUNT(*) AS n FROM commitments WHERE event_id = ? AND due_on BETWEEN '2022-01-01' AND '2022-06-30'").get(event) as {
        n: number;
      }
    ).n;
    expect(data.report.summary.made).toBe(expected);
    const bad = await call(reportsRoute, "loader", { path: "/reports?event=abc&from=2021-13-45", as: "coordinator" });
    expect(bad.status).toBe(200);
    expect(bad.data.invalidFilters.sort()).toEqual(["event", "from"]);
  });
});

describe("reports: access", () => {
  it("managers, admins and coordinators read; a partner gets 404; only managers and admins export", async () => {
    for (const who of ["manager", "admin", "coordinator"] as const) {
      expect((await call(reportsRoute, "loader", { path: "/reports", as: who })).status).toBe(200);
    }
    expect((await call(reportsRoute, "loader", { path: "/reports", as: "partnerSofia" })).status).toBe(404);
    expect((await call(csvRoute, "loader", { path: "/reports/export.csv", as: "coordinator" })).status).toBe(403);
    expect((await call(csvRoute, "loader", { path: "/reports/export.csv", as: "partnerRedCross" })).status).toBe(404);
    const { data } = await call(reportsRoute, "loader", { path: "/reports", as: "coordinator" });
    expect(data.canExport).toBe(false);
  });
});

describe("reports: the export equals the page", () => {
  it("CSV: every table of the page, same titles, headers and cells; the export is audited", async () => {
    const event = forum2021();
    const path = `/reports?event=${event}&from=2021-01-01&basis=created`;
    const page = await call(reportsRoute, "loader", { path, as: "manager" });
    const pageTables = reportTables(page.data.report, makeTranslate("bg"));

    const exported = await call(csvRoute, "loader", { path: path.replace("/reports", "/reports/export.csv"), as: "manager" });
    expect(exported.status).toBe(200);
    expect(exported.response?.headers.get("Content-Type")).toContain("text/csv");
    const text = await exported.response!.text();
    // A Bulgarian reader's CSV: «;» between fields, decimal commas.
    const records: string[][] = parse(text.replace(/^\uFEFF/, ""), { delimiter: ";", relax_column_count: true, skip_empty_lines: false });

    // Rebuild the tables from the CSV blocks (title, header, rows, blank line).
    const blocks: string[][][] = [];
    let current: string[][] = [];
    for (const record of records) {
      if (record.length === 1 && record[0] === "") {
        blocks.push(current);
        current = [];
      } else current.push(record);
    }
    if (current.length) blocks.push(current);
    expect(blocks.length).toBe(pageTables.length);
    pageTables.forEach((table, i) => {
      const [title, header, ...rows] = blocks[i];
      expect(title).toEqual([table.title]);
      expect(header).toEqual(table.columns.map((c) => c.label));
      expect(rows).toEqual(table.rows.map((row) => row.map((cell) => (cell === null ? "" : String(cell).replace(".", ",")))));
    });
    // The area table is in it, with the 2021 forum's numbers.
    const area = pageTables.find((t) => t.id === "area")!;
    expect(area.rows.map((r) => r.at(-1))).toEqual([50, 50, 55.6, 25]);

    const audit = latestAudit();
    expect(audit.action).toBe("export");
    expect(JSON.parse(audit.detail!)).toMatchObject({ export: "report", format: "csv", filters: { event } });
  });

  it("XLSX: one worksheet per table with the same cells", async () => {
    const event = forum2021();
    const page = await call(reportsRoute, "loader", { path: `/reports?event=${event}`, as: "admin" });
    const pageTables = reportTables(page.data.report, makeTranslate("bg"));
    const exported = await call(xlsxRoute, "loader", { path: `/reports/export.xlsx?event=${event}`, as: "admin" });
    expect(exported.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await exported.response!.arrayBuffer());
    expect(workbook.worksheets.length).toBe(pageTables.length);
    pageTables.forEach((table, i) => {
      const sheet = workbook.worksheets[i];
      const values: unknown[][] = [];
      sheet.eachRow((row) => values.push((row.values as unknown[]).slice(1)));
      expect(values[0]).toEqual(table.columns.map((c) => c.label));
      expect(values.slice(1).map((r) => table.columns.map((_, c) => r[c] ?? null))).toEqual(table.rows);
    });
  });
});
