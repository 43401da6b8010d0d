// Issue 17 point 5: every count of the report links to the commitments list filtered to exactly
// the records it counts — followed here for every cell, under several report filters.
import { describe, expect, it } from "vitest";
import { reportTables } from "#app/domain/report.ts";
import { makeTranslate } from "#app/i18n/i18n.ts";
import * as commitmentsList from "#app/routes/commitments._index.tsx";
import * as reportsRoute from "#app/routes/reports._index.tsx";
import { call } from "#tests/helpers.ts";
import { forumId } from "./record-fixtures.ts";

async function followEveryLink(query: string) {
  const outcome = await call(reportsRoute, "loader", { path: `/reports${query}`, as: "manager" });
  expect(outcome.status).toBe(200);
  const data = await outcome.response!.json();
  const tables = reportTables(data.report, makeTranslate("bg"), data.filters);
  let followed = 0;
  let nonZero = 0;
  for (const table of tables) {
    if (!table.links) continue;
    for (const [r, row] of table.rows.entries()) {
      for (const [i, value] of row.entries()) {
        const href = table.links[r]?.[i];
        if (!href) continue;
        const list = await (await call(commitmentsList, "loader", { path: href, as: "manager" })).response!.json();
        expect(list.total, `${table.id} row ${r} column ${i}: ${href}`).toBe(value);
        followed++;
        if (typeof value === "number" && value > 0) nonZero++;
      }
    }
  }
  return { followed, nonZero, tables };
}

describe("report links", () => {
  it("the whole report: every count of the summary, areas, dimensions, kinds and oblasts", async () => {
    const { followed, nonZero, tables } = await followEveryLink("");
    expect(tables.filter((t) => t.links).map((t) => t.id)).toEqual(["summary", "area", "dimension", "kind", "oblast"]);
    expect(followed).toBeGreaterThan(50);
    expect(nonZero).toBeGreaterThan(20);
  });

  it("a forum edition", async () => {
    const { nonZero } = await followEveryLink(`?event=${forumId("2021")}`);
    expect(nonZero).toBeGreaterThan(5);
  });

  it("a period on the due date, and on the day recorded", async () => {
    expect((await followEveryLink("?from=01.01.2022&to=31.12.2026")).nonZero).toBeGreaterThan(3);
    expect((await followEveryLink("?from=01.01.2000&to=31.12.2099&basis=created")).nonZero).toBeGreaterThan(3);
  });

  it("rates are not links; a file has no links", async () => {
    const data = await (await call(reportsRoute, "loader", { path: "/reports", as: "manager" })).response!.json();
    const [summary] = reportTables(data.report, makeTranslate("bg"), data.filters);
    expect(summary!.links!.at(-1)).toEqual([null, null]);
    expect(reportTables(data.report, makeTranslate("bg")).every((t) => !t.links)).toBe(true);
  });
});
