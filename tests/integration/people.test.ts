// People: access matrix, URL-state list, validation, stale edits, audit entries, moving organization, delete rules.
import { and, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "#app/db/client.server.ts";
import { auditEntries, interactions, people } from "#app/db/schema.ts";
import * as detailRoute from "#app/routes/people.$id._index.tsx";
import * as editRoute from "#app/routes/people.$id.edit.tsx";
import * as listRoute from "#app/routes/people._index.tsx";
import * as newRoute from "#app/routes/people.new.tsx";
import { auditCount, call, demo, type DemoUser, idOf, latestAudit } from "#tests/helpers.ts";

const personRow = (id: number) => getDb().select().from(people).where(eq(people.id, id)).get();
const idFromLocation = (location: string | null | undefined) => Number(location!.split("/").pop());

/** A new person nobody points at, created through the route as a coordinator. */
async function freshPerson(fields: Record<string, string> = {}): Promise<number> {
  // The same person each time, so past the likely-duplicate warning (issue 17).
  const outcome = await call(newRoute, "action", { path: "/people/new", as: "coordinator", form: { name: "Мария Тестова", confirmDuplicates: "1", ...fields } });
  expect(outcome.status).toBe(302);
  return idFromLocation(outcome.response!.headers.get("Location"));
}

/** A seeded person with interactions (so something points at them). */
function referencedPersonId(): number {
  return getDb()
    .select({ id: interactions.personId })
    .from(interactions)
    .where(sql`${interactions.personId} IS NOT NULL`)
    .get()!.id!;
}

type Who = DemoUser | "anonymous";
type Expect = Partial<Record<Who, number>>;
const everyone: Who[] = ["admin", "manager", "coordinator", "partnerSofia", "anonymous"];
const READ: Expect = { admin: 200, manager: 200, coordinator: 200, partnerSofia: 404, anonymous: 302 };
const WRITE_FORM: Expect = { admin: 200, manager: 403, coordinator: 200, partnerSofia: 404, anonymous: 302 };
const STAFF_WRITE: Expect = { admin: 302, manager: 403, coordinator: 302, partnerSofia: 404, anonymous: 302 };
const ADMIN_DELETE: Expect = { admin: 302, manager: 403, coordinator: 403, partnerSofia: 404, anonymous: 302 };

describe("people routes: access matrix", () => {
  // A partner's own organization's contact is still staff data: 404 like any other.
  const sofiaPerson = () => getDb().select().from(people).where(eq(people.organizationId, idOf(demo.organizations.sofiaMunicipality))).get()!.id;
  const params = (id: number) => ({ id: String(id) });

  const cases: Array<{ name: string; run: (as: DemoUser | null) => ReturnType<typeof call>; expected: Expect }> = [
    { name: "GET /people", run: (as) => call(listRoute, "loader", { path: "/people", as }), expected: READ },
    { name: "GET /people/new", run: (as) => call(newRoute, "loader", { path: "/people/new", as }), expected: WRITE_FORM },
    { name: "POST /people/new", run: (as) => call(newRoute, "action", { path: "/people/new", as, form: { name: "Петър Тестов", confirmDuplicates: "1" } }), expected: STAFF_WRITE },
    { name: "GET /people/:id (a contact at the partner's own organization)",
      run: (as) => call(detailRoute, "loader", { path: `/people/${sofiaPerson()}`, params: params(sofiaPerson()), as }), expected: READ },
    { name: "POST /people/:id archive",
      run: (as) => {
        const p = personRow(sofiaPerson())!;
        return call(detailRoute, "action", { path: `/people/${p.id}`, params: params(p.id), as,
          form: { intent: p.archived ? "unarchive" : "archive", version: String(p.version) } });
      },
      expected: STAFF_WRITE },
    { name: "POST /people/:id delete (a person nothing points at)",
      run: async (as) => {
        const id = await freshPerson();
        return call(detailRoute, "action", { path: `/people/${id}`, params: params(id), as, form: { intent: "delete" } });
      },
      expected: ADMIN_DELETE },
    { name: "GET /people/:id/edit", run: (as) => call(editRoute, "loader", { path: `/people/${sofiaPerson()}/edit`, params: params(sofiaPerson()), as }),
      expected: WRITE_FORM },
    { name: "POST /people/:id/edit",
      run: (as) => {
        const p = personRow(sofiaPerson())!;
        return call(editRoute, "action", { path: `/people/${p.id}/edit`, params: params(p.id), as,
          form: { name: p.name, organizationId: String(p.organizationId ?? ""), version: String(p.version) } });
      },
      expected: STAFF_WRITE },
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

  it("a missing or malformed id is 404", async () => {
    for (const id of ["999999", "abc", "0"]) {
      expect((await call(detailRoute, "loader", { path: `/people/${id}`, params: { id }, as: "admin" })).status).toBe(404);
    }
  });
});

describe("people list", () => {
  const list = async (query: string) => (await call(listRoute, "loader", { path: `/people${query}`, as: "manager" })).response!.json();
  const busiestOrganization = () =>
    getDb()
      .select({ id: people.organizationId, n: sql<number>`count(*)` })
      .from(people)
      .where(sql`${people.organizationId} IS NOT NULL`)
      .groupBy(people.organizationId)
      .orderBy(sql`count(*) desc`)
      .get()!;

  it("filter + sort + page from the URL give the same rows twice and respect the filter", async () => {
    const org = busiestOrganization();
    const url = `?organization=${org.id}&email=with&sort=updated&dir=desc&perPage=10&page=1`;
    const first = await list(url);
    const again = await list(url);
    expect(first.rows.length).toBeGreaterThan(0);
    expect(first.rows.map((r: any) => r.id)).toEqual(again.rows.map((r: any) => r.id));
    expect(first.rows.every((r: any) => r.organizationId === org.id && r.email)).toBe(true);
    expect(first.params).toMatchObject({ sort: "updated", dir: "desc", perPage: 10, page: 1, filters: { organization: org.id, email: "with" } });
  });

  it("pages sorted by organization do not overlap and add up to the whole list", async () => {
    const all = await list("?sort=organization&perPage=100");
    const p1 = await list("?sort=organization&perPage=10&page=1");
    const p2 = await list("?sort=organization&perPage=10&page=2");
    expect([...p1.rows, ...p2.rows].map((r: any) => r.id)).toEqual(all.rows.slice(0, 20).map((r: any) => r.id));
    expect(p1.total).toBe(all.total);
    const names = all.rows.map((r: any) => r.organizationName).filter(Boolean);
    expect(names.length).toBeGreaterThan(0);
  });

  it("the without-e-mail filter shows only people without one, and archived people only when asked", async () => {
    const without = await list("?email=without&perPage=100");
    expect(without.rows.every((r: any) => !r.email)).toBe(true);
    const id = await freshPerson({ name: "Архивиран Тестов" });
    await call(detailRoute, "action", { path: `/people/${id}`, params: { id: String(id) }, as: "coordinator", form: { intent: "archive", version: "1" } });
    expect((await list("?q=arhiviran&perPage=100")).rows.map((r: any) => r.id)).not.toContain(id);
    expect((await list("?q=arhiviran&archived=archived")).rows.map((r: any) => r.id)).toEqual([id]);
  });
});

describe("creating and editing a person", () => {
  const create = (form: Record<string, string>) => call(newRoute, "action", { path: "/people/new", as: "coordinator", form });
  const edit = (id: number, form: Record<string, string>) =>
    call(editRoute, "action", { path: `/people/${id}/edit`, params: { id: String(id) }, as: "coordinator", form });

  it("refuses an empty name, a bad e-mail and an unknown organization beside their fields, keeping the values and writing nothing", async () => {
    const before = { people: getDb().select().from(people).all().length, audit: auditCount() };
    const outcome = await create({ name: " ", email: "not-an-email", phone: "=HYPERLINK(1)", organizationId: "999999", position: "Директор" });
    expect(outcome.status).toBe(400);
    expect(outcome.data.errors).toMatchObject({ name: ["required"], email: ["invalidEmail"], phone: ["invalidPhone"] });
    expect(outcome.data.values).toMatchObject({ position: "Директор", email: "not-an-email" });
    const forged = await create({ name: "Иван Иванов", organizationId: "999999" });
    expect(forged.status).toBe(400);
    expect(forged.data.errors).toEqual({ organizationId: ["invalidChoice"] });
    expect({ people: getDb().select().from(people).all().length, audit: auditCount() }).toEqual(before);
  });

  it("the new form is pre-filled with the organization it was opened from", async () => {
    const id = idOf(demo.organizations.redCross);
    const outcome = await call(newRoute, "loader", { path: `/people/new?organizationId=${id}`, as: "coordinator" });
    expect((await outcome.response!.json()).organizationId).toBe(id);
  });

  it("creating writes one audit entry with the fields; Cyrillic and <script> are kept as text", async () => {
    const before = auditCount();
    const name = `Елена <script>alert(1)</script> Петрова`;
    const id = await freshPerson({ name, email: "Elena@Example.BG", languages: "български, арабски", organizationId: String(idOf(demo.organizations.sofiaMunicipality)) });
    expect(auditCount()).toBe(before + 1);
    expect(personRow(id)).toMatchObject({ name, email: "elena@example.bg", nameLatin: "Elena <script>alert(1)</script> Petrova" });
    const audit = latestAudit();
    expect(audit).toMatchObject({ action: "create", entityType: "person", entityId: id });
    expect(JSON.parse(audit.changes!)).toEqual({ name, email: "elena@example.bg", languages: "български, арабски", organizationId: idOf(demo.organizations.sofiaMunicipality) });
  });

  it("moving a person to another organization leaves one audit entry with organizationId [old, new], shown on their page", async () => {
    const from = idOf(demo.organizations.sofiaMunicipality);
    const to = idOf(demo.organizations.redCross);
    const id = await freshPerson({ name: "Калина Движева", organizationId: String(from) });
    const before = auditCount();
    expect((await edit(id, { name: "Калина Движева", organizationId: String(to), version: "1" })).status).toBe(302);
    expect(auditCount()).toBe(before + 1);
    const audit = latestAudit();
    expect(audit).toMatchObject({ action: "update", entityType: "person", entityId: id });
    expect(JSON.parse(audit.changes!)).toEqual({ organizationId: [from, to] });
    expect(personRow(id)).toMatchObject({ organizationId: to, version: 2 });
    const page = await (await call(detailRoute, "loader", { path: `/people/${id}`, params: { id: String(id) }, as: "manager" })).response!.json();
    expect(page.organizationHistory).toMatchObject([{ from, to, fromName: "Столична община", toName: "Български Червен кръст" }]);
  });

  it("refuses a stale edit (two tabs) with 409: nothing written, both versions returned", async () => {
    const id = await freshPerson({ name: "Стефан Версиев", position: "Експерт" });
    expect((await edit(id, { name: "Стефан Версиев", position: "Първи таб", version: "1" })).status).toBe(302);
    const before = auditCount();
    const second = await edit(id, { name: "Стефан Версиев", position: "Втори таб", version: "1" });
    expect(second.status).toBe(409);
    expect(second.data.values.position).toBe("Втори таб");
    expect(second.data.stale).toMatchObject({ position: "Първи таб", version: 2 });
    expect(personRow(id)!.position).toBe("Първи таб");
    expect(auditCount()).toBe(before);
  });

  it("archiving leaves one audit entry", async () => {
    const id = await freshPerson();
    const before = auditCount();
    const outcome = await call(detailRoute, "action", { path: `/people/${id}`, params: { id: String(id) }, as: "coordinator", form: { intent: "archive", version: "1" } });
    expect(outcome.status).toBe(302);
    expect(auditCount()).toBe(before + 1);
    expect(latestAudit()).toMatchObject({ action: "archive", entityType: "person", entityId: id });
    expect(JSON.parse(latestAudit().changes!)).toEqual({ archived: [false, true] });
  });
});

describe("deleting a person", () => {
  const remove = (id: number, as: DemoUser = "admin") =>
    call(detailRoute, "action", { path: `/people/${id}`, params: { id: String(id) }, as, form: { intent: "delete" } });

  it("is refused for a person others point at, saying what points at them; nothing is deleted or audited", async () => {
    const id = referencedPersonId();
    const before = auditCount();
    const outcome = await remove(id);
    expect(outcome.status).toBe(409);
    expect(outcome.data.error).toBe("people.deleteReferenced");
    expect(outcome.data.references.interactions).toBeGreaterThan(0);
    expect(personRow(id)).toBeDefined();
    expect(auditCount()).toBe(before);
  });

  it("an admin deletes a person nothing points at, with one audit entry keeping what was deleted", async () => {
    const id = await freshPerson({ name: "Изтрит Тестов", email: "gone@example.bg" });
    const outcome = await remove(id);
    expect(outcome.status).toBe(302);
    expect(outcome.response!.headers.get("Location")).toBe("/people");
    expect(personRow(id)).toBeUndefined();
    const entries = getDb().select().from(auditEntries).where(and(eq(auditEntries.entityType, "person"), eq(auditEntries.entityId, id))).all();
    expect(entries.map((e) => e.action)).toEqual(["create", "delete"]);
    expect(JSON.parse(entries[1].changes!)).toMatchObject({ name: "Изтрит Тестов", email: "gone@example.bg" });
  });

  it("a coordinator may not hard-delete (403), the person stays", async () => {
    const id = await freshPerson();
    expect((await remove(id, "coordinator")).status).toBe(403);
    expect(personRow(id)).toBeDefined();
  });
});
