// Search at national scale: only a bounded set of FTS candidates is fetched and ranked per kind.
// (Its own file: the records it adds would change the other search tests' data and plans.)
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "#app/db/client.server.ts";
import { organizationKeys } from "#app/db/derived.ts";
import { organizations } from "#app/db/schema.ts";
import { SEARCH_HITS_PER_KIND, type SearchResults } from "#app/domain/search.ts";
import { SEARCH_CANDIDATES, searchQueryFor } from "#app/models/search.server.ts";
import * as searchRoute from "#app/routes/search.tsx";
import { call, demoUsers } from "#tests/helpers.ts";

async function searchAs(q: string): Promise<SearchResults> {
  const outcome = await call(searchRoute, "loader", { path: `/search?q=${encodeURIComponent(q)}`, as: "coordinator" });
  expect(outcome.status).toBe(200);
  return outcome.data as SearchResults;
}

describe("search at scale: only a bounded set of FTS candidates is ranked", () => {
  it("with more matches than SEARCH_CANDIDATES, a name typed from its beginning still ranks first, and the kind says there is more", async () => {
    const db = getDb();
    // Older records that only mention the word (in their municipality), then one whose name starts with it.
    db.transaction((tx) => {
      for (let i = 0; i < SEARCH_CANDIDATES + 50; i++) {
        const o = { name: `Сдружение Номер ${i}`, municipality: "Звездоброд" };
        tx.insert(organizations).values({ ...o, kind: "ngo", ...organizationKeys(o) }).run();
      }
      const last = { name: "Звездоброд Алианс", municipality: "Варна" };
      tx.insert(organizations).values({ ...last, kind: "ngo", ...organizationKeys(last) }).run();
    });
    const results = await searchAs("zvezdobrod");
    const group = results.groups.find((g) => g.kind === "organizations")!;
    expect(group.hits[0].title).toBe("Звездоброд Алианс");
    expect(group.hits).toHaveLength(SEARCH_HITS_PER_KIND);
    expect(group.more).toBe(true);
  });

  it("the candidates come from the FTS index and each record is read by its primary key", () => {
    const coordinator = { id: 3, email: demoUsers.coordinator, name: "c", role: "coordinator", organizationId: null, locale: "bg" } as const;
    const details = getDb()
      .all<{ detail: string }>(sql`EXPLAIN QUERY PLAN ${searchQueryFor(coordinator, "organizations", "zvezdobrod")!}`)
      .map((r) => r.detail);
    expect(details.join("\n")).toMatch(/organizations_fts VIRTUAL TABLE INDEX/);
    expect(details).toContain("SEARCH b USING INTEGER PRIMARY KEY (rowid=?)");
    expect(details.filter((d) => /^SCAN (b|organizations)\b(?!_fts)/.test(d))).toEqual([]);
  });
});
