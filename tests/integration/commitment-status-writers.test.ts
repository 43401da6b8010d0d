// A commitment's status and its verification are written by one module only:
// app/models/commitment-lifecycle.server.ts, which applies the table of app/domain/commitment-lifecycle.ts.
// This test reads the source of every module under app/ and refuses any other writer; and on the
// demo data it holds the stored status to what the timeline says (the invariant the lifecycle keeps).
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { getDb } from "#app/db/client.server.ts";
import { commitments } from "#app/db/schema.ts";
import { statusFromTimeline } from "#app/models/commitment-lifecycle.server.ts";

const LIFECYCLE = "app/models/commitment-lifecycle.server.ts";
/** Files that may name the columns: the module that writes them, and the table's definition. */
const allowed = new Set([LIFECYCLE, "app/db/schema.ts"]);
/**
 * The demo seed writes each commitment with the status its seeded timeline gives, in one insert,
 * outside any request; the invariant test below holds it to exactly what the lifecycle would say.
 */
const seed = "app/db/seed-demo.server.ts";
/** The year in review's demo (2020 commitments with their outcomes) is part of the same seed. */
const reviewSeed = "app/db/seed-demo-review.server.ts";

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(file);
    return /\.(ts|tsx)$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [file] : [];
  });
}

/** Every place in `source` that writes `status` or `status_verified` of the commitments table. */
function statusWrites(source: string): string[] {
  const found: string[] = [];
  // Drizzle: .update(commitments).set({ … status … }) / .insert(commitments).values({ … status … }), up to the statement's end.
  for (const match of source.matchAll(/\.(update|insert)\(\s*(?:\w+\.)?commitments\s*\)([\s\S]*?)\.(run|get|all|returning)\(/g)) {
    if (/\bstatus(Verified)?\b\s*[:,}]/.test(match[2])) found.push(match[0].slice(0, 120));
  }
  // Raw SQL on the table.
  for (const match of source.matchAll(/(UPDATE|INSERT INTO)\s+[`"]?commitments[`"]?\b[^;`]*?\bstatus(_verified)?\b/gi)) found.push(match[0].slice(0, 120));
  // Prepared inserts listing the columns (the CSV import's fast path).
  for (const match of source.matchAll(/prepareInsert\(\s*\[([^\]]*)\],\s*"commitments"/g)) {
    if (/\.status(Verified)?\b/.test(match[1])) found.push(match[0].slice(0, 120));
  }
  // The column's SQL name outside a read.
  for (const match of source.matchAll(/status_verified\s*=/g)) found.push(match[0]);
  return found;
}

describe("one writer of a commitment's status", () => {
  it("the detector finds each way of writing it (so an empty result below means something)", () => {
    expect(statusWrites(`tx.update(commitments).set({ status: "fulfilled" }).where(eq(commitments.id, 1)).run();`)).toHaveLength(1);
    expect(statusWrites(`db.update(schema.commitments).set({ statusVerified }).run()`)).toHaveLength(1);
    expect(statusWrites(`tx.insert(commitments).values({ title, status: "pledged" }).returning({ id: commitments.id })`)).toHaveLength(1);
    expect(statusWrites("db.prepare(`UPDATE commitments SET status = ? WHERE id = ?`)")).toHaveLength(1);
    expect(statusWrites(`prepareInsert([c.title, c.status, c.importId], "commitments")`)).toHaveLength(1);
    expect(statusWrites(`tx.update(commitments).set({ updatedAt: now, version: 2 }).where(eq(commitments.id, 1)).run();`)).toEqual([]);
    expect(statusWrites(`db.select({ status: commitments.status }).from(commitments).all()`)).toEqual([]);
  });

  it("no module under app/ but the lifecycle module writes status or status_verified", () => {
    const files = sourceFiles("app").map((f) => f.split(path.sep).join("/"));
    expect(files).toContain(LIFECYCLE);
    const writers = files
      .filter((f) => !allowed.has(f) && f !== seed && f !== reviewSeed)
      .flatMap((f) => statusWrites(fs.readFileSync(f, "utf8")).map((w) => `${f}: ${w}`));
    expect(writers).toEqual([]);
    // And the lifecycle module does write them (the detector sees it).
    expect(statusWrites(fs.readFileSync(LIFECYCLE, "utf8")).length).toBeGreaterThan(0);
  });

  it("every demo commitment's status is what its timeline gives (the latest status change that counts)", () => {
    const db = getDb();
    const all = db.select({ id: commitments.id, status: commitments.status, statusVerified: commitments.statusVerified }).from(commitments).all();
    expect(all.length).toBeGreaterThan(10);
    const off = all.filter((c) => {
      const derived = statusFromTimeline(db, c.id);
      return derived.status !== c.status || derived.statusVerified !== c.statusVerified;
    });
    expect(off).toEqual([]);
  });
});
