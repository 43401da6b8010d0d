// Issue 14, point 5 on the server: a form carries its page's key; sent twice with the same
// content it makes one record and both sendings get the same redirect. Changed content (a
// form edited after Back) or another key is a new sending.
import { eq, like } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "#app/db/client.server.ts";
import { followUps, formSubmissions } from "#app/db/schema.ts";
import { addDays, todayIso } from "#app/lib/calendar-day.ts";
import { SUBMISSION_KEY } from "#app/lib/forms.ts";
import * as editRoute from "#app/routes/follow-ups.$id.edit.tsx";
import * as newRoute from "#app/routes/follow-ups.new.tsx";
import { auditCount, call, userIdOf } from "#tests/helpers.ts";

const key = () => crypto.randomUUID();
const form = (title: string, submission: string | null) => ({
  title,
  dueOn: addDays(todayIso(), 3),
  status: "open",
  assigneeId: String(userIdOf("coordinator")),
  ...(submission ? { [SUBMISSION_KEY]: submission } : {}),
});
const create = (body: Record<string, string>) => call(newRoute, "action", { path: "/follow-ups/new", as: "coordinator", form: body });
const titled = (title: string) => getDb().select().from(followUps).where(like(followUps.title, title)).all();

describe("the same form sent twice", () => {
  it("the new-record page gives each load its own form key", async () => {
    const first = await call(newRoute, "loader", { path: "/follow-ups/new", as: "coordinator" });
    const second = await call(newRoute, "loader", { path: "/follow-ups/new", as: "coordinator" });
    expect(first.data.formKey).toMatch(/^[0-9a-f-]{36}$/);
    expect(second.data.formKey).not.toBe(first.data.formKey);
  });

  it("makes one follow-up and one audit entry; both sendings are sent to it", async () => {
    const k = key();
    const before = auditCount();
    const first = await create(form("Двойно изпратена задача", k));
    const second = await create(form("Двойно изпратена задача", k));
    expect(first.status).toBe(302);
    expect(second.status).toBe(302);
    expect(second.response?.headers.get("Location")).toBe(first.response?.headers.get("Location"));
    expect(titled("Двойно изпратена задача")).toHaveLength(1);
    expect(auditCount()).toBe(before + 1);
  });

  it("a form changed and sent again with the same key, or sent without a key, is a new record", async () => {
    const k = key();
    await create(form("Първа задача от формуляра", k));
    await create(form("Втора задача от същия формуляр", k));
    expect(titled("Първа задача от формуляра")).toHaveLength(1);
    expect(titled("Втора задача от същия формуляр")).toHaveLength(1);
    await create(form("Задача без ключ", null));
    await create(form("Задача без ключ", null));
    expect(titled("Задача без ключ")).toHaveLength(2);
  });

  it("a refused sending records nothing, so the corrected form is saved under the same key", async () => {
    const k = key();
    const refused = await create({ ...form("", k) });
    expect(refused.status).toBe(400);
    const saved = await create(form("Поправена задача", k));
    expect(saved.status).toBe(302);
    expect(titled("Поправена задача")).toHaveLength(1);
  });

  it("an edit sent twice is saved once, not refused the second time as changed by someone else", async () => {
    const created = await create(form("Задача за двойна редакция", key()));
    const id = Number(created.response!.headers.get("Location")!.split("/").pop());
    const k = key();
    const edit = { ...form("Задача за двойна редакция", k), notes: "добавена бележка", version: "1" };
    const first = await call(editRoute, "action", { path: `/follow-ups/${id}/edit`, params: { id: String(id) }, as: "coordinator", form: edit });
    const second = await call(editRoute, "action", { path: `/follow-ups/${id}/edit`, params: { id: String(id) }, as: "coordinator", form: edit });
    expect(first.status).toBe(302);
    expect(second.status).toBe(302);
    expect(getDb().select().from(followUps).where(eq(followUps.id, id)).get()!.version).toBe(2);
    // The same form with other content is not a replay: it is stale (version 1 is gone).
    const changed = await call(editRoute, "action", { path: `/follow-ups/${id}/edit`, params: { id: String(id) }, as: "coordinator", form: { ...edit, notes: "друга" } });
    expect(changed.status).toBe(409);
  });

  it("another user's sending with the same key is theirs, not a replay of the first", async () => {
    const k = key();
    await create(form("Задача на координатора", k));
    const admin = await call(newRoute, "action", { path: "/follow-ups/new", as: "admin", form: { ...form("Задача на координатора", k), assigneeId: String(userIdOf("admin")) } });
    expect(admin.status).toBe(302);
    expect(titled("Задача на координатора")).toHaveLength(2);
    expect(getDb().select().from(formSubmissions).all().length).toBeGreaterThan(0);
  });
});
