// Issue 17 point 6: whoever a follow-up is assigned to can mark it done or add a note, whatever
// their role; a manager cannot close (or annotate) someone else's follow-up.
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "#app/db/client.server.ts";
import { titledKeys } from "#app/db/derived.ts";
import { auditEntries, followUps } from "#app/db/schema.ts";
import * as dashboardRoute from "#app/routes/_index.tsx";
import * as followUpPage from "#app/routes/follow-ups.$id._index.tsx";
import * as followUpsList from "#app/routes/follow-ups._index.tsx";
import { call, userIdOf } from "#tests/helpers.ts";

const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);

function newFollowUp(title: string, assignee: "manager" | "coordinator") {
  const row = { title, dueOn: yesterday, status: "open" as const, assigneeId: userIdOf(assignee), createdById: userIdOf("coordinator") };
  return getDb().insert(followUps).values({ ...row, ...titledKeys({ title }) }).returning().get();
}
const current = (id: number) => getDb().select().from(followUps).where(eq(followUps.id, id)).get()!;

let mine = newFollowUp("placeholder", "manager");
let mineToo = mine;
let mineFromList = mine;
let theirs = mine;

beforeAll(() => {
  mine = newFollowUp("Обаждане до мениджъра 1", "manager");
  mineToo = newFollowUp("Обаждане до мениджъра 2", "manager");
  mineFromList = newFollowUp("Обаждане до мениджъра 3", "manager");
  theirs = newFollowUp("Задача на координатора", "coordinator");
});

describe("a manager's own follow-up", () => {
  it("shows as overdue on their dashboard with «Готово», and «Готово» closes it (audited)", async () => {
    const board = await call(dashboardRoute, "loader", { path: "/", as: "manager" });
    expect(board.data.overdue.map((f: any) => f.id)).toContain(mine.id);
    expect(board.data.canComplete).toBe(true);
    const done = await call(dashboardRoute, "action", { path: "/", as: "manager", form: { intent: "done", id: String(mine.id), version: String(mine.version) } });
    expect(done.status).toBe(302);
    expect(current(mine.id)).toMatchObject({ status: "done", completedById: userIdOf("manager") });
    const audit = getDb().select().from(auditEntries).where(eq(auditEntries.entityId, mine.id)).all().filter((a) => a.entityType === "follow_up");
    expect(audit.at(-1)).toMatchObject({ action: "update", userId: userIdOf("manager") });
  });

  it("its page offers «Готово» and a note to its assignee; both work", async () => {
    const page = await call(followUpPage, "loader", { path: `/follow-ups/${mineToo.id}`, params: { id: String(mineToo.id) }, as: "manager" });
    expect(page.data).toMatchObject({ canClose: true, canEdit: false });
    const noted = await call(followUpPage, "action", {
      path: `/follow-ups/${mineToo.id}`,
      params: { id: String(mineToo.id) },
      as: "manager",
      form: { intent: "note", version: String(mineToo.version), note: "Звъннах, ще пратят документите в петък." },
    });
    expect(noted.status).toBe(302);
    expect(current(mineToo.id).notes).toContain("ще пратят документите в петък");
    const done = await call(followUpPage, "action", {
      path: `/follow-ups/${mineToo.id}`,
      params: { id: String(mineToo.id) },
      as: "manager",
      form: { intent: "done", version: String(current(mineToo.id).version) },
    });
    expect(done.status).toBe(302);
    expect(current(mineToo.id).status).toBe("done");
  });

  it("the list's «Готово» works for their own row", async () => {
    const done = await call(followUpsList, "action", {
      path: "/follow-ups?view=mine",
      as: "manager",
      form: { intent: "done", id: String(mineFromList.id), version: String(mineFromList.version) },
    });
    expect(done.status).toBe(302);
    expect(current(mineFromList.id).status).toBe("done");
  });
});

describe("someone else's follow-up", () => {
  it("a manager may not close it or add a note, from any page", async () => {
    const page = await call(followUpPage, "loader", { path: `/follow-ups/${theirs.id}`, params: { id: String(theirs.id) }, as: "manager" });
    expect(page.data.canClose).toBe(false);
    const form = { version: String(theirs.version) };
    for (const intent of ["done", "note"]) {
      const outcome = await call(followUpPage, "action", { path: `/follow-ups/${theirs.id}`, params: { id: String(theirs.id) }, as: "manager", form: { ...form, intent, note: "x" } });
      expect(outcome.status, intent).toBe(403);
    }
    const fromList = await call(followUpsList, "action", { path: "/follow-ups", as: "manager", form: { intent: "done", id: String(theirs.id), version: String(theirs.version) } });
    expect(fromList.status).toBe(403);
    const fromBoard = await call(dashboardRoute, "action", { path: "/", as: "manager", form: { intent: "done", id: String(theirs.id), version: String(theirs.version) } });
    expect(fromBoard.status).toBe(404);
    const bulk = await call(followUpsList, "action", { path: "/follow-ups", as: "manager", form: { intent: "bulkClose", ids: String(theirs.id), closeAs: "done" } });
    expect(bulk.status).toBe(403);
    expect(current(theirs.id)).toMatchObject({ status: "open", version: theirs.version });
  });

  it("an admin (who writes records) still closes anyone's", async () => {
    const done = await call(followUpPage, "action", { path: `/follow-ups/${theirs.id}`, params: { id: String(theirs.id) }, as: "admin", form: { intent: "done", version: String(theirs.version) } });
    expect(done.status).toBe(302);
  });
});
