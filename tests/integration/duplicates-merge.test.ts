// Issue 17 point 1: duplicates found (on the forms and at /duplicates) and merged, with undo.
import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "#app/db/client.server.ts";
import { organizationKeys, personKeys } from "#app/db/derived.ts";
import { events, organizations, partnerships, people, tags, users } from "#app/db/schema.ts";
import { navigationFor } from "#app/server/navigation.server.ts";
import { linksTo } from "#app/models/merge.server.ts";
import * as duplicatesRoute from "#app/routes/duplicates._index.tsx";
import * as mergeRoute from "#app/routes/duplicates.merge.tsx";
import * as orgEditRoute from "#app/routes/organizations.$id.edit.tsx";
import * as orgPageRoute from "#app/routes/organizations.$id._index.tsx";
import * as orgNewRoute from "#app/routes/organizations.new.tsx";
import * as personEditRoute from "#app/routes/people.$id.edit.tsx";
import * as personNewRoute from "#app/routes/people.new.tsx";
import * as personPageRoute from "#app/routes/people.$id._index.tsx";
import { call, demo, idOf, sessionCookieFor, userIdOf } from "#tests/helpers.ts";

const sqlite = () => getDb().$client;

function newOrganization(values: { name: string; email?: string | null; phone?: string | null; website?: string | null; municipality?: string | null }): number {
  const o = { kind: "ngo" as const, ...values };
  return getDb().insert(organizations).values({ ...o, ...organizationKeys(o) }).returning({ id: organizations.id }).get().id;
}
function newPerson(values: { name: string; email?: string | null; phone?: string | null; organizationId?: number | null }): number {
  return getDb().insert(people).values({ ...values, ...personKeys(values) }).returning({ id: people.id }).get().id;
}

/** Every table's rows as plain data (audit and the merges log aside: they record the merge and its undo). */
function dumpTables(): Record<string, unknown[]> {
  const tables = sqlite()
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%_fts%' AND name NOT IN ('audit_entries', 'merges') ORDER BY name")
    .all() as Array<{ name: string }>;
  expect(tables.length).toBeGreaterThan(15);
  return Object.fromEntries(
    tables.map(({ name }) => {
      const n = (sqlite().prepare(`PRAGMA table_info("${name}")`).all() as unknown[]).length;
      const order = Array.from({ length: n }, (_, i) => i + 1).join(", ");
      return [name, sqlite().prepare(`SELECT * FROM "${name}" ORDER BY ${order}`).all()];
    }),
  );
}

function mergeForm(kind: "organization" | "person", a: number, b: number, survivor: "a" | "b", fields: Record<string, "a" | "b"> = {}) {
  const table = kind === "organization" ? "organizations" : "people";
  const version = (id: number) => String((sqlite().prepare(`SELECT version FROM ${table} WHERE id = ?`).get(id) as { version: number }).version);
  return {
    kind, a: String(a), b: String(b), versionA: version(a), versionB: version(b), survivor,
    ...Object.fromEntries(Object.entries(fields).map(([f, s]) => [`field.${f}`, s])),
  };
}
const merge = (as: "coordinator" | "admin", form: Record<string, string>) => call(mergeRoute, "action", { path: "/duplicates/merge", as, form });
const lastMergeId = () => (sqlite().prepare("SELECT max(id) AS id FROM merges").get() as { id: number }).id;
const undo = (as: "coordinator" | "admin" | "manager", mergeId: number) =>
  call(duplicatesRoute, "action", { path: "/duplicates?index", as, form: { intent: "undo", mergeId: String(mergeId) } });

describe("likely duplicates on the create and edit forms", () => {
  it("«Stolichna obshtina» typed on a new organization lists Столична община, and «Save anyway» saves", async () => {
    const form = { name: "Stolichna obshtina", kind: "municipality" };
    const first = await call(orgNewRoute, "action", { path: "/organizations/new", as: "coordinator", form });
    expect(first.status).toBe(409);
    const sofia = idOf(demo.organizations.sofiaMunicipality);
    expect(first.data.duplicates.map((d: { id: number }) => d.id)).toContain(sofia);
    expect(first.data.duplicates.find((d: { id: number }) => d.id === sofia).reasons).toContain("name");
    expect(first.data.values.name).toBe("Stolichna obshtina");
    expect(getDb().select().from(organizations).where(eq(organizations.name, "Stolichna obshtina")).all()).toEqual([]);

    const anyway = await call(orgNewRoute, "action", { path: "/organizations/new", as: "coordinator", form: { ...form, confirmDuplicates: "1" } });
    expect(anyway.status).toBe(302);
    expect(getDb().select().from(organizations).where(eq(organizations.name, "Stolichna obshtina")).all()).toHaveLength(1);
  });

  it("the same e-mail (any case), phone (any spelling) or website domain is a likely duplicate; a new name with none is not", async () => {
    const existing = newOrganization({ name: "Фондация Първа проба", email: "Office@Proba-One.bg", phone: "+359 2 987 6543", website: "https://www.proba-one.bg/za-nas" });
    const probe = async (extra: Record<string, string>) =>
      call(orgNewRoute, "action", { path: "/organizations/new", as: "coordinator", form: { name: "Съвсем друго име 1", kind: "ngo", ...extra } });
    const byEmail = await probe({ email: "office@proba-one.bg" });
    expect(byEmail.status).toBe(409);
    expect(byEmail.data.duplicates).toEqual([expect.objectContaining({ id: existing, reasons: ["email"] })]);
    const byPhone = await probe({ phone: "02 987 6543" });
    expect(byPhone.data.duplicates).toEqual([expect.objectContaining({ id: existing, reasons: ["phone"] })]);
    const byDomain = await probe({ website: "http://proba-one.bg" });
    expect(byDomain.data.duplicates).toEqual([expect.objectContaining({ id: existing, reasons: ["website"] })]);
    const none = await probe({ email: "someone@else.bg" });
    expect(none.status).toBe(302);
  });

  it("editing an organization warns only when a compared field now matches another record", async () => {
    const a = newOrganization({ name: "Сдружение Редакция А", email: "a@redakcia.bg" });
    newOrganization({ name: "Сдружение Редакция Б", email: "b@redakcia.bg" });
    const version = () => String(getDb().select().from(organizations).where(eq(organizations.id, a)).get()!.version);
    const edit = (form: Record<string, string>) =>
      call(orgEditRoute, "action", { path: `/organizations/${a}/edit`, params: { id: String(a) }, as: "coordinator", form: { kind: "ngo", version: version(), ...form } });
    expect((await edit({ name: "Сдружение Редакция А", email: "a@redakcia.bg", description: "ново" })).status).toBe(302);
    const clash = await edit({ name: "Сдружение Редакция А", email: "B@redakcia.bg" });
    expect(clash.status).toBe(409);
    expect(clash.data.duplicates[0]).toMatchObject({ name: "Сдружение Редакция Б", reasons: ["email"] });
    expect((await edit({ name: "Сдружение Редакция А", email: "B@redakcia.bg", confirmDuplicates: "1" })).status).toBe(302);
  });

  it("people: the same name in Latin, or the same e-mail, is listed on create and on edit", async () => {
    const ivan = newPerson({ name: "Иван Дубликатов", email: "ivan.dublikatov@example.bg" });
    const created = await call(personNewRoute, "action", { path: "/people/new", as: "coordinator", form: { name: "Ivan Dublikatov" } });
    expect(created.status).toBe(409);
    expect(created.data.duplicates).toEqual([expect.objectContaining({ id: ivan, reasons: ["name"] })]);
    const other = newPerson({ name: "Петър Различен" });
    const edited = await call(personEditRoute, "action", {
      path: `/people/${other}/edit`, params: { id: String(other) }, as: "coordinator", form: { name: "Петър Различен", email: "IVAN.dublikatov@example.bg", version: "1" },
    });
    expect(edited.status).toBe(409);
    expect(edited.data.duplicates).toEqual([expect.objectContaining({ id: ivan, reasons: ["email"] })]);
  });
});

describe("/duplicates: likely pairs, best first; coordinators and admins only", () => {
  it("lists a pair sharing a name across scripts and e-mail above one sharing only a website", async () => {
    const a = newOrganization({ name: "Фондация „Двойник“", email: "office@dvoynik.bg" });
    const b = newOrganization({ name: "Fondatsia Dvoynik", email: "OFFICE@dvoynik.bg " });
    const c = newOrganization({ name: "Сдружение Сайт Едно", website: "https://saitedno.bg" });
    const d = newOrganization({ name: "Сдружение Сайт Две", website: "http://www.saitedno.bg/bg" });
    const page = await call(duplicatesRoute, "loader", { path: "/duplicates", as: "coordinator" });
    expect(page.status).toBe(200);
    const pairs = page.data.pairs as Array<{ a: { id: number }; b: { id: number }; reasons: string[] }>;
    const ab = pairs.findIndex((p) => p.a.id === a && p.b.id === b);
    const cd = pairs.findIndex((p) => p.a.id === c && p.b.id === d);
    expect(ab).toBeGreaterThanOrEqual(0);
    expect(cd).toBeGreaterThan(ab);
    expect(pairs[ab].reasons.sort()).toEqual(["email", "name"]);
    expect(pairs[cd].reasons).toEqual(["website"]);
  });

  it("managers get 403, partners 404, at the list, the merge page and undo", async () => {
    expect((await call(duplicatesRoute, "loader", { path: "/duplicates", as: "manager" })).status).toBe(403);
    expect((await call(duplicatesRoute, "loader", { path: "/duplicates", as: "partnerSofia" })).status).toBe(404);
    expect((await call(duplicatesRoute, "loader", { path: "/duplicates", as: "admin" })).status).toBe(200);
    expect((await call(mergeRoute, "loader", { path: "/duplicates/merge?kind=organization&a=1&b=2", as: "manager" })).status).toBe(403);
    expect((await call(mergeRoute, "loader", { path: "/duplicates/merge?kind=organization&a=1&b=2", as: "partnerSofia" })).status).toBe(404);
    expect((await call(mergeRoute, "action", { path: "/duplicates/merge", as: "manager", form: { kind: "organization" } })).status).toBe(403);
    expect((await undo("manager", 1)).status).toBe(403);
    // The header link «Дубликати» is for those who may open the page.
    const hrefs = (role: "admin" | "coordinator" | "manager" | "partner") =>
      navigationFor({ id: 0, email: "", name: "", role, organizationId: role === "partner" ? 1 : null, locale: "bg" }).map((i) => i.href);
    expect(hrefs("coordinator")).toContain("/duplicates");
    expect(hrefs("admin")).toContain("/duplicates");
    expect(hrefs("manager")).not.toContain("/duplicates");
    expect(hrefs("partner")).not.toContain("/duplicates");
  });
});

/** A row that points at an organization, for every foreign key of the schema that does. */
function organizationLinkers(): Record<string, (orgId: number) => void> {
  const db = getDb();
  const coordinator = userIdOf("coordinator");
  const event = db.select({ id: events.id }).from(events).limit(1).get()!.id;
  const partnership = db.insert(partnerships).values({ title: "Сливане проба", sortKey: "с", searchKey: "s", kind: "implementation", status: "active" }).returning({ id: partnerships.id }).get().id;
  const tag = db.insert(tags).values({ name: "сливане-етикет" }).returning({ id: tags.id }).get().id;
  const run = (text: string, ...args: unknown[]) => sqlite().prepare(text).run(...args);
  const commitmentLedBy = (org: number) =>
    Number(
      run(
        "INSERT INTO commitments (title, sort_key, search_key, lead_organization_id, niem_dimension, niem_area, kind) VALUES ('Ангажимент за сливане', 'а', 'a', ?, (SELECT niem_dimension FROM commitments LIMIT 1), (SELECT niem_area FROM commitments LIMIT 1), (SELECT kind FROM commitments LIMIT 1))",
        org,
      ).lastInsertRowid,
    );
  return {
    "users.organization_id": (org) =>
      run("INSERT INTO users (email, name, password_hash, role, organization_id) VALUES (?, 'Партньор сливане', 'x', 'partner', ?)", `merge-${org}@partner.demo`, org),
    "people.organization_id": (org) => void newPerson({ name: "Контакт за сливане", organizationId: org }),
    "organization_tags.organization_id": (org) => run("INSERT INTO organization_tags (organization_id, tag_id) VALUES (?, ?)", org, tag),
    "event_participants.organization_id": (org) => run("INSERT INTO event_participants (event_id, organization_id, role) VALUES (?, ?, 'participant')", event, org),
    "partnership_members.organization_id": (org) => run("INSERT INTO partnership_members (partnership_id, organization_id, role) VALUES (?, ?, 'partner')", partnership, org),
    "commitments.lead_organization_id": (org) => void commitmentLedBy(org),
    "commitment_co_pledgers.organization_id": (org) =>
      run("INSERT INTO commitment_co_pledgers (commitment_id, organization_id) VALUES (?, ?)", commitmentLedBy(idOf(demo.organizations.sofiaMunicipality)), org),
    "commitment_updates.partner_organization_id": (org) =>
      run("INSERT INTO commitment_updates (commitment_id, author_id, partner_organization_id, note) VALUES (?, ?, ?, 'Доклад')", commitmentLedBy(org), coordinator, org),
    "follow_ups.organization_id": (org) =>
      run("INSERT INTO follow_ups (title, sort_key, search_key, due_on, organization_id) VALUES ('Задача', 'з', 'z', '2026-12-01', ?)", org),
    "follow_ups.shared_with_organization_id": (org) =>
      run("INSERT INTO follow_ups (title, sort_key, search_key, due_on, shared_with_organization_id) VALUES ('Споделена задача', 'с', 's', '2026-12-01', ?)", org),
    "interactions.organization_id": (org) =>
      run("INSERT INTO interactions (kind, occurred_on, subject, search_key, organization_id) VALUES ((SELECT kind FROM interactions LIMIT 1), '2026-01-10', 'Среща', 's', ?)", org),
    "manifesto_endorsements.organization_id": (org) => endorsementBy(org, null, coordinator),
    "manifesto_proposals.organization_id": (org) =>
      run(
        `INSERT INTO manifesto_proposals (version_id, section_id, organization_id, organization_kind, niem_dimension, kind, proposed_text, channel, made_on, submitted_by_id)
         SELECT version_id, section_id, ?, organization_kind, niem_dimension, kind, 'Предложение за сливане', channel, made_on, submitted_by_id FROM manifesto_proposals LIMIT 1`,
        org,
      ),
    "story_organizations.organization_id": (org) => run("INSERT INTO story_organizations (story_id, organization_id) VALUES ((SELECT id FROM stories LIMIT 1), ?)", org),
  };
}

/** An endorsement of the adopted Manifesto by `org`, signed by `signatoryPersonId` when given. */
function endorsementBy(org: number, signatoryPersonId: number | null, recordedById: number) {
  sqlite()
    .prepare(
      `INSERT INTO manifesto_endorsements (version_id, organization_id, signatory_person_id, signatory_name, signed_on, channel, recorded_by_id)
       SELECT version_id, ?, ?, 'Подписал', '2026-01-01', channel, ? FROM manifesto_endorsements LIMIT 1`,
    )
    .run(org, signatoryPersonId, recordedById);
}

function personLinkers(): Record<string, (personId: number) => void> {
  const event = getDb().select({ id: events.id }).from(events).limit(1).get()!.id;
  const run = (text: string, ...args: unknown[]) => sqlite().prepare(text).run(...args);
  return {
    "event_participants.person_id": (p) => run("INSERT INTO event_participants (event_id, person_id, role) VALUES (?, ?, 'speaker')", event, p),
    "follow_ups.person_id": (p) => run("INSERT INTO follow_ups (title, sort_key, search_key, due_on, person_id) VALUES ('Обади се', 'о', 'o', '2026-12-01', ?)", p),
    "interactions.person_id": (p) =>
      run("INSERT INTO interactions (kind, occurred_on, subject, search_key, person_id) VALUES ((SELECT kind FROM interactions LIMIT 1), '2026-01-11', 'Разговор', 'r', ?)", p),
    "event_invitations.person_id": (p) =>
      run("INSERT INTO event_invitations (event_id, person_id, name, sort_key, search_key, token) VALUES (?, ?, 'Поканен за сливане', 'п', 'p', ?)", event, p, `merge-token-${p}`),
    "manifesto_endorsements.signatory_person_id": (p) => endorsementBy(newOrganization({ name: `Подписала организация ${p}` }), p, userIdOf("coordinator")),
  };
}

/** The foreign keys of the schema that point at `table`, read straight from SQLite (not from the model). */
function foreignKeysTo(table: string): string[] {
  const names = (sqlite().prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all() as Array<{ name: string }>).map((t) => t.name);
  return names.flatMap((name) =>
    (sqlite().prepare(`PRAGMA foreign_key_list("${name}")`).all() as Array<{ table: string; from: string }>).filter((fk) => fk.table === table).map((fk) => `${name}.${fk.from}`),
  ).sort();
}
const countWhere = (fk: string, id: number) => {
  const [table, column] = fk.split(".");
  return (sqlite().prepare(`SELECT count(*) AS n FROM "${table}" WHERE "${column}" = ?`).get(id) as { n: number }).n;
};

describe("merge moves every kind of link; undo restores exactly", () => {
  it("organizations: every foreign key of the schema has a link that moves to the survivor, the old URL opens the survivor, undo puts back every table as it was", async () => {
    const fks = foreignKeysTo("organizations");
    const linkers = organizationLinkers();
    // A table added later that points at organizations fails here until this test (and the merge) knows it.
    expect(fks).toEqual(Object.keys(linkers).sort());
    expect(linksTo("organizations").map((l) => `${l.table}.${l.column}`).sort()).toEqual(fks);

    const survivor = newOrganization({ name: "Фондация Сливане", email: "office@slivane.bg", municipality: "София" });
    const merged = newOrganization({ name: "Fondatsia Slivane", email: "info@slivane.bg", phone: "+359 2 111 2222", municipality: "Перник" });
    for (const fk of fks) linkers[fk](merged);
    // The survivor has the same tag already: the merged one's becomes a repeat and is dropped (and comes back on undo).
    sqlite().prepare("INSERT INTO organization_tags (organization_id, tag_id) SELECT ?, id FROM tags WHERE name = 'сливане-етикет'").run(survivor);
    const before = Object.fromEntries(fks.map((fk) => [fk, countWhere(fk, merged)]));
    for (const fk of fks) expect(before[fk], fk).toBeGreaterThan(0);
    const survivorBefore = Object.fromEntries(fks.map((fk) => [fk, countWhere(fk, survivor)]));
    // Signed in before the dump: a new session is not what is compared.
    for (const who of ["admin", "coordinator", "partnerRedCross"] as const) await sessionCookieFor(who);
    const dump = dumpTables();

    // Name and municipality from the survivor, e-mail and phone from the merged record.
    const answer = await merge("coordinator", mergeForm("organization", survivor, merged, "a", { name: "a", municipality: "a", email: "b", phone: "b" }));
    expect(answer.status).toBe(302);
    expect(answer.response!.headers.get("Location")).toBe(`/organizations/${survivor}`);
    for (const fk of fks) {
      expect(countWhere(fk, merged), fk).toBe(0);
      const expected = fk === "organization_tags.organization_id" ? survivorBefore[fk] : survivorBefore[fk] + before[fk];
      expect(countWhere(fk, survivor), fk).toBe(expected);
    }
    const after = getDb().select().from(organizations).where(eq(organizations.id, survivor)).get()!;
    expect(after).toMatchObject({ name: "Фондация Сливане", municipality: "София", email: "info@slivane.bg", phone: "+359 2 111 2222" });
    expect(after.searchKey).toContain("info slivane bg");
    expect(getDb().select().from(organizations).where(eq(organizations.id, merged)).get()).toBeUndefined();
    const audit = sqlite().prepare("SELECT * FROM audit_entries WHERE action = 'merge' AND entity_id = ?").get(survivor) as { changes: string; detail: string };
    expect(JSON.parse(audit.detail).moved["people.organization_id"]).toBe(1);
    expect(JSON.parse(audit.changes).email).toEqual(["office@slivane.bg", "info@slivane.bg"]);

    const oldUrl = await call(orgPageRoute, "loader", { path: `/organizations/${merged}`, params: { id: String(merged) }, as: "coordinator" });
    expect(oldUrl.status).toBe(302);
    expect(oldUrl.response!.headers.get("Location")).toBe(`/organizations/${survivor}`);
    // A partner of another organization learns nothing from the old URL.
    expect((await call(orgPageRoute, "loader", { path: `/organizations/${merged}`, params: { id: String(merged) }, as: "partnerRedCross" })).status).toBe(404);

    // Only an admin undoes it.
    const mergeId = lastMergeId();
    expect((await undo("coordinator", mergeId)).status).toBe(403);
    const undone = await undo("admin", mergeId);
    expect(undone.status).toBe(302);
    expect(undone.response!.headers.get("Location")).toBe(`/organizations/${merged}`);
    expect(dumpTables()).toEqual(dump);
    sqlite().exec("INSERT INTO organizations_fts(organizations_fts) VALUES ('integrity-check')");
    expect((await call(orgPageRoute, "loader", { path: `/organizations/${merged}`, params: { id: String(merged) }, as: "coordinator" })).status).toBe(200);
    expect((await undo("admin", mergeId)).status).toBe(409);
  });

  it("people: every link moves; undo restores every table exactly; undo is refused once the survivor was edited", async () => {
    const fks = foreignKeysTo("people");
    const linkers = personLinkers();
    expect(fks).toEqual(Object.keys(linkers).sort());
    const survivor = newPerson({ name: "Мария Сливанова", email: "maria.s@example.bg" });
    const merged = newPerson({ name: "Maria Slivanova", phone: "0888 123 987" });
    for (const fk of fks) linkers[fk](merged);
    for (const who of ["admin", "coordinator"] as const) await sessionCookieFor(who);
    const dump = dumpTables();
    const form = mergeForm("person", merged, survivor, "b", { phone: "a" });
    const answer = await merge("admin", form);
    expect(answer.status).toBe(302);
    for (const fk of fks) expect(countWhere(fk, survivor), fk).toBe(1);
    expect(getDb().select().from(people).where(eq(people.id, survivor)).get()).toMatchObject({ name: "Мария Сливанова", email: "maria.s@example.bg", phone: "0888 123 987" });
    const oldUrl = await call(personPageRoute, "loader", { path: `/people/${merged}`, params: { id: String(merged) }, as: "coordinator" });
    expect(oldUrl.response!.headers.get("Location")).toBe(`/people/${survivor}`);
    // The same form sent twice merges once.
    expect((await merge("admin", form)).status).toBe(302);
    expect((sqlite().prepare("SELECT count(*) AS n FROM merges WHERE merged_id = ? AND entity_type = 'person'").get(merged) as { n: number }).n).toBe(1);

    expect((await undo("admin", lastMergeId())).status).toBe(302);
    expect(dumpTables()).toEqual(dump);

    // Merged again, then the survivor edited: undo would lose the edit, so it is refused.
    expect((await merge("coordinator", mergeForm("person", survivor, merged, "a"))).status).toBe(302);
    getDb().update(people).set({ notes: "после", version: sql`version + 1` }).where(eq(people.id, survivor)).run();
    const refused = await undo("admin", lastMergeId());
    expect(refused.status).toBe(409);
    expect(refused.data.error).toBe("duplicates.undoChangedSince");
  });

  it("the survivor is not its own co-pledger nor listed twice at an event; undo brings both rows back", async () => {
    const survivor = newOrganization({ name: "Водеща организация Сливане" });
    const merged = newOrganization({ name: "Vodeshta organizatsia Slivane" });
    const event = getDb().select({ id: events.id }).from(events).limit(1).get()!.id;
    const run = (text: string, ...args: unknown[]) => sqlite().prepare(text).run(...args);
    const commitment = Number(
      run(
        "INSERT INTO commitments (title, sort_key, search_key, lead_organization_id, niem_dimension, niem_area, kind) SELECT 'Общ ангажимент', 'о', 'o', ?, niem_dimension, niem_area, kind FROM commitments LIMIT 1",
        survivor,
      ).lastInsertRowid,
    );
    run("INSERT INTO commitment_co_pledgers (commitment_id, organization_id) VALUES (?, ?)", commitment, merged);
    for (const org of [survivor, merged]) run("INSERT INTO event_participants (event_id, organization_id, role) VALUES (?, ?, 'participant')", event, org);
    for (const who of ["admin", "coordinator"] as const) await sessionCookieFor(who);
    const dump = dumpTables();
    expect((await merge("coordinator", mergeForm("organization", survivor, merged, "a"))).status).toBe(302);
    expect(sqlite().prepare("SELECT organization_id FROM commitment_co_pledgers WHERE commitment_id = ?").all(commitment)).toEqual([]);
    expect(sqlite().prepare("SELECT organization_id FROM event_participants WHERE event_id = ? AND organization_id IN (?, ?)").all(event, survivor, merged)).toEqual([
      { organization_id: survivor },
    ]);
    expect((await undo("admin", lastMergeId())).status).toBe(302);
    expect(dumpTables()).toEqual(dump);
  });

  it("a stale comparison (a record changed after the page was read) merges nothing", async () => {
    const a = newOrganization({ name: "Остаряло сравнение" });
    const b = newOrganization({ name: "Ostaryalo sravnenie" });
    const form = mergeForm("organization", a, b, "a");
    getDb().update(organizations).set({ version: 5 }).where(eq(organizations.id, b)).run();
    const answer = await merge("coordinator", form);
    expect(answer.status).toBe(409);
    expect(getDb().select().from(organizations).where(eq(organizations.id, b)).get()).toBeDefined();
    expect(getDb().select({ id: users.id }).from(users).limit(1).all()).toHaveLength(1);
  });
});
