// «Open» and «overdue» for a commitment are defined once, in app/domain/commitment.ts: the rule
// itself, and a scan of app/ that refuses any other module writing its own list or its own check.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { isCommitmentOverdue, openCommitmentStatuses, openCount } from "./commitment.ts";
import { commitmentStatuses, type CommitmentStatus } from "./enums.ts";

const today = "2026-11-30";

describe("isCommitmentOverdue", () => {
  it("an open commitment due yesterday is overdue; due today or later is not yet", () => {
    for (const status of openCommitmentStatuses) {
      expect(isCommitmentOverdue({ status, dueOn: "2026-11-29" }, today)).toBe(true);
      expect(isCommitmentOverdue({ status, dueOn: "2025-01-01" }, today)).toBe(true);
      expect(isCommitmentOverdue({ status, dueOn: today }, today)).toBe(false);
      expect(isCommitmentOverdue({ status, dueOn: "2026-12-01" }, today)).toBe(false);
    }
  });

  it("a finished commitment is never overdue, however late", () => {
    const finished = commitmentStatuses.filter((s) => !(openCommitmentStatuses as readonly string[]).includes(s));
    expect(finished.sort()).toEqual(["fulfilled", "not_fulfilled", "partially_fulfilled", "withdrawn"]);
    for (const status of finished) expect(isCommitmentOverdue({ status, dueOn: "2020-01-01" }, today)).toBe(false);
  });

  it("a commitment without a due date is never overdue", () => {
    for (const status of commitmentStatuses) expect(isCommitmentOverdue({ status, dueOn: null }, today)).toBe(false);
  });

  it("the open statuses are pledged and in progress, and openCount adds exactly those", () => {
    expect([...openCommitmentStatuses].sort()).toEqual(["in_progress", "pledged"]);
    const counts = Object.fromEntries(commitmentStatuses.map((s, i) => [s, 10 ** i])) as Record<CommitmentStatus, number>;
    expect(openCount(counts)).toBe(counts.pledged + counts.in_progress);
  });
});

// ---------------------------------------------------------------- one definition

const appDir = path.resolve(import.meta.dirname, "..");
const HOME = "domain/commitment.ts";

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(file);
    return /\.(ts|tsx)$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [file] : [];
  });
}

/** Places in `source` that define their own open statuses or their own overdue check. */
export function ownOpenDefinitions(source: string): string[] {
  const found: string[] = [];
  // A list literal of exactly the open statuses, in any order and quoting (TS or SQL).
  for (const m of source.matchAll(/[[(]\s*(["'`])(pledged|in_progress)\1\s*,\s*(["'`])(pledged|in_progress)\3\s*,?\s*[\])]/g)) {
    if (m[2] !== m[4]) found.push(m[0]);
  }
  // A function or constant named like the definitions here.
  for (const m of source.matchAll(/\b(?:function|const|let|var)\s+(is\w*Overdue\w*|\w*[oO]penStatuses|\w*[oO]penCommitmentStatuses|\w*[oO]penCount|isOpenStatus)\b/g)) found.push(m[0]);
  // The open count written out by hand.
  for (const m of source.matchAll(/\.pledged\s*\+\s*[\w.?]*\.in_progress|\.in_progress\s*\+\s*[\w.?]*\.pledged/g)) found.push(m[0]);
  return found;
}

describe("open statuses and the overdue check are defined once", () => {
  it("the detector finds each way of writing them again (so an empty result below means something)", () => {
    expect(ownOpenDefinitions(`const openStatuses: readonly string[] = ["pledged", "in_progress"];`)).toHaveLength(2);
    expect(ownOpenDefinitions(`inArray(commitments.status, ['in_progress', 'pledged'])`)).toHaveLength(1);
    expect(ownOpenDefinitions("sql`status IN ('pledged', 'in_progress')`")).toHaveLength(1);
    expect(ownOpenDefinitions(`function isOverdue(c) { return c.dueOn < today; }`)).toHaveLength(1);
    expect(ownOpenDefinitions(`const isCommitmentOverdue = (c) => true;`)).toHaveLength(1);
    expect(ownOpenDefinitions(`b.byStatus.pledged + b.byStatus.in_progress`)).toHaveLength(1);
    // Other sets of statuses (the lifecycle's unfinished and carriable ones) are different rules.
    expect(ownOpenDefinitions(`["pledged", "in_progress", "partially_fulfilled"]`)).toEqual([]);
    expect(ownOpenDefinitions(`import { isCommitmentOverdue, openCommitmentStatuses } from "./commitment.ts";`)).toEqual([]);
    expect(ownOpenDefinitions(`let overdue = 0; const overdueRange = lt(followUps.dueOn, today);`)).toEqual([]);
  });

  it("app/domain/commitment.ts holds them, and no other module under app/ defines its own", () => {
    const files = sourceFiles(appDir);
    expect(files.length).toBeGreaterThan(100);
    const home = fs.readFileSync(path.join(appDir, HOME), "utf8");
    expect(ownOpenDefinitions(home).length).toBeGreaterThanOrEqual(3);
    const elsewhere = files
      .filter((f) => path.relative(appDir, f) !== HOME)
      .flatMap((f) => ownOpenDefinitions(fs.readFileSync(f, "utf8")).map((hit) => `${path.relative(appDir, f)}: ${hit}`));
    expect(elsewhere).toEqual([]);
  });
});
