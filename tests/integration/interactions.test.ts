// Interactions: access matrix, validation (organization or person required, dates), stale edits, audit,
// and the timelines (newest first) on organization and person pages; partners never see staff sections.
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "#app/db/client.server.ts";
import { interactions, people } from "#app/db/schema.ts";
import * as editRoute from "#app/routes/interactions.$id.edit.tsx";
import * as newRoute from "#app/routes/interactions.new.tsx";
import * as organizationRoute from "#app/routes/organizations.$id._index.tsx";
import * as personRoute from "#app/routes/people.$id._index.tsx";
import { auditCount, call, demo, type DemoUser, idOf, latestAudit } from "#tests/helpers.ts";

const interactionRow = (id: number) => getDb().select().from(interactions).where(eq(interactions.id, id)).get();
const latestInteractionId = () => getDb().select({ id: interactions.id }).from(interactions).orderBy(interactions.id).all().at(-1)!.id;
const personAt = (organizationId: number) => getDb().select().from(people).where(eq(people.organizationId, organizationId)).get()!;
const sofia = () => idOf(demo.organizations.sofiaMunicipality);
const validForm = () => ({ kind: "meeting", occurredOn: "2025-02-14", subject: "Среща за жилищната квота", organizationId: String(sofia()) });

type Who = DemoUser | "anonymous";
type Expect = Partial<Record<Who, number>>;
const everyone: Who[] = ["admin", "manager", "coordinator", "partnerSofia", "anonymous"];
const WRITE_FORM: Expect = { admin: 200, manager: 403, coordinator: 200, partnerSofia: 404, anonymous: 302 };
const STAFF_WRITE: Expect = { admin: 302, manager: 403, coordinator: 302, partnerSofia: 404, anonymous: 302 };

describe("interaction routes: access matrix", () => {
  // An interaction with the partner's own organization is still staff-only (404 for the partner).
  const ownOrgInteraction = () => getDb().select().from(interactions).where(eq(interactions.organizationId, sofia())).get()!;
  const cases: Array<{ name: string; run: (as: DemoUser | null) => ReturnType<typeof call>; expected: Expect }> = [
    { name: "GET /interactions/new?organizationId=", run: (as) => call(newRoute, "loader", { path: `/interactions/new?organizationId=${sofia()}`, as }),
      expected: WRITE_FORM },
    { name: "POST /interactions/new", run: (as) => call(newRoute, "action", { path: "/interactions/new", as, form: validForm() }), expected: STAFF_WRITE },
    { name: "GET /interactions/:id/edit (with the partner's own organization)",
      run: (as) => call(editRoute, "loader", { path: `/interactions/${ownOrgInteraction().id}/edit`, params: { id: String(ownOrgInteraction().id) }, as }),
      expected: WRITE_FORM },
    { name: "POST /interactions/:id/edit",
      run: (as) => {
        const i = ownOrgInteraction();
        return call(editRoute, "action", { path: `/interactions/${i.id}/edit`, params: { id: String(i.id) }, as,
          form: { kind: i.kind, occurredOn: i.occurredOn, subject: i.subject, body: i.body ?? "", participants: i.participants ?? "",
            organizationId: String(i.organizationId ?? ""), personId: String(i.personId ?? ""), version: String(i.version) } });
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

  it("a missing interaction is 404", async () => {
    expect((await call(editRoute, "loader", { path: "/interactions/999999/edit", params: { id: "999999" }, as: "admin" })).status).toBe(404);
  });
});

describe("logging an interaction", () => {
  const create = (form: Record<string, string>) => call(newRoute, "action", { path: "/interactions/new", as: "coordinator", form });

  it("refuses an interaction with neither organization nor person, keeping the values and writing nothing", async () => {
    const before = { rows: getDb().select().from(interactions).all().length, audit: auditCount() };
    const outcome = await create({ ...validForm(), organizationId: "", body: "Обсъдихме квотата." });
    expect(outcome.status).toBe(400);
    expect(outcome.data.errors).toEqual({ organizationId: ["organizationOrPersonRequired"] });
    expect(outcome.data.values).toMatchObject({ subject: validForm().subject, body: "Обсъдихме квотата." });
    expect({ rows: getDb().select().from(interactions).all().length, audit: auditCount() }).toEqual(before);
  });

  it("refuses a date that does not exist, an unknown kind, an empty subject and an unknown person", async () => {
    const bad = await create({ ...validForm(), occurredOn: "2021-13-45", kind: "telepathy", subject: "" });
    expect(bad.status).toBe(400);
    expect(bad.data.errors).toEqual({ occurredOn: ["invalidDate"], kind: ["invalidChoice"], subject: ["required"] });
    const ghost = await create({ ...validForm(), personId: "999999" });
    expect(ghost.status).toBe(400);
    expect(ghost.data.errors).toEqual({ personId: ["invalidChoice"] });
  });

  it("logged from an organization's page: one audit entry with the fields, back to the organization, newest first in its timeline", async () => {
    const before = auditCount();
    const outcome = await create({ ...validForm(), occurredOn: "2099-01-01", body: "<script>alert(1)</script>", from: "organization" });
    expect(outcome.status).toBe(302);
    expect(outcome.response!.headers.get("Location")).toBe(`/organizations/${sofia()}`);
    expect(auditCount()).toBe(before + 1);
    const id = latestInteractionId();
    expect(latestAudit()).toMatchObject({ action: "create", entityType: "interaction", entityId: id });
    expect(JSON.parse(latestAudit().changes!)).toEqual({
      kind: "meeting", occurredOn: "2099-01-01", subject: validForm().subject, body: "<script>alert(1)</script>", organizationId: sofia(),
    });
    const page = await (await call(organizationRoute, "loader", { path: `/organizations/${sofia()}`, params: { id: String(sofia()) }, as: "manager" })).response!.json();
    expect(page.contacts.interactions[0]).toMatchObject({ id, subject: validForm().subject });
    const dates = page.contacts.interactions.map((i: any) => i.occurredOn);
    expect(dates).toEqual([...dates].sort().reverse());
  });

  it("logged from a person's page: back to the person, on both the person's and the organization's timelines", async () => {
    const person = personAt(sofia());
    const loader = await call(newRoute, "loader", { path: `/interactions/new?personId=${person.id}&organizationId=${sofia()}`, as: "coordinator" });
    const prefilled = await loader.response!.json();
    expect(prefilled).toMatchObject({ prefill: { personId: person.id, organizationId: sofia() }, from: "person" });
    const outcome = await create({ ...validForm(), kind: "call", subject: "Обаждане за курса", personId: String(person.id), from: "person" });
    expect(outcome.response!.headers.get("Location")).toBe(`/people/${person.id}`);
    const id = latestInteractionId();
    const personPage = await (await call(personRoute, "loader", { path: `/people/${person.id}`, params: { id: String(person.id) }, as: "coordinator" })).response!.json();
    expect(personPage.interactions.map((i: any) => i.id)).toContain(id);
    const orgPage = await (await call(organizationRoute, "loader", { path: `/organizations/${sofia()}`, params: { id: String(sofia()) }, as: "coordinator" })).response!.json();
    expect(orgPage.contacts.interactions.map((i: any) => i.id)).toContain(id);
  });
});

describe("editing an interaction", () => {
  const edit = (id: number, form: Record<string, string>) =>
    call(editRoute, "action", { path: `/interactions/${id}/edit`, params: { id: String(id) }, as: "coordinator", form });
  const fresh = async () => {
    await call(newRoute, "action", { path: "/interactions/new", as: "coordinator", form: { ...validForm(), participants: "Мария, Елена" } });
    return latestInteractionId();
  };

  it("audits exactly the changed fields and goes back to the organization", async () => {
    const id = await fresh();
    const before = auditCount();
    const outcome = await edit(id, { ...validForm(), participants: "Мария, Елена, Георги", version: "1" });
    expect(outcome.status).toBe(302);
    expect(outcome.response!.headers.get("Location")).toBe(`/organizations/${sofia()}`);
    expect(auditCount()).toBe(before + 1);
    expect(JSON.parse(latestAudit().changes!)).toEqual({ participants: ["Мария, Елена", "Мария, Елена, Георги"] });
  });

  it("refuses a stale edit (two tabs) with 409: nothing written", async () => {
    const id = await fresh();
    expect((await edit(id, { ...validForm(), subject: "Първи таб", version: "1" })).status).toBe(302);
    const before = auditCount();
    const second = await edit(id, { ...validForm(), subject: "Втори таб", version: "1" });
    expect(second.status).toBe(409);
    expect(second.data.stale).toMatchObject({ subject: "Първи таб", version: 2 });
    expect(second.data.values.subject).toBe("Втори таб");
    expect(interactionRow(id)!.subject).toBe("Първи таб");
    expect(auditCount()).toBe(before);
  });

  it("refuses removing both the organization and the person", async () => {
    const id = await fresh();
    const outcome = await edit(id, { ...validForm(), organizationId: "", version: "1" });
    expect(outcome.status).toBe(400);
    expect(outcome.data.errors).toEqual({ organizationId: ["organizationOrPersonRequired"] });
    expect(interactionRow(id)).toMatchObject({ organizationId: sofia(), version: 1 });
  });
});

describe("organization page sections", () => {
  const load = async (as: DemoUser, id: number) =>
    (await call(organizationRoute, "loader", { path: `/organizations/${id}`, params: { id: String(id) }, as })).response!.json();

  it("staff see the organization's people, interactions and events", async () => {
    const page = await load("manager", sofia());
    expect(page.contacts.people.map((p: any) => p.id)).toContain(personAt(sofia()).id);
    expect(page.contacts.interactions.length).toBeGreaterThan(0);
    expect(page.contacts.events.map((e: any) => e.startsOn)).toContain("2021-11-30");
  });

  it("a partner opening their own organization gets the card only, no staff sections", async () => {
    const page = await load("partnerSofia", sofia());
    expect(page.organization.id).toBe(sofia());
    expect(page.contacts).toBeNull();
  });
});
