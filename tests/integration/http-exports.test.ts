// Files people open elsewhere, as a client receives them from the production server: the CSV dialect
// follows the user's language («;» and decimal commas in Bulgarian, «,» and points in English), XLSX
// text carries no apostrophe, the report's files hold exactly the report page's cells, and the
// /exports page says which file to choose for Excel, LibreOffice and Google Sheets.
import Database from "better-sqlite3";
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signIn, startDemoServer } from "../../scripts/lib/prod-server.ts";

let server: Awaited<ReturnType<typeof startDemoServer>>;
let cookie: string;

beforeAll(async () => {
  server = await startDemoServer();
  cookie = await signIn(server.url, "manager@bcrm.demo");
});
afterAll(async () => {
  await server?.cleanup();
});

async function get(path: string) {
  const response = await fetch(`${server.url}${path}`, { headers: { Cookie: cookie } });
  expect(response.status, path).toBe(200);
  return response;
}

async function switchLanguage(locale: "bg" | "en") {
  const response = await fetch(`${server.url}/set-locale`, {
    method: "POST",
    headers: { Cookie: cookie, Origin: server.url, "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ locale, redirectTo: "/exports" }),
    redirect: "manual",
  });
  expect(response.status).toBe(302);
}

async function csvOf(path: string, delimiter: string): Promise<{ text: string; records: string[][] }> {
  const response = await get(path);
  expect(response.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
  const bytes = Buffer.from(await response.arrayBuffer());
  // The BOM stays: without it Excel reads the UTF-8 Cyrillic as mojibake.
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = bytes.subarray(3).toString("utf8");
  return { text, records: parse(text, { delimiter, relax_column_count: true, skip_empty_lines: false }) };
}

async function workbookOf(path: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await (await get(path)).arrayBuffer()) as ArrayBuffer);
  return workbook;
}

function forum2021(): number {
  const db = new Database(server.databasePath, { readonly: true });
  try {
    return (db.prepare("SELECT id FROM events WHERE kind = 'national_forum' AND starts_on = '2021-11-30'").get() as { id: number }).id;
  } finally {
    db.close();
  }
}

// ---------------------------------------------------------------- the report page, read as HTML

const decode = (html: string) =>
  html
    .replace(/<!--.*?-->/g, "")
    .replace(/<[^>]+>/g, "")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&nbsp;/g, "\u00a0")
    .replace(/&amp;/g, "&")
    .trim();

/** Each report table of the page: its id, caption, header cells and body cells, as shown. */
function reportTablesOfPage(html: string) {
  const tables = [...html.replace(/\u0000/g, "").matchAll(/<table[^>]*id="report-([a-z]+)"[^>]*>([\s\S]*?)<\/table>/g)];
  return tables.map(([, id, inner]) => {
    const caption = decode(/<caption[^>]*>([\s\S]*?)<\/caption>/.exec(inner!)![1]!);
    const rowsOf = (section: string) =>
      [...section.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)].map(([, row]) => [...row!.matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map(([, cell]) => decode(cell!)));
    const head = rowsOf(/<thead>([\s\S]*?)<\/thead>/.exec(inner!)![1]!)[0]!;
    const body = rowsOf(/<tbody>([\s\S]*?)<\/tbody>/.exec(inner!)![1]!);
    // An empty table shows one row saying so, across all columns.
    const rows = body.length === 1 && body[0]!.length === 1 && head.length > 1 ? [] : body;
    return { id: id!, caption, head, rows };
  });
}

/** What the page shows for a cell of the file: a number in the locale's format, "—" for none. */
function asShown(value: unknown, locale: "bg-BG" | "en-GB"): string {
  if (value === null || value === undefined || value === "") return "—";
  if (typeof value === "number") return new Intl.NumberFormat(locale).format(value);
  return String(value);
}

describe("CSV in the user's language", () => {
  it("Bulgarian: «;» between fields, decimal commas, the BOM; English: «,» and decimal points", async () => {
    const event = forum2021();
    await switchLanguage("bg");
    const bg = await csvOf(`/reports/export.csv?event=${event}`, ";");
    expect(bg.text.split("\r\n")[1]).toBe("Показател;Стойност"); // the summary's header row: fields split by «;»
    const bgRates = bg.records.flat().filter((cell) => /^\d+,\d$/.test(cell));
    expect(bgRates).toContain("55,6");
    expect(bg.records.flat().some((cell) => /^\d+\.\d$/.test(cell))).toBe(false);

    const organizations = await csvOf("/exports/organizations.csv", ";");
    expect(organizations.records[0]!.length).toBe(14);
    expect(organizations.records.slice(1, -1).every((r) => r.length === 14)).toBe(true);

    await switchLanguage("en");
    try {
      const en = await csvOf(`/reports/export.csv?event=${event}`, ",");
      expect(en.records.flat()).toContain("55.6");
      expect(en.records.flat().some((cell) => /^\d+,\d$/.test(cell))).toBe(false);
      const enOrganizations = await csvOf("/exports/organizations.csv", ",");
      expect(enOrganizations.records[0]!.slice(0, 3)).toEqual(["No.", "Name", "Name in Latin script"]);
      expect(enOrganizations.records.slice(1, -1).every((r) => r.length === 14)).toBe(true);
    } finally {
      await switchLanguage("bg");
    }
  });
});

describe("the report's files hold exactly what the report page shows", () => {
  for (const locale of ["bg", "en"] as const) {
    it(`CSV and XLSX, every table, header and cell (${locale})`, async () => {
      const event = forum2021();
      const query = `?event=${event}&from=2021-01-01&basis=created`;
      await switchLanguage(locale);
      try {
        const page = reportTablesOfPage(await (await get(`/reports${query}`)).text());
        // Summary, area, NIEM dimension (issue 17), organization kind, oblast, partnerships, refugees.
        expect(page.length).toBe(7);
        expect(page.find((t) => t.id === "dimension")!.rows.length).toBe(4 + 13);
        expect(page.find((t) => t.id === "area")!.rows.length).toBeGreaterThan(2);
        const intl = locale === "bg" ? "bg-BG" : "en-GB";

        // CSV: blocks of title, header, rows, blank line — each cell as the page shows it.
        const { records } = await csvOf(`/reports/export.csv${query}`, locale === "bg" ? ";" : ",");
        const blocks: string[][][] = [[]];
        for (const record of records) {
          if (record.length === 1 && record[0] === "") blocks.push([]);
          else blocks.at(-1)!.push(record);
        }
        const filled = blocks.filter((b) => b.length);
        expect(filled.length).toBe(page.length);
        page.forEach((table, i) => {
          const [title, header, ...rows] = filled[i]!;
          expect(title).toEqual([table.caption]);
          expect(header).toEqual(table.head);
          const parseNumber = (cell: string) => (locale === "bg" ? Number(cell.replace(",", ".")) : Number(cell));
          expect(rows.map((row) => row.map((cell, c) => (c === 0 ? cell : asShown(cell === "" ? null : parseNumber(cell), intl)))), table.id).toEqual(table.rows);
        });

        // XLSX: one worksheet per table, numbers as numbers.
        const workbook = await workbookOf(`/reports/export.xlsx${query}`);
        expect(workbook.worksheets.length).toBe(page.length);
        page.forEach((table, i) => {
          const sheet = workbook.worksheets[i]!;
          const values: unknown[][] = [];
          sheet.eachRow((row) => values.push((row.values as unknown[]).slice(1)));
          expect(values[0]).toEqual(table.head);
          const rows = values.slice(1).map((r) => table.head.map((_, c) => r[c] ?? null));
          for (const row of rows) for (const cell of row.slice(1)) expect(cell === null || typeof cell === "number").toBe(true);
          expect(rows.map((row) => row.map((cell) => asShown(cell, intl))), table.id).toEqual(table.rows);
        });
      } finally {
        await switchLanguage("bg");
      }
    });
  }
});

describe("XLSX text as entered", () => {
  it("phone numbers of organizations and people have no apostrophe and are string cells", async () => {
    for (const [file, column] of [["organizations.xlsx", 10], ["people.xlsx", 7]] as const) {
      const sheet = (await workbookOf(`/exports/${file}?archived=all`)).worksheets[0]!;
      const phones: ExcelJS.Cell[] = [];
      sheet.eachRow((row, n) => {
        if (n > 1 && row.getCell(column).value) phones.push(row.getCell(column));
      });
      expect(phones.filter((c) => String(c.value).startsWith("+359")).length, file).toBeGreaterThan(50);
      for (const cell of phones) {
        expect(cell.type, file).toBe(ExcelJS.ValueType.String);
        expect(String(cell.value), file).not.toMatch(/^'/);
      }
    }
    // In CSV the same numbers keep OWASP's apostrophe (the /exports page says so).
    const { records } = await csvOf("/exports/organizations.csv", ";");
    expect(records.slice(1).filter((r) => r[9]?.startsWith("'+359")).length).toBeGreaterThan(50);
  });
});

describe("the /exports page", () => {
  it("says which file to choose for Excel, LibreOffice and Google Sheets, in each language", async () => {
    const bg = decode(await (await get("/exports")).text());
    expect(bg).not.toContain("CSV се отваря в Excel с кирилицата");
    expect(bg).toContain("Кой файл да изберете");
    for (const text of ["Excel", "LibreOffice Calc", "Google Sheets", "„;“", "41,4", "'+359 2"]) expect(bg).toContain(text);

    await switchLanguage("en");
    try {
      const en = decode(await (await get("/exports")).text());
      expect(en).toContain("Which file to choose");
      for (const text of ["Excel", "LibreOffice Calc", "Google Sheets", "“,”", "41.4", "'+359 2"]) expect(en).toContain(text);
    } finally {
      await switchLanguage("bg");
    }
  });
});
