import { describe, expect, it } from "vitest";
import { commitmentStatuses } from "./enums.ts";
import {
  allowedTargets,
  decideTransition,
  finishedStatuses,
  partnerProposableStatuses,
  statusActorNames,
  transitionRules,
  unfinishedStatuses,
} from "./commitment-lifecycle.ts";

describe("the commitment lifecycle table", () => {
  it("decides every (actor, from, to), and every rule decides at least one of them", () => {
    const used = new Set<number>();
    for (const actor of statusActorNames) {
      for (const from of commitmentStatuses) {
        for (const to of commitmentStatuses) {
          const outcome = decideTransition(actor, from, to);
          // Each rule has its own outcome object: the one returned names the rule that decided.
          used.add(transitionRules.findIndex((r) => r.outcome === outcome));
        }
      }
    }
    expect(used.size).toBe(transitionRules.length);
  });

  it("every status is finished or unfinished, never both", () => {
    expect([...finishedStatuses, ...unfinishedStatuses].sort()).toEqual([...commitmentStatuses].sort());
  });

  it("a finished status moves to another only by reopening it", () => {
    for (const from of finishedStatuses) {
      for (const actor of statusActorNames.filter((a) => a !== "reopen" && a !== "return")) {
        expect(allowedTargets(actor, from).filter((to) => to !== from), `${actor} from ${from}`).toEqual([]);
      }
      expect(allowedTargets("reopen", from)).toEqual([...unfinishedStatuses]);
    }
  });

  it("a partner proposes in progress, fulfilled, partially fulfilled or not fulfilled — never pledged or withdrawn", () => {
    expect([...partnerProposableStatuses].sort()).toEqual(["fulfilled", "in_progress", "not_fulfilled", "partially_fulfilled"]);
  });
});
