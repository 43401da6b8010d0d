// Issue 10 at national scale: lists, forms and the organization page never send every organization,
// person or interaction. Pickers offer the first PICKER_INITIAL plus the chosen ones and search the rest
// through /choices/<kind>; the organization page shows ORG_SECTION_LIMIT rows per section.
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "#app/db/client.server.ts";
import { interactionKeys, organizationKeys, personKeys } from "#app/db/derived.ts";
import { interactions, organizations, people } from "#app/db/schema.ts";
import { ORG_SECTION_LIMIT } from "#app/domain/organization-sections.ts";
import { PICKER_INITIAL, PICKER_MATCHES } from "#app/models/link-choices.server.ts";
import * as adminUsers from "#app/routes/admin.users.tsx";
import * as choicesRoute from "#app/routes/choices.$kind.ts";
import * as commitmentsList from "#app/routes/commitments._index.tsx";
import * as commitmentNew from "#app/routes/commitments.new.tsx";
import * as followUpsList from "#app/routes/follow-ups._index.tsx";
import * as followUpNew from "#app/routes/follow-ups.new.tsx";
import * as organizationDetail from "#app/routes/organizations.$id._index.tsx";
import * as eventDetail from "#app/routes/events.$id._index.tsx";
import * as eventNew from "#app/routes/events.new.tsx";
import * as interactionNew from "#app/routes/interactions.new.tsx";
import * as partnershipNew from "#app/routes/partnerships.new.tsx";
import * as peopleList from "#app/routes/people._index.tsx";
import * as personEdit from "#app/routes/people.$id.edit.tsx";
import * as personNew from "#app/routes/people.new.tsx";
import { call, demo, idOf } from "#tests/helpers.ts";

let bigOrgId = 0;
let lastOrgId = 0;

beforeAll(() => {
  const db = getDb();
  db.transaction((tx) => {
    // More organizations than a picker offers, the last one alphabetically far down the list.
    for (let i = 0; i < PICKER_INITIAL + 30; i++) {
      const o = { name: `Сдружение Пикер ${String(i).padStart(3, "0")}` };
      tx.insert(organizations).values({ ...o, kind: "ngo", ...organizationKeys(o) }).run();
    }
    const last = { name: "Яворово читалище Пикер" };
    lastOrgId = tx.insert(organizations).values({ ...last, kind: "ngo", ...organizationKeys(last) }).returning({ id: organizations.id }).get().id;
    const big = { name: "Голяма организация Пикер" };
    bigOrgId = tx.insert(organizations).values({ ...big, kind: "ngo", ...organizationKeys(big) }).returning({ id: organizations.id }).get().id;
    for (let i = 0; i < ORG_SECTION_LIMIT + 10; i++) {
      const p = { name: `Служител ${i}` };
      tx.insert(people).values({ ...p, organizationId: bigOrgId, ...personKeys(p) }).run();
      const it = { subject: `Среща ${i}` };
      tx.insert(interactions).values({ ...it, kind: "meeting", occurredOn: "2026-01-01", organizationId: bigOrgId, createdById: 1, ...interactionKeys(it) }).run();
    }
  });
});

describe("list filters and forms do not list every organization", () => {
  for (const [name, route, path] of [
    ["commitments list", commitmentsList, "/commitments"],
    ["follow-ups list", followUpsList, "/follow-ups"],
  ] as const) {
    it(`${name}: the organization filter offers at most ${PICKER_INITIAL} plus the chosen one`, async () => {
      const plain = await call(route, "loader", { path, as: "coordinator" });
      expect(plain.status).toBe(200);
      expect(plain.data.organizations.length).toBe(PICKER_INITIAL);
      const chosen = await call(route, "loader", { path: `${path}?organization=${lastOrgId}`, as: "coordinator" });
      expect(chosen.data.organizations.length).toBe(PICKER_INITIAL + 1);
      expect(chosen.data.organizations.map((o: { id: number }) => o.id)).toContain(lastOrgId);
    });
  }

  it("commitment and follow-up forms offer the pre-filled organization even when it is not among the first ones", async () => {
    const c = await call(commitmentNew, "loader", { path: `/commitments/new?organizationId=${lastOrgId}`, as: "coordinator" });
    expect(c.data.choices.organizations.length).toBeLessThanOrEqual(PICKER_INITIAL + 1);
    expect(c.data.choices.organizations.map((o: { id: number }) => o.id)).toContain(lastOrgId);
    const f = await call(followUpNew, "loader", { path: `/follow-ups/new?organizationId=${lastOrgId}`, as: "coordinator" });
    expect(f.data.choices.organizations.map((o: { id: number }) => o.id)).toContain(lastOrgId);
    expect(f.data.choices.people.length).toBeLessThanOrEqual(PICKER_INITIAL);
    expect(f.data.choices.commitments.length).toBeLessThanOrEqual(PICKER_INITIAL);
  });
});

describe("/choices/<kind>: the pickers' search", () => {
  it("finds an organization that is not among the first ones, at most PICKER_MATCHES", async () => {
    const found = await call(choicesRoute, "loader", { path: "/choices/organizations?q=яворово", params: { kind: "organizations" }, as: "coordinator" });
    expect(found.status).toBe(200);
    expect(found.data.choices).toEqual([{ id: lastOrgId, label: "Яворово читалище Пикер" }]);
    const many = await call(choicesRoute, "loader", { path: "/choices/organizations?q=piker", params: { kind: "organizations" }, as: "coordinator" });
    expect(many.data.choices.length).toBe(PICKER_MATCHES);
  });

  it("partners get 404; an unknown kind is 404; an empty query finds nothing", async () => {
    expect((await call(choicesRoute, "loader", { path: "/choices/organizations?q=Червен", params: { kind: "organizations" }, as: "partnerSofia" })).status).toBe(404);
    expect((await call(choicesRoute, "loader", { path: "/choices/users?q=a", params: { kind: "users" }, as: "coordinator" })).status).toBe(404);
    const empty = await call(choicesRoute, "loader", { path: "/choices/people?q=", params: { kind: "people" }, as: "coordinator" });
    expect(empty.data.choices).toEqual([]);
  });
});

describe("organization page of a large organization", () => {
  it(`shows at most ${ORG_SECTION_LIMIT} people and interactions (the loader sends one more to say there are more)`, async () => {
    const page = await call(organizationDetail, "loader", { path: `/organizations/${bigOrgId}`, params: { id: String(bigOrgId) }, as: "coordinator" });
    expect(page.status).toBe(200);
    expect(page.data.contacts.people.length).toBe(ORG_SECTION_LIMIT + 1);
    expect(page.data.contacts.interactions.length).toBe(ORG_SECTION_LIMIT + 1);
    const total = getDb().select().from(people).where(eq(people.organizationId, bigOrgId)).all().length;
    expect(total).toBe(ORG_SECTION_LIMIT + 10);
  });
});

// People, interactions, events, partnerships and user administration: same rule, organizations and people.

describe("people, interaction and event forms do not list every organization or person", () => {
  let lastPersonId = 0;
  beforeAll(() => {
    // Alphabetically after every seeded person and "Служител N", working at the last organization.
    const p = { name: "Яна Пикерова" };
    lastPersonId = getDb().insert(people).values({ ...p, organizationId: lastOrgId, ...personKeys(p) }).returning({ id: people.id }).get().id;
  });
  const ids = (list: Array<{ id: number }>) => list.map((c) => c.id);

  it(`people list: the organization filter offers at most ${PICKER_INITIAL} plus the chosen one`, async () => {
    const plain = await call(peopleList, "loader", { path: "/people", as: "coordinator" });
    expect(plain.data.organizations.length).toBe(PICKER_INITIAL);
    const chosen = await call(peopleList, "loader", { path: `/people?organization=${lastOrgId}`, as: "coordinator" });
    expect(chosen.data.organizations.length).toBe(PICKER_INITIAL + 1);
    expect(ids(chosen.data.organizations)).toContain(lastOrgId);
  });

  it(`person form (new and edit) offers at most ${PICKER_INITIAL} organizations plus the person's own`, async () => {
    const plain = await call(personNew, "loader", { path: "/people/new", as: "coordinator" });
    expect(plain.data.organizations.length).toBe(PICKER_INITIAL);
    const prefilled = await call(personNew, "loader", { path: `/people/new?organizationId=${lastOrgId}`, as: "coordinator" });
    expect(prefilled.data.organizationId).toBe(lastOrgId);
    expect(prefilled.data.organizations.length).toBe(PICKER_INITIAL + 1);
    expect(ids(prefilled.data.organizations)).toContain(lastOrgId);
    const edit = await call(personEdit, "loader", { path: `/people/${lastPersonId}/edit`, params: { id: String(lastPersonId) }, as: "coordinator" });
    expect(edit.data.organizations.length).toBe(PICKER_INITIAL + 1);
    expect(ids(edit.data.organizations)).toContain(lastOrgId);
  });

  it(`event page: the add-participant pickers send ${PICKER_INITIAL} organizations and ${PICKER_INITIAL} people, labelled with their organization`, async () => {
    const forum = idOf(demo.events.forum2021);
    const page = await call(eventDetail, "loader", { path: `/events/${forum}`, params: { id: String(forum) }, as: "coordinator" });
    expect(page.status).toBe(200);
    expect(page.data.organizations.length).toBe(PICKER_INITIAL);
    expect(page.data.people.length).toBe(PICKER_INITIAL);
    expect(ids(page.data.people)).not.toContain(lastPersonId);
    // The rest are found by name, «Name (Organization)» because many people share a name.
    const found = await call(choicesRoute, "loader", { path: "/choices/people?q=пикерова", params: { kind: "people" }, as: "coordinator" });
    expect(found.data.choices).toEqual([{ id: lastPersonId, label: "Яна Пикерова (Яворово читалище Пикер)" }]);
    // A manager reads the event but adds no participants: no choices are sent.
    const manager = await call(eventDetail, "loader", { path: `/events/${forum}`, params: { id: String(forum) }, as: "manager" });
    expect([manager.status, manager.data.organizations.length, manager.data.people.length]).toEqual([200, 0, 0]);
  });

  it("interaction form offers the pre-filled organization and person even when they are far down the list", async () => {
    const page = await call(interactionNew, "loader", { path: `/interactions/new?organizationId=${lastOrgId}&personId=${lastPersonId}`, as: "coordinator" });
    expect(page.data.organizations.length).toBe(PICKER_INITIAL + 1);
    expect(page.data.people.length).toBe(PICKER_INITIAL + 1);
    expect(ids(page.data.organizations)).toContain(lastOrgId);
    expect(ids(page.data.people)).toContain(lastPersonId);
  });

  it("new event and new partnership find the organization they start from by id", async () => {
    const event = await call(eventNew, "loader", { path: `/events/new?organizationId=${lastOrgId}`, as: "coordinator" });
    expect(event.data.firstParticipant).toEqual({ organizationId: lastOrgId, name: "Яворово читалище Пикер" });
    const partnership = await call(partnershipNew, "loader", { path: `/partnerships/new?organizationId=${lastOrgId}`, as: "coordinator" });
    expect(partnership.data.memberOrganization).toEqual({ id: lastOrgId, label: "Яворово читалище Пикер" });
  });

  it(`user administration offers at most ${PICKER_INITIAL} organizations plus those of partner users`, async () => {
    const page = await call(adminUsers, "loader", { path: "/admin/users", as: "admin" });
    const partnerOrgs = new Set(page.data.users.map((u: { organizationId: number | null }) => u.organizationId).filter(Boolean));
    expect(partnerOrgs.size).toBeGreaterThan(0);
    expect(page.data.organizations.length).toBeLessThanOrEqual(PICKER_INITIAL + partnerOrgs.size);
    for (const id of partnerOrgs) expect(ids(page.data.organizations)).toContain(id);
  });
});
