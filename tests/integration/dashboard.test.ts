// The start page's numbers, checked against SQL written here independently of the model.
import { describe, expect, it } from "vitest";
import { getDb } from "#app/db/client.server.ts";
import { titledKeys } from "#app/db/derived.ts";
import { followUps } from "#app/db/schema.ts";
import { DASHBOARD_DUE_LIMIT } from "#app/models/dashboard.server.ts";
import * as dashboardRoute from "#app/routes/_index.tsx";
import { call, userIdOf } from "#tests/helpers.ts";

const sqlite = () => getDb().$client;

/** Today in Sofia, and a day `n` days later, computed here without the app's helpers. */
function sofiaDay(offset = 0): string {
  const today = new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Sofia" }).format(new Date());
  const d = new Date(`${today}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + offset);
  return d.toISOString().slice(0, 10);
}

function ids(rows: Array<{ id: number }>) {
  return rows.map((r) => r.id);
}

function expectedFor(userId: number) {
  const today = sofiaDay();
  const overdue = sqlite()
    .prepare("SELECT id FROM follow_ups WHERE assignee_id = ? AND status = 'open' AND due_on < ? ORDER BY due_on, id")
    .all(userId, today) as Array<{ id: number }>;
  const dueSoon = sqlite()
    .prepare("SELECT id FROM follow_ups WHERE assignee_id = ? AND status = 'open' AND due_on BETWEEN ? AND ? ORDER BY due_on, id")
    .all(userId, today, sofiaDay(7)) as Array<{ id: number }>;
  const byStatus = Object.fromEntries(
    (sqlite().prepare("SELECT status, COUNT(*) AS n FROM commitments GROUP BY status").all() as Array<{ status: string; n: number }>).map((r) => [r.status, r.n]),
  );
  const byArea = Object.fromEntries(
    (sqlite().prepare("SELECT niem_area, COUNT(*) AS n FROM commitments GROUP BY niem_area").all() as Array<{ niem_area: string; n: number }>).map((r) => [
      r.niem_area,
      r.n,
    ]),
  );
  const pending = (
    sqlite().prepare("SELECT COUNT(*) AS n FROM commitment_updates WHERE partner_organization_id IS NOT NULL AND verified_at IS NULL").get() as { n: number }
  ).n;
  const pendingLatest = sqlite()
    .prepare(
      "SELECT id FROM commitment_updates WHERE partner_organization_id IS NOT NULL AND verified_at IS NULL ORDER BY created_at DESC, id DESC LIMIT 5",
    )
    .all() as Array<{ id: number }>;
  return { overdue: ids(overdue), dueSoon: ids(dueSoon), byStatus, byArea, pending, pendingLatest: ids(pendingLatest) };
}

function nonZero(rows: Array<{ key: string; count: number }>) {
  return Object.fromEntries(rows.filter((r) => r.count > 0).map((r) => [r.key, r.count]));
}

describe("dashboard numbers equal counts computed directly in SQL", () => {
  it("for a coordinator: my overdue and due-soon follow-ups, commitments by status and area, partner updates waiting", async () => {
    const { status, data } = await call(dashboardRoute, "loader", { path: "/", as: "coordinator" });
    expect(status).toBe(200);
    const expected = expectedFor(userIdOf("coordinator"));
    // The seed gives the coordinator both kinds, so the comparison is not vacuous.
    expect(expected.overdue.length).toBeGreaterThan(0);
    expect(expected.dueSoon.length).toBeGreaterThan(0);
    expect(data.overdueTotal).toBe(expected.overdue.length);
    expect(data.dueSoonTotal).toBe(expected.dueSoon.length);
    expect(data.overdue.map((f: { id: number }) => f.id)).toEqual(expected.overdue.slice(0, DASHBOARD_DUE_LIMIT));
    expect(data.dueSoon.map((f: { id: number }) => f.id)).toEqual(expected.dueSoon.slice(0, DASHBOARD_DUE_LIMIT));
    expect(nonZero(data.byStatus)).toEqual(expected.byStatus);
    expect(nonZero(data.byArea)).toEqual(expected.byArea);
    expect(data.pendingUpdates.total).toBe(expected.pending);
    expect(expected.pending).toBeGreaterThan(0);
    expect(data.pendingUpdates.latest.map((u: { id: number }) => u.id)).toEqual(expected.pendingLatest);
    expect(data.canComplete).toBe(true);
  });

  it("for a manager: the same commitment numbers, their own follow-ups, and a done button for them (issue 17: everyone closes their own)", async () => {
    const { status, data } = await call(dashboardRoute, "loader", { path: "/", as: "manager" });
    expect(status).toBe(200);
    const expected = expectedFor(userIdOf("manager"));
    expect(data.overdueTotal).toBe(expected.overdue.length);
    expect(data.dueSoonTotal).toBe(expected.dueSoon.length);
    expect(data.overdue.map((f: { id: number }) => f.id)).toEqual(expected.overdue.slice(0, DASHBOARD_DUE_LIMIT));
    expect(data.dueSoon.map((f: { id: number }) => f.id)).toEqual(expected.dueSoon.slice(0, DASHBOARD_DUE_LIMIT));
    expect(nonZero(data.byStatus)).toEqual(expected.byStatus);
    expect(nonZero(data.byArea)).toEqual(expected.byArea);
    expect(data.pendingUpdates.total).toBe(expected.pending);
    expect(data.canComplete).toBe(true);
  });

  it("with more follow-ups than the page lists: the totals count every one, the lists show the first few, most overdue first", async () => {
    const coordinatorId = userIdOf("coordinator");
    const add = (title: string, dueOn: string) =>
      getDb()
        .insert(followUps)
        .values({ title, ...titledKeys({ title }), dueOn, status: "open", assigneeId: coordinatorId, createdById: coordinatorId })
        .run();
    for (let i = 0; i < DASHBOARD_DUE_LIMIT + 5; i++) {
      add(`Много просрочена ${i}`, sofiaDay(-30 - i));
      add(`Скоро ${i}`, sofiaDay(i % 8));
    }
    const { data } = await call(dashboardRoute, "loader", { path: "/", as: "coordinator" });
    const expected = expectedFor(coordinatorId);
    expect(expected.overdue.length).toBeGreaterThan(DASHBOARD_DUE_LIMIT);
    expect(expected.dueSoon.length).toBeGreaterThan(DASHBOARD_DUE_LIMIT);
    expect(data.overdueTotal).toBe(expected.overdue.length);
    expect(data.dueSoonTotal).toBe(expected.dueSoon.length);
    expect(data.overdue.map((f: { id: number }) => f.id)).toEqual(expected.overdue.slice(0, DASHBOARD_DUE_LIMIT));
    expect(data.dueSoon.map((f: { id: number }) => f.id)).toEqual(expected.dueSoon.slice(0, DASHBOARD_DUE_LIMIT));
  });

  it("a partner is sent to /shared", async () => {
    const { status, response } = await call(dashboardRoute, "loader", { path: "/", as: "partnerSofia" });
    expect(status).toBe(302);
    expect(response?.headers.get("Location")).toBe("/shared");
  });
});

describe("one-click done on the dashboard", () => {
  it("marks my overdue follow-up done, audited, and it shows in my recent activity", async () => {
    const coordinatorId = userIdOf("coordinator");
    const target = sqlite()
      .prepare("SELECT id, version, title FROM follow_ups WHERE assignee_id = ? AND status = 'open' AND due_on < ? ORDER BY due_on LIMIT 1")
      .get(coordinatorId, sofiaDay()) as { id: number; version: number; title: string };
    const result = await call(dashboardRoute, "action", {
      path: "/",
      as: "coordinator",
      form: { intent: "done", id: String(target.id), version: String(target.version) },
    });
    expect(result.status).toBe(302);
    const after = sqlite().prepare("SELECT status, completed_by_id, version FROM follow_ups WHERE id = ?").get(target.id) as {
      status: string;
      completed_by_id: number;
      version: number;
    };
    expect(after).toEqual({ status: "done", completed_by_id: coordinatorId, version: target.version + 1 });
    const audit = sqlite()
      .prepare("SELECT action, user_id, changes FROM audit_entries WHERE entity_type = 'follow_up' AND entity_id = ? ORDER BY id DESC LIMIT 1")
      .get(target.id) as { action: string; user_id: number; changes: string };
    expect(audit.action).toBe("update");
    expect(audit.user_id).toBe(coordinatorId);
    expect(JSON.parse(audit.changes).status).toEqual(["open", "done"]);

    const { data } = await call(dashboardRoute, "loader", { path: "/", as: "coordinator" });
    expect(data.overdue.map((f: { id: number }) => f.id)).not.toContain(target.id);
    expect(data.activity[0]).toMatchObject({ entityType: "follow_up", entityId: target.id, label: target.title, href: `/follow-ups/${target.id}` });
  });

  it("a stale click changes nothing (409), and someone else's follow-up is 404", async () => {
    const coordinatorId = userIdOf("coordinator");
    const mine = sqlite()
      .prepare("SELECT id, version FROM follow_ups WHERE assignee_id = ? AND status = 'open' ORDER BY due_on LIMIT 1")
      .get(coordinatorId) as { id: number; version: number };
    const stale = await call(dashboardRoute, "action", {
      path: "/",
      as: "coordinator",
      form: { intent: "done", id: String(mine.id), version: String(mine.version + 5) },
    });
    expect(stale.status).toBe(409);
    expect((sqlite().prepare("SELECT status FROM follow_ups WHERE id = ?").get(mine.id) as { status: string }).status).toBe("open");

    const others = sqlite().prepare("SELECT id, version FROM follow_ups WHERE assignee_id <> ? AND status = 'open' LIMIT 1").get(coordinatorId) as {
      id: number;
      version: number;
    };
    const foreign = await call(dashboardRoute, "action", {
      path: "/",
      as: "coordinator",
      form: { intent: "done", id: String(others.id), version: String(others.version) },
    });
    expect(foreign.status).toBe(404);
  });

  it("a manager cannot mark done someone else's follow-up (404, as for anyone) and bad input is 400", async () => {
    const row = sqlite().prepare("SELECT id, version FROM follow_ups WHERE status = 'open' AND assignee_id IS NOT ? LIMIT 1").get(userIdOf("manager")) as { id: number; version: number };
    const asManager = await call(dashboardRoute, "action", {
      path: "/",
      as: "manager",
      form: { intent: "done", id: String(row.id), version: String(row.version) },
    });
    expect(asManager.status).toBe(404);
    const bad = await call(dashboardRoute, "action", { path: "/", as: "coordinator", form: { intent: "done", id: "<script>", version: "1" } });
    expect(bad.status).toBe(400);
  });
});
