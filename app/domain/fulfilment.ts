// The fulfilment rate of a set of commitments — defined here, once, for the reports, the
// exports and the tests (docs/decisions/005-fulfilment-rate.md).
import type { CommitmentStatus } from "./enums.ts";

export type StatusCounts = Partial<Record<CommitmentStatus, number>>;

/**
 * fulfilment rate = (fulfilled + ½ · partially fulfilled) / (all commitments − withdrawn), in percent,
 * rounded to one decimal; null when nothing counts (no commitments, or all withdrawn).
 *
 * Why: a withdrawn pledge was taken back openly and is no longer owed, so it leaves the
 * denominator; a pledge still pledged / in progress / not fulfilled is owed and not kept, so it
 * stays in. A partial fulfilment keeps half of the promise. The status is the commitment's
 * current one, whether or not a partner's self-report behind it is verified yet (the report
 * shows the unverified ones beside the rate).
 */
export function fulfilmentRate(counts: StatusCounts): number | null {
  const total = Object.values(counts).reduce((sum, n) => sum + (n ?? 0), 0);
  const counted = total - (counts.withdrawn ?? 0);
  if (counted <= 0) return null;
  const kept = (counts.fulfilled ?? 0) + 0.5 * (counts.partially_fulfilled ?? 0);
  return Math.round((kept / counted) * 1000) / 10;
}
