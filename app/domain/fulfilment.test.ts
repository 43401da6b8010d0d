import { describe, expect, it } from "vitest";
import { fulfilmentRate } from "./fulfilment.ts";

describe("fulfilment rate", () => {
  it("counts partial fulfilment as half and leaves withdrawn commitments out", () => {
    // (4 + 0.5·2) / (11 − 2) = 5/9
    expect(fulfilmentRate({ fulfilled: 4, partially_fulfilled: 2, withdrawn: 2, in_progress: 2, not_fulfilled: 1 })).toBe(55.6);
  });
  it("is null when nothing is owed", () => {
    expect(fulfilmentRate({})).toBeNull();
    expect(fulfilmentRate({ withdrawn: 3 })).toBeNull();
  });
  it("is 100 when everything owed was fulfilled", () => {
    expect(fulfilmentRate({ fulfilled: 2, withdrawn: 1 })).toBe(100);
  });
});
