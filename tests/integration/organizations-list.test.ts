// The organizations list: URL state gives the same rows after reload; Bulgarian order.
import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "#app/db/client.server.ts";
import { organizationCounts, organizations } from "#app/db/schema.ts";
import { nameCollator } from "#app/i18n/i18n.ts";
import { createOrganization, setOrganizationArchived } from "#app/models/organizations.server.ts";
import * as listRoute from "#app/routes/organizations._index.tsx";
import { call, userIdOf } from "#tests/helpers.ts";

const list = async (query: string) => (await call(listRoute, "loader", { path: `/organizations${query}`, as: "manager" })).response!.json();

describe("organizations list", () => {
  it("the same URL gives the same rows (filter, sort, page)", async () => {
    const url = "?kind=ngo&sort=name&dir=desc&perPage=10&page=1";
    const first = await list(url);
    const again = await list(url);
    expect(first.rows.map((r: any) => r.id)).toEqual(again.rows.map((r: any) => r.id));
    expect(first.rows.length).toBeGreaterThan(0);
    expect(first.rows.every((r: any) => r.kind === "ngo")).toBe(true);
    expect(first.params).toMatchObject({ sort: "name", dir: "desc", perPage: 10, page: 1 });
  });

  it("pages do not overlap and together give the whole filtered list", async () => {
    const all = await list("?perPage=100");
    const p1 = await list("?perPage=10&page=1");
    const p2 = await list("?perPage=10&page=2");
    expect([...p1.rows, ...p2.rows].map((r: any) => r.id)).toEqual(all.rows.slice(0, 20).map((r: any) => r.id));
    expect(p1.total).toBe(all.total);
  });

  it("sorts Cyrillic and Latin names in Bulgarian alphabetical order", async () => {
    const result = await list("?perPage=100&archived=all");
    const names: string[] = result.rows.map((r: any) => r.name);
    expect(names.length).toBe(getDb().select().from(organizations).all().length);
    expect(names).toEqual([...names].sort(nameCollator("bg").compare));
  });

  it("filters by oblast and finds «Столична община» from «stolichna obshtina» and «СТОЛИЧНА ОБЩИНА»", async () => {
    const latin = await list("?q=stolichna+obshtina");
    const cyrillic = await list(`?q=${encodeURIComponent("СТОЛИЧНА ОБЩИНА")}`);
    expect(latin.rows.map((r: any) => r.name)).toContain("Столична община");
    expect(cyrillic.rows.map((r: any) => r.id)).toEqual(latin.rows.map((r: any) => r.id));
    const sofia = await list("?oblast=BG-22&perPage=100");
    // Not vacuous: the demo has organizations in Sofia (city), and exactly those come back.
    expect(sofia.rows.length).toBeGreaterThan(0);
    expect(sofia.rows.map((r: any) => r.name)).toContain("Столична община");
    expect(sofia.rows.every((r: any) => r.oblast === "BG-22")).toBe(true);
    expect(sofia.total).toBe(getDb().select().from(organizations).all().filter((o) => o.oblast === "BG-22" && !o.archived).length);
  });

  it("sends only the columns a row shows (no addresses, e-mails, keys or creator ids in the page payload)", async () => {
    for (const query of ["", "?q=sofia"]) {
      const result = await list(query);
      expect(result.rows.length).toBeGreaterThan(0);
      for (const row of result.rows) expect(Object.keys(row).sort()).toEqual(["archived", "id", "kind", "municipality", "name", "oblast", "updatedAt"]);
    }
  });

  it("clamps nonsense paging and ignores unknown sort columns and filter values", async () => {
    const result = await list("?page=-5&perPage=100000&sort=password_hash&kind=spaceship");
    expect(result.params).toMatchObject({ page: 1, perPage: 25, sort: "name" });
    expect(result.params.filters.kind).toBeUndefined();
  });
});

describe("statements prepared once per connection", () => {
  /** SQL the connection prepares (SQLite compiles) while `run` runs. */
  async function preparedDuring(run: () => Promise<unknown>): Promise<string[]> {
    const client = getDb().$client;
    const original = client.prepare;
    const seen: string[] = [];
    client.prepare = function (this: typeof client, source: string) {
      seen.push(source);
      return original.call(this, source);
    } as typeof client.prepare;
    try {
      await run();
    } finally {
      client.prepare = original;
    }
    return seen;
  }

  it("a list shape seen before prepares nothing again: other pages and filter values reuse its statements", async () => {
    for (const query of ["?kind=ngo&oblast=BG-22", "", "?archived=all&sort=updated&dir=desc"]) await list(query);
    const again = await preparedDuring(async () => {
      const filtered = await list("?kind=ngo&oblast=BG-22&page=2");
      expect(filtered.params.filters).toMatchObject({ kind: "ngo", oblast: "BG-22" });
      const other = await list("?kind=municipality&oblast=BG-02");
      expect(other.rows.every((r: any) => r.kind === "municipality" && r.oblast === "BG-02")).toBe(true);
      const all = await list("?archived=all&sort=updated&dir=desc&page=1");
      expect(all.rows.length).toBeGreaterThan(0);
      const byUpdate = all.rows.map((r: any) => r.updatedAt);
      expect(byUpdate).toEqual([...byUpdate].sort().reverse());
    });
    expect(again.filter((source) => /"organization(s|_counts)"/.test(source))).toEqual([]);
    // A search is built per query (its ranking depends on the words).
    const search = await preparedDuring(() => list("?q=sofia"));
    expect(search.some((source) => /from "organizations"/i.test(source))).toBe(true);
  });
});

describe("the unfiltered list's total (organization_counts, kept by triggers)", () => {
  const counted = (archived: boolean) =>
    getDb().select({ n: sql<number>`count(*)` }).from(organizations).where(eq(organizations.archived, archived)).get()!.n;
  const kept = () => Object.fromEntries(getDb().select().from(organizationCounts).all().map((c) => [String(c.archived), c.n]));
  const totals = async () => ({
    active: (await list("")).total,
    archived: (await list("?archived=archived")).total,
    all: (await list("?archived=all")).total,
  });
  const expectTotalsMatchRows = async () => {
    expect(kept()).toEqual({ false: counted(false), true: counted(true) });
    expect(await totals()).toEqual({ active: counted(false), archived: counted(true), all: counted(false) + counted(true) });
  };

  it("follows creating, archiving, unarchiving and deleting organizations", async () => {
    const coordinator = { id: userIdOf("coordinator"), email: "", name: "", role: "coordinator" as const, organizationId: null, locale: "bg" as const };
    expect(counted(false)).toBeGreaterThan(0);
    await expectTotalsMatchRows();
    const before = await totals();

    const id = createOrganization(coordinator, { name: "Сдружение „Брояч“", kind: "ngo", oblast: null, municipality: null, address: null, website: null, email: null, phone: null, description: null, tags: [] } as never);
    expect((await totals()).active).toBe(before.active + 1);
    await expectTotalsMatchRows();

    const version = getDb().select().from(organizations).where(eq(organizations.id, id)).get()!.version;
    setOrganizationArchived(coordinator, id, version, true);
    expect(await totals()).toEqual({ active: before.active, archived: before.archived + 1, all: before.all + 1 });
    await expectTotalsMatchRows();

    setOrganizationArchived(coordinator, id, version + 1, false);
    expect((await totals()).archived).toBe(before.archived);
    // A merge deletes the merged-away organization.
    getDb().delete(organizations).where(eq(organizations.id, id)).run();
    expect(await totals()).toEqual(before);
    await expectTotalsMatchRows();
  });

  it("a filtered view still counts its own rows", async () => {
    const ngo = await list("?kind=ngo");
    expect(ngo.total).toBeGreaterThan(0);
    expect(ngo.total).toBeLessThan((await list("")).total);
    expect(ngo.total).toBe(getDb().select().from(organizations).all().filter((o) => o.kind === "ngo" && !o.archived).length);
  });
});
