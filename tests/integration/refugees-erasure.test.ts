// GDPR erasure: anonymised in place, consents gone, audit values scrubbed; statistics unchanged.
import { and, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "#app/db/client.server.ts";
import { auditEntries, eventParticipants, refugeeConsents, refugeeContacts } from "#app/db/schema.ts";
import { redactAuditJson, refugeeParticipationCounts, scrubAuditJson } from "#app/models/refugees.server.ts";
import { search } from "#app/models/search.server.ts";
import * as eventRefugeesRoute from "#app/routes/events.$id.refugees.tsx";
import * as eventDetailRoute from "#app/routes/events.$id._index.tsx";
import * as detailRoute from "#app/routes/refugees.$id._index.tsx";
import * as editRoute from "#app/routes/refugees.$id.edit.tsx";
import * as eraseRoute from "#app/routes/refugees.$id.erase.tsx";
import * as listRoute from "#app/routes/refugees._index.tsx";
import * as newRoute from "#app/routes/refugees.new.tsx";
import { call, latestAudit } from "#tests/helpers.ts";
import { forum2021, forum2026, refugeeId, refugeeRow, refugeeWriteSnapshot } from "./refugees-helpers.ts";

/** Every table (virtual and FTS shadow tables included), every column, as text: where does `needle` still occur? */
function occurrencesInDatabase(needle: string): string[] {
  const sqlite = getDb().$client;
  const tables = sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as Array<{ name: string }>;
  const found: string[] = [];
  for (const { name: table } of tables) {
    const columns = sqlite.prepare(`PRAGMA table_info("${table}")`).all() as Array<{ name: string; type: string }>;
    for (const column of columns) {
      const row = sqlite
        .prepare(`SELECT count(*) AS n FROM "${table}" WHERE instr(CAST("${column.name}" AS TEXT), ?) > 0`)
        .get(needle) as { n: number };
      if (row.n > 0) found.push(`${table}.${column.name}`);
    }
  }
  return found;
}

const participantCount = (eventId: number) =>
  getDb().select({ n: sql<number>`count(*)` }).from(eventParticipants).where(eq(eventParticipants.eventId, eventId)).get()!.n;

describe("erasure of a refugee contact", () => {
  it("the text-column scan finds a value that is there (the check itself works)", () => {
    expect(occurrencesInDatabase("Фатима (псевдоним)")).toContain("refugee_contacts.name");
  });

  it("after erasing, no table contains the former name, contact value or notes, and event counts are unchanged", async () => {
    const name = "Лейла Erasure-Тест";
    const firstValue = "+359 88 765 4321";
    const secondValue = "leyla.erasure.test@example.org";
    const firstNotes = "Разказа за курса по български език в Харманли; дъщеря ѝ е в 3. клас.";
    const secondNotes = "Предпочита контакт чрез културния медиатор; живее в кв. Лозенец.";

    // Create, view, edit, consent, take part in an event: every step leaves audit entries with values.
    const created = await call(newRoute, "action", {
      path: "/refugees/new", as: "coordinator",
      form: { name, languages: "фарси, английски", countryOfOrigin: "Иран", contactChannel: "phone", contactValue: firstValue, notes: firstNotes },
    });
    expect(created.status).toBe(302);
    const id = Number(created.response!.headers.get("Location")!.split("/").pop());
    await call(detailRoute, "loader", { path: `/refugees/${id}`, params: { id: String(id) }, as: "manager" });
    const r = refugeeRow(id);
    const edited = await call(editRoute, "action", {
      path: `/refugees/${id}/edit`, params: { id: String(id) }, as: "coordinator",
      form: { name, languages: "фарси, английски", countryOfOrigin: "Иран", contactChannel: "email", contactValue: secondValue, notes: secondNotes, version: String(r.version) },
    });
    expect(edited.status).toBe(302);
    const consent = await call(detailRoute, "action", {
      path: `/refugees/${id}`, params: { id: String(id) }, as: "coordinator",
      form: { intent: "addConsent", givenOn: "2026-01-10", purposes: ["forum_participation", "story_publication"], legalBasis: "explicit_consent" },
    });
    expect(consent.status).toBe(302);
    const eventId = forum2026();
    const joined = await call(eventRefugeesRoute, "action", {
      path: `/events/${eventId}/refugees`, params: { id: String(eventId) }, as: "coordinator",
      form: { intent: "add", refugeeContactId: String(id), role: "story_teller" },
    });
    expect(joined.status).toBe(302);

    const formerValues = [name, firstValue, secondValue, firstNotes, secondNotes];
    for (const v of formerValues) expect(occurrencesInDatabase(v).length).toBeGreaterThan(0);
    const countsBefore = refugeeParticipationCounts(eventId);
    const rowsBefore = participantCount(eventId);
    const contactAuditBefore = getDb().select().from(auditEntries).where(and(eq(auditEntries.entityType, "refugee_contact"), eq(auditEntries.entityId, id))).all();

    // Without the confirmation nothing happens.
    const snapshot = refugeeWriteSnapshot();
    const unconfirmed = await call(eraseRoute, "action", { path: `/refugees/${id}/erase`, params: { id: String(id) }, as: "coordinator", form: {} });
    expect(unconfirmed.status).toBe(400);
    expect(unconfirmed.data.errors).toEqual({ confirm: ["confirmErasure"] });
    expect(refugeeWriteSnapshot()).toBe(snapshot);

    const erased = await call(eraseRoute, "action", { path: `/refugees/${id}/erase`, params: { id: String(id) }, as: "coordinator", form: { confirm: "on" } });
    expect(erased.status).toBe(302);

    // Nothing of the person is left anywhere in the database.
    for (const v of formerValues) expect(occurrencesInDatabase(v), v).toEqual([]);
    // Nor its derived search key (the folded Latin form of the name), also not in the search index's text.
    expect(occurrencesInDatabase(r.searchKey), r.searchKey).toEqual([]);
    expect(occurrencesInDatabase("Erasure")).toEqual([]);
    expect(occurrencesInDatabase("erasure")).toEqual([]);

    // The record stays, anonymised in place, with the neutral label and its derived keys.
    const after = refugeeRow(id);
    expect(after).toMatchObject({
      name: `Изтрит контакт #${id}`, languages: null, countryOfOrigin: null, contactChannel: null, contactValue: null, notes: null,
    });
    expect(after.erasedAt).toBeTruthy();
    expect(after.searchKey).not.toContain("erasure");
    expect(getDb().select().from(refugeeConsents).where(eq(refugeeConsents.refugeeContactId, id)).all()).toEqual([]);

    // The history keeps the actions and field names, not the values; the erasure is recorded without values.
    const contactAudit = getDb().select().from(auditEntries).where(and(eq(auditEntries.entityType, "refugee_contact"), eq(auditEntries.entityId, id))).orderBy(auditEntries.id).all();
    expect(contactAudit.slice(0, contactAuditBefore.length).map((e) => e.action)).toEqual(contactAuditBefore.map((e) => e.action));
    const update = contactAudit.find((e) => e.action === "update")!;
    expect(JSON.parse(update.changes!)).toEqual({ contactChannel: "[изтрито]", contactValue: "[изтрито]", notes: "[изтрито]" });
    const erase = latestAudit();
    expect(erase).toMatchObject({ action: "erase", entityType: "refugee_contact", entityId: id, changes: null });

    // Statistics stay true: the participation row and the counts survive.
    expect(participantCount(eventId)).toBe(rowsBefore);
    expect(refugeeParticipationCounts(eventId)).toEqual(countsBefore);
    const eventPage = await call(eventDetailRoute, "loader", { path: `/events/${eventId}`, params: { id: String(eventId) }, as: "coordinator" });
    const participants = eventPage.data.refugeeParticipants.participants as Array<{ contactId: number; erased: boolean; name: string }>;
    expect(participants.find((p) => p.contactId === id)).toMatchObject({ erased: true, name: `Изтрит контакт #${id}` });

    // Not findable by the former name; listed under the neutral label.
    const admin = { id: 1, email: "admin@bcrm.demo", name: "a", role: "admin" as const, organizationId: null, locale: "bg" as const };
    expect(JSON.stringify(search(admin, "Лейла").groups)).not.toContain(`/refugees/${id}`);
    const list = await call(listRoute, "loader", { path: "/refugees?q=Изтрит", as: "coordinator" });
    expect(list.data.rows.map((row: { id: number }) => row.id)).toContain(id);

    // Irreversible and final: a second erasure and any further consent are refused.
    const again = await call(eraseRoute, "action", { path: `/refugees/${id}/erase`, params: { id: String(id) }, as: "admin", form: { confirm: "on" } });
    expect(again.status).toBe(409);
    const consentAfter = await call(detailRoute, "action", {
      path: `/refugees/${id}`, params: { id: String(id) }, as: "coordinator",
      form: { intent: "addConsent", givenOn: "2026-01-10", purposes: ["forum_participation"], legalBasis: "explicit_consent" },
    });
    expect(consentAfter.status).toBe(409);
  });

  it("erasing a seeded contact who spoke at the 2021 forum keeps the forum's refugee counts", async () => {
    const id = refugeeId("Амина Х.");
    const r = refugeeRow(id);
    const eventId = forum2021();
    const before = refugeeParticipationCounts(eventId);
    const all = refugeeParticipationCounts();
    const outcome = await call(eraseRoute, "action", { path: `/refugees/${id}/erase`, params: { id: String(id) }, as: "admin", form: { confirm: "on" } });
    expect(outcome.status).toBe(302);
    expect(before.byRole.story_teller).toBe(1);
    expect(refugeeParticipationCounts(eventId)).toEqual(before);
    expect(refugeeParticipationCounts()).toEqual(all);
    for (const v of [r.name, r.contactValue!, r.notes!]) expect(occurrencesInDatabase(v), v).toEqual([]);
  });
});

it("refugee participation counts carry numbers only", () => {
  const counts = refugeeParticipationCounts();
  expect(Object.keys(counts).sort()).toEqual(["byRole", "contacts", "participations"]);
  expect(counts.participations).toBe(getDb().select({ n: sql<number>`count(*)` }).from(eventParticipants).where(sql`${eventParticipants.refugeeContactId} IS NOT NULL`).get()!.n);
  expect(JSON.stringify(counts)).not.toMatch(/[А-Яа-я]/);
  void refugeeContacts;
});

describe("scrubbing audit JSON", () => {
  it("keeps the field names of an erased contact's entries and drops every value", () => {
    expect(scrubAuditJson(JSON.stringify({ name: ["Али", "Али Р."], notes: [null, "x"] }))).toBe('{"name":"[изтрито]","notes":"[изтрито]"}');
    expect(scrubAuditJson(JSON.stringify({ consentId: 3, purposes: "forum_participation" }))).toBe('{"consentId":"[изтрито]","purposes":"[изтрито]"}');
    expect(scrubAuditJson(null)).toBeNull();
    expect(scrubAuditJson('"free text"')).toBe('"[изтрито]"');
    expect(scrubAuditJson("not json")).toBe('"[изтрито]"');
  });
  it("removes erased values quoted inside other entries, leaving the rest", () => {
    const text = JSON.stringify({ q: "търсене на Али Р. в София", rows: [{ name: "Али Р." }], count: 2 });
    expect(JSON.parse(redactAuditJson(text, ["Али Р."])!)).toEqual({ q: "търсене на [изтрито] в София", rows: [{ name: "[изтрито]" }], count: 2 });
  });
});

describe("the checkpoint that ends an erasure", () => {
  it("waits for a reader of another connection instead of failing, and empties the WAL once it is gone", async () => {
    const Database = (await import("better-sqlite3")).default;
    const { checkpointTruncate } = await import("#app/models/personal-data.server.ts");
    const { env } = await import("#app/env.server.ts");
    const fs = await import("node:fs");
    const db = getDb();
    db.$client.prepare("INSERT INTO tags (name) VALUES (?)").run("checkpoint-probe");
    // Another worker in the middle of a read holds a snapshot: TRUNCATE cannot finish meanwhile.
    const other = new Database(env().DATABASE_PATH);
    other.exec("BEGIN");
    other.prepare("SELECT count(*) FROM tags").get();
    db.$client.prepare("INSERT INTO tags (name) VALUES (?)").run("checkpoint-probe-2");
    expect(await checkpointTruncate(db, { attempts: 2, pauseMs: 10 })).toBe(false);
    expect(fs.statSync(`${env().DATABASE_PATH}-wal`).size).toBeGreaterThan(0);
    // The reader finishes while the erasure retries: the checkpoint then goes through.
    setTimeout(() => {
      other.exec("COMMIT");
      other.close();
    }, 150);
    expect(await checkpointTruncate(db, { attempts: 20, pauseMs: 50 })).toBe(true);
    expect(fs.statSync(`${env().DATABASE_PATH}-wal`).size).toBe(0);
    // busy_timeout is back as it was.
    expect(db.$client.pragma("busy_timeout", { simple: true })).toBe(5000);
  });
});
