// Follow-ups end to end: access matrix, views and filters via URL, validation, completion,
// mark done from the list, bulk reassign/close (one audit entry per record), delete.
import { eq, inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "#app/db/client.server.ts";
import { followUps } from "#app/db/schema.ts";
import { addDays, todayIso } from "#app/lib/calendar-day.ts";
import { createFollowUp } from "#app/models/follow-ups.server.ts";
import * as detailRoute from "#app/routes/follow-ups.$id._index.tsx";
import * as editRoute from "#app/routes/follow-ups.$id.edit.tsx";
import * as listRoute from "#app/routes/follow-ups._index.tsx";
import * as newRoute from "#app/routes/follow-ups.new.tsx";
import { auditCount, call, demo, idOf, latestAudit, userIdOf, type DemoUser } from "#tests/helpers.ts";
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

const validForm = () => ({ title: "Обаждане до общината", dueOn: addDays(todayIso(), 3), status: "open", assigneeId: String(userIdOf("coordinator")), organizationId: String(orgId(SOFIA)) });
const fresh = (over: Partial<Parameters<typeof createFollowUp>[1]> = {}) =>
  createFollowUp(actingAs("coordinator"), {
    title: `Задача ${Math.random()}`, notes: null, dueOn: addDays(todayIso(), 2), assigneeId: userIdOf("coordinator"), organizationId: orgId(SOFIA),
    personId: null, partnershipId: null, commitmentId: null, eventId: null, status: "open", sharedWithOrganizationId: null, ...over,
  });
const row = (id: number) => getDb().select().from(followUps).where(eq(followUps.id, id)).get()!;
const sharedWithSofia = () => getDb().select().from(followUps).where(eq(followUps.sharedWithOrganizationId, orgId(SOFIA))).get()!.id;
const at = (id: number) => ({ path: `/follow-ups/${id}`, params: { id: String(id) } });
const formOf = (id: number) => {
  const f = row(id);
  const s = (v: number | null) => (v == null ? "" : String(v));
  return {
    title: f.title, notes: f.notes ?? "", dueOn: f.dueOn, status: f.status, assigneeId: s(f.assigneeId), organizationId: s(f.organizationId), personId: s(f.personId),
    partnershipId: s(f.partnershipId), commitmentId: s(f.commitmentId), eventId: s(f.eventId), sharedWithOrganizationId: s(f.sharedWithOrganizationId), version: String(f.version),
  };
};
const listAction = (as: DemoUser | null, form: Record<string, string | string[]>, query = "") => call(listRoute, "action", { path: `/follow-ups?index${query}`, as, form });

describe("follow-up routes: access matrix", () => {
  const cases: Array<{ name: string; run: (as: DemoUser | null) => ReturnType<typeof call>; expected: Expect }> = [
    { name: "GET /follow-ups", run: (as) => call(listRoute, "loader", { path: "/follow-ups", as }), expected: STAFF_READ },
    { name: "GET /follow-ups/new", run: (as) => call(newRoute, "loader", { path: "/follow-ups/new", as }), expected: STAFF_FORM },
    { name: "POST /follow-ups/new", run: (as) => call(newRoute, "action", { path: "/follow-ups/new", as, form: validForm() }), expected: STAFF_WRITE },
    { name: "GET /follow-ups/:id (shared with the partner's organization)", run: (as) => call(detailRoute, "loader", { ...at(sharedWithSofia()), as }), expected: STAFF_READ },
    { name: "GET /follow-ups/:id/edit", run: (as) => call(editRoute, "loader", { ...at(sharedWithSofia()), as }), expected: STAFF_FORM },
    { name: "POST /follow-ups/:id/edit", run: (as) => { const id = fresh(); return call(editRoute, "action", { ...at(id), as, form: { ...formOf(id), notes: "бележка" } }); }, expected: STAFF_WRITE },
    { name: "POST /follow-ups/:id done", run: (as) => { const id = fresh(); return call(detailRoute, "action", { ...at(id), as, form: { intent: "done", version: "1" } }); }, expected: STAFF_WRITE },
    { name: "POST /follow-ups/:id delete", run: (as) => call(detailRoute, "action", { ...at(fresh()), as, form: { intent: "delete" } }), expected: ADMIN_DELETE },
    { name: "POST /follow-ups done (from the list)", run: (as) => listAction(as, { intent: "done", id: String(fresh()), version: "1" }), expected: STAFF_WRITE },
    { name: "POST /follow-ups bulkClose", run: (as) => listAction(as, { intent: "bulkClose", ids: [String(fresh()), String(fresh())], closeAs: "cancelled" }), expected: STAFF_WRITE },
    { name: "POST /follow-ups bulkReassign", run: (as) => listAction(as, { intent: "bulkReassign", ids: [String(fresh())], assigneeId: String(userIdOf("admin")) }), expected: STAFF_WRITE },
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
});

describe("follow-ups list", () => {
  const list = async (query: string, as: DemoUser = "coordinator") => (await call(listRoute, "loader", { path: `/follow-ups${query}`, as })).response!.json();
  const today = todayIso();

  it("the same URL gives the same rows (filter, sort, page) and respects the filters", async () => {
    const url = "?status=open&sort=due&dir=asc&perPage=10&page=1";
    const first = await list(url);
    const again = await list(url);
    expect(first.rows.length).toBeGreaterThan(0);
    expect(first.rows.map((r: any) => r.id)).toEqual(again.rows.map((r: any) => r.id));
    expect(first.rows.every((r: any) => r.status === "open")).toBe(true);
    const dues = first.rows.map((r: any) => r.dueOn);
    expect(dues).toEqual([...dues].sort());
    const p2 = await list(url.replace("page=1", "page=2"));
    expect(p2.total).toBe(first.total);
    expect(p2.rows.some((r: any) => first.rows.some((f: any) => f.id === r.id))).toBe(false);
  });

  it("'mine' shows my open items, 'overdue' open items past due, 'week' open items due within 7 days", async () => {
    const mine = await list("?view=mine&perPage=100");
    const me = userIdOf("coordinator");
    const expectedMine = getDb().select().from(followUps).where(eq(followUps.assigneeId, me)).all().filter((f) => f.status === "open");
    expect(mine.rows.map((r: any) => r.id).sort()).toEqual(expectedMine.map((f) => f.id).sort());
    const overdue = await list("?view=overdue&perPage=100");
    expect(overdue.rows.length).toBeGreaterThan(0);
    expect(overdue.rows.every((r: any) => r.status === "open" && r.dueOn < today)).toBe(true);
    const week = await list("?view=week&perPage=100");
    expect(week.rows.length).toBeGreaterThan(0);
    expect(week.rows.every((r: any) => r.status === "open" && r.dueOn >= today && r.dueOn <= addDays(today, 7))).toBe(true);
  });

  it("filters by assignee, organization and shared", async () => {
    const admin = userIdOf("admin");
    const byAssignee = await list(`?assignee=${admin}&perPage=100`);
    expect(byAssignee.total).toBe(getDb().select().from(followUps).where(eq(followUps.assigneeId, admin)).all().length);
    const shared = await list("?shared=yes&perPage=100");
    expect(shared.rows.length).toBeGreaterThan(0);
    expect(shared.rows.every((r: any) => r.sharedWithOrganizationId !== null)).toBe(true);
    const internal = await list("?shared=no&perPage=100");
    expect(internal.rows.every((r: any) => r.sharedWithOrganizationId === null)).toBe(true);
    const redCross = orgId(RED_CROSS);
    const byOrg = await list(`?organization=${redCross}&perPage=100`);
    const expected = getDb().select().from(followUps).all().filter((f) => f.organizationId === redCross || f.sharedWithOrganizationId === redCross);
    expect(byOrg.rows.map((r: any) => r.id).sort()).toEqual(expected.map((f) => f.id).sort());
  });
});

describe("follow-up forms", () => {
  const create = (form: Record<string, string>) => call(newRoute, "action", { path: "/follow-ups/new", as: "coordinator", form });

  it("refuses a due date 2021-02-30 and a missing one, an overlong title and a partner as assignee — values kept, nothing written", async () => {
    const before = { n: getDb().select().from(followUps).all().length, audit: auditCount() };
    const bad = await create({ ...validForm(), dueOn: "2021-02-30", title: "Я".repeat(301) });
    expect(bad.status).toBe(400);
    expect(bad.data.errors).toEqual({ dueOn: ["invalidDate"], title: ["tooLong:300"] });
    expect(bad.data.values.dueOn).toBe("2021-02-30");
    const missing = await create({ ...validForm(), dueOn: "" });
    expect(missing.data.errors).toEqual({ dueOn: ["required"] });
    const partner = await create({ ...validForm(), assigneeId: String(userIdOf("partnerSofia")) });
    expect(partner.status).toBe(400);
    expect(partner.data.errors).toEqual({ assigneeId: ["invalidChoice"] });
    expect({ n: getDb().select().from(followUps).all().length, audit: auditCount() }).toEqual(before);
  });

  it("the new form is pre-filled with the links from the URL", async () => {
    const sofia = orgId(SOFIA);
    const commitment = idOf(demo.commitments.sofiaInfoCenter);
    const outcome = await call(newRoute, "loader", { path: `/follow-ups/new?organizationId=${sofia}&commitmentId=${commitment}&partnershipId=abc`, as: "coordinator" });
    const data = await outcome.response!.json();
    expect(data.defaults).toMatchObject({ organizationId: sofia, commitmentId: commitment, partnershipId: null, assigneeId: userIdOf("coordinator"), status: "open" });
  });

  it("creating and editing each leave one audit entry; completing sets and reopening clears completedAt/completedById", async () => {
    const created = await create({ ...validForm(), title: `=HYPERLINK("http://x")`, sharedWithOrganizationId: String(orgId(SOFIA)) });
    expect(created.status).toBe(302);
    const id = idFromLocation(created.response);
    expect(row(id)).toMatchObject({ title: `=HYPERLINK("http://x")`, sharedWithOrganizationId: orgId(SOFIA), completedAt: null });
    expect(auditsOf("follow_up", id)).toHaveLength(1);
    const done = await call(editRoute, "action", { ...at(id), as: "coordinator", form: { ...formOf(id), status: "done" } });
    expect(done.status).toBe(302);
    expect(row(id).completedAt).not.toBeNull();
    expect(row(id).completedById).toBe(userIdOf("coordinator"));
    const entries = auditsOf("follow_up", id);
    expect(entries).toHaveLength(2);
    expect(Object.keys(JSON.parse(entries[1].changes!)).sort()).toEqual(["completedAt", "completedById", "status"]);
    const reopened = await call(editRoute, "action", { ...at(id), as: "admin", form: { ...formOf(id), status: "open" } });
    expect(reopened.status).toBe(302);
    expect(row(id)).toMatchObject({ status: "open", completedAt: null, completedById: null });
  });

  it("a stale edit is refused with 409 and the typed values and current record", async () => {
    const id = fresh();
    const tab = formOf(id);
    expect((await call(editRoute, "action", { ...at(id), as: "coordinator", form: { ...tab, notes: "първи" } })).status).toBe(302);
    const second = await call(editRoute, "action", { ...at(id), as: "admin", form: { ...tab, notes: "втори" } });
    expect(second.status).toBe(409);
    expect(second.data.values.notes).toBe("втори");
    expect(second.data.stale).toMatchObject({ notes: "първи", version: 2 });
  });
});

describe("marking done from the list and bulk actions", () => {
  it("marks one follow-up done from the list, back to the same view, audited", async () => {
    const id = fresh();
    const outcome = await listAction("coordinator", { intent: "done", id: String(id), version: "1" }, "&view=mine&sort=title");
    expect(outcome.status).toBe(302);
    expect(outcome.response!.headers.get("Location")).toBe("/follow-ups?view=mine&sort=title");
    expect(row(id)).toMatchObject({ status: "done", completedById: userIdOf("coordinator"), version: 2 });
    expect(latestAudit()).toMatchObject({ action: "update", entityType: "follow_up", entityId: id });
    // A second click on an old page is refused rather than silently repeated.
    expect((await listAction("coordinator", { intent: "done", id: String(id), version: "1" })).status).toBe(409);
  });

  it("bulk close writes one audit entry per follow-up, in one go", async () => {
    const ids = [fresh(), fresh(), fresh()];
    const before = auditCount();
    const outcome = await listAction("coordinator", { intent: "bulkClose", ids: ids.map(String), closeAs: "done" });
    expect(outcome.status).toBe(302);
    expect(auditCount()).toBe(before + 3);
    for (const id of ids) {
      expect(row(id)).toMatchObject({ status: "done", completedById: userIdOf("coordinator") });
      const entries = auditsOf("follow_up", id);
      expect(entries).toHaveLength(2);
      expect(JSON.parse(entries[1].changes!).status).toEqual(["open", "done"]);
    }
  });

  it("bulk reassign changes the assignee of each; an unknown id in the batch writes nothing", async () => {
    const ids = [fresh(), fresh()];
    const admin = userIdOf("admin");
    expect((await listAction("coordinator", { intent: "bulkReassign", ids: ids.map(String), assigneeId: String(admin) })).status).toBe(302);
    expect(getDb().select().from(followUps).where(inArray(followUps.id, ids)).all().every((f) => f.assigneeId === admin)).toBe(true);
    const before = auditCount();
    const other = fresh();
    const afterCreate = auditCount();
    const bad = await listAction("coordinator", { intent: "bulkClose", ids: [String(other), "999999"], closeAs: "cancelled" });
    expect(bad.status).toBe(400);
    expect(row(other).status).toBe("open");
    expect(auditCount()).toBe(afterCreate);
    expect(afterCreate).toBe(before + 1);
  });

  it("bulk without a selection explains what is missing", async () => {
    const outcome = await listAction("coordinator", { intent: "bulkClose", closeAs: "done" });
    expect(outcome.status).toBe(400);
    expect(outcome.data.errors.ids).toEqual(["noneSelected"]);
  });
});

describe("deleting a follow-up", () => {
  it("an admin hard-deletes it (nothing points at follow-ups); the audit keeps what it was", async () => {
    const id = fresh();
    const outcome = await call(detailRoute, "action", { ...at(id), as: "admin", form: { intent: "delete" } });
    expect(outcome.status).toBe(302);
    expect(getDb().select().from(followUps).where(eq(followUps.id, id)).get()).toBeUndefined();
    expect(latestAudit()).toMatchObject({ action: "delete", entityType: "follow_up", entityId: id });
  });
});
