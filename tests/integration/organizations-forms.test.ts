// Organization create/edit: validation, escaping, stale versions, audit entries.
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "#app/db/client.server.ts";
import { auditEntries, organizations } from "#app/db/schema.ts";
import * as editRoute from "#app/routes/organizations.$id.edit.tsx";
import * as newRoute from "#app/routes/organizations.new.tsx";
import { auditCount, call, latestAudit } from "#tests/helpers.ts";

const countOrganizations = () => getDb().select().from(organizations).all().length;
const create = (form: Record<string, string>) => call(newRoute, "action", { path: "/organizations/new", as: "coordinator", form });

describe("creating an organization", () => {
  it("refuses an empty name with a message and keeps what was typed, writing nothing", async () => {
    const before = { orgs: countOrganizations(), audit: auditCount() };
    const outcome = await create({ name: "   ", kind: "ngo", municipality: "Пловдив", email: "office@example.bg" });
    expect(outcome.status).toBe(400);
    expect(outcome.data.errors.name).toEqual(["required"]);
    expect(outcome.data.values).toMatchObject({ municipality: "Пловдив", email: "office@example.bg" });
    expect({ orgs: countOrganizations(), audit: auditCount() }).toEqual(before);
  });

  it("refuses a 10,000-character name as too long", async () => {
    const before = countOrganizations();
    const outcome = await create({ name: "Я".repeat(10_000), kind: "ngo" });
    expect(outcome.status).toBe(400);
    expect(outcome.data.errors.name).toEqual(["tooLong:300"]);
    expect(outcome.data.values.name).toHaveLength(10_000);
    expect(countOrganizations()).toBe(before);
  });

  it("refuses an invalid e-mail, an unknown kind and a bad website, each beside its field", async () => {
    const outcome = await create({ name: "Сдружение „Заедно“", kind: "spaceship", email: "not-an-email", website: "javascript:alert(1)" });
    expect(outcome.status).toBe(400);
    expect(outcome.data.errors).toMatchObject({ email: ["invalidEmail"], kind: ["invalidChoice"], website: ["invalidUrl"] });
  });

  it("takes a website typed without https:// (www.x.bg, x.bg) and stores it with https:// (issue 15 point 5)", async () => {
    for (const [typed, stored] of [["www.zaedno-test.bg", "https://www.zaedno-test.bg"], ["zaedno-test.bg/za-nas", "https://zaedno-test.bg/za-nas"]]) {
      const outcome = await create({ name: `Сдружение „Заедно“ ${typed}`, kind: "ngo", website: typed, confirmDuplicates: "1" }); // the second shares the first one's website domain
      expect(outcome.status).toBe(302);
      const id = Number(outcome.response!.headers.get("Location")!.split("/").pop());
      expect(getDb().select().from(organizations).where(eq(organizations.id, id)).get()!.website).toBe(stored);
    }
  });

  it("stores Cyrillic and <script> as text, with transliteration and one audit entry of the fields", async () => {
    const name = `Фондация „Щастлив живот“ <script>alert("x")</script>`;
    const outcome = await create({ name, kind: "ngo", oblast: "BG-22", municipality: "Столична", tags: "образование, жилище" });
    expect(outcome.status).toBe(302);
    const id = Number(outcome.response!.headers.get("Location")!.split("/").pop());
    const stored = getDb().select().from(organizations).where(eq(organizations.id, id)).get()!;
    expect(stored.name).toBe(name);
    expect(stored.nameLatin).toBe(`Fondatsia „Shtastliv zhivot“ <script>alert("x")</script>`);
    const audit = latestAudit();
    expect(audit).toMatchObject({ action: "create", entityType: "organization", entityId: id });
    expect(JSON.parse(audit.changes!)).toMatchObject({ name, kind: "ngo", oblast: "BG-22", tags: ["образование", "жилище"] });
  });
});

describe("editing an organization", () => {
  const fresh = async () => {
    // The same organization each time, so past the likely-duplicate warning (issue 17).
    const outcome = await create({ name: "Сдружение „Версия“", kind: "ngo", email: "v1@example.bg", confirmDuplicates: "1" });
    return Number(outcome.response!.headers.get("Location")!.split("/").pop());
  };
  const edit = (id: number, form: Record<string, string>) =>
    call(editRoute, "action", { path: `/organizations/${id}/edit`, params: { id: String(id) }, as: "coordinator", form });

  it("saves over the version read, bumps it and audits exactly the changed fields", async () => {
    const id = await fresh();
    const outcome = await edit(id, { name: "Сдружение „Версия“", kind: "ngo", email: "v2@example.bg", version: "1" });
    expect(outcome.status).toBe(302);
    const stored = getDb().select().from(organizations).where(eq(organizations.id, id)).get()!;
    expect(stored).toMatchObject({ email: "v2@example.bg", version: 2 });
    const audit = latestAudit();
    expect(audit).toMatchObject({ action: "update", entityType: "organization", entityId: id });
    expect(JSON.parse(audit.changes!)).toEqual({ email: ["v1@example.bg", "v2@example.bg"] });
  });

  it("refuses a stale edit (two tabs): nothing written, the typed values and the saved ones both returned", async () => {
    const id = await fresh();
    expect((await edit(id, { name: "Сдружение „Версия“", kind: "ngo", email: "first-tab@example.bg", version: "1" })).status).toBe(302);
    const auditBefore = auditCount();
    const second = await edit(id, { name: "Сдружение „Версия“", kind: "ngo", email: "second-tab@example.bg", version: "1" });
    expect(second.status).toBe(409);
    expect(second.data.values.email).toBe("second-tab@example.bg");
    expect(second.data.stale).toMatchObject({ email: "first-tab@example.bg", version: 2 });
    expect(getDb().select().from(organizations).where(eq(organizations.id, id)).get()!.email).toBe("first-tab@example.bg");
    expect(auditCount()).toBe(auditBefore);
    // Saving again over the version now shown overwrites deliberately.
    expect((await edit(id, { name: "Сдружение „Версия“", kind: "ngo", email: "second-tab@example.bg", version: "2" })).status).toBe(302);
  });

  it("archiving writes an audit entry in the same transaction", async () => {
    const id = await fresh();
    const detail = await import("#app/routes/organizations.$id._index.tsx");
    const outcome = await call(detail, "action", { path: `/organizations/${id}`, params: { id: String(id) }, as: "coordinator", form: { intent: "archive", version: "1" } });
    expect(outcome.status).toBe(302);
    const entries = getDb().select().from(auditEntries).where(eq(auditEntries.entityId, id)).all().filter((e) => e.entityType === "organization");
    expect(entries.map((e) => e.action)).toEqual(["create", "archive"]);
  });
});
