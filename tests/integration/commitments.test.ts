// Commitments end to end: access matrix, list URL state, validation, stale edits, the progress
// timeline setting the status, carry-over, audit entries, delete rules.
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "#app/db/client.server.ts";
import { commitmentCoPledgers, commitments, commitmentUpdates } from "#app/db/schema.ts";
import { verifyPartnerReport } from "#app/models/commitment-lifecycle.server.ts";
import { addCommitmentUpdate, createCommitment } from "#app/models/commitments.server.ts";
import { postPartnerUpdate } from "#app/models/partner-portal.server.ts";
import { todayIso } from "#app/lib/calendar-day.ts";
import * as detailRoute from "#app/routes/commitments.$id._index.tsx";
import * as editRoute from "#app/routes/commitments.$id.edit.tsx";
import * as listRoute from "#app/routes/commitments._index.tsx";
import * as newRoute from "#app/routes/commitments.new.tsx";
import { auditCount, call, latestAudit, userIdOf, type DemoUser } from "#tests/helpers.ts";
import {
  actingAs,
  ADMIN_DELETE,
  auditsOf,
  everyone,
  forumId,
  idFromLocation,
  orgId,
  RED_CROSS,
  SOFIA,
  STAFF_FORM,
  STAFF_READ,
  STAFF_WRITE,
  type Expect,
} from "./record-fixtures.ts";

const validForm = () => ({
  title: "Езикови курсове за възрастни",
  leadOrganizationId: String(orgId(SOFIA)),
  eventId: String(forumId("2021")),
  niemDimension: "language_orientation",
  kind: "service",
  dueOn: "2026-06-30",
  ownerId: String(userIdOf("coordinator")),
});
const fresh = () =>
  createCommitment(actingAs("coordinator"), {
    title: `Ангажимент ${Math.random()}`,
    description: null,
    leadOrganizationId: orgId(SOFIA),
    coPledgerIds: [orgId(RED_CROSS)],
    eventId: forumId("2021"),
    partnershipId: null,
    niemDimension: "housing",
    kind: "policy",
    dueOn: "2022-12-31",
    ownerId: null,
    sharedWithPartner: true,
  });
const row = (id: number) => getDb().select().from(commitments).where(eq(commitments.id, id)).get()!;
const byTitle = (title: string) => getDb().select().from(commitments).where(eq(commitments.title, title)).get()!.id;
const sofiaShared = () => byTitle("Информационен център за бежанци в Столична община");
const at = (id: number) => ({ path: `/commitments/${id}`, params: { id: String(id) } });
const formOf = (id: number) => {
  const c = row(id);
  const co = getDb().select().from(commitmentCoPledgers).where(eq(commitmentCoPledgers.commitmentId, id)).all().map((x) => String(x.organizationId));
  return {
    title: c.title, description: c.description ?? "", leadOrganizationId: String(c.leadOrganizationId), coPledgerIds: co, eventId: c.eventId ? String(c.eventId) : "",
    partnershipId: c.partnershipId ? String(c.partnershipId) : "", niemDimension: c.niemDimension, kind: c.kind, dueOn: c.dueOn ?? "", ownerId: c.ownerId ? String(c.ownerId) : "",
    ...(c.sharedWithPartner ? { sharedWithPartner: "on" } : {}), version: String(c.version),
  };
};

describe("commitment routes: access matrix", () => {
  const cases: Array<{ name: string; run: (as: DemoUser | null) => ReturnType<typeof call>; expected: Expect }> = [
    { name: "GET /commitments", run: (as) => call(listRoute, "loader", { path: "/commitments", as }), expected: STAFF_READ },
    { name: "GET /commitments/new", run: (as) => call(newRoute, "loader", { path: "/commitments/new", as }), expected: STAFF_FORM },
    { name: "POST /commitments/new", run: (as) => call(newRoute, "action", { path: "/commitments/new", as, form: validForm() }), expected: STAFF_WRITE },
    { name: "GET /commitments/:id (shared with the partner's own organization)", run: (as) => call(detailRoute, "loader", { ...at(sofiaShared()), as }), expected: STAFF_READ },
    { name: "GET /commitments/:id/edit", run: (as) => call(editRoute, "loader", { ...at(sofiaShared()), as }), expected: STAFF_FORM },
    { name: "POST /commitments/:id/edit", run: (as) => { const id = fresh(); return call(editRoute, "action", { ...at(id), as, form: { ...formOf(id), title: "Променено" } }); }, expected: STAFF_WRITE },
    { name: "POST /commitments/:id addUpdate with a status change", run: (as) => call(detailRoute, "action", { ...at(fresh()), as, form: { intent: "addUpdate", note: "Започна", statusChange: "in_progress" } }), expected: STAFF_WRITE },
    { name: "POST /commitments/:id carryOver", run: (as) => call(detailRoute, "action", { ...at(fresh()), as, form: { intent: "carryOver", eventId: String(forumId("2026")) } }), expected: STAFF_WRITE },
    { name: "POST /commitments/:id delete", run: (as) => call(detailRoute, "action", { ...at(fresh()), as, form: { intent: "delete" } }), expected: ADMIN_DELETE },
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

describe("commitments list", () => {
  const list = async (query: string) => (await call(listRoute, "loader", { path: `/commitments${query}`, as: "manager" })).response!.json();

  it("the same URL gives the same rows (filter, sort, page) and respects the filters", async () => {
    const url = "?area=socio_economic&sort=due&dir=asc&perPage=10&page=1";
    const first = await list(url);
    const again = await list(url);
    expect(first.rows.length).toBeGreaterThan(0);
    expect(first.rows.map((r: any) => r.id)).toEqual(again.rows.map((r: any) => r.id));
    expect(first.rows.every((r: any) => r.niemArea === "socio_economic")).toBe(true);
    const dues = first.rows.map((r: any) => r.dueOn).filter(Boolean);
    expect(dues).toEqual([...dues].sort());
    const p2 = await list(url.replace("page=1", "page=2"));
    expect(p2.total).toBe(first.total);
    expect(p2.rows.some((r: any) => first.rows.some((f: any) => f.id === r.id))).toBe(false);
  });

  it("the organization filter finds commitments it leads and those it co-pledges", async () => {
    const redCross = orgId(RED_CROSS);
    const result = await list(`?organization=${redCross}&perPage=100`);
    const ids = result.rows.map((r: any) => r.id);
    const joint = byTitle("Безплатни курсове по български език в общинските читалища");
    expect(row(joint).leadOrganizationId).not.toBe(redCross);
    expect(ids).toContain(joint);
    expect(result.rows.some((r: any) => r.leadName === RED_CROSS)).toBe(true);
  });

  it("overdue, status, dimension, event and owner filters keep only matching rows", async () => {
    const today = todayIso();
    const overdue = await list("?overdue=1&perPage=100");
    expect(overdue.rows.length).toBeGreaterThan(0);
    expect(overdue.rows.every((r: any) => r.dueOn < today && ["pledged", "in_progress"].includes(r.status))).toBe(true);
    // A combination the demo has (not_fulfilled with housing had none: `every` held over an empty list).
    const sample = getDb().select().from(commitments).where(eq(commitments.status, "not_fulfilled")).get()!;
    const status = await list(`?status=not_fulfilled&dimension=${sample.niemDimension}&perPage=100`);
    expect(status.rows.length).toBeGreaterThan(0);
    expect(status.rows.map((r: any) => r.id)).toContain(sample.id);
    expect(status.rows.every((r: any) => r.status === "not_fulfilled" && r.niemDimension === sample.niemDimension)).toBe(true);
    const matching = getDb().select().from(commitments).all().filter((c) => c.status === "not_fulfilled" && c.niemDimension === sample.niemDimension);
    expect(status.total).toBe(matching.length);
    const forum2021 = forumId("2021");
    const byEvent = await list(`?event=${forum2021}&perPage=100`);
    expect(byEvent.total).toBe(getDb().select().from(commitments).where(eq(commitments.eventId, forum2021)).all().length);
    const coordinator = userIdOf("coordinator");
    const byOwner = await list(`?owner=${coordinator}&perPage=100`);
    expect(byOwner.total).toBe(getDb().select().from(commitments).where(eq(commitments.ownerId, coordinator)).all().length);
  });

  it("a row is self-reported while its status rests on an unverified partner report, and verified once a coordinator verifies it", async () => {
    // The badge itself, as the page renders it: tests/integration/http-commitment-lifecycle.test.ts.
    const id = fresh();
    const rowOf = async () => (await list(`?q=${encodeURIComponent(row(id).title)}`)).rows.find((r: any) => r.id === id);
    expect(await rowOf()).toMatchObject({ statusVerified: true });
    const report = postPartnerUpdate(actingAs("partnerSofia"), id, { note: "Започнахме.", proposedStatus: "in_progress", evidenceUrl: null }, null);
    expect(report.ok).toBe(true);
    expect(await rowOf()).toMatchObject({ status: "in_progress", statusVerified: false });
    expect(verifyPartnerReport(actingAs("coordinator"), report.ok ? report.id : 0)).toMatchObject({ ok: true });
    expect(await rowOf()).toMatchObject({ status: "in_progress", statusVerified: true });
  });
});

describe("commitment forms: validation", () => {
  const create = (form: Record<string, string | string[]>) => call(newRoute, "action", { path: "/commitments/new", as: "coordinator", form });

  it("refuses a due date 2021-02-30, a missing lead, an unknown dimension — values kept, nothing written", async () => {
    const before = { n: getDb().select().from(commitments).all().length, audit: auditCount() };
    const outcome = await create({ ...validForm(), dueOn: "2021-02-30", leadOrganizationId: "", niemDimension: "happiness" });
    expect(outcome.status).toBe(400);
    expect(outcome.data.errors).toMatchObject({ dueOn: ["invalidDate"], leadOrganizationId: ["required"], niemDimension: ["invalidChoice"] });
    expect(outcome.data.values).toMatchObject({ dueOn: "2021-02-30", title: "Езикови курсове за възрастни" });
    expect({ n: getDb().select().from(commitments).all().length, audit: auditCount() }).toEqual(before);
  });

  it("refuses ids that name nothing (a forged lead organization or event)", async () => {
    const outcome = await create({ ...validForm(), leadOrganizationId: "999999", eventId: "999999" });
    expect(outcome.status).toBe(400);
    expect(outcome.data.errors).toEqual({ leadOrganizationId: ["invalidChoice"], eventId: ["invalidChoice"] });
  });

  it("a manager posting a status change gets 403 and the status stays", async () => {
    const id = fresh();
    const outcome = await call(detailRoute, "action", { ...at(id), as: "manager", form: { intent: "addUpdate", note: "Изпълнено", statusChange: "fulfilled" } });
    expect(outcome.status).toBe(403);
    expect(row(id).status).toBe("pledged");
    expect(getDb().select().from(commitmentUpdates).where(eq(commitmentUpdates.commitmentId, id)).all()).toHaveLength(0);
  });

  it("the edit form cannot change the status (only progress updates do)", async () => {
    const id = fresh();
    const outcome = await call(editRoute, "action", { ...at(id), as: "coordinator", form: { ...formOf(id), status: "fulfilled" } });
    expect(outcome.status).toBe(302);
    expect(row(id).status).toBe("pledged");
  });

  it("refuses an update without a note or with a javascript: evidence link", async () => {
    const id = fresh();
    const outcome = await call(detailRoute, "action", { ...at(id), as: "coordinator", form: { intent: "addUpdate", note: " ", evidenceUrl: "javascript:alert(1)", statusChange: "done-ish" } });
    expect(outcome.status).toBe(400);
    expect(outcome.data.errors).toEqual({ note: ["required"], evidenceUrl: ["invalidUrl"], statusChange: ["invalidChoice"] });
  });
});

describe("editing a commitment", () => {
  it("a stale edit (two tabs) is refused and loses neither update", async () => {
    const id = fresh();
    const tabA = formOf(id);
    const tabB = formOf(id);
    const first = await call(editRoute, "action", { ...at(id), as: "coordinator", form: { ...tabA, dueOn: "2023-03-31" } });
    expect(first.status).toBe(302);
    const auditBefore = auditCount();
    const second = await call(editRoute, "action", { ...at(id), as: "admin", form: { ...tabB, description: "От втория раздел" } });
    expect(second.status).toBe(409);
    // The first save stays; the second user's typed values come back with the current record.
    expect(row(id)).toMatchObject({ dueOn: "2023-03-31", description: null, version: 2 });
    expect(second.data.values.description).toBe("От втория раздел");
    expect(second.data.stale).toMatchObject({ dueOn: "2023-03-31", version: 2, coPledgerIds: [orgId(RED_CROSS)] });
    expect(auditCount()).toBe(auditBefore);
    // Saving again over the version now shown keeps both changes.
    const again = await call(editRoute, "action", { ...at(id), as: "admin", form: { ...tabB, dueOn: "2023-03-31", description: "От втория раздел", version: "2" } });
    expect(again.status).toBe(302);
    expect(row(id)).toMatchObject({ dueOn: "2023-03-31", description: "От втория раздел", version: 3 });
  });

  it("create and edit each leave one audit entry with the (changed) fields, co-pledgers included", async () => {
    const created = await call(newRoute, "action", { path: "/commitments/new", as: "coordinator", form: { ...validForm(), coPledgerIds: [String(orgId(RED_CROSS))], sharedWithPartner: "on" } });
    expect(created.status).toBe(302);
    const id = idFromLocation(created.response);
    expect(row(id)).toMatchObject({ niemArea: "socio_cultural", status: "pledged", sharedWithPartner: true });
    let entries = auditsOf("commitment", id);
    expect(entries).toHaveLength(1);
    expect(JSON.parse(entries[0].changes!)).toMatchObject({ title: "Езикови курсове за възрастни", coPledgerIds: [orgId(RED_CROSS)], niemDimension: "language_orientation" });
    const edit = await call(editRoute, "action", { ...at(id), as: "coordinator", form: { ...formOf(id), coPledgerIds: [], niemDimension: "employment" } });
    expect(edit.status).toBe(302);
    entries = auditsOf("commitment", id);
    expect(entries).toHaveLength(2);
    expect(JSON.parse(entries[1].changes!)).toEqual({ niemDimension: ["language_orientation", "employment"], coPledgerIds: [[orgId(RED_CROSS)], []] });
    expect(row(id).niemArea).toBe("socio_economic");
  });
});

describe("progress timeline", () => {
  it("posting an update with a status change sets the status in the same write, bumps the version and is audited once", async () => {
    const id = fresh();
    const auditBefore = auditCount();
    const outcome = await call(detailRoute, "action", { ...at(id), as: "coordinator", form: { intent: "addUpdate", note: "Внесено в общинския съвет", statusChange: "in_progress", evidenceUrl: "https://example.bg/reshenie" } });
    expect(outcome.status).toBe(302);
    expect(row(id)).toMatchObject({ status: "in_progress", version: 2, statusVerified: true });
    expect(auditCount()).toBe(auditBefore + 1);
    expect(latestAudit()).toMatchObject({ action: "progress_update", entityType: "commitment", entityId: id });
    expect(JSON.parse(latestAudit().changes!).status).toEqual(["pledged", "in_progress"]);
    const update = getDb().select().from(commitmentUpdates).where(eq(commitmentUpdates.commitmentId, id)).get()!;
    expect(update).toMatchObject({ statusChange: "in_progress", evidenceUrl: "https://example.bg/reshenie", authorId: userIdOf("coordinator") });
  });

  it("the status is always the latest status-changing update's; a note alone leaves it", async () => {
    const id = fresh();
    const coordinator = actingAs("coordinator");
    addCommitmentUpdate(coordinator, id, { note: "Започна", statusChange: "in_progress", evidenceUrl: null });
    addCommitmentUpdate(coordinator, id, { note: "Среща с общината", statusChange: null, evidenceUrl: null });
    expect(row(id).status).toBe("in_progress");
    addCommitmentUpdate(coordinator, id, { note: "Готово", statusChange: "fulfilled", evidenceUrl: null });
    const detail = await (await call(detailRoute, "loader", { ...at(id), as: "manager" })).response!.json();
    expect(detail.commitment.status).toBe("fulfilled");
    expect(detail.timeline.map((u: any) => u.note)).toEqual(["Започна", "Среща с общината", "Готово"]);
  });

  it("shows an unverified partner report as self-reported", async () => {
    const unverified = getDb().select().from(commitments).where(eq(commitments.statusVerified, false)).get()!;
    const detail = await (await call(detailRoute, "loader", { ...at(unverified.id), as: "coordinator" })).response!.json();
    expect(detail.commitment.statusVerified).toBe(false);
    expect(detail.timeline.some((u: any) => u.partnerOrganizationId !== null && u.verifiedAt === null)).toBe(true);
  });
});

describe("carrying a commitment over", () => {
  it("creates a new commitment at the next forum, linked both ways and audited on both", async () => {
    const oldId = fresh();
    const page = await (await call(detailRoute, "loader", { ...at(oldId), as: "coordinator" })).response!.json();
    expect(page.carryOver.eligible).toBe(true);
    expect(page.carryOver.targets[0].id).toBe(forumId("2026")); // the next national forum by date is the default
    const outcome = await call(detailRoute, "action", { ...at(oldId), as: "coordinator", form: { intent: "carryOver", eventId: String(forumId("2026")) } });
    expect(outcome.status).toBe(302);
    const newId = idFromLocation(outcome.response);
    expect(row(newId)).toMatchObject({ carriedOverFromId: oldId, eventId: forumId("2026"), status: "pledged", title: row(oldId).title, niemDimension: "housing" });
    expect(getDb().select().from(commitmentCoPledgers).where(eq(commitmentCoPledgers.commitmentId, newId)).all().map((c) => c.organizationId)).toEqual([orgId(RED_CROSS)]);
    const oldPage = await (await call(detailRoute, "loader", { ...at(oldId), as: "coordinator" })).response!.json();
    const newPage = await (await call(detailRoute, "loader", { ...at(newId), as: "coordinator" })).response!.json();
    expect(oldPage.carriedOverTo.map((c: any) => c.id)).toEqual([newId]);
    expect(newPage.carriedOverFrom.id).toBe(oldId);
    expect(auditsOf("commitment", oldId).at(-1)).toMatchObject({ action: "carry_over" });
    expect(auditsOf("commitment", newId).map((e) => e.action)).toEqual(["create"]);
    // Once carried over, not again.
    expect(oldPage.carryOver.eligible).toBe(false);
    const twice = await call(detailRoute, "action", { ...at(oldId), as: "coordinator", form: { intent: "carryOver", eventId: String(forumId("2026")) } });
    expect(twice.status).toBe(400);
  });

  it("refuses a fulfilled commitment and an earlier forum edition", async () => {
    const fulfilled = sofiaShared();
    expect(row(fulfilled).status).toBe("fulfilled");
    expect((await call(detailRoute, "action", { ...at(fulfilled), as: "coordinator", form: { intent: "carryOver", eventId: String(forumId("2026")) } })).status).toBe(400);
    const open = fresh();
    const earlier = await call(detailRoute, "action", { ...at(open), as: "coordinator", form: { intent: "carryOver", eventId: String(forumId("2020")) } });
    expect(earlier.status).toBe(400);
    expect(earlier.data.error).toBe("commitments.carryOver.notEligible");
  });
});

describe("deleting a commitment", () => {
  it("is refused with a clear message when it has updates, follow-ups or a carry-over", async () => {
    const withUpdates = sofiaShared();
    const outcome = await call(detailRoute, "action", { ...at(withUpdates), as: "admin", form: { intent: "delete" } });
    expect(outcome.status).toBe(409);
    expect(outcome.data.error).toBe("commitments.deleteReferenced");
    const carried = getDb().select().from(commitments).all().find((c) => c.carriedOverFromId !== null)!;
    expect((await call(detailRoute, "action", { ...at(carried.carriedOverFromId!), as: "admin", form: { intent: "delete" } })).status).toBe(409);
  });

  it("an admin deletes one nothing points at; the audit keeps what it was", async () => {
    const id = fresh();
    const outcome = await call(detailRoute, "action", { ...at(id), as: "admin", form: { intent: "delete" } });
    expect(outcome.status).toBe(302);
    expect(getDb().select().from(commitments).where(eq(commitments.id, id)).get()).toBeUndefined();
    expect(latestAudit()).toMatchObject({ action: "delete", entityType: "commitment", entityId: id });
    expect(JSON.parse(latestAudit().changes!).coPledgerIds).toEqual([orgId(RED_CROSS)]);
  });
});
