// Issue 19 — integration stories: only people with a current «story publication» consent may be
// named (the form says who and why); the publication states move only along the table in
// app/domain/story.ts; withdrawing that consent or erasing the person withdraws every story naming
// them at once, audited, and the owner is told; files pass the evidence checks; search finds
// stories for staff only; partners never reach them.
import fs from "node:fs";
import path from "node:path";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { CurrentUser } from "#app/auth/access.server.ts";
import { getDb } from "#app/db/client.server.ts";
import { refugeeContactKeys } from "#app/db/derived.ts";
import { refugeeConsents, refugeeContacts, stories } from "#app/db/schema.ts";
import { storyStates, type StoryState } from "#app/domain/enums.ts";
import { storyTransitions } from "#app/domain/story.ts";
import { search } from "#app/models/search.server.ts";
import * as eraseRoute from "#app/routes/refugees.$id.erase.tsx";
import * as refugeeRoute from "#app/routes/refugees.$id._index.tsx";
import * as reviewRoute from "#app/routes/events.$id.review.tsx";
import * as evidenceRoute from "#app/routes/evidence.$id.ts";
import * as eventRoute from "#app/routes/events.$id._index.tsx";
import { navigationFor } from "#app/server/navigation.server.ts";
import * as editRoute from "#app/routes/stories.$id.edit.tsx";
import * as detailRoute from "#app/routes/stories.$id._index.tsx";
import * as listRoute from "#app/routes/stories._index.tsx";
import * as newRoute from "#app/routes/stories.new.tsx";
import { call, demo, type DemoUser, idOf, userIdOf } from "#tests/helpers.ts";

const sqlite = () => getDb().$client;
const one = <T>(query: string, ...args: unknown[]) => sqlite().prepare(query).get(...args) as T;
const all = <T>(query: string, ...args: unknown[]) => sqlite().prepare(query).all(...args) as T[];

const storyRow = (id: number) => one<{ id: number; state: StoryState; withdrawn_reason: string | null; version: number; title: string; body: string; summary: string }>("SELECT * FROM stories WHERE id = ?", id);
const storiesNaming = (id: number) => all<{ id: number }>("SELECT story_id AS id FROM story_people WHERE refugee_contact_id = ? ORDER BY story_id", id).map((r) => r.id);
const forum2021 = () => idOf(demo.events.forum2021);
const snapshot = () =>
  JSON.stringify({
    stories: all("SELECT * FROM stories ORDER BY id"),
    people: all("SELECT * FROM story_people ORDER BY story_id, refugee_contact_id"),
    audit: one<{ n: number }>("SELECT COUNT(*) AS n FROM audit_entries").n,
  });

let counter = 0;
/** A contact of this test, with a consent for the given purposes (and dates). */
function contact(purposes: string, consent: { givenOn?: string; expiresOn?: string; withdrawnOn?: string } = {}) {
  counter += 1;
  const name = `Рания Тестова ${counter}`;
  const db = getDb();
  const row = db
    .insert(refugeeContacts)
    .values({ name, ...refugeeContactKeys({ name }), languages: "арабски", contactChannel: "phone", contactValue: `+359 88 000 00 ${counter}`, createdById: userIdOf("coordinator") })
    .returning()
    .get();
  const c = db
    .insert(refugeeConsents)
    .values({ refugeeContactId: row.id, givenOn: consent.givenOn ?? "2025-01-01", purposes, legalBasis: "explicit_consent", recordedById: userIdOf("coordinator"), expiresOn: consent.expiresOn ?? null, withdrawnOn: consent.withdrawnOn ?? null })
    .returning()
    .get();
  return { id: row.id, name, consentId: c.id };
}

const storyForm = (people: number[], extra: Record<string, string | string[]> = {}) => ({
  title: `История ${Date.now()} ${++counter}`,
  summary: "Кратко резюме на историята.",
  body: "Текстът на историята, разказан на форума.",
  eventId: String(forum2021()),
  refugeeContactIds: people.map(String),
  ...extra,
});
const create = (form: Record<string, string | string[]>, as: DemoUser = "coordinator") => call(newRoute, "action", { path: "/stories/new", as, form });
const createdId = (outcome: { status: number; response: Response | null }) => {
  expect(outcome.status).toBe(302);
  return Number(outcome.response!.headers.get("Location")!.split("/").pop());
};
const move = (id: number, state: StoryState, as: DemoUser = "coordinator") =>
  call(detailRoute, "action", { path: `/stories/${id}`, params: { id: String(id) }, as, form: { intent: "move", version: String(storyRow(id).version), state } });

describe("naming people in a story needs their current «story publication» consent", () => {
  it("refuses, saying who and why, and writes nothing: no consent for that purpose, withdrawn, expired, not yet valid", async () => {
    const none = idOf(demo.refugees.ahmad); // consents to forum participation and follow-up only
    const withdrawn = idOf(demo.refugees.fatima);
    const expired = contact("story_publication", { givenOn: "2020-01-01", expiresOn: "2021-01-01" });
    const future = contact("story_publication", { givenOn: "2999-01-01" });
    const before = snapshot();
    const outcome = await create(storyForm([none, withdrawn, expired.id, future.id]));
    expect(outcome.status).toBe(400);
    expect(outcome.data.errors.refugeeContactIds).toEqual(["storyConsentMissing"]);
    const problems = Object.fromEntries(outcome.data.refusals.map((r: { id: number; problem: string }) => [r.id, r.problem]));
    expect(problems).toEqual({ [none]: "none", [withdrawn]: "withdrawn", [expired.id]: "expired", [future.id]: "notYetValid" });
    expect(outcome.data.refusals.map((r: { name: string }) => r.name)).toContain("Ахмад Р.");
    expect(snapshot()).toBe(before);
  });

  it("accepts people with a current consent (a draft, audited, owned by its author) and the page lists them", async () => {
    const ok = contact("forum_participation,story_publication");
    const outcome = await create(storyForm([ok.id], { organizationIds: [String(one<{ id: number }>("SELECT id FROM organizations LIMIT 1").id)] }));
    const id = createdId(outcome);
    expect(storyRow(id).state).toBe("draft");
    expect(storiesNaming(ok.id)).toEqual([id]);
    expect(one<{ owner_id: number }>("SELECT owner_id FROM stories WHERE id = ?", id).owner_id).toBe(userIdOf("coordinator"));
    expect(one<{ action: string }>("SELECT action FROM audit_entries WHERE entity_type = 'story' AND entity_id = ? ORDER BY id DESC", id).action).toBe("create");
    const page = await call(detailRoute, "loader", { path: `/stories/${id}`, params: { id: String(id) }, as: "manager" });
    expect(page.data.people).toEqual([{ id: ok.id, name: ok.name, erased: false, consentProblem: null }]);
    // Opening a story that names someone is an audited view of their data.
    expect(one<{ action: string }>("SELECT action FROM audit_entries WHERE entity_type = 'story' AND entity_id = ? ORDER BY id DESC", id).action).toBe("view");
  });

  it("bad input is a clear 400 with the fields, never a 500", async () => {
    const outcome = await create({ title: "", summary: "", body: "x".repeat(20001), refugeeContactIds: ["abc"], eventId: "999999" });
    expect(outcome.status).toBe(400);
    expect(Object.keys(outcome.data.errors).sort()).toEqual(["body", "refugeeContactIds", "summary", "title"]);
    const ghost = await create(storyForm([99999999]));
    expect(ghost.status).toBe(400);
    expect(ghost.data.errors.refugeeContactIds).toEqual(["invalidChoice"]);
  });
});

describe("publication states", () => {
  it("moves only along the table in app/domain/story.ts (every pair walked)", async () => {
    const person = contact("story_publication");
    const id = createdId(await create(storyForm([person.id])));
    let allowed = 0;
    for (const from of storyStates) {
      for (const to of storyStates) {
        if (from === to) continue;
        getDb().update(stories).set({ state: from }).where(eq(stories.id, id)).run();
        const outcome = await move(id, to);
        const expected = storyTransitions[from].includes(to);
        expect(outcome.status, `${from} → ${to}`).toBe(expected ? 302 : 409);
        expect(storyRow(id).state, `${from} → ${to}`).toBe(expected ? to : from);
        if (expected) allowed += 1;
      }
    }
    expect(allowed).toBe(Object.values(storyTransitions).flat().length);
  });

  it("approval and publication check the consents again: a lapsed one stops them, with the reason", async () => {
    const person = contact("story_publication");
    const id = createdId(await create(storyForm([person.id])));
    getDb().update(refugeeConsents).set({ expiresOn: "2021-01-01" }).where(eq(refugeeConsents.id, person.consentId)).run();
    const refused = await move(id, "approved");
    expect(refused.status).toBe(409);
    expect(refused.data.refusals).toEqual([{ id: person.id, name: person.name, problem: "expired" }]);
    expect(storyRow(id).state).toBe("draft");
  });

  it("content changes only in draft; a stale version is refused", async () => {
    const person = contact("story_publication");
    const id = createdId(await create(storyForm([person.id])));
    expect((await move(id, "approved")).status).toBe(302);
    const version = String(storyRow(id).version);
    const edit = await call(editRoute, "action", { path: `/stories/${id}/edit`, params: { id: String(id) }, as: "coordinator", form: { ...storyForm([person.id]), version } });
    expect(edit.status).toBe(409);
    expect(edit.data.error).toBe("stories.notEditable");
    expect((await move(id, "draft")).status).toBe(302);
    const stale = await call(editRoute, "action", { path: `/stories/${id}/edit`, params: { id: String(id) }, as: "coordinator", form: { ...storyForm([person.id]), version } });
    expect(stale.status).toBe(409);
    expect(stale.data.stale).toBeDefined();
    const saved = await call(editRoute, "action", {
      path: `/stories/${id}/edit`,
      params: { id: String(id) },
      as: "coordinator",
      form: { ...storyForm([person.id], { title: "Ново заглавие на историята" }), version: String(storyRow(id).version) },
    });
    expect(saved.status).toBe(302);
    expect(storyRow(id).title).toBe("Ново заглавие на историята");
  });

  it("managers read stories but change nothing (403)", async () => {
    const id = one<{ id: number }>("SELECT id FROM stories ORDER BY id LIMIT 1").id;
    expect((await call(listRoute, "loader", { path: "/stories", as: "manager" })).status).toBe(200);
    expect((await call(newRoute, "loader", { path: "/stories/new", as: "manager" })).status).toBe(403);
    expect((await move(id, "withdrawn", "manager")).status).toBe(403);
  });
});

describe("withdrawing the consent withdraws every story naming the person, at once", () => {
  it("through the refugee contact's page: both of Самир's stories are withdrawn, audited, the owner is told; the review drops the story", async () => {
    const samir = idOf(demo.storyPeople.samir);
    const named = storiesNaming(samir);
    expect(named.length).toBe(2);
    const published = named.find((id) => storyRow(id).state === "published")!;
    expect(published).toBeDefined();
    const reviewBefore = await call(reviewRoute, "loader", { path: `/events/${forum2021()}/review`, params: { id: String(forum2021()) }, as: "coordinator" });
    expect(reviewBefore.data.review.stories.map((s: { id: number }) => s.id)).toContain(published);
    const others = all<{ id: number; state: string }>("SELECT id, state FROM stories WHERE id NOT IN (SELECT story_id FROM story_people WHERE refugee_contact_id = ?)", samir);
    const outboxBefore = one<{ n: number }>("SELECT COUNT(*) AS n FROM outbox WHERE kind = 'story_withdrawn'").n;

    const consent = one<{ id: number }>("SELECT id FROM refugee_consents WHERE refugee_contact_id = ?", samir).id;
    const outcome = await call(refugeeRoute, "action", { path: `/refugees/${samir}`, params: { id: String(samir) }, as: "coordinator", form: { intent: "withdraw", consentId: String(consent) } });
    expect(outcome.status).toBe(302);

    for (const id of named) {
      expect(storyRow(id)).toMatchObject({ state: "withdrawn", withdrawn_reason: "consent_withdrawn" });
      const audit = one<{ action: string; user_id: number; detail: string }>("SELECT action, user_id, detail FROM audit_entries WHERE entity_type = 'story' AND entity_id = ? ORDER BY id DESC", id);
      expect(audit.action).toBe("withdraw");
      expect(audit.user_id).toBe(userIdOf("coordinator"));
      expect(JSON.parse(audit.detail)).toEqual({ reason: "consent_withdrawn", refugeeContactId: samir });
    }
    // In the same transaction as the consent's withdrawal: its audit entry comes just before.
    const trail = all<{ action: string; entity_type: string }>("SELECT action, entity_type FROM audit_entries ORDER BY id DESC LIMIT 3").reverse();
    expect(trail).toEqual([{ action: "consent_withdraw", entity_type: "refugee_contact" }, { action: "withdraw", entity_type: "story" }, { action: "withdraw", entity_type: "story" }]);
    const notices = all<{ to_email: string; subject: string; body_text: string }>("SELECT to_email, subject, body_text FROM outbox WHERE kind = 'story_withdrawn' ORDER BY id");
    expect(notices.length).toBe(outboxBefore + 2);
    expect(notices.at(-1)!.to_email).toBe("coordinator@bcrm.demo");
    expect(notices.at(-1)!.body_text).toMatch(/оттегли съгласието си/);
    // Nothing else moved, and the review no longer shows the story.
    for (const o of others) expect(storyRow(o.id).state).toBe(o.state);
    const reviewAfter = await call(reviewRoute, "loader", { path: `/events/${forum2021()}/review`, params: { id: String(forum2021()) }, as: "coordinator" });
    expect(reviewAfter.data.review.stories.map((s: { id: number }) => s.id)).not.toContain(published);
    expect(reviewAfter.data.review.stories.length).toBe(reviewBefore.data.review.stories.length - 1);
  });

  it("a story stays when another current consent still covers story publication, or when the consent withdrawn was for something else", async () => {
    const person = contact("story_publication,forum_participation");
    const id = createdId(await create(storyForm([person.id])));
    const second = getDb()
      .insert(refugeeConsents)
      .values({ refugeeContactId: person.id, givenOn: "2025-06-01", purposes: "story_publication", legalBasis: "explicit_consent", recordedById: userIdOf("coordinator") })
      .returning()
      .get();
    const withdraw = (consentId: number) =>
      call(refugeeRoute, "action", { path: `/refugees/${person.id}`, params: { id: String(person.id) }, as: "coordinator", form: { intent: "withdraw", consentId: String(consentId) } });
    expect((await withdraw(person.consentId)).status).toBe(302);
    expect(storyRow(id).state).toBe("draft");
    expect((await withdraw(second.id)).status).toBe(302);
    expect(storyRow(id)).toMatchObject({ state: "withdrawn", withdrawn_reason: "consent_withdrawn" });
  });
});

describe("erasing a contact takes them out of every story and withdraws those stories", () => {
  it("no link, no name left in the story's text or search index; withdrawn with the reason; the owner is told", async () => {
    const person = contact("story_publication");
    const id = createdId(await create(storyForm([person.id], { body: `Разказ на ${person.name} за първата година в България.` })));
    expect((await move(id, "approved")).status).toBe(302);
    expect((await move(id, "published")).status).toBe(302);
    const nameHits = () => one<{ n: number }>("SELECT COUNT(*) AS n FROM stories_fts WHERE stories_fts MATCH ?", `"${refugeeContactKeys({ name: person.name }).searchKey}"`).n;
    expect(nameHits()).toBe(1);
    const outcome = await call(eraseRoute, "action", { path: `/refugees/${person.id}/erase`, params: { id: String(person.id) }, as: "admin", form: { confirm: "on" } });
    expect(outcome.status).toBe(302);
    expect(one<{ erased_at: string | null }>("SELECT erased_at FROM refugee_contacts WHERE id = ?", person.id).erased_at).not.toBeNull();
    expect(storiesNaming(person.id)).toEqual([]);
    const story = storyRow(id);
    expect(story).toMatchObject({ state: "withdrawn", withdrawn_reason: "erasure" });
    expect(story.body).not.toContain(person.name);
    expect(nameHits()).toBe(0);
    expect(one<{ n: number }>("SELECT COUNT(*) AS n FROM outbox WHERE kind = 'story_withdrawn' AND body_text LIKE '%заличаване%'").n).toBeGreaterThan(0);
  });
});

describe("photos and files pass the evidence checks", () => {
  const upload = (id: number, file: File, as: DemoUser = "coordinator") => {
    const form = new FormData();
    form.set("intent", "addFile");
    form.set("file", file);
    return call(detailRoute, "action", { path: `/stories/${id}`, params: { id: String(id) }, as, form });
  };

  it("a PDF is kept and read back by staff only; a program renamed .jpg and an empty file are refused; only in draft", async () => {
    const person = contact("story_publication");
    const id = createdId(await create(storyForm([person.id])));
    const pdf = fs.readFileSync(path.resolve("tests/fixtures/evidence.pdf"));
    expect((await upload(id, new File([new Uint8Array(pdf)], "снимка-форум.pdf", { type: "application/pdf" }))).status).toBe(302);
    const file = one<{ id: number; original_name: string; mime_type: string }>("SELECT f.* FROM story_files s JOIN evidence_files f ON f.id = s.evidence_file_id WHERE s.story_id = ?", id);
    expect(file).toMatchObject({ original_name: "снимка-форум.pdf", mime_type: "application/pdf" });
    const read = (as: DemoUser) => call(evidenceRoute, "loader", { path: `/evidence/${file.id}`, params: { id: String(file.id) }, as });
    expect((await read("manager")).status).toBe(200);
    expect((await read("partnerSofia")).status).toBe(404);

    const exe = await upload(id, new File([new Uint8Array([0x4d, 0x5a, 0x90, 0x00, ...new Array(200).fill(0)])], "photo.jpg", { type: "image/jpeg" }));
    expect(exe.status).toBe(400);
    expect(exe.data.fileErrors).toEqual(["evidenceType"]);
    const empty = await upload(id, new File([], "empty.png", { type: "image/png" }));
    expect(empty.status).toBe(400);
    expect((await move(id, "approved")).status).toBe(302);
    const late = await upload(id, new File([new Uint8Array(pdf)], "later.pdf", { type: "application/pdf" }));
    expect(late.status).toBe(409);
    expect(one<{ n: number }>("SELECT COUNT(*) AS n FROM story_files WHERE story_id = ?", id).n).toBe(1);
  });
});

describe("search and the partner boundary", () => {
  const staff: CurrentUser = { id: 0, email: "", name: "", role: "coordinator", organizationId: null, locale: "bg" };

  it("search finds stories for staff, in Cyrillic and Latin; a partner's search never has them", () => {
    const hits = (q: string, user = staff) => search(user, q).groups.find((g) => g.kind === "stories")?.hits.map((h) => h.title) ?? [];
    expect(hits("университета")).toContain("От ученическата скамейка до университета");
    expect(hits("universiteta")).toContain("От ученическата скамейка до университета");
    expect(hits("ученическата", { ...staff, role: "manager" })).toContain("От ученическата скамейка до университета");
    const partner: CurrentUser = { ...staff, role: "partner", organizationId: idOf(demo.organizations.sofiaMunicipality) };
    expect(search(partner, "университета").groups.map((g) => g.kind)).not.toContain("stories");
  });

  it("«Истории» is in the staff navigation only", () => {
    for (const role of ["admin", "manager", "coordinator"] as const) expect(navigationFor({ ...staff, role }).map((i) => i.href)).toContain("/stories");
    expect(navigationFor({ ...staff, role: "partner", organizationId: 1 }).map((i) => i.href)).not.toContain("/stories");
  });

  it("an event a story was told at is not deleted from under it (409, saying so)", async () => {
    const event = one<{ id: number }>("INSERT INTO events (title, sort_key, search_key, kind, starts_on) VALUES ('Кръгла маса за истории', 'кръгла маса', 'kragla masa', 'round_table', '2026-01-15') RETURNING id").id;
    const person = contact("story_publication");
    createdId(await create(storyForm([person.id], { eventId: String(event) })));
    const outcome = await call(eventRoute, "action", { path: `/events/${event}`, params: { id: String(event) }, as: "admin", form: { intent: "delete" } });
    expect(outcome.status).toBe(409);
    expect(outcome.data.references).toMatchObject({ stories: 1 });
  });

  it("a partner gets 404 for every story URL, loader and action", async () => {
    const id = String(one<{ id: number }>("SELECT id FROM stories ORDER BY id LIMIT 1").id);
    const checks = [
      call(listRoute, "loader", { path: "/stories", as: "partnerSofia" }),
      call(newRoute, "loader", { path: "/stories/new", as: "partnerSofia" }),
      call(newRoute, "action", { path: "/stories/new", as: "partnerSofia", form: storyForm([idOf(demo.storyPeople.leyla)]) }),
      call(detailRoute, "loader", { path: `/stories/${id}`, params: { id }, as: "partnerRedCross" }),
      call(detailRoute, "action", { path: `/stories/${id}`, params: { id }, as: "partnerRedCross", form: { intent: "move", version: "1", state: "withdrawn" } }),
      call(editRoute, "loader", { path: `/stories/${id}/edit`, params: { id }, as: "partnerSofia" }),
      call(editRoute, "action", { path: `/stories/${id}/edit`, params: { id }, as: "partnerSofia", form: storyForm([]) }),
    ];
    for (const outcome of await Promise.all(checks)) expect(outcome.status).toBe(404);
  });
});
