// Issue 18: the dashboard's commitment charts read counts kept by triggers (commitment_counts)
// instead of grouping every commitment on each view. They must follow every kind of write.
import { describe, expect, it } from "vitest";
import { getDb } from "#app/db/client.server.ts";
import { commitmentCounts } from "#app/models/dashboard.server.ts";

/** What the charts must show: every commitment grouped now, the slow way. */
function grouped() {
  const rows = getDb().$client.prepare("SELECT niem_area AS area, status, count(*) AS n FROM commitments GROUP BY niem_area, status").all() as Array<{ area: string; status: string; n: number }>;
  const byStatus = new Map<string, number>();
  const byArea = new Map<string, number>();
  for (const r of rows) {
    byStatus.set(r.status, (byStatus.get(r.status) ?? 0) + r.n);
    byArea.set(r.area, (byArea.get(r.area) ?? 0) + r.n);
  }
  return { byStatus, byArea };
}

function expectChartsMatchRows() {
  const kept = commitmentCounts();
  const slow = grouped();
  expect(kept.byStatus.reduce((sum, r) => sum + r.count, 0)).toBeGreaterThan(0);
  for (const r of kept.byStatus) expect([r.key, r.count]).toEqual([r.key, slow.byStatus.get(r.key) ?? 0]);
  for (const r of kept.byArea) expect([r.key, r.count]).toEqual([r.key, slow.byArea.get(r.key) ?? 0]);
}

describe("the dashboard's commitment counts", () => {
  it("follow inserting, changing the status or the area, and deleting commitments", () => {
    expectChartsMatchRows();
    const db = getDb().$client;
    const template = db.prepare("SELECT * FROM commitments ORDER BY id LIMIT 1").get() as Record<string, unknown>;
    const columns = Object.keys(template).filter((c) => c !== "id");
    const insert = db.prepare(`INSERT INTO commitments (${columns.map((c) => `"${c}"`).join(", ")}) VALUES (${columns.map((c) => `@${c}`).join(", ")})`);
    const id = Number(insert.run({ ...template, title: "Брояч на ангажименти", status: "pledged" }).lastInsertRowid);
    expectChartsMatchRows();

    const before = commitmentCounts().byStatus.find((r) => r.key === "fulfilled")!.count;
    db.prepare("UPDATE commitments SET status = 'fulfilled' WHERE id = ?").run(id);
    expect(commitmentCounts().byStatus.find((r) => r.key === "fulfilled")!.count).toBe(before + 1);
    expectChartsMatchRows();

    const otherArea = (db.prepare("SELECT niem_area AS area FROM commitments WHERE niem_area <> ? LIMIT 1").get(template.niem_area) as { area: string }).area;
    db.prepare("UPDATE commitments SET niem_area = ? WHERE id = ?").run(otherArea, id);
    expectChartsMatchRows();
    // A change of other columns moves nothing.
    db.prepare("UPDATE commitments SET title = 'Брояч, преименуван' WHERE id = ?").run(id);
    expectChartsMatchRows();

    db.prepare("DELETE FROM commitments WHERE id = ?").run(id);
    expectChartsMatchRows();
    expect(commitmentCounts().byStatus.find((r) => r.key === "fulfilled")!.count).toBe(before);
  });

  it("are read from the kept counts, not by grouping every commitment", () => {
    const db = getDb().$client;
    const total = () => commitmentCounts().byStatus.reduce((sum, r) => sum + r.count, 0);
    const before = total();
    db.prepare("UPDATE commitment_counts SET n = n + 1000 WHERE rowid = (SELECT min(rowid) FROM commitment_counts)").run();
    try {
      expect(total()).toBe(before + 1000);
    } finally {
      db.prepare("UPDATE commitment_counts SET n = n - 1000 WHERE rowid = (SELECT min(rowid) FROM commitment_counts)").run();
    }
  });
});
