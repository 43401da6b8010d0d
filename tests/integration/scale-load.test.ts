// The short form of `npm run test:load` (scripts/load-test.ts): a few seconds of 20 coordinators
// against the production server, then SIGKILL in the middle of a burst of writes.
import { describe, expect, it } from "vitest";
import { runCrashTest, runLoadTest } from "../../scripts/load-test.ts";

describe("concurrency and faults (short form)", () => {
  it("20 coordinators reading and writing at once: every acknowledged write is saved, no update lost, no 5xx, no SQLITE_BUSY", async () => {
    const report = await runLoadTest({ seconds: 3, port: Number(process.env.SCALE_LOAD_PORT ?? 3209) });
    expect(report.problems).toEqual([]);
    expect(report.acknowledgedCreates).toBeGreaterThan(0);
    expect(report.acknowledgedEdits).toBeGreaterThan(0);
  }, 90_000);

  it("after SIGKILL in the middle of a burst of writes and a restart, integrity_check is ok and every acknowledged write is there", async () => {
    const report = await runCrashTest({ port: Number(process.env.SCALE_CRASH_PORT ?? 3210), burstMs: 1000 });
    expect(report.integrity).toBe("ok");
    expect(report.missing).toEqual([]);
    expect(report.problems).toEqual([]);
    expect(report.acknowledgedBeforeKill).toBeGreaterThan(0);
    // SIGKILL during an import's commit: after the restart all of its rows are there or none. The
    // import part must have run (the /imports route exists); a skipped part is a failure, not a pass.
    expect(report.import.ran, report.import.note).toBe(true);
    expect(report.import.expectedRows).toBeGreaterThan(0);
    expect([0, report.import.expectedRows]).toContain(report.import.rowsAfterRestart);
  }, 90_000);
});
