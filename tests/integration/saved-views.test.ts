// Issue 17 point 4, the saved-views model as later features read it (invitations will read the
// views of people): savedViewsFor(user, kind) and savedViewQuery(user, id) keep to the access rules —
// own views and shared ones, never another's private view, nothing for partners — and every write
// is audited; the route refuses deleting or sharing someone else's view.
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { CurrentUser } from "#app/auth/access.server.ts";
import { getDb } from "#app/db/client.server.ts";
import { users } from "#app/db/schema.ts";
import { deleteView, savedViewQuery, savedViewsFor, saveView, setViewShared } from "#app/models/saved-views.server.ts";
import * as savedViewsRoute from "#app/routes/saved-views.tsx";
import { call, demoUsers, latestAudit, type DemoUser } from "#tests/helpers.ts";

function userOf(who: DemoUser): CurrentUser {
  const u = getDb().select().from(users).where(eq(users.email, demoUsers[who])).get()!;
  return { id: u.id, email: u.email, name: u.name, role: u.role, organizationId: u.organizationId, locale: u.locale };
}

describe("saved views: the model", () => {
  it("own views and shared ones, never another's private view; the query is kept without the page", () => {
    const coordinator = userOf("coordinator");
    const manager = userOf("manager");
    const mine = saveView(coordinator, { kind: "commitments", name: "Просрочени в София", query: "?status=pledged&page=4&sort=due&index", shared: false });
    expect(mine.ok).toBe(true);
    if (!mine.ok) return;
    expect(latestAudit()).toMatchObject({ action: "create", entityType: "saved_view", entityId: mine.id });
    expect(savedViewQuery(coordinator, mine.id)).toEqual({ kind: "commitments", query: "status=pledged&sort=due" });
    expect(savedViewsFor(coordinator, "commitments").map((v) => v.name)).toContain("Просрочени в София");
    // Not on another list, not for another user while private.
    expect(savedViewsFor(coordinator, "people").map((v) => v.id)).not.toContain(mine.id);
    expect(savedViewsFor(manager, "commitments").map((v) => v.id)).not.toContain(mine.id);
    expect(savedViewQuery(manager, mine.id)).toBeNull();
    // Only the owner shares or deletes.
    expect(setViewShared(manager, mine.id, true)).toBe(false);
    expect(setViewShared(coordinator, mine.id, true)).toBe(true);
    expect(latestAudit()).toMatchObject({ action: "update", entityType: "saved_view", entityId: mine.id });
    const seen = savedViewsFor(manager, "commitments").find((v) => v.id === mine.id);
    expect(seen).toMatchObject({ shared: true, mine: false, ownerName: coordinator.name });
    expect(savedViewQuery(manager, mine.id)).toEqual({ kind: "commitments", query: "status=pledged&sort=due" });
    expect(deleteView(manager, mine.id)).toBe(false);
    expect(savedViewQuery(coordinator, mine.id)).not.toBeNull();
    // The same name again replaces the owner's view instead of making a second one.
    const again = saveView(coordinator, { kind: "commitments", name: "  Просрочени   в София ", query: "status=in_progress", shared: true });
    expect(again).toMatchObject({ ok: true, id: mine.id });
    expect(savedViewsFor(coordinator, "commitments").filter((v) => v.name === "Просрочени в София")).toHaveLength(1);
    expect(deleteView(coordinator, mine.id)).toBe(true);
    expect(latestAudit()).toMatchObject({ action: "delete", entityType: "saved_view", entityId: mine.id });
    expect(savedViewQuery(coordinator, mine.id)).toBeNull();
  });

  it("a blank or over-long name is refused with a field error", () => {
    const coordinator = userOf("coordinator");
    expect(saveView(coordinator, { kind: "people", name: "   ", query: "", shared: false })).toEqual({ ok: false, errors: { name: ["required"] } });
    expect(saveView(coordinator, { kind: "people", name: "я".repeat(81), query: "", shared: false })).toEqual({ ok: false, errors: { name: ["tooLong:80"] } });
  });

  it("partners have no saved views: 404 from the model and the route", async () => {
    expect(() => savedViewsFor(userOf("partnerSofia"), "commitments")).toThrow();
    expect((await call(savedViewsRoute, "loader", { path: "/saved-views", as: "partnerSofia" })).status).toBe(404);
    expect((await call(savedViewsRoute, "action", { path: "/saved-views", as: "partnerSofia", form: { intent: "save", kind: "commitments", name: "x", query: "" } })).status).toBe(404);
  });

  it("the route: a save goes back to the list with the view's query; another's view cannot be deleted (404)", async () => {
    const saved = await call(savedViewsRoute, "action", { path: "/saved-views", as: "coordinator", form: { intent: "save", kind: "follow-ups", name: "Споделени задачи", query: "?shared=yes&page=2", shared: "yes" } });
    expect(saved.status).toBe(302);
    expect(saved.response?.headers.get("Location")).toBe("/follow-ups?shared=yes");
    const view = savedViewsFor(userOf("manager"), "follow-ups").find((v) => v.name === "Споделени задачи")!;
    expect(view).toBeTruthy();
    const refused = await call(savedViewsRoute, "action", { path: "/saved-views", as: "manager", form: { intent: "delete", id: String(view.id) } });
    expect(refused.status).toBe(404);
    expect(savedViewQuery(userOf("coordinator"), view.id)).not.toBeNull();
    const bad = await call(savedViewsRoute, "action", { path: "/saved-views", as: "coordinator", form: { intent: "save", kind: "audit", name: "x", query: "" } });
    expect(bad.status).toBe(400);
  });
});
