// Exports: real XLSX and CSV files of exactly the list view, neutralised formulas, access and audit.
import { parse } from "csv-parse/sync";
import { and, desc, eq } from "drizzle-orm";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { getDb } from "#app/db/client.server.ts";
import { auditEntries, commitments, partnerships } from "#app/db/schema.ts";
import { fulfilmentRate } from "#app/domain/fulfilment.ts";
import { exportKinds } from "#app/domain/exports.ts";
import { createOrganization } from "#app/models/organizations.server.ts";
import { listCommitments, parseCommitmentListParams } from "#app/models/commitments.server.ts";
import { listFollowUps, parseFollowUpListParams } from "#app/models/follow-ups.server.ts";
import { listPartnerships, parsePartnershipListParams } from "#app/models/partnerships.server.ts";
import * as exportRoute from "#app/routes/exports.$file.ts";
import * as exportsPage from "#app/routes/exports._index.tsx";
import * as organizationsList from "#app/routes/organizations._index.tsx";
import { call, userIdOf, type DemoUser } from "#tests/helpers.ts";

async function download(file: string, query = "", as: DemoUser = "manager") {
  const outcome = await call(exportRoute, "loader", { path: `/exports/${file}${query}`, params: { file }, as });
  expect(outcome.status).toBe(200);
  return { response: outcome.response!, bytes: Buffer.from(await outcome.response!.arrayBuffer()) };
}

/** The CSV read back as an array of records (header first), checking the BOM is there; the demo users read Bulgarian: «;». */
function readCsv(bytes: Buffer): string[][] {
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = bytes.subarray(3).toString("utf8");
  expect(text).toContain("\r\n");
  return parse(text, { delimiter: ";", relax_column_count: false });
}

async function readXlsx(bytes: Buffer) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  return workbook;
}

/** Every row of the list page for a URL, across all its pages, in order. */
async function listRowsAcrossPages(route: typeof organizationsList, path: string, query: string) {
  const rows: any[] = [];
  for (let page = 1; ; page++) {
    const outcome = await call(route, "loader", { path: `${path}?${query}&perPage=10&page=${page}`, as: "manager" });
    const data = await outcome.response!.json();
    rows.push(...data.rows);
    if (rows.length >= data.total) return rows;
  }
}

const coordinator = () => ({
  id: userIdOf("coordinator"),
  email: "coordinator@bcrm.demo",
  name: "Coordinator",
  role: "coordinator" as const,
  organizationId: null,
  locale: "bg" as const,
});

describe("partnerships export", () => {
  it("the XLSX reads back with the sheet, a Bulgarian header, typed date cells and Cyrillic titles", async () => {
    const { response, bytes } = await download("partnerships.xlsx");
    expect(response.headers.get("Content-Type")).toContain("spreadsheetml");
    expect(response.headers.get("Content-Disposition")).toMatch(/^attachment; filename="bcrm-partnerships-\d{4}-\d{2}-\d{2}\.xlsx"$/);
    const workbook = await readXlsx(bytes);
    const sheet = workbook.getWorksheet("Партньорства");
    expect(sheet).toBeDefined();
    const header = (sheet!.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual([
      "№", "Заглавие", "Вид", "Статус", "Начало", "Край", "Водеща организация", "Членове и роли",
      "Проект или програма", "Отговорник в БСБМ", "Брой ангажименти", "Изпълнение на ангажиментите, %",
    ]);
    expect(sheet!.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(sheet!.autoFilter).toBeTruthy();

    const stored = getDb().select().from(partnerships).all();
    expect(sheet!.rowCount - 1).toBe(stored.length);
    const titles = new Set(stored.map((p) => p.title));
    let dateCells = 0;
    let ratedRows = 0;
    const allCommitments = getDb().select().from(commitments).all();
    for (let r = 2; r <= sheet!.rowCount; r++) {
      const row = sheet!.getRow(r);
      const title = row.getCell(2).value as string;
      expect(titles.has(title)).toBe(true);
      expect(title).toMatch(/[А-Яа-я]/);
      const partnership = stored.find((p) => p.id === row.getCell(1).value)!;
      const start = row.getCell(5).value;
      if (partnership.startsOn) {
        expect(start).toBeInstanceOf(Date);
        expect((start as Date).toISOString().slice(0, 10)).toBe(partnership.startsOn);
        dateCells++;
      }
      expect(typeof row.getCell(11).value).toBe("number");
      // Members count and fulfilment rate as the report counts it (docs/decisions/005).
      const owned = allCommitments.filter((c) => c.partnershipId === partnership.id);
      expect(row.getCell(11).value).toBe(owned.length);
      const counts: Record<string, number> = {};
      for (const c of owned) counts[c.status] = (counts[c.status] ?? 0) + 1;
      const rate = fulfilmentRate(counts);
      expect(row.getCell(12).value ?? null).toBe(rate);
      if (rate !== null) ratedRows++;
    }
    expect(dateCells).toBeGreaterThan(0);
    expect(ratedRows).toBeGreaterThan(0);
  });

  it("the CSV reads back equal to the list's rows and order", async () => {
    const query = "?sort=start&dir=desc";
    const [header, ...records] = readCsv((await download("partnerships.csv", query)).bytes);
    expect(header[1]).toBe("Заглавие");
    const manager = { ...coordinator(), id: userIdOf("manager"), role: "manager" as const };
    const params = parsePartnershipListParams(new URLSearchParams(`${query.slice(1)}&perPage=100`));
    const listed = listPartnerships(manager, params).rows;
    expect(records.map((r) => Number(r[0]))).toEqual(listed.map((p) => p.id));
    expect(records.map((r) => r[1])).toEqual(listed.map((p) => p.title));
    // Members with their roles in the user's language.
    expect(records.some((r) => /\((водеща|партньор|финансираща|[^)]+)\)/.test(r[7]))).toBe(true);
  });
});

describe("commitments and follow-ups exports", () => {
  const manager = () => ({ ...coordinator(), id: userIdOf("manager"), role: "manager" as const });

  it("commitments: the filtered view's rows in its order, with NIEM area, status, verification and the latest update", async () => {
    const query = "area=socio_economic&sort=due&dir=asc";
    const [header, ...records] = readCsv((await download("commitments.csv", `?${query}`)).bytes);
    expect(header).toContain("Област на НИЕМ");
    expect(header).toContain("Последна актуализация");
    const listed = listCommitments(manager(), parseCommitmentListParams(new URLSearchParams(`${query}&perPage=100`))).rows;
    expect(records.length).toBeGreaterThan(0);
    expect(records.map((r) => Number(r[0]))).toEqual(listed.map((c) => c.id));
    expect(records.every((r) => r[6] === "Социално-икономическа интеграция")).toBe(true);
    expect(records.some((r) => r[14] && /^\d{4}-\d{2}-\d{2}$/.test(r[15]))).toBe(true);
  });

  it("follow-ups: the list's view for the same URL, and typed due dates in the XLSX", async () => {
    const query = "status=open&sort=due&dir=desc";
    const [, ...records] = readCsv((await download("follow-ups.csv", `?${query}`)).bytes);
    const listed = listFollowUps(manager(), parseFollowUpListParams(new URLSearchParams(`${query}&perPage=100`))).rows;
    expect(records.map((r) => Number(r[0]))).toEqual(listed.map((f) => f.id));
    const sheet = (await readXlsx((await download("follow-ups.xlsx", `?${query}`)).bytes)).worksheets[0]!;
    expect(sheet.getRow(2).getCell(3).value).toBeInstanceOf(Date);
  });

  it("every export's labels are translated (no raw enum keys) in Bulgarian", async () => {
    for (const kind of exportKinds) {
      const text = (await download(`${kind}.csv`, "")).bytes.toString("utf8");
      expect(text, kind).not.toMatch(/enum\.|exports\.col/);
    }
  });
});

describe("organizations export of a filtered list", () => {
  it("matches the list page for the same URL (?kind=ngo&sort=name&dir=desc), across all its pages", async () => {
    const query = "kind=ngo&sort=name&dir=desc";
    const listed = await listRowsAcrossPages(organizationsList, "/organizations", query);
    expect(listed.length).toBeGreaterThan(10);
    const [header, ...records] = readCsv((await download("organizations.csv", `?${query}&page=3&perPage=10`)).bytes);
    expect(header.slice(0, 3)).toEqual(["№", "Наименование", "Наименование на латиница"]);
    expect(records.map((r) => Number(r[0]))).toEqual(listed.map((o) => o.id));
    expect(records.map((r) => r[1])).toEqual(listed.map((o) => o.name));
    expect(records.every((r) => r[3] === "Неправителствена организация" || r[3].length > 0)).toBe(true);
  });

  it("a search with Latin letters exports the same rows as the list shows", async () => {
    const listed = await listRowsAcrossPages(organizationsList, "/organizations", "q=sofia");
    const [, ...records] = readCsv((await download("organizations.csv", "?q=sofia")).bytes);
    expect(records.map((r) => Number(r[0]))).toEqual(listed.map((o) => o.id));
  });
});

describe("formula injection", () => {
  it('a cell =HYPERLINK("http://x","y") is neutralised in CSV and a plain string cell in XLSX', async () => {
    const formula = '=HYPERLINK("http://x","y")';
    const id = createOrganization(coordinator(), {
      name: formula,
      kind: "other",
      oblast: null,
      municipality: "@SUM(1+1)",
      address: null,
      website: null,
      email: null,
      phone: null,
      description: "+359 -1",
      tags: [],
    });
    const [, ...records] = readCsv((await download("organizations.csv", "?kind=other")).bytes);
    const csvRow = records.find((r) => Number(r[0]) === id)!;
    expect(csvRow[1]).toBe(`'${formula}`);
    expect(csvRow[5]).toBe("'@SUM(1+1)");
    expect(csvRow[10]).toBe("'+359 -1");

    const sheet = (await readXlsx((await download("organizations.xlsx", "?kind=other")).bytes)).worksheets[0]!;
    const xlsxRow = [...Array(sheet.rowCount).keys()].map((i) => sheet.getRow(i + 1)).find((r) => r.getCell(1).value === id)!;
    // XLSX: string cells are never evaluated, so the text is kept exactly, with no prefix.
    expect(xlsxRow.getCell(2).value).toBe(formula);
    expect(xlsxRow.getCell(2).type).toBe(ExcelJS.ValueType.String);
    expect(xlsxRow.getCell(6).value).toBe("@SUM(1+1)");
    expect(xlsxRow.getCell(6).type).toBe(ExcelJS.ValueType.String);
    expect(xlsxRow.getCell(11).value).toBe("+359 -1");
  });
});

describe("who may export", () => {
  it("a partner gets 404 and a coordinator 403 for every export, and no audit entry is written", async () => {
    const before = getDb().select().from(auditEntries).where(eq(auditEntries.action, "export")).all().length;
    for (const kind of exportKinds) {
      for (const format of ["csv", "xlsx"]) {
        const file = `${kind}.${format}`;
        for (const [as, status] of [["partnerSofia", 404], ["partnerRedCross", 404], ["coordinator", 403]] as const) {
          const outcome = await call(exportRoute, "loader", { path: `/exports/${file}`, params: { file }, as });
          expect(outcome.status, `${as} ${file}`).toBe(status);
        }
      }
    }
    expect((await call(exportsPage, "loader", { path: "/exports", as: "partnerSofia" })).status).toBe(404);
    expect((await call(exportsPage, "loader", { path: "/exports", as: "coordinator" })).status).toBe(403);
    expect(getDb().select().from(auditEntries).where(eq(auditEntries.action, "export")).all().length).toBe(before);
  });

  it("an unknown kind or format is 404 for a manager", async () => {
    for (const file of ["refugees.csv", "organizations.pdf", "organizations", "..csv"]) {
      expect((await call(exportRoute, "loader", { path: `/exports/${file}`, params: { file }, as: "manager" })).status).toBe(404);
    }
  });

  it("each export leaves an audit entry with who, the kind, format, filters and row count", async () => {
    for (const [file, query] of [["organizations.csv", "?kind=ngo&sort=name&dir=desc&page=2"], ["partnerships.xlsx", "?status=active"], ["people.csv", ""]] as const) {
      const { bytes } = await download(file, query, "admin");
      const entry = getDb()
        .select()
        .from(auditEntries)
        .where(and(eq(auditEntries.action, "export"), eq(auditEntries.entityType, "export")))
        .orderBy(desc(auditEntries.id))
        .get()!;
      expect(entry.userId).toBe(userIdOf("admin"));
      const detail = JSON.parse(entry.detail!);
      const [kind, format] = file.split(".");
      expect(detail).toMatchObject({ kind, format, filters: Object.fromEntries(new URLSearchParams(query.replace("&page=2", ""))) });
      const rows = format === "csv" ? readCsv(bytes).length - 1 : (await readXlsx(bytes)).worksheets[0]!.rowCount - 1;
      expect(detail.rowCount).toBe(rows);
    }
  });
});

describe("the exports page", () => {
  it("lists the standard exports with CSV and XLSX links for a manager", async () => {
    const outcome = await call(exportsPage, "loader", { path: "/exports", as: "manager" });
    expect(outcome.status).toBe(200);
    const data = await outcome.response!.json();
    expect(data.kinds).toEqual(expect.arrayContaining(["organizations", "people", "partnerships"]));
  });

  it("people exports never contain refugee contacts", async () => {
    const [, ...records] = readCsv((await download("people.csv", "?archived=all")).bytes);
    const names = records.map((r) => r[1]);
    expect(names.length).toBeGreaterThan(0);
    expect(names).not.toContain("Фатима (псевдоним)");
    expect(names).not.toContain("Хамид Н.");
  });
});
