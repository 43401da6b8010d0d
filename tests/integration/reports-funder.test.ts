// Issue 17 point 9, reports a funder understands: all thirteen NIEM dimensions under their four
// areas (the 2021 forum's numbers against the seed), labels that do not collide with statuses,
// partnerships filtered by project, and worksheet names shortened by a rule, never mid-word.
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { getDb } from "#app/db/client.server.ts";
import { commitmentStatuses, niemDimensionsByArea, niemAreas } from "#app/domain/enums.ts";
import { reportTables } from "#app/domain/report.ts";
import { enumLabel, makeTranslate } from "#app/i18n/i18n.ts";
import { bg, en } from "#app/i18n/messages.ts";
import { SHEET_NAME_MAX, sheetName } from "#app/models/report-export.server.ts";
import * as partnershipsRoute from "#app/routes/partnerships._index.tsx";
import * as reportsRoute from "#app/routes/reports._index.tsx";
import * as xlsxRoute from "#app/routes/reports.export[.xlsx].ts";
import { call } from "#tests/helpers.ts";

const forum2021 = () =>
  (getDb().$client.prepare("SELECT id FROM events WHERE kind = 'national_forum' AND starts_on = '2021-11-30'").get() as { id: number }).id;

describe("the report breaks down by all thirteen NIEM dimensions, grouped under the four areas", () => {
  it("lists every dimension under its area, with counts that add up to the area's and match the database", async () => {
    const event = forum2021();
    const { data } = await call(reportsRoute, "loader", { path: `/reports?event=${event}`, as: "manager" });
    const byDimension = data.report.byDimension as Array<{ area: { key: string; made: number; rate: number | null }; dimensions: Array<{ key: string; made: number; byStatus: Record<string, number> }> }>;
    expect(byDimension.map((g) => g.area.key)).toEqual(niemAreas);
    const dimensions = byDimension.flatMap((g) => g.dimensions.map((d) => d.key));
    expect(dimensions).toHaveLength(13);
    for (const group of byDimension) {
      expect(group.dimensions.map((d) => d.key)).toEqual([...niemDimensionsByArea[group.area.key as keyof typeof niemDimensionsByArea]]);
      expect(group.dimensions.reduce((n, d) => n + d.made, 0)).toBe(group.area.made);
    }
    // Each dimension's count is what the database holds for the edition.
    const counts = getDb().$client.prepare("SELECT niem_dimension AS d, COUNT(*) AS n FROM commitments WHERE event_id = ? GROUP BY niem_dimension").all(event) as Array<{ d: string; n: number }>;
    expect(counts.length).toBeGreaterThan(5);
    for (const { d, n } of counts) expect(byDimension.flatMap((g) => g.dimensions).find((x) => x.key === d)?.made, d).toBe(n);
    // The area totals in this table are those of the area table (2021: 6, 4, 11, 8).
    expect(byDimension.map((g) => g.area.made)).toEqual([6, 4, 11, 8]);

    const table = reportTables(data.report, makeTranslate("bg")).find((t) => t.id === "dimension")!;
    expect(table.rows).toHaveLength(4 + 13);
    expect(table.groupRows).toEqual([0, 3, 7, 13]);
    expect(table.rows[0][0]).toBe("Общи условия – общо");
    expect(table.rows[1][0]).toBe("Въздействие на приема върху интеграцията");
  });
});

describe("labels a funder can read", () => {
  it("no column or measure of the report is named like a commitment status («Поети» beside «Поет»)", async () => {
    for (const [locale, messages] of [["bg", bg], ["en", en]] as const) {
      const t = makeTranslate(locale);
      const statusLabels = commitmentStatuses.map((s) => enumLabel(t, "commitmentStatus", s).toLowerCase());
      const { data } = await call(reportsRoute, "loader", { path: "/reports", as: "manager" });
      const tables = reportTables(data.report, t);
      expect(tables.length).toBeGreaterThan(3);
      // The columns that count commitments across statuses must not read as one status: «Поети»
      // (all made) beside the status «Поет» (made, not started) was the collision.
      const acrossStatuses = (["reports.col.made", "reports.col.open", "reports.col.overdue", "reports.col.unverified"] as const).map((k) => messages[k].toLowerCase());
      for (const label of acrossStatuses) {
        for (const status of statusLabels) expect(label.startsWith(status.slice(0, Math.max(3, status.length - 1))), `${locale}: «${label}» reads as the status «${status}»`).toBe(false);
      }
      const labels = tables.flatMap((x) => x.columns.map((c) => c.label.toLowerCase()));
      expect(labels).not.toContain(locale === "bg" ? "поети" : "made");
      // «В ход» / «Ongoing» is defined on the page, naming the statuses it stands for.
      expect(messages["reports.define.open"]).toContain(enumLabel(t, "commitmentStatus", "pledged"));
      expect(messages["reports.define.open"]).toContain(enumLabel(t, "commitmentStatus", "in_progress"));
    }
  });

  it("the percentage is explained in one sentence with a worked example whose number is the formula's", async () => {
    const { fulfilmentRate } = await import("#app/domain/fulfilment.ts");
    const rate = fulfilmentRate({ fulfilled: 5, partially_fulfilled: 2, withdrawn: 1, pledged: 2 });
    expect(rate).toBe(66.7);
    expect(bg["reports.rateDefinition"]).toContain("66,7%");
    expect(en["reports.rateDefinition"]).toContain("66.7%");
    for (const text of [bg["reports.rateDefinition"], en["reports.rateDefinition"]]) {
      // One sentence: a single full stop, at the end (decimal points and commas aside).
      expect(text.replace(/\d[.,]\d/g, "").match(/\.(\s|$)/g)).toHaveLength(1);
    }
  });
});

describe("worksheet names: shortened by a rule, never cut mid-word", () => {
  const wordsOf = (s: string) => s.split(/\s+/).filter(Boolean);
  it("keeps short names, drops whole words and bracketed remarks, leaves no preposition at the end, and keeps names unique", () => {
    expect(sheetName("Обобщение")).toBe("Обобщение");
    expect(sheetName("Изпълнение по вид на водещата организация")).toBe("Изпълнение по вид на водещата");
    expect(sheetName("Участие на бежанци (брой, без имена)")).toBe("Участие на бежанци");
    expect(sheetName("Fulfilment by kind of the lead organization")).toBe("Fulfilment by kind of the lead");
    expect(sheetName("Commitments made and kept by the partners of")).toBe("Commitments made and kept");
    expect(sheetName("Партньорства: по вид / статус?")).toBe("Партньорства по вид статус");
    const taken = new Set(["обобщение"]);
    expect(sheetName("Обобщение", taken)).toBe("Обобщение (2)");
    for (const title of ["Изпълнение по административна област на водещата организация", "Refugee participation (counts, no names) at events of the period", "Една много дълга дума: Свръхдългоопределителностите"]) {
      const name = sheetName(title);
      expect(name.length).toBeLessThanOrEqual(SHEET_NAME_MAX);
      const words = wordsOf(name);
      // Every word of the name is a whole word of the title, in order.
      const titleWords = wordsOf(title.replace(/[:\\/?*[\]]/g, " ").replace(/\([^)]*\)/g, " "));
      expect(titleWords.slice(0, words.length)).toEqual(words);
    }
  });

  it("the XLSX export's sheets have the report's short names, whole words, each at most 31 characters", async () => {
    const exported = await call(xlsxRoute, "loader", { path: `/reports/export.xlsx?event=${forum2021()}`, as: "admin" });
    expect(exported.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await exported.response!.arrayBuffer());
    const names = workbook.worksheets.map((s) => s.name);
    expect(names).toEqual(["Обобщение", "По област на НИЕМ", "По измерение на НИЕМ", "По вид организация", "По административна област", "Партньорства по вид и статус", "Участие на бежанци"]);
    // The area totals over their dimensions are bold, as on the page.
    const sheet = workbook.getWorksheet("По измерение на НИЕМ")!;
    expect(sheet.getRow(2).font?.bold).toBe(true);
    expect(sheet.getRow(3).font?.bold).toBeFalsy();
  });
});

describe("partnerships filter by project or programme", () => {
  it("«active partnerships of one project» can be asked, and the list offers the projects", async () => {
    const project = "Застъпничество за интеграция на бежанците в България";
    const { data } = await call(partnershipsRoute, "loader", { path: `/partnerships?project=${encodeURIComponent(project)}&status=active`, as: "coordinator" });
    expect(data.projects).toContain(project);
    expect(data.projects).toContain("Фонд „Убежище, миграция и интеграция“ (ФУМИ/AMIF)");
    const expected = getDb().$client.prepare("SELECT title FROM partnerships WHERE project = ? AND status = 'active' ORDER BY title").all(project) as Array<{ title: string }>;
    expect(expected.length).toBeGreaterThanOrEqual(2);
    expect(data.rows.map((r: { title: string }) => r.title).sort()).toEqual(expected.map((r) => r.title).sort());
    expect(data.total).toBe(expected.length);
    for (const row of data.rows) expect(row.project).toBe(project);
    // Another project's active partnerships are not among them.
    const all = await call(partnershipsRoute, "loader", { path: "/partnerships?status=active&perPage=100", as: "coordinator" });
    expect(all.data.total).toBeGreaterThan(data.total);
  });
});
