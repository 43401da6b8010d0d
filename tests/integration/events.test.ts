// Events: access matrix, URL-state list, validation incl. end before start, stale edits, audit, participants, delete rules.
import { and, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "#app/db/client.server.ts";
import { auditEntries, commitments, eventParticipants, events, people } from "#app/db/schema.ts";
import * as detailRoute from "#app/routes/events.$id._index.tsx";
import * as editRoute from "#app/routes/events.$id.edit.tsx";
import * as listRoute from "#app/routes/events._index.tsx";
import * as newRoute from "#app/routes/events.new.tsx";
import { auditCount, call, demo, type DemoUser, idOf, latestAudit } from "#tests/helpers.ts";

const eventRow = (id: number) => getDb().select().from(events).where(eq(events.id, id)).get();
const idFromLocation = (location: string | null | undefined) => Number(location!.split("/").pop());
/** The 2021 forum (30 November 2021), found by its date rather than its id. */
const forum2021 = () => getDb().select().from(events).where(eq(events.startsOn, "2021-11-30")).get()!;
const validEvent = { title: "Кръгла маса „Жилище“", kind: "round_table", startsOn: "2025-03-10", endsOn: "2025-03-11", place: "Пловдив", oblast: "BG-16" };

async function freshEvent(fields: Record<string, string> = {}): Promise<number> {
  const outcome = await call(newRoute, "action", { path: "/events/new", as: "coordinator", form: { ...validEvent, ...fields } });
  expect(outcome.status).toBe(302);
  return idFromLocation(outcome.response!.headers.get("Location"));
}

type Who = DemoUser | "anonymous";
type Expect = Partial<Record<Who, number>>;
const everyone: Who[] = ["admin", "manager", "coordinator", "partnerSofia", "anonymous"];
const READ: Expect = { admin: 200, manager: 200, coordinator: 200, partnerSofia: 404, anonymous: 302 };
const WRITE_FORM: Expect = { admin: 200, manager: 403, coordinator: 200, partnerSofia: 404, anonymous: 302 };
const STAFF_WRITE: Expect = { admin: 302, manager: 403, coordinator: 302, partnerSofia: 404, anonymous: 302 };
const ADMIN_DELETE: Expect = { admin: 302, manager: 403, coordinator: 403, partnerSofia: 404, anonymous: 302 };

describe("event routes: access matrix", () => {
  const forum = () => forum2021().id;
  const params = (id: number) => ({ id: String(id) });
  const cases: Array<{ name: string; run: (as: DemoUser | null) => ReturnType<typeof call>; expected: Expect }> = [
    { name: "GET /events", run: (as) => call(listRoute, "loader", { path: "/events", as }), expected: READ },
    { name: "GET /events/new", run: (as) => call(newRoute, "loader", { path: "/events/new", as }), expected: WRITE_FORM },
    { name: "POST /events/new", run: (as) => call(newRoute, "action", { path: "/events/new", as, form: validEvent }), expected: STAFF_WRITE },
    { name: "GET /events/:id (the 2021 forum, where the partner took part)",
      run: (as) => call(detailRoute, "loader", { path: `/events/${forum()}`, params: params(forum()), as }), expected: READ },
    { name: "POST /events/:id addOrganization",
      run: async (as) => {
        const id = await freshEvent();
        return call(detailRoute, "action", { path: `/events/${id}`, params: params(id), as,
          form: { intent: "addOrganization", organizationId: String(idOf(demo.organizations.sofiaMunicipality)), organizationRole: "speaker" } });
      },
      expected: STAFF_WRITE },
    { name: "POST /events/:id removeParticipant",
      run: (as) => {
        const p = getDb().select().from(eventParticipants)
          .where(and(eq(eventParticipants.eventId, forum()), sql`${eventParticipants.personId} IS NOT NULL`)).get()!;
        return call(detailRoute, "action", { path: `/events/${forum()}`, params: params(forum()), as, form: { intent: "removeParticipant", participantId: String(p.id) } });
      },
      expected: STAFF_WRITE },
    { name: "POST /events/:id delete (an event nothing points at)",
      run: async (as) => {
        const id = await freshEvent();
        return call(detailRoute, "action", { path: `/events/${id}`, params: params(id), as, form: { intent: "delete" } });
      },
      expected: ADMIN_DELETE },
    { name: "GET /events/:id/edit", run: (as) => call(editRoute, "loader", { path: `/events/${forum()}/edit`, params: params(forum()), as }),
      expected: WRITE_FORM },
    { name: "POST /events/:id/edit",
      run: (as) => {
        const e = forum2021();
        return call(editRoute, "action", { path: `/events/${e.id}/edit`, params: params(e.id), as,
          form: { title: e.title, kind: e.kind, series: e.series ?? "", startsOn: e.startsOn, endsOn: e.endsOn ?? "", place: e.place ?? "",
            oblast: e.oblast ?? "", description: e.description ?? "", version: String(e.version) } });
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
});

describe("events list", () => {
  const list = async (query: string) => (await call(listRoute, "loader", { path: `/events${query}`, as: "manager" })).response!.json();

  it("filter + sort + page from the URL give the same rows twice and respect the filter", async () => {
    const url = "?kind=national_forum&sort=title&dir=asc&perPage=10&page=1";
    const first = await list(url);
    const again = await list(url);
    expect(first.rows.length).toBeGreaterThan(1);
    expect(first.rows.map((r: any) => r.id)).toEqual(again.rows.map((r: any) => r.id));
    expect(first.rows.every((r: any) => r.kind === "national_forum")).toBe(true);
    expect(first.params).toMatchObject({ sort: "title", dir: "asc", perPage: 10, page: 1 });
  });

  it("filters by year and sorts by date, newest first by default", async () => {
    const year = await list("?year=2021&perPage=100");
    expect(year.rows.length).toBeGreaterThan(0);
    expect(year.rows.every((r: any) => r.startsOn.startsWith("2021"))).toBe(true);
    expect(year.rows.map((r: any) => r.id)).toContain(forum2021().id);
    const all = await list("?perPage=100");
    const dates = all.rows.map((r: any) => r.startsOn);
    expect(dates).toEqual([...dates].sort().reverse());
    expect(all.years).toContain("2021");
  });

  it("pages do not overlap and add up to the whole list", async () => {
    const all = await list("?sort=date&dir=asc&perPage=100");
    const pages = [];
    for (const page of [1, 2, 3]) pages.push(...(await list(`?sort=date&dir=asc&perPage=10&page=${page}`)).rows);
    expect(pages.map((r: any) => r.id)).toEqual(all.rows.slice(0, 30).map((r: any) => r.id));
  });
});

describe("creating and editing an event", () => {
  const create = (form: Record<string, string>) => call(newRoute, "action", { path: "/events/new", as: "coordinator", form });
  const edit = (id: number, form: Record<string, string>) =>
    call(editRoute, "action", { path: `/events/${id}/edit`, params: { id: String(id) }, as: "coordinator", form });

  it("refuses an end before the start on endsOn, keeping the values and writing nothing", async () => {
    const before = { events: getDb().select().from(events).all().length, audit: auditCount() };
    const outcome = await create({ ...validEvent, startsOn: "2025-03-10", endsOn: "2025-03-09" });
    expect(outcome.status).toBe(400);
    expect(outcome.data.errors).toEqual({ endsOn: ["endsBeforeStart"] });
    expect(outcome.data.values).toMatchObject({ title: validEvent.title, endsOn: "2025-03-09" });
    expect({ events: getDb().select().from(events).all().length, audit: auditCount() }).toEqual(before);
  });

  it("refuses a date that does not exist (2021-13-45), a missing start, an unknown kind and an empty title", async () => {
    const bad = await create({ ...validEvent, startsOn: "2021-13-45", endsOn: "", kind: "party", title: "" });
    expect(bad.status).toBe(400);
    expect(bad.data.errors).toMatchObject({ startsOn: ["invalidDate"], kind: ["invalidChoice"], title: ["required"] });
    const missing = await create({ ...validEvent, startsOn: "", endsOn: "" });
    expect(missing.data.errors).toMatchObject({ startsOn: ["required"] });
    // An end typed as text that is no date at all is refused with how to write one (a typed 30.11.2021 is a date).
    const badEnd = await create({ ...validEvent, endsOn: "30 ноември" });
    expect(badEnd.data.errors).toEqual({ endsOn: ["dateFormat"] });
  });

  it("creating writes one audit entry with the fields", async () => {
    const before = auditCount();
    const id = await freshEvent({ title: "Обучение <script>x</script>", kind: "training", series: "" });
    expect(auditCount()).toBe(before + 1);
    expect(eventRow(id)).toMatchObject({ title: "Обучение <script>x</script>", series: null });
    expect(JSON.parse(latestAudit().changes!)).toEqual({ ...validEvent, title: "Обучение <script>x</script>", kind: "training" });
  });

  it("created from an organization's page, the organization is its first participant in the same audit entry", async () => {
    const org = idOf(demo.organizations.redCross);
    const before = auditCount();
    const id = await freshEvent({ participantOrganizationId: String(org), participantRole: "organizer" });
    expect(auditCount()).toBe(before + 1);
    expect(getDb().select().from(eventParticipants).where(eq(eventParticipants.eventId, id)).all()).toMatchObject([{ organizationId: org, role: "organizer" }]);
    expect(JSON.parse(latestAudit().changes!).participants).toEqual([{ organizationId: org, role: "organizer" }]);
  });

  it("editing audits exactly the changed fields; a stale edit (two tabs) is refused with 409 and writes nothing", async () => {
    const id = await freshEvent();
    expect((await edit(id, { ...validEvent, place: "Пловдив, Дом на културата", version: "1" })).status).toBe(302);
    expect(JSON.parse(latestAudit().changes!)).toEqual({ place: ["Пловдив", "Пловдив, Дом на културата"] });
    const before = auditCount();
    const stale = await edit(id, { ...validEvent, place: "Втори таб", version: "1" });
    expect(stale.status).toBe(409);
    expect(stale.data.stale).toMatchObject({ place: "Пловдив, Дом на културата", version: 2 });
    expect(stale.data.values.place).toBe("Втори таб");
    expect(eventRow(id)!.place).toBe("Пловдив, Дом на културата");
    expect(auditCount()).toBe(before);
  });

  it("an edit that moves the end before the start is refused on endsOn", async () => {
    const id = await freshEvent();
    const outcome = await edit(id, { ...validEvent, endsOn: "2025-01-01", version: "1" });
    expect(outcome.status).toBe(400);
    expect(outcome.data.errors).toEqual({ endsOn: ["endsBeforeStart"] });
    expect(eventRow(id)).toMatchObject({ endsOn: validEvent.endsOn, version: 1 });
  });
});

describe("event participants and commitments", () => {
  const act = (id: number, form: Record<string, string>) =>
    call(detailRoute, "action", { path: `/events/${id}`, params: { id: String(id) }, as: "coordinator", form });
  const detail = async (id: number) => (await call(detailRoute, "loader", { path: `/events/${id}`, params: { id: String(id) }, as: "coordinator" })).response!.json();

  it("adds an organization and a person with roles and removes one, each with one audit entry", async () => {
    const id = await freshEvent();
    const person = getDb().select().from(people).get()!;
    const org = idOf(demo.organizations.sofiaMunicipality);
    let before = auditCount();
    expect((await act(id, { intent: "addOrganization", organizationId: String(org), organizationRole: "organizer" })).status).toBe(302);
    expect((await act(id, { intent: "addPerson", personId: String(person.id), personRole: "speaker" })).status).toBe(302);
    expect(auditCount()).toBe(before + 2);
    expect(latestAudit()).toMatchObject({ action: "add_participant", entityType: "event", entityId: id });
    expect(JSON.parse(latestAudit().changes!).participant[1]).toMatchObject({ personId: person.id, role: "speaker" });
    const page = await detail(id);
    expect(page.participants.map((p: any) => [p.organizationName ?? p.personName, p.role])).toEqual([
      ["Столична община", "organizer"],
      [person.name, "speaker"],
    ]);
    before = auditCount();
    const orgRow = page.participants.find((p: any) => p.organizationId === org);
    expect((await act(id, { intent: "removeParticipant", participantId: String(orgRow.id) })).status).toBe(302);
    expect(auditCount()).toBe(before + 1);
    expect(latestAudit()).toMatchObject({ action: "remove_participant", entityId: id });
    expect((await detail(id)).participants).toHaveLength(1);
  });

  it("refuses a duplicate participant, an unknown organization and a bad role beside their fields", async () => {
    const id = await freshEvent();
    const org = String(idOf(demo.organizations.sofiaMunicipality));
    await act(id, { intent: "addOrganization", organizationId: org, organizationRole: "speaker" });
    const before = auditCount();
    const dup = await act(id, { intent: "addOrganization", organizationId: org, organizationRole: "speaker" });
    expect(dup.status).toBe(400);
    expect(dup.data.errors).toEqual({ organizationId: ["participantExists"] });
    const unknown = await act(id, { intent: "addOrganization", organizationId: "999999", organizationRole: "speaker" });
    expect(unknown.data.errors).toEqual({ organizationId: ["invalidChoice"] });
    const role = await act(id, { intent: "addPerson", personId: String(idOf(demo.people.mariaIvanova)), personRole: "boss" });
    expect(role.data.errors).toEqual({ personRole: ["invalidChoice"] });
    expect(auditCount()).toBe(before);
  });

  it("never shows or removes refugee contacts' participation", async () => {
    const forum = forum2021().id;
    const refugeeRows = getDb().select().from(eventParticipants)
      .where(and(eq(eventParticipants.eventId, forum), sql`${eventParticipants.refugeeContactId} IS NOT NULL`)).all();
    expect(refugeeRows.length).toBeGreaterThan(0);
    const page = await detail(forum);
    expect(page.participants.every((p: any) => p.organizationId || p.personId)).toBe(true);
    const refugeeIds = new Set(refugeeRows.map((r) => r.id));
    expect(page.participants.some((p: any) => refugeeIds.has(p.id))).toBe(false);
    const outcome = await act(forum, { intent: "removeParticipant", participantId: String(refugeeRows[0].id) });
    expect(outcome.status).toBe(400);
    expect(getDb().select().from(eventParticipants).where(eq(eventParticipants.id, refugeeRows[0].id)).get()).toBeDefined();
  });

  it("the 2021 forum's page lists the commitments made at it", async () => {
    const forum = forum2021().id;
    const made = getDb().select({ id: commitments.id }).from(commitments).where(eq(commitments.eventId, forum)).all().map((c) => c.id);
    expect(made.length).toBeGreaterThan(0);
    expect((await detail(forum)).commitments.map((c: any) => c.id).sort()).toEqual(made.sort());
  });
});

describe("deleting an event", () => {
  const remove = (id: number, as: DemoUser = "admin") =>
    call(detailRoute, "action", { path: `/events/${id}`, params: { id: String(id) }, as, form: { intent: "delete" } });

  it("is refused for the 2021 forum (commitments and participants point at it), saying why; nothing deleted or audited", async () => {
    const forum = forum2021().id;
    const before = auditCount();
    const outcome = await remove(forum);
    expect(outcome.status).toBe(409);
    expect(outcome.data.error).toBe("events.deleteReferenced");
    expect(outcome.data.references.commitments).toBeGreaterThan(0);
    expect(eventRow(forum)).toBeDefined();
    expect(auditCount()).toBe(before);
  });

  it("an admin deletes an event nothing points at, with one audit entry", async () => {
    const id = await freshEvent();
    expect((await remove(id)).status).toBe(302);
    expect(eventRow(id)).toBeUndefined();
    const entries = getDb().select().from(auditEntries).where(and(eq(auditEntries.entityType, "event"), eq(auditEntries.entityId, id))).all();
    expect(entries.map((e) => e.action)).toEqual(["create", "delete"]);
  });
});
