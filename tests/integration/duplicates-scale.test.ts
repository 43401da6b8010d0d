// Issue 17 point 1: the duplicate scan at national scale (100,000 organizations) groups by the keys'
// expression indexes — no full scan of the table, no pairwise comparison — and answers in under a second.
// (Its own file: the 100,000 records it adds would change the other tests' data.)
import { describe, expect, it } from "vitest";
import { getDb } from "#app/db/client.server.ts";
import { duplicateKeyColumns, type DuplicateKey } from "#app/db/duplicate-keys.ts";
import { organizationKeys } from "#app/db/derived.ts";
import { duplicatePairs, groupSql, likelyDuplicates } from "#app/models/duplicates.server.ts";
import { userIdOf } from "#tests/helpers.ts";

const ORGANIZATIONS = 100_000;

describe("the duplicate scan at 100,000 organizations", () => {
  it("finds the planted pairs in under a second, reading only the key indexes", () => {
    const sqlite = getDb().$client;
    const insert = sqlite.prepare(
      "INSERT INTO organizations (name, name_latin, sort_key, search_key, kind, email, phone, website) VALUES (@name, @nameLatin, @sortKey, @searchKey, 'ngo', @email, @phone, @website)",
    );
    sqlite.transaction(() => {
      for (let i = 1; i <= ORGANIZATIONS; i++) {
        const o = { name: `Сдружение „Мащаб ${i}“`, email: `office${i}@mashtab${i}.bg`, phone: `+359 ${String(10_000_000 + i * 7).slice(0, 8)}`, website: i % 3 ? `https://mashtab${i}.bg` : null };
        insert.run({ ...o, ...organizationKeys(o) });
      }
      // Planted: the same name in Latin, and the same e-mail in capitals.
      const latin = { name: "Sdruzhenie Mashtab 77", email: null, phone: null, website: null };
      insert.run({ ...latin, ...organizationKeys(latin) });
      const email = { name: "Друго име с общ имейл", email: "OFFICE500@MASHTAB500.BG", phone: null, website: null };
      insert.run({ ...email, ...organizationKeys(email) });
    })();
    sqlite.exec("ANALYZE");
    expect((sqlite.prepare("SELECT count(*) AS n FROM organizations").get() as { n: number }).n).toBeGreaterThan(ORGANIZATIONS);

    for (const key of Object.keys(duplicateKeyColumns.organization) as DuplicateKey[]) {
      const plan = (sqlite.prepare(`EXPLAIN QUERY PLAN ${groupSql("organization", key)}`).all() as Array<{ detail: string }>).map((r) => r.detail);
      expect(plan.length, key).toBeGreaterThan(0);
      expect(plan.join("\n"), key).toMatch(new RegExp(`USING COVERING INDEX organizations_dup_${key}_idx`));
      // No full scan of the table and no temporary sort: the groups come in index order.
      expect(plan.filter((d) => /^SCAN organizations\b/.test(d) || /USE TEMP B-TREE/.test(d)), key).toEqual([]);
    }

    const coordinator = { id: userIdOf("coordinator"), email: "c", name: "c", role: "coordinator", organizationId: null, locale: "bg" } as const;
    const started = performance.now();
    const { pairs } = duplicatePairs(coordinator, "organization");
    const elapsed = performance.now() - started;
    expect(elapsed).toBeLessThan(1000);
    const names = pairs.map((p) => [p.a.name, p.b.name].sort().join(" | "));
    expect(names).toContain(["Sdruzhenie Mashtab 77", "Сдружение „Мащаб 77“"].sort().join(" | "));
    expect(names).toContain(["Друго име с общ имейл", "Сдружение „Мащаб 500“"].sort().join(" | "));

    // The form's check is an index lookup per key.
    const lookup = performance.now();
    expect(likelyDuplicates("organization", { name: "Сдружение Мащаб 99999" }).map((d) => d.name)).toEqual(["Сдружение „Мащаб 99999“"]);
    expect(performance.now() - lookup).toBeLessThan(200);
  }, 300_000);
});
