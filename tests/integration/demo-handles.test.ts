// The demo data's named handles (tests/demo-handles.ts) find exactly the record they name in the
// seeded database, so tests can use them instead of title prefixes and hard-coded ids.
import { describe, expect, it } from "vitest";
import { getDb } from "#app/db/client.server.ts";
import { type DemoRecord, demo, demoId, demoName, demoPath } from "../demo-handles.ts";
import { idOf, pathOf } from "../helpers.ts";

const all = Object.entries(demo).flatMap(([kind, records]) =>
  Object.entries(records).map(([handle, record]) => ({ kind, handle, record: record as DemoRecord })),
);

describe("demo handles", () => {
  it("every handle of every kind resolves to exactly one seeded row, each a different one", () => {
    expect(all.length).toBeGreaterThan(280);
    const seen = new Set<string>();
    for (const { kind, handle, record } of all) {
      const id = demoId(getDb(), record);
      expect(id, `${kind}.${handle}`).toBeGreaterThan(0);
      // By page where there is one, so kinds of one table (commitments and commitments2020) are compared too.
      const row = kind === "users" || kind === "interactions" ? `${kind}:${id}` : demoPath(getDb(), record);
      expect(seen.has(row), `${kind}.${handle} shares its row`).toBe(false);
      seen.add(row);
    }
    expect(seen.size).toBe(all.length);
  });

  it("finds the record by what it is called, on a raw connection as well as through drizzle", () => {
    const sofia = demo.organizations.sofiaMunicipality;
    expect(demoName(sofia)).toBe("Столична община");
    const row = getDb().$client.prepare("SELECT id FROM organizations WHERE name = 'Столична община'").get() as { id: number };
    expect(idOf(sofia)).toBe(row.id);
    expect(demoId(getDb().$client, sofia)).toBe(row.id);
    expect(pathOf(sofia)).toBe(`/organizations/${row.id}`);
    expect(demoName(demo.users.partnerSofia)).toBe("partner@sofia.demo");
    expect(demoName(demo.interactions.forum2026Preparation)).toBe("Подготовка на форума 2026");
  });

  it("refuses what is not a demo record, a record that is not in the database, and a page a kind does not have", () => {
    expect(() => demoId(getDb(), { name: "Столична община" } as unknown as DemoRecord)).toThrow(/not a demo record/);
    expect(() => demoPath(getDb(), demo.users.admin)).toThrow(/no detail page/);
    const bcrm = idOf(demo.organizations.bcrm);
    getDb().$client.prepare("UPDATE organizations SET name = name || ' (преименувана)' WHERE id = ?").run(bcrm);
    expect(() => idOf(demo.organizations.bcrm)).toThrow(/0 rows/);
  });
});
