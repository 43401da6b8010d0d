// Partnerships end to end: access matrix, list URL state, validation (end before start), members, audit, delete rules.
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "#app/db/client.server.ts";
import { commitments, partnershipMembers, partnerships } from "#app/db/schema.ts";
import { addPartnershipMember, createPartnership } from "#app/models/partnerships.server.ts";
import * as detailRoute from "#app/routes/partnerships.$id._index.tsx";
import * as editRoute from "#app/routes/partnerships.$id.edit.tsx";
import * as listRoute from "#app/routes/partnerships._index.tsx";
import * as newRoute from "#app/routes/partnerships.new.tsx";
import { auditCount, call, demo, type DemoUser, idOf, latestAudit, userIdOf } from "#tests/helpers.ts";
import {
  actingAs,
  ADMIN_DELETE,
  auditsOf,
  everyone,
  idFromLocation,
  orgId,
  RED_CROSS,
  SOFIA,
  STAFF_FORM,
  STAFF_READ,
  STAFF_WRITE,
  type Expect,
} from "./record-fixtures.ts";

const validForm = () => ({ title: "Меморандум „Тест“", kind: "memorandum", status: "exploring", startsOn: "2024-01-01", endsOn: "2024-12-31", ownerId: String(userIdOf("coordinator")) });
const fresh = (members: Array<[string, "lead" | "partner" | "funder"]> = []) => {
  const coordinator = actingAs("coordinator");
  const id = createPartnership(coordinator, { title: `Партньорство ${Math.random()}`, kind: "referral", status: "active", project: null, startsOn: null, endsOn: null, ownerId: null, description: null });
  for (const [name, role] of members) addPartnershipMember(coordinator, id, { organizationId: orgId(name), role });
  return id;
};
const row = (id: number) => getDb().select().from(partnerships).where(eq(partnerships.id, id)).get()!;
const seeded = () => idOf(demo.partnerships.advocacy);
const at = (id: number) => ({ path: `/partnerships/${id}`, params: { id: String(id) } });

describe("partnership routes: access matrix", () => {
  const cases: Array<{ name: string; run: (as: DemoUser | null) => ReturnType<typeof call>; expected: Expect }> = [
    { name: "GET /partnerships", run: (as) => call(listRoute, "loader", { path: "/partnerships", as }), expected: STAFF_READ },
    { name: "GET /partnerships/new", run: (as) => call(newRoute, "loader", { path: "/partnerships/new", as }), expected: STAFF_FORM },
    { name: "POST /partnerships/new", run: (as) => call(newRoute, "action", { path: "/partnerships/new", as, form: validForm() }), expected: STAFF_WRITE },
    { name: "GET /partnerships/:id", run: (as) => call(detailRoute, "loader", { ...at(seeded()), as }), expected: STAFF_READ },
    { name: "GET /partnerships/:id/edit", run: (as) => call(editRoute, "loader", { ...at(seeded()), as }), expected: STAFF_FORM },
    { name: "POST /partnerships/:id/edit", run: (as) => {
        const id = fresh();
        return call(editRoute, "action", { ...at(id), as, form: { ...validForm(), version: String(row(id).version) } });
      }, expected: STAFF_WRITE },
    { name: "POST /partnerships/:id addMember", run: (as) => call(detailRoute, "action", { ...at(fresh()), as, form: { intent: "addMember", organizationId: String(orgId(SOFIA)), role: "partner" } }),
      expected: STAFF_WRITE },
    { name: "POST /partnerships/:id removeMember", run: (as) => {
        const id = fresh([[SOFIA, "lead"]]);
        const member = getDb().select().from(partnershipMembers).where(eq(partnershipMembers.partnershipId, id)).get()!;
        return call(detailRoute, "action", { ...at(id), as, form: { intent: "removeMember", memberId: String(member.id) } });
      }, expected: STAFF_WRITE },
    { name: "POST /partnerships/:id delete", run: (as) => call(detailRoute, "action", { ...at(fresh()), as, form: { intent: "delete" } }), expected: ADMIN_DELETE },
  ];
  for (const c of cases) {
    for (const who of everyone) {
      const expected = c.expected[who];
      if (expected === undefined) continue;
      it(`${c.name} as ${who} → ${expected}`, async () => {
        const outcome = await c.run(who === "anonymous" ? null : who);
        expect(outcome.status).toBe(expected);
        if (who === "anonymous") expect(outcome.response?.headers.get("Location")).toMatch(/^\/login\?redirectTo=/);
      });
    }
  }

  it("a partner gets 404 even for a partnership their own organization is a member of", async () => {
    const id = fresh([[SOFIA, "partner"]]);
    expect((await call(detailRoute, "loader", { ...at(id), as: "partnerSofia" })).status).toBe(404);
  });
});

describe("partnerships list", () => {
  const list = async (query: string) => (await call(listRoute, "loader", { path: `/partnerships${query}`, as: "manager" })).response!.json();

  it("the same URL gives the same rows (filter, sort, page) and respects the filters", async () => {
    const url = "?status=active&sort=start&dir=desc&perPage=10&page=1";
    const first = await list(url);
    const again = await list(url);
    expect(first.rows.length).toBeGreaterThan(0);
    expect(first.rows.map((r: any) => r.id)).toEqual(again.rows.map((r: any) => r.id));
    expect(first.rows.every((r: any) => r.status === "active")).toBe(true);
    const starts = first.rows.map((r: any) => r.startsOn ?? "");
    expect(starts).toEqual([...starts].sort().reverse());
    expect(first.params).toMatchObject({ sort: "start", dir: "desc", perPage: 10, page: 1 });
  });

  it("pages do not overlap, and the member organization filter keeps only its partnerships", async () => {
    const all = await list("?perPage=100");
    const p1 = await list("?perPage=10&page=1");
    const p2 = await list("?perPage=10&page=2");
    expect([...p1.rows, ...p2.rows].map((r: any) => r.id)).toEqual(all.rows.slice(0, 20).map((r: any) => r.id));
    const sofia = orgId(SOFIA);
    const bySofia = await list(`?organization=${sofia}&perPage=100`);
    const memberOf = new Set(getDb().select().from(partnershipMembers).where(eq(partnershipMembers.organizationId, sofia)).all().map((m) => m.partnershipId));
    expect(bySofia.rows.map((r: any) => r.id).sort()).toEqual([...memberOf].sort());
  });
});

describe("partnership forms: validation and audit", () => {
  const create = (form: Record<string, string>) => call(newRoute, "action", { path: "/partnerships/new", as: "coordinator", form });

  it("refuses an end date before the start beside the end date, keeps the values and writes nothing", async () => {
    const before = { n: getDb().select().from(partnerships).all().length, audit: auditCount() };
    const outcome = await create({ ...validForm(), startsOn: "2024-06-01", endsOn: "2024-05-31" });
    expect(outcome.status).toBe(400);
    expect(outcome.data.errors).toEqual({ endsOn: ["endBeforeStart"] });
    expect(outcome.data.values).toMatchObject({ startsOn: "2024-06-01", endsOn: "2024-05-31" });
    expect({ n: getDb().select().from(partnerships).all().length, audit: auditCount() }).toEqual(before);
  });

  it("refuses an impossible date, an unknown status and a manager as owner", async () => {
    const outcome = await create({ ...validForm(), startsOn: "2021-02-30", status: "dreaming", ownerId: String(userIdOf("manager")) });
    expect(outcome.status).toBe(400);
    expect(outcome.data.errors).toMatchObject({ startsOn: ["invalidDate"], status: ["invalidChoice"] });
    const owner = await create({ ...validForm(), ownerId: String(userIdOf("manager")) });
    expect(owner.status).toBe(400);
    expect(owner.data.errors).toEqual({ ownerId: ["invalidChoice"] });
  });

  it("creating writes one audit entry with the fields; editing one with exactly the changed fields", async () => {
    const title = `Партньорство <script>alert(1)</script> =HYPERLINK("x")`;
    const created = await create({ ...validForm(), title });
    expect(created.status).toBe(302);
    const id = idFromLocation(created.response);
    expect(row(id).title).toBe(title);
    expect(auditsOf("partnership", id)).toHaveLength(1);
    expect(JSON.parse(latestAudit().changes!)).toMatchObject({ title, kind: "memorandum", status: "exploring", endsOn: "2024-12-31" });
    const edited = await call(editRoute, "action", { ...at(id), as: "coordinator", form: { ...validForm(), title, status: "active", version: "1" } });
    expect(edited.status).toBe(302);
    const entries = auditsOf("partnership", id);
    expect(entries).toHaveLength(2);
    expect(JSON.parse(entries[1].changes!)).toEqual({ status: ["exploring", "active"] });
    expect(row(id).version).toBe(2);
  });

  it("a stale edit is refused with 409, keeping the typed values and returning the saved record", async () => {
    const id = fresh();
    const base = { title: row(id).title, kind: "referral", status: "active" };
    expect((await call(editRoute, "action", { ...at(id), as: "coordinator", form: { ...base, project: "първи", version: "1" } })).status).toBe(302);
    const second = await call(editRoute, "action", { ...at(id), as: "admin", form: { ...base, project: "втори", version: "1" } });
    expect(second.status).toBe(409);
    expect(second.data.values.project).toBe("втори");
    expect(second.data.stale).toMatchObject({ project: "първи", version: 2 });
    expect(row(id).project).toBe("първи");
  });
});

describe("partnership members", () => {
  it("adding a member is audited, and the same organization cannot be added twice", async () => {
    const id = fresh();
    const add = () => call(detailRoute, "action", { ...at(id), as: "coordinator", form: { intent: "addMember", organizationId: String(orgId(RED_CROSS)), role: "funder" } });
    expect((await add()).status).toBe(302);
    const entry = latestAudit();
    expect(entry).toMatchObject({ action: "member_add", entityType: "partnership", entityId: id });
    expect(JSON.parse(entry.changes!)).toEqual({ members: [[], [`${RED_CROSS} (funder)`]] });
    const again = await add();
    expect(again.status).toBe(400);
    expect(again.data.errors).toEqual({ organizationId: ["alreadyMember"] });
    expect(getDb().select().from(partnershipMembers).where(eq(partnershipMembers.partnershipId, id)).all()).toHaveLength(1);
  });

  it("removing a member is audited", async () => {
    const id = fresh([[SOFIA, "lead"], [RED_CROSS, "partner"]]);
    const member = getDb().select().from(partnershipMembers).where(eq(partnershipMembers.partnershipId, id)).all().find((m) => m.organizationId === orgId(RED_CROSS))!;
    const auditBefore = auditCount();
    expect((await call(detailRoute, "action", { ...at(id), as: "coordinator", form: { intent: "removeMember", memberId: String(member.id) } })).status).toBe(302);
    expect(auditCount()).toBe(auditBefore + 1);
    expect(latestAudit()).toMatchObject({ action: "member_remove", entityId: id });
  });

  it("started from an organization's page, the organization joins as the first member", async () => {
    const created = await call(newRoute, "action", { path: "/partnerships/new", as: "coordinator", form: { ...validForm(), memberOrganizationId: String(orgId(SOFIA)) } });
    expect(created.status).toBe(302);
    const id = idFromLocation(created.response);
    expect(getDb().select().from(partnershipMembers).where(eq(partnershipMembers.partnershipId, id)).all().map((m) => m.organizationId)).toEqual([orgId(SOFIA)]);
  });
});

describe("deleting a partnership", () => {
  it("is refused with a clear message while commitments or follow-ups point at it", async () => {
    const id = seeded();
    const outcome = await call(detailRoute, "action", { ...at(id), as: "admin", form: { intent: "delete" } });
    expect(outcome.status).toBe(409);
    expect(outcome.data.error).toBe("partnerships.deleteReferenced");
    expect(row(id)).toBeDefined();
  });

  it("an admin deletes one nothing points at, with its members, and the audit keeps what it was", async () => {
    const id = fresh([[SOFIA, "lead"]]);
    const outcome = await call(detailRoute, "action", { ...at(id), as: "admin", form: { intent: "delete" } });
    expect(outcome.status).toBe(302);
    expect(getDb().select().from(partnerships).where(eq(partnerships.id, id)).get()).toBeUndefined();
    expect(latestAudit()).toMatchObject({ action: "delete", entityType: "partnership", entityId: id });
    expect(JSON.parse(latestAudit().changes!).members).toEqual([`${SOFIA} (lead)`]);
  });
});

describe("organization page sections", () => {
  it("staff see the organization's partnerships, commitments (led or co-pledged) and follow-ups; a partner sees only their card", async () => {
    const orgRoute = await import("#app/routes/organizations.$id._index.tsx");
    const redCross = orgId(RED_CROSS);
    const id = fresh([[RED_CROSS, "funder"]]);
    const staff = await (await call(orgRoute, "loader", { path: `/organizations/${redCross}`, params: { id: String(redCross) }, as: "coordinator" })).response!.json();
    expect(staff.records.partnerships).toContainEqual(expect.objectContaining({ id, role: "funder" }));
    const joint = getDb().select().from(commitments).where(eq(commitments.id, idOf(demo.commitments.sofiaRedcrossLanguage))).get()!;
    expect(staff.records.commitments.map((c: any) => c.id)).toContain(joint.id);
    expect(staff.records.followUps.length).toBeGreaterThan(0);
    const sofia = orgId(SOFIA);
    const partner = await (await call(orgRoute, "loader", { path: `/organizations/${sofia}`, params: { id: String(sofia) }, as: "partnerSofia" })).response!.json();
    expect(partner.records).toBeNull();
  });
});
