// Consent rules: no event participation without current consent for its purpose; withdrawal
// is one action and flags the contact in the list, on its page and on event pages.
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "#app/db/client.server.ts";
import { refugeeConsents, refugeeContacts, users } from "#app/db/schema.ts";
import { consentStateOf, todayIso } from "#app/models/refugee-consent.server.ts";
import * as eventRefugeesRoute from "#app/routes/events.$id.refugees.tsx";
import * as eventDetailRoute from "#app/routes/events.$id._index.tsx";
import * as detailRoute from "#app/routes/refugees.$id._index.tsx";
import * as listRoute from "#app/routes/refugees._index.tsx";
import { call, latestAudit, userIdOf, type DemoUser } from "#tests/helpers.ts";
import { forum2021, forum2026, freshContact, refugeeId, refugeeWriteSnapshot } from "./refugees-helpers.ts";

const addToEvent = (eventId: number, contactId: number, role: string, as: DemoUser = "coordinator") =>
  call(eventRefugeesRoute, "action", {
    path: `/events/${eventId}/refugees`, params: { id: String(eventId) }, as,
    form: { intent: "add", refugeeContactId: String(contactId), role },
  });

type ListRow = { id: number; name: string; flagged: boolean };
const listRows = async (query: string) => (await call(listRoute, "loader", { path: `/refugees?${query}`, as: "manager" })).data.rows as ListRow[];

describe("adding a refugee contact to an event needs current consent for its purpose", () => {
  it("a contact without any consent is refused with a clear message (400) and nothing is written", async () => {
    const before = refugeeWriteSnapshot();
    const outcome = await addToEvent(forum2026(), refugeeId("Хамид Н."), "participant");
    expect(outcome.status).toBe(400);
    expect(outcome.data.message).toBe(
      "Контактът няма текущо съгласие за: Участие във форума и събития. Запишете съгласие, преди да го добавите към събитието.",
    );
    expect(refugeeWriteSnapshot()).toBe(before);
  });

  it("the message is in the user's language", async () => {
    getDb().update(users).set({ locale: "en" }).where(eq(users.id, userIdOf("admin"))).run();
    const outcome = await addToEvent(forum2026(), refugeeId("Хамид Н."), "speaker", "admin");
    expect(outcome.status).toBe(400);
    expect(outcome.data.message).toBe("This contact has no current consent for: Forum and event participation. Record consent before adding them to the event.");
  });

  it("a withdrawn consent does not count", async () => {
    const before = refugeeWriteSnapshot();
    const outcome = await addToEvent(forum2026(), refugeeId("Фатима (псевдоним)"), "participant");
    expect(outcome.status).toBe(400);
    expect(refugeeWriteSnapshot()).toBe(before);
  });

  it("a story-teller also needs consent to story publication; a speaker does not", async () => {
    const ahmad = refugeeId("Ахмад Р."); // consents to forum participation and follow-up, not to publication
    const before = refugeeWriteSnapshot();
    const storyTeller = await addToEvent(forum2026(), ahmad, "story_teller");
    expect(storyTeller.status).toBe(400);
    expect(storyTeller.data.message).toContain("Публикуване на история");
    expect(storyTeller.data.message).not.toContain("Участие във форума");
    expect(refugeeWriteSnapshot()).toBe(before);

    const speaker = await addToEvent(forum2026(), ahmad, "speaker");
    expect(speaker.status).toBe(302);
    expect(latestAudit()).toMatchObject({ action: "participation_add", entityType: "refugee_contact", entityId: ahmad });
    const page = await call(eventRefugeesRoute, "loader", { path: `/events/${forum2026()}/refugees`, params: { id: String(forum2026()) }, as: "coordinator" });
    expect(page.data.refugeeParticipants.participants).toEqual([expect.objectContaining({ contactId: ahmad, role: "speaker", flagged: false })]);

    const twice = await addToEvent(forum2026(), ahmad, "participant");
    expect(twice.status).toBe(409);
  });

  it("a consent that starts in the future or has expired does not count", async () => {
    const future = freshContact([]);
    getDb().insert(refugeeConsents).values({ refugeeContactId: future.id, givenOn: "2999-01-01", purposes: "forum_participation", legalBasis: "explicit_consent", recordedById: 1 }).run();
    const expired = freshContact([]);
    getDb().insert(refugeeConsents).values({ refugeeContactId: expired.id, givenOn: "2020-01-01", expiresOn: "2021-01-01", purposes: "forum_participation", legalBasis: "explicit_consent", recordedById: 1 }).run();
    for (const c of [future, expired]) expect((await addToEvent(forum2026(), c.id, "participant")).status).toBe(400);
  });
});

describe("recording and withdrawing consent", () => {
  it("records a consent with the current user as recorder, audited; bad input is refused with values kept", async () => {
    const id = refugeeId("Хамид Н.");
    const path = `/refugees/${id}`;
    const bad = await call(detailRoute, "action", {
      path, params: { id: String(id) }, as: "coordinator",
      form: { intent: "addConsent", givenOn: "2026-02-30", purposes: ["forum_participation", "<script>"], legalBasis: "whim", expiresOn: "" },
    });
    expect(bad.status).toBe(400);
    expect(bad.data.errors).toMatchObject({ givenOn: ["invalidDate"], purposes: ["invalidChoice"], legalBasis: ["invalidChoice"] });
    expect(bad.data.values.purposes).toEqual(["forum_participation", "<script>"]);
    const none = await call(detailRoute, "action", { path, params: { id: String(id) }, as: "coordinator", form: { intent: "addConsent", givenOn: "2026-01-05", legalBasis: "explicit_consent" } });
    expect(none.data.errors).toEqual({ purposes: ["required"] });
    const backwards = await call(detailRoute, "action", {
      path, params: { id: String(id) }, as: "coordinator",
      form: { intent: "addConsent", givenOn: "2026-01-05", purposes: "forum_participation", legalBasis: "explicit_consent", expiresOn: "2025-01-05" },
    });
    expect(backwards.data.errors).toEqual({ expiresOn: ["expiresBeforeGiven"] });
    expect(getDb().select().from(refugeeConsents).where(eq(refugeeConsents.refugeeContactId, id)).all()).toEqual([]);

    const ok = await call(detailRoute, "action", {
      path, params: { id: String(id) }, as: "coordinator",
      form: { intent: "addConsent", givenOn: "2026-01-05", purposes: ["forum_participation", "follow_up_contact"], legalBasis: "explicit_consent", expiresOn: "2030-01-05" },
    });
    expect(ok.status).toBe(302);
    const consent = getDb().select().from(refugeeConsents).where(eq(refugeeConsents.refugeeContactId, id)).get()!;
    expect(consent).toMatchObject({ purposes: "forum_participation,follow_up_contact", recordedById: userIdOf("coordinator"), expiresOn: "2030-01-05", withdrawnOn: null });
    expect(latestAudit()).toMatchObject({ action: "consent_add", entityType: "refugee_contact", entityId: id });
    expect((await addToEvent(forum2026(), id, "participant")).status).toBe(302);
  });

  it("withdrawal is one action and flags the contact in the list, on its page and on event pages", async () => {
    const karim = refugeeId("Карим С.");
    const eventId = forum2021();
    const eventFlag = async (route: typeof eventDetailRoute | typeof eventRefugeesRoute, path: string) => {
      const data = (await call(route, "loader", { path, params: { id: String(eventId) }, as: "coordinator" })).data;
      return (data.refugeeParticipants.participants as Array<{ contactId: number; flagged: boolean }>).find((p) => p.contactId === karim)!.flagged;
    };
    const detail = async () => (await call(detailRoute, "loader", { path: `/refugees/${karim}`, params: { id: String(karim) }, as: "manager" })).data;

    expect((await listRows("q=Karim")).find((r) => r.id === karim)!.flagged).toBe(false);
    expect((await detail()).flagged).toBe(false);
    expect(await eventFlag(eventDetailRoute, `/events/${eventId}`)).toBe(false);

    const consent = getDb().select().from(refugeeConsents).where(eq(refugeeConsents.refugeeContactId, karim)).get()!;
    const outcome = await call(detailRoute, "action", {
      path: `/refugees/${karim}`, params: { id: String(karim) }, as: "coordinator", form: { intent: "withdraw", consentId: String(consent.id) },
    });
    expect(outcome.status).toBe(302);
    expect(getDb().select().from(refugeeConsents).where(eq(refugeeConsents.id, consent.id)).get()!.withdrawnOn).toBe(todayIso());
    expect(latestAudit()).toMatchObject({ action: "consent_withdraw", entityType: "refugee_contact", entityId: karim, userId: userIdOf("coordinator") });

    expect((await listRows("q=Karim")).find((r) => r.id === karim)!.flagged).toBe(true);
    expect((await listRows("consent=withdrawn")).map((r) => r.id)).toContain(karim);
    const after = await detail();
    expect(after.flagged).toBe(true);
    expect(after.consentState).toBe("withdrawn");
    expect(await eventFlag(eventDetailRoute, `/events/${eventId}`)).toBe(true);
    expect(await eventFlag(eventRefugeesRoute, `/events/${eventId}/refugees`)).toBe(true);
    expect((await addToEvent(forum2026(), karim, "community_representative")).status).toBe(400);

    const again = await call(detailRoute, "action", {
      path: `/refugees/${karim}`, params: { id: String(karim) }, as: "coordinator", form: { intent: "withdraw", consentId: String(consent.id) },
    });
    expect(again.status).toBe(409);
  });

  it("a consent of another contact cannot be withdrawn through this one", async () => {
    const other = getDb().select().from(refugeeConsents).where(eq(refugeeConsents.refugeeContactId, refugeeId("Олена К."))).get()!;
    const id = refugeeId("Ахмад Р.");
    const before = refugeeWriteSnapshot();
    const outcome = await call(detailRoute, "action", { path: `/refugees/${id}`, params: { id: String(id) }, as: "coordinator", form: { intent: "withdraw", consentId: String(other.id) } });
    expect(outcome.status).toBe(404);
    expect(refugeeWriteSnapshot()).toBe(before);
  });
});

describe("the refugee list", () => {
  it("filters by consent state exactly as the consent rules say", async () => {
    const db = getDb();
    const today = todayIso();
    const all = db.select().from(refugeeContacts).all();
    for (const state of ["current", "none", "withdrawn"] as const) {
      const expected = all
        .filter((c) => consentStateOf(db.select().from(refugeeConsents).where(eq(refugeeConsents.refugeeContactId, c.id)).all(), today) === state)
        .map((c) => c.id)
        .sort((a, b) => a - b);
      const rows = await listRows(`consent=${state}&perPage=100`);
      expect(rows.map((r) => r.id).sort((a, b) => a - b), state).toEqual(expected);
      for (const r of rows) expect(r.flagged).toBe(state !== "current");
    }
    const never = freshContact([]);
    expect((await listRows("consent=none&perPage=100")).map((r) => r.id)).toContain(never.id);
    expect((await listRows("consent=withdrawn")).map((r) => r.name)).toContain("Фатима (псевдоним)");
  });

  it("searches the name in Cyrillic or Latin, filters by country, sorts by name or update", async () => {
    expect((await listRows("q=ahmad")).map((r) => r.name)).toEqual(["Ахмад Р."]);
    expect((await listRows("q=Ахмад")).map((r) => r.name)).toEqual(["Ахмад Р."]);
    const afghans = await listRows(`country=${encodeURIComponent("Афганистан")}`);
    // Every contact from Afghanistan in the database (the demo has more since issue 19's stories), and only them.
    const fromAfghanistan = getDb().$client.prepare("SELECT name FROM refugee_contacts WHERE country_of_origin = 'Афганистан'").pluck().all() as string[];
    expect(fromAfghanistan).toEqual(expect.arrayContaining(["Ахмад Р.", "Хамид Н."]));
    expect(afghans.map((r) => r.name).sort()).toEqual(fromAfghanistan.sort());
    const byName = (await listRows("sort=name&perPage=100")).map((r) => r.name);
    expect(byName.indexOf("Амина Х.")).toBeLessThan(byName.indexOf("Хамид Н."));
    const desc = (await listRows("sort=name&dir=desc&perPage=100")).map((r) => r.name);
    expect(desc).toEqual([...byName].reverse());
    const listing = await call(listRoute, "loader", { path: "/refugees?consent=bogus&sort=evil", as: "manager" });
    expect(listing.status).toBe(200);
    expect(listing.data.params.sort).toBe("name");
    expect(listing.data.canCreate).toBe(false);
  });
});
