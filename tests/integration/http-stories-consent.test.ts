// Issue 19 over HTTP against the production server (server.mjs + the build, a fresh demo database):
// a story cannot name a contact without a current «story publication» consent (the page says who and
// why); withdrawing that consent withdraws the story at once; a partner gets 404 on every story and
// year-in-review URL, and changes nothing.
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signIn, startDemoServer } from "../../scripts/lib/prod-server.ts";
import { demo, type DemoRecord, demoIdInFile } from "../demo-handles.ts";
import { changedTables, httpRequest, snapshotTables } from "./http-client.ts";

type Server = Awaited<ReturnType<typeof startDemoServer>>;
let server: Server;
let coordinator: string;
let partner: string;

beforeAll(async () => {
  server = await startDemoServer();
  coordinator = await signIn(server.url, "coordinator@bcrm.demo");
  partner = await signIn(server.url, "partner@sofia.demo");
}, 120_000);
afterAll(async () => {
  await server?.cleanup();
});

function query<T>(sql: string, ...args: unknown[]): T {
  const db = new Database(server.databasePath, { readonly: true, fileMustExist: true });
  try {
    return db.prepare(sql).get(...args) as T;
  } finally {
    db.close();
  }
}

const post = (path: string, form: URLSearchParams, cookie: string) => httpRequest(`${server.url}${path}`, { form, cookie, headers: { Origin: server.url } });
const get = (path: string, cookie: string) => httpRequest(`${server.url}${path}`, { cookie });

function storyForm(title: string, people: number[]): URLSearchParams {
  const form = new URLSearchParams({ title, summary: "Кратко резюме.", body: "Текстът на историята." });
  const forum = query<{ id: number }>("SELECT id FROM events WHERE kind = 'national_forum' AND starts_on = '2021-11-30'").id;
  form.set("eventId", String(forum));
  for (const id of people) form.append("refugeeContactIds", String(id));
  return form;
}

const contactId = (record: DemoRecord) => demoIdInFile(server.databasePath, record);

describe("integration stories over HTTP (issue 19)", () => {
  it("naming a contact without a current «story publication» consent is refused, the page says who and why, nothing is stored", async () => {
    const before = query<{ n: number }>("SELECT COUNT(*) AS n FROM stories").n;
    const answer = await post("/stories/new", storyForm("История без съгласие", [contactId(demo.refugees.ahmad), contactId(demo.refugees.fatima)]), coordinator);
    expect(answer.status).toBe(400);
    expect(answer.body).toContain("Ахмад Р.: няма съгласие за публикуване на история");
    expect(answer.body).toContain("Фатима (псевдоним): съгласието за публикуване на история е оттеглено");
    expect(answer.body).toMatch(/aria-invalid="true"[^>]*aria-describedby="field-refugeeContactIds-errors field-refugeeContactIds-refusals/);
    expect(query<{ n: number }>("SELECT COUNT(*) AS n FROM stories").n).toBe(before);
  });

  it("with a current consent the story is kept; withdrawing that consent on the contact's page withdraws it at once", async () => {
    const yusuf = contactId(demo.storyPeople.yusuf);
    const created = await post("/stories/new", storyForm("Нова история на Юсуф", [yusuf]), coordinator);
    expect(created.status).toBe(302);
    const storyPath = created.location!;
    expect(storyPath).toMatch(/^\/stories\/\d+$/);
    const id = Number(storyPath.split("/").pop());
    for (const state of ["approved", "published"]) {
      const version = query<{ version: number }>("SELECT version FROM stories WHERE id = ?", id).version;
      const moved = await post(storyPath, new URLSearchParams({ intent: "move", version: String(version), state }), coordinator);
      expect(moved.status, state).toBe(302);
    }
    expect(query<{ state: string }>("SELECT state FROM stories WHERE id = ?", id).state).toBe("published");
    const seeded = query<{ id: number }>("SELECT s.id FROM stories s JOIN story_people p ON p.story_id = s.id WHERE p.refugee_contact_id = ? AND s.id <> ?", yusuf, id).id;

    const consent = query<{ id: number }>("SELECT id FROM refugee_consents WHERE refugee_contact_id = ? AND withdrawn_on IS NULL", yusuf).id;
    const withdrawn = await post(`/refugees/${yusuf}`, new URLSearchParams({ intent: "withdraw", consentId: String(consent) }), coordinator);
    expect(withdrawn.status).toBe(302);

    for (const storyId of [id, seeded]) {
      expect(query<{ state: string; withdrawn_reason: string }>("SELECT state, withdrawn_reason FROM stories WHERE id = ?", storyId)).toEqual({
        state: "withdrawn",
        withdrawn_reason: "consent_withdrawn",
      });
      expect(query<{ n: number }>("SELECT COUNT(*) AS n FROM audit_entries WHERE entity_type = 'story' AND entity_id = ? AND action = 'withdraw'", storyId).n).toBe(1);
    }
    // Each story's owner is told: the new one's author, and the seeded story's owner (the second coordinator).
    for (const owner of ["coordinator@bcrm.demo", "coordinator2@bcrm.demo"]) {
      expect(query<{ n: number }>("SELECT COUNT(*) AS n FROM outbox WHERE kind = 'story_withdrawn' AND to_email = ?", owner).n, owner).toBe(1);
    }
    const page = await get(storyPath, coordinator);
    expect(page.status).toBe(200);
    expect(page.body).toContain("Оттеглена");
    expect(page.body).toContain("оттеглено съгласие");
    // Publishing it again is refused while the consent is gone.
    const version = query<{ version: number }>("SELECT version FROM stories WHERE id = ?", id).version;
    expect((await post(storyPath, new URLSearchParams({ intent: "move", version: String(version), state: "draft" }), coordinator)).status).toBe(302);
    const again = await post(storyPath, new URLSearchParams({ intent: "move", version: String(version + 1), state: "approved" }), coordinator);
    expect(again.status).toBe(409);
    expect(again.body).toContain("Юсуф К.: съгласието за публикуване на история е оттеглено");
  });

  it("a partner gets 404 on every story and year-in-review URL, GET and POST, and nothing changes", async () => {
    const story = query<{ id: number }>("SELECT id FROM stories ORDER BY id LIMIT 1").id;
    const forum = query<{ id: number }>("SELECT id FROM events WHERE kind = 'national_forum' AND starts_on = '2021-11-30'").id;
    const before = snapshotTables(server.databasePath);
    const gets = [
      "/stories",
      "/stories?q=%D0%A1%D0%B0%D0%BC%D0%B8%D1%80",
      "/stories/new",
      `/stories/${story}`,
      `/stories/${story}/edit`,
      `/stories/${story}?_data=routes%2Fstories.%24id._index`,
      `/events/${forum}/review`,
      `/events/${forum}/review?_data=routes%2Fevents.%24id.review`,
      `/events/${forum}/review.pdf`,
      `/events/${forum}/review.pdf?lang=en`,
      `/events/${forum}/review.xlsx`,
    ];
    for (const path of gets) {
      const answer = await get(path, partner);
      expect(answer.status, `GET ${path}`).toBe(404);
      expect(answer.body, `GET ${path}`).not.toContain("Самир");
    }
    const posts: Array<[string, URLSearchParams]> = [
      ["/stories/new", storyForm("Подправена история", [contactId(demo.storyPeople.leyla)])],
      [`/stories/${story}`, new URLSearchParams({ intent: "move", version: "1", state: "withdrawn" })],
      [`/stories/${story}/edit`, storyForm("Подправена история", [])],
      [`/events/${forum}/review`, new URLSearchParams({ intent: "exclude", commitmentId: String(demoIdInFile(server.databasePath, demo.commitments.sofiaInfoCenter)) })],
    ];
    for (const [path, form] of posts) expect((await post(path, form, partner)).status, `POST ${path}`).toBe(404);
    const after = snapshotTables(server.databasePath);
    expect(changedTables(before, after).filter((t) => !["audit_entries", "sessions"].includes(t))).toEqual([]);
  });
});
