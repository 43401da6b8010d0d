// Issue 17 point 3: the audit log filtered by user, action, record kind, record and date range
// (all in the URL), each entry linked to its record, changes in words, and the filtered log exported.
import { parse } from "csv-parse/sync";
import { desc, eq } from "drizzle-orm";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "#app/db/client.server.ts";
import { auditEntries, commitmentUpdates } from "#app/db/schema.ts";
import { getOrganization, updateOrganization } from "#app/models/organizations.server.ts";
import * as auditRoute from "#app/routes/admin.audit.tsx";
import * as exportRoute from "#app/routes/exports.$file.ts";
import { call, userIdOf } from "#tests/helpers.ts";
import { actingAs, orgId, SOFIA } from "./record-fixtures.ts";

const audit = async (query: string, as: "admin" | "manager" = "admin") => {
  const outcome = await call(auditRoute, "loader", { path: `/admin/audit${query}`, as });
  expect(outcome.status).toBe(200);
  return outcome.response!.json();
};

let sofiaId = 0;
let oldEntryId = 0;

beforeAll(() => {
  sofiaId = orgId(SOFIA);
  const coordinator = actingAs("coordinator");
  const before = getOrganization(coordinator, sofiaId);
  const result = updateOrganization(coordinator, sofiaId, before.version, {
    ...before,
    kind: "ngo",
    tags: before.tags,
  } as any);
  expect(result.ok).toBe(true);
  getDb().insert(auditEntries).values({ userId: userIdOf("coordinator"), action: "login", entityType: "session" }).run();
  // An entry of another day: 21:30 UTC on 10 March 2024 is 23:30 that day in Sofia.
  oldEntryId = getDb()
    .insert(auditEntries)
    .values({ at: "2024-03-10T21:30:00.000Z", userId: userIdOf("admin"), action: "update", entityType: "organization", entityId: sofiaId, changes: JSON.stringify({ phone: ["1", "2"] }) })
    .returning({ id: auditEntries.id })
    .get().id;
});

describe("audit log filters", () => {
  it("by record kind and record: only that record's entries, each linked to its page", async () => {
    const data = await audit(`?entityType=organization&entityId=${sofiaId}`);
    expect(data.rows.length).toBeGreaterThan(1);
    expect(data.rows.every((r: any) => r.entityType === "organization" && r.entityId === sofiaId)).toBe(true);
    expect(data.rows.every((r: any) => r.href === `/organizations/${sofiaId}`)).toBe(true);
  });

  it("by user and by action", async () => {
    const coordinatorId = userIdOf("coordinator");
    const byUser = await audit(`?user=${coordinatorId}`);
    expect(byUser.rows.length).toBeGreaterThan(0);
    expect(byUser.rows.every((r: any) => r.userId === coordinatorId)).toBe(true);
    expect(byUser.total).toBe(getDb().select().from(auditEntries).where(eq(auditEntries.userId, coordinatorId)).all().length);
    const updates = await audit(`?action=update&user=${coordinatorId}`);
    expect(updates.rows.length).toBeGreaterThan(0);
    expect(updates.rows.every((r: any) => r.action === "update" && r.userId === coordinatorId)).toBe(true);
    const allUpdates = await audit("?action=update");
    expect(allUpdates.rows.every((r: any) => r.action === "update")).toBe(true);
    expect(allUpdates.total).toBe(getDb().select().from(auditEntries).where(eq(auditEntries.action, "update")).all().length);
    expect(allUpdates.total).toBeLessThan((await audit("")).total);
  });

  it("by date range in Sofia days, typed as the user writes dates", async () => {
    const that = await audit("?from=10.03.2024&to=10.03.2024");
    expect(that.rows.map((r: any) => r.id)).toEqual([oldEntryId]);
    const iso = await audit("?from=2024-03-10&to=2024-03-10");
    expect(iso.rows.map((r: any) => r.id)).toEqual([oldEntryId]);
    expect((await audit("?from=11.03.2024&to=11.03.2024")).total).toBe(0);
    // Everything else is newer than that day.
    const since = await audit("?from=11.03.2024");
    expect(since.total).toBe(getDb().select().from(auditEntries).all().length - 1);
  });

  it("a progress report links to its commitment", async () => {
    const update = getDb().select().from(commitmentUpdates).orderBy(desc(commitmentUpdates.id)).get();
    expect(update).toBeTruthy();
    getDb().insert(auditEntries).values({ userId: userIdOf("admin"), action: "progress_update", entityType: "commitment_update", entityId: update!.id }).run();
    const data = await audit(`?entityType=commitment_update&entityId=${update!.id}`);
    expect(data.rows.length).toBeGreaterThan(0);
    expect(data.rows[0].href).toBe(`/commitments/${update!.commitmentId}`);
  });

  it("nonsense filters are dropped, not a 500", async () => {
    const data = await audit("?user=abc&entityType=spaceship&from=99.99.2024&entityId=-3&action=DROP%20TABLE");
    for (const key of ["user", "entityType", "entityId", "action", "from"]) expect(data.params.filters[key] ?? null, key).toBeNull();
    expect(data.total).toBe(getDb().select().from(auditEntries).all().length);
  });

  it("only admins read it", async () => {
    expect((await call(auditRoute, "loader", { path: "/admin/audit", as: "manager" })).status).toBe(403);
  });
});

describe("audit log export", () => {
  it("the CSV holds exactly the filtered entries, changes in words, and is itself audited", async () => {
    const query = `?entityType=organization&entityId=${sofiaId}`;
    const listed = await audit(`${query}&perPage=100`);
    const outcome = await call(exportRoute, "loader", { path: `/exports/audit.csv${query}`, params: { file: "audit.csv" }, as: "admin" });
    expect(outcome.status).toBe(200);
    const text = Buffer.from(await outcome.response!.arrayBuffer()).subarray(3).toString("utf8");
    const [header, ...records] = parse(text, { delimiter: ";" }) as string[][];
    expect(header).toContain("Промени");
    expect(records.map((r) => Number(r[0]))).toEqual(listed.rows.map((r: any) => r.id));
    expect(records.every((r) => r.includes(`/organizations/${sofiaId}`))).toBe(true);
    // The old entry's change, in words: the field's label and before → after.
    const old = records.find((r) => Number(r[0]) === oldEntryId)!;
    expect(old.join("|")).toContain("Телефон: 1 → 2");
    const entry = getDb().select().from(auditEntries).orderBy(desc(auditEntries.id)).get()!;
    expect(entry).toMatchObject({ action: "export", entityType: "export", userId: userIdOf("admin") });
    expect(JSON.parse(entry.detail!)).toMatchObject({ kind: "audit", format: "csv", rowCount: records.length, filters: { entityType: "organization", entityId: String(sofiaId) } });
  });

  it("the XLSX too; a manager (who exports lists) may not export the audit log", async () => {
    const outcome = await call(exportRoute, "loader", { path: `/exports/audit.xlsx?action=update`, params: { file: "audit.xlsx" }, as: "admin" });
    expect(outcome.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await outcome.response!.arrayBuffer()) as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.rowCount).toBeGreaterThan(1);
    const actionColumn = (sheet.getRow(1).values as string[]).indexOf("Действие");
    for (let i = 2; i <= sheet.rowCount; i++) expect(sheet.getRow(i).getCell(actionColumn).value).toBe("промяна");
    const before = getDb().select().from(auditEntries).all().length;
    expect((await call(exportRoute, "loader", { path: "/exports/audit.csv", params: { file: "audit.csv" }, as: "manager" })).status).toBe(403);
    expect(getDb().select().from(auditEntries).all().length).toBe(before);
  });
});
