// One search over everything a user may see: Cyrillic ↔ Latin, scoped for partners, an index lookup.
import { and, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "#app/db/client.server.ts";
import * as schema from "#app/db/schema.ts";
import { commitmentCoPledgers, commitments, followUps, organizations, people, refugeeContacts } from "#app/db/schema.ts";
import { searchKinds, type SearchResults } from "#app/domain/search.ts";
import { createOrganization, updateOrganization } from "#app/models/organizations.server.ts";
import { matchesQuery } from "#app/models/query.server.ts";
import { searchQueryFor } from "#app/models/search.server.ts";
import * as searchRoute from "#app/routes/search.tsx";
import { call, demo, type DemoUser, demoUsers, idOf } from "#tests/helpers.ts";

async function searchAs(who: DemoUser, q: string): Promise<SearchResults> {
  const outcome = await call(searchRoute, "loader", { path: `/search?q=${encodeURIComponent(q)}`, as: who });
  expect(outcome.status).toBe(200);
  return outcome.data as SearchResults;
}

/** kind → sorted ids, the comparable shape of a result. */
function idsByKind(results: SearchResults): Record<string, number[]> {
  return Object.fromEntries(results.groups.map((g) => [g.kind, g.hits.map((h) => h.id).sort((a, b) => a - b)]));
}

const titlesOf = (results: SearchResults, kind: string) => results.groups.find((g) => g.kind === kind)?.hits.map((h) => h.title) ?? [];

function orgIdByName(name: string): number {
  return getDb().select({ id: organizations.id }).from(organizations).where(eq(organizations.name, name)).get()!.id;
}

const staffUser = (role: "coordinator" | "admin" = "coordinator") =>
  ({ id: 3, email: demoUsers.coordinator, name: "c", role, organizationId: null, locale: "bg" }) as const;

describe("search: Cyrillic and Latin are one name", () => {
  it("«sofia», «SOFIA», «софия», «София» and «Sofiya» return the same set for a coordinator, including Столична община and people in Sofia", async () => {
    const [sofia, upper, cyrillic, capital, sofiya] = await Promise.all(
      ["sofia", "SOFIA", "софия", "София", "Sofiya"].map((q) => searchAs("coordinator", q)),
    );
    expect(titlesOf(sofia, "organizations")).toContain("Столична община");
    // People of Столична община have their e-mail at sofia.bg.
    expect(titlesOf(sofia, "people")).toEqual(expect.arrayContaining(["Десислава Колева", "Христо Петров"]));
    for (const other of [upper, cyrillic, capital, sofiya]) expect(idsByKind(other)).toEqual(idsByKind(sofia));
  });

  it("finds Cyrillic names from Latin and the other way round: «plovdiv», «cherven krast» / «червен кръст»", async () => {
    expect(titlesOf(await searchAs("coordinator", "plovdiv"), "organizations")).toContain("Община Пловдив");
    expect(titlesOf(await searchAs("coordinator", "Пловдив"), "organizations")).toContain("Община Пловдив");
    const latin = await searchAs("coordinator", "cherven krast");
    const cyrillic = await searchAs("coordinator", "червен кръст");
    expect(titlesOf(latin, "organizations")).toContain("Български Червен кръст");
    expect(idsByKind(cyrillic)).toEqual(idsByKind(latin));
  });

  it("matches word prefixes while typing and ignores quotes and punctuation", async () => {
    expect(titlesOf(await searchAs("coordinator", "stol obsh"), "organizations")).toContain("Столична община");
    expect(titlesOf(await searchAs("coordinator", "Sofiy"), "organizations")).toContain("Столична община");
    expect(titlesOf(await searchAs("coordinator", "«Столична» „община“!"), "organizations")).toContain("Столична община");
  });

  it("ranks a name typed from its beginning first", async () => {
    const results = await searchAs("coordinator", "stolichna");
    expect(titlesOf(results, "organizations")[0]).toBe("Столична община");
  });

  it("every hit links to its record", async () => {
    const results = await searchAs("coordinator", "sofia");
    for (const group of results.groups) for (const hit of group.hits) expect(hit.href).toMatch(/^\/(organizations|people|events|partnerships|commitments|follow-ups|refugees|stories)\/\d+$/);
  });

  it("FTS syntax typed by a user is just text", async () => {
    for (const q of ['"', "sofia OR plovdiv", "NEAR(a b)", "*", "^sofia", "search_key:sofia", "a AND", "(", "-"]) {
      expect((await searchAs("coordinator", q)).q).toBe(q.trim());
    }
    expect(idsByKind(await searchAs("coordinator", "sofia OR plovdiv"))).toEqual({});
  });
});

describe("search: bad input", () => {
  it("never breaks: empty, very long, control characters, lone surrogates, <script>, =HYPERLINK(...), SQL", async () => {
    const nasty = ["", "   ", "a\u0000b", "\u202eevil", "<script>alert(1)</script>", '=HYPERLINK("http://x","y")', "' OR 1=1 --", "Ж".repeat(5000), "%_\\", "sofia ".repeat(50), "🙂 emoji"];
    for (const q of nasty) {
      const outcome = await call(searchRoute, "loader", { path: `/search?q=${encodeURIComponent(q)}`, as: "coordinator" });
      expect(outcome.status, JSON.stringify(q).slice(0, 40)).toBe(200);
    }
    // A lone surrogate (invalid UTF-8 once encoded) and a repeated parameter.
    for (const raw of ["%ED%A0%80sofia", "%FF%FE", "q1&q=q2"]) {
      expect((await call(searchRoute, "loader", { path: `/search?q=${raw}`, as: "coordinator" })).status, raw).toBe(200);
    }
  });
});

describe("search: what each user may see", () => {
  /** Whether a partner of `orgId` may see the record behind a hit (the rules of DESIGN.md). */
  function partnerMaySee(orgId: number, kind: string, id: number): boolean {
    const db = getDb();
    if (kind === "organizations") return id === orgId;
    if (kind === "commitments") {
      const c = db.select().from(commitments).where(eq(commitments.id, id)).get()!;
      const coPledger = db
        .select()
        .from(commitmentCoPledgers)
        .where(and(eq(commitmentCoPledgers.commitmentId, id), eq(commitmentCoPledgers.organizationId, orgId)))
        .get();
      return c.sharedWithPartner && (c.leadOrganizationId === orgId || !!coPledger);
    }
    if (kind === "followUps") return db.select().from(followUps).where(eq(followUps.id, id)).get()!.sharedWithOrganizationId === orgId;
    return false;
  }

  it("a partner's search never returns another organization's records", async () => {
    const cases: Array<[DemoUser, string]> = [
      ["partnerSofia", "Столична община"],
      ["partnerRedCross", "Български Червен кръст"],
    ];
    // Search for every commitment and follow-up by its title, and for some organizations by name:
    // whatever comes back must be the partner's own organization or shared with it.
    const db = getDb();
    const queries = [
      ...db.select({ q: commitments.title }).from(commitments).all(),
      ...db.select({ q: followUps.title }).from(followUps).all(),
      ...db.select({ q: organizations.name }).from(organizations).limit(15).all(),
    ].map((r) => r.q);
    queries.push("червен", "cherven krast", "sofia", "obshtina", "bezhantsi", "integratsia", "forum", "a", "e");
    for (const [who, orgName] of cases) {
      const orgId = orgIdByName(orgName);
      let seen = 0;
      for (const q of queries) {
        const results = await searchAs(who, q);
        expect(results.scoped).toBe(true);
        for (const group of results.groups) {
          expect(["organizations", "commitments", "followUps"]).toContain(group.kind);
          for (const hit of group.hits) {
            expect(partnerMaySee(orgId, group.kind, hit.id), `${who} «${q}» → ${group.kind} ${hit.id}`).toBe(true);
            expect(hit.href).toMatch(/^\/shared/);
            seen++;
          }
        }
      }
      // The partner does find what is theirs (the check above is not vacuous).
      expect(seen, who).toBeGreaterThan(3);
    }
  });

  it("«червен» as partnerSofia finds nothing of Червен кръст but the commitments it shares with Столична община", async () => {
    const sofiaId = idOf(demo.organizations.sofiaMunicipality);
    const staff = await searchAs("coordinator", "червен");
    expect(titlesOf(staff, "organizations")).toContain("Български Червен кръст");
    const partner = await searchAs("partnerSofia", "червен");
    expect(titlesOf(partner, "organizations")).toEqual([]);
    for (const group of partner.groups) {
      expect(group.kind).toBe("commitments");
      for (const hit of group.hits) expect(partnerMaySee(sofiaId, "commitments", hit.id)).toBe(true);
    }
  });

  it("a partner finds their own organization and their shared commitments", async () => {
    const results = await searchAs("partnerSofia", "stolichna");
    expect(titlesOf(results, "organizations")).toEqual(["Столична община"]);
    const sofiaId = idOf(demo.organizations.sofiaMunicipality);
    const shared = getDb()
      .select({ id: commitments.id, title: commitments.title })
      .from(commitments)
      .where(and(eq(commitments.leadOrganizationId, sofiaId), eq(commitments.sharedWithPartner, true)))
      .get()!;
    const byTitle = await searchAs("partnerSofia", shared.title);
    expect(byTitle.groups.find((g) => g.kind === "commitments")?.hits.map((h) => h.id)).toContain(shared.id);
  });

  it("refugee contacts appear for coordinators and never for partners", async () => {
    const contact = getDb().select().from(refugeeContacts).where(eq(refugeeContacts.id, idOf(demo.refugees.hamid))).get()!;
    expect((await searchAs("coordinator", "Хамид")).groups.find((g) => g.kind === "refugees")?.hits.map((h) => h.id)).toContain(contact.id);
    expect((await searchAs("coordinator", "hamid")).groups.find((g) => g.kind === "refugees")?.hits[0]?.href).toBe(`/refugees/${contact.id}`);
    for (const who of ["partnerSofia", "partnerRedCross"] as const) {
      for (const q of ["Хамид", "hamid", "Фатима", "a"]) {
        expect((await searchAs(who, q)).groups.map((g) => g.kind)).not.toContain("refugees");
      }
    }
  });

  it("asks who is searching: no session, no results", async () => {
    const outcome = await call(searchRoute, "loader", { path: "/search?q=sofia", as: null });
    expect(outcome.status).toBe(302);
  });
});

describe("search: the index follows every write", () => {
  it("a new or renamed organization is found by its new name at once, and no longer by its old one", () => {
    const user = staffUser();
    const id = createOrganization(user, { name: "Фондация Щастливо Утро", kind: "ngo", tags: [] } as any);
    const found = (q: string) =>
      getDb().select({ id: organizations.id }).from(organizations).where(matchesQuery(organizations.searchKey, q)).all().map((r) => r.id);
    expect(found("shtastlivo utro")).toEqual([id]);
    const version = getDb().select().from(organizations).where(eq(organizations.id, id)).get()!.version;
    const updated = updateOrganization(user, id, version, { name: "Фондация Ясно Небе", kind: "ngo", tags: [] } as any);
    expect(updated.ok).toBe(true);
    expect(found("shtastlivo")).toEqual([]);
    expect(found("yasno nebe")).toEqual([id]);
    getDb().run(sql`INSERT INTO organizations_fts(organizations_fts, rank) VALUES ('integrity-check', 1)`);
  });
});

describe("search is an index lookup, never a scan of a table (EXPLAIN QUERY PLAN)", () => {
  const baseTables = ["organizations", "people", "refugee_contacts", "events", "partnerships", "commitments", "follow_ups", "interactions"];
  const plan = (query: ReturnType<typeof sql>) =>
    getDb()
      .all<{ detail: string }>(sql`EXPLAIN QUERY PLAN ${query}`)
      .map((r) => r.detail);
  const scansABaseTable = (details: string[]) =>
    details.filter((d) => baseTables.some((t) => new RegExp(`^SCAN ${t}\\b(?!_fts)`).test(d) || new RegExp(`^SCAN b\\b`).test(d)));

  it("each kind of the global search starts from its FTS index", () => {
    for (const kind of searchKinds) {
      const query = searchQueryFor(staffUser("admin"), kind, "sofia")!;
      const details = plan(query);
      expect(details.join("\n"), kind).toMatch(/_fts VIRTUAL TABLE INDEX/);
      expect(scansABaseTable(details), kind).toEqual([]);
    }
  });

  it("a partner's scoped search too", () => {
    const partner = { id: idOf(demo.users.partnerSofia), email: demoUsers.partnerSofia, name: "p", role: "partner", organizationId: idOf(demo.organizations.sofiaMunicipality), locale: "bg" } as const;
    for (const kind of ["organizations", "commitments", "followUps"] as const) {
      const details = plan(searchQueryFor(partner, kind, "sofia")!);
      expect(scansABaseTable(details), kind).toEqual([]);
    }
  });

  it("every list's q filter (matchesQuery) is an FTS lookup on each searchable table", () => {
    const db = getDb();
    const tables = [schema.organizations, schema.people, schema.refugeeContacts, schema.events, schema.partnerships, schema.commitments, schema.followUps, schema.interactions];
    for (const table of tables) {
      const where = matchesQuery(table.searchKey, "sofia")!;
      const list = db.select().from(table).where(where).orderBy(table.id).limit(25);
      const { sql: text, params } = list.toSQL();
      const details = (db.$client.prepare(`EXPLAIN QUERY PLAN ${text}`).all(...params) as Array<{ detail: string }>).map((r) => r.detail);
      expect(details.join("\n")).toMatch(/_fts VIRTUAL TABLE INDEX/);
      expect(details.filter((d) => /^SCAN /.test(d) && !/_fts/.test(d))).toEqual([]);
    }
  });

  it("a list filtered by q gives the same rows for «sofia», «SOFIA», «софия» and «Sofiya»", () => {
    const db = getDb();
    const ids = (q: string) => db.select({ id: people.id }).from(people).where(matchesQuery(people.searchKey, q)).all().map((r) => r.id);
    const sofia = ids("sofia");
    expect(sofia.length).toBeGreaterThan(2);
    for (const q of ["SOFIA", "софия", "Sofiya"]) expect(ids(q)).toEqual(sofia);
  });
});
