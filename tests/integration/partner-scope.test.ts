// What a partner may see is written once as SQL (partnerCommitmentScope, partnerFollowUpScope) and
// once as a predicate over a row in hand (partnerCanSeeCommitment, partnerCanSeeFollowUp), both in
// app/auth/access.server.ts. On random worlds — organizations, commitments led and co-pledged,
// shared or not, follow-ups shared with someone or no one — the two must pick exactly the same records.
import fs from "node:fs";
import { eq, sql } from "drizzle-orm";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  commitmentReach,
  followUpReach,
  partnerCanSeeCommitment,
  partnerCanSeeFollowUp,
  partnerCommitmentScope,
  partnerFollowUpScope,
  type CurrentUser,
} from "#app/auth/access.server.ts";
import { getDb } from "#app/db/client.server.ts";
import { commitmentDerived, organizationKeys, titledKeys } from "#app/db/derived.ts";
import { commitmentCoPledgers, commitments, followUps, organizations, users } from "#app/db/schema.ts";
import { historyOf, writeAudit } from "#app/models/audit.server.ts";
import { calendarFeed } from "#app/models/calendar.server.ts";
import { organizationContactSections } from "#app/models/organization-contacts.server.ts";
import { membersOfPartnership } from "#app/models/partnerships.server.ts";
import { peopleOfOrganization } from "#app/models/people.server.ts";
import { actingAs, orgId, SOFIA } from "./record-fixtures.ts";

const partnerOf = (organizationId: number): CurrentUser => ({ id: 1, email: "p@x.bg", name: "Партньор", role: "partner", organizationId, locale: "bg" });

/** A world on top of the demo data: `orgs` new organizations, commitments and follow-ups pointing at them by index. */
const world = fc.record({
  orgs: fc.integer({ min: 1, max: 5 }),
  commitments: fc.array(
    fc.record({ lead: fc.nat(4), coPledgers: fc.uniqueArray(fc.nat(4), { maxLength: 3 }), shared: fc.boolean() }),
    { maxLength: 12 },
  ),
  followUps: fc.array(fc.record({ sharedWith: fc.option(fc.nat(4), { nil: null }) }), { maxLength: 10 }),
});
type World = typeof world extends fc.Arbitrary<infer W> ? W : never;

/** Builds the world inside a transaction that is always rolled back; `check` runs against it. */
function inWorld(w: World, check: (orgIds: number[]) => void) {
  const db = getDb();
  db.$client.exec("SAVEPOINT scope_world");
  try {
    const orgIds = Array.from({ length: w.orgs }, (_, i) => {
      const name = `Случайна организация ${i} ${Math.random()}`;
      return db.insert(organizations).values({ name, kind: "ngo", ...organizationKeys({ name }) }).returning({ id: organizations.id }).get().id;
    });
    const org = (index: number) => orgIds[index % orgIds.length];
    w.commitments.forEach((c, i) => {
      const title = `Случаен ангажимент ${i}`;
      const lead = org(c.lead);
      const id = db
        .insert(commitments)
        .values({ title, ...commitmentDerived({ title, niemDimension: "housing" }), leadOrganizationId: lead, niemDimension: "housing", kind: "policy", sharedWithPartner: c.shared })
        .returning({ id: commitments.id })
        .get().id;
      const coPledgers = [...new Set(c.coPledgers.map(org))].filter((o) => o !== lead);
      if (coPledgers.length) db.insert(commitmentCoPledgers).values(coPledgers.map((organizationId) => ({ commitmentId: id, organizationId }))).run();
    });
    w.followUps.forEach((f, i) => {
      const title = `Случайна задача ${i}`;
      db.insert(followUps).values({ title, ...titledKeys({ title }), dueOn: "2026-06-30", sharedWithOrganizationId: f.sharedWith == null ? null : org(f.sharedWith) }).run();
    });
    check(orgIds);
  } finally {
    db.$client.exec("ROLLBACK TO scope_world; RELEASE scope_world");
  }
}

function commitmentsThePredicateShows(organizationId: number): number[] {
  const db = getDb();
  const user = partnerOf(organizationId);
  return db
    .select()
    .from(commitments)
    .all()
    .filter((c) => {
      const coPledgerIds = db.select().from(commitmentCoPledgers).where(eq(commitmentCoPledgers.commitmentId, c.id)).all().map((p) => p.organizationId);
      return partnerCanSeeCommitment(user, c, coPledgerIds);
    })
    .map((c) => c.id)
    .sort((a, b) => a - b);
}

const ids = (rows: Array<{ id: number }>) => rows.map((r) => r.id).sort((a, b) => a - b);

describe("a partner's reach: the SQL builders and the predicates agree", () => {
  it("on random worlds, «commitments the organization may see» is the same set both ways", () => {
    let nonEmpty = 0;
    fc.assert(
      fc.property(world, (w) => {
        inWorld(w, (orgIds) => {
          // The new organizations and two of the demo's (with their real shared and co-pledged commitments).
          const demo = getDb().select({ id: organizations.id }).from(organizations).where(sql`${organizations.name} IN ('Столична община', 'Български Червен кръст')`).all();
          for (const organizationId of [...orgIds, ...demo.map((d) => d.id)]) {
            const bySql = ids(getDb().select({ id: commitments.id }).from(commitments).where(partnerCommitmentScope(organizationId)).all());
            expect(bySql).toEqual(commitmentsThePredicateShows(organizationId));
            if (bySql.length) nonEmpty++;
          }
        });
      }),
      { numRuns: 60 },
    );
    // The comparison is not between two empty lists.
    expect(nonEmpty).toBeGreaterThan(60);
  });

  it("on random worlds, «follow-ups shared with the organization» is the same set both ways", () => {
    let nonEmpty = 0;
    fc.assert(
      fc.property(world, (w) => {
        inWorld(w, (orgIds) => {
          const all = getDb().select().from(followUps).all();
          for (const organizationId of orgIds) {
            const bySql = ids(getDb().select({ id: followUps.id }).from(followUps).where(partnerFollowUpScope(organizationId)).all());
            const byPredicate = ids(all.filter((f) => partnerCanSeeFollowUp(partnerOf(organizationId), f)));
            expect(bySql).toEqual(byPredicate);
            if (bySql.length) nonEmpty++;
          }
        });
      }),
      { numRuns: 60 },
    );
    expect(nonEmpty).toBeGreaterThan(10);
  });

  it("readers' reach: everything for staff who read records, the scope for a partner, nothing for a partner without an organization", () => {
    const staff: CurrentUser = { id: 1, email: "c@x.bg", name: "К", role: "coordinator", organizationId: null, locale: "bg" };
    expect(commitmentReach(staff)).toBeUndefined();
    expect(followUpReach(staff)).toBeUndefined();
    const sofia = orgId(SOFIA);
    const viaReach = ids(getDb().select({ id: commitments.id }).from(commitments).where(commitmentReach(partnerOf(sofia))).all());
    expect(viaReach.length).toBeGreaterThan(0);
    expect(viaReach).toEqual(commitmentsThePredicateShows(sofia));
    const orphan = { ...partnerOf(sofia), organizationId: null };
    expect(getDb().select({ id: commitments.id }).from(commitments).where(commitmentReach(orphan)).all()).toEqual([]);
    expect(getDb().select({ id: followUps.id }).from(followUps).where(followUpReach(orphan)).all()).toEqual([]);
  });
});

describe("readers check the reach themselves (no route guards them with the database in hand)", () => {
  it("history, contact sections, people and partnership members: the staff get them, a partner nothing", () => {
    const sofia = orgId(SOFIA);
    const coordinator = actingAs("coordinator");
    const partner = actingAs("partnerSofia");
    writeAudit(getDb(), { userId: coordinator.id, action: "update", entityType: "organization", entityId: sofia, changes: { phone: [null, "02 123 4567"] } });
    expect(historyOf(coordinator, "organization", sofia).length).toBeGreaterThan(0);
    expect(historyOf(partner, "organization", sofia)).toEqual([]);
    expect(organizationContactSections(coordinator, sofia)?.people.length).toBeGreaterThan(0);
    expect(organizationContactSections(partner, sofia)).toBeNull();
    expect(peopleOfOrganization(coordinator, sofia).length).toBeGreaterThan(0);
    expect(peopleOfOrganization(partner, sofia)).toEqual([]);
    const partnershipId = getDb().select({ id: sql<number>`partnership_id` }).from(sql`partnership_members`).limit(1).get()!.id;
    expect(membersOfPartnership(coordinator, partnershipId).length).toBeGreaterThan(0);
    expect(() => membersOfPartnership(partner, partnershipId)).toThrow();
  });

  it("no route but /healthz (its own probe) and /logout (an audit entry) takes the database in hand", () => {
    const routes = fs.readdirSync("app/routes").filter((f) => fs.readFileSync(`app/routes/${f}`, "utf8").includes("getDb"));
    expect(routes.sort()).toEqual(["healthz.ts", "logout.tsx"]);
  });

  it("a calendar feed holds only what its owner may read: a partner's, the follow-ups shared with their organization", () => {
    const db = getDb();
    const partner = actingAs("partnerSofia");
    const token = "p".repeat(43);
    db.update(users).set({ calendarToken: token }).where(eq(users.id, partner.id)).run();
    const assigned = (title: string, sharedWithOrganizationId: number | null) =>
      db.insert(followUps).values({ title, ...titledKeys({ title }), dueOn: "2027-03-01", assigneeId: partner.id, sharedWithOrganizationId }).returning({ id: followUps.id }).get().id;
    const shared = assigned("Задача, споделена с общината", partner.organizationId);
    const internal = assigned("Вътрешна задача, назначена по грешка", null);
    const feed = calendarFeed(token, "https://bcrm.example")!;
    expect(feed).toContain(`follow-up-${shared}@`);
    expect(feed).not.toContain(`follow-up-${internal}@`);
  });
});
