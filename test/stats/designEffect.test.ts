import { describe, expect, it } from "vitest";
import { designEffect } from "../../lib/stats/designEffect";

/** Cluster sums from (units, converted) per cluster. */
const sums = (clusters: [number, number][]) => ({
  units: clusters.reduce((s, [n]) => s + n, 0),
  converted: clusters.reduce((s, [, y]) => s + y, 0),
  clusters: clusters.length,
  sumUnitsSquared: clusters.reduce((s, [n]) => s + n * n, 0),
  sumConvertedSquared: clusters.reduce((s, [, y]) => s + y * y, 0),
  sumUnitsConverted: clusters.reduce((s, [n, y]) => s + n * y, 0),
});

describe("designEffect", () => {
  it("is 2 when each of two users either always or never converts", () => {
    // (2 units, 2 converted) and (2, 0): r = 0.5; Σ(y − r·n)² = 1 + 1 = 2; V = 2/16 = 0.125;
    // binomial 0.25/4 = 0.0625; ratio 2.
    expect(designEffect(sums([[2, 2], [2, 0]]))).toBeCloseTo(2, 12);
  });
  it("is exactly 1 with one unit per user", () => {
    expect(designEffect(sums([[1, 1], [1, 0], [1, 0], [1, 1], [1, 0]]))).toBeCloseTo(1, 12);
  });
  it("is 67/42 for the hand-worked clusters (2,2) (2,0) (1,1) (1,0) (1,0)", () => {
    // r = 3/7; Σ(y − r·n)² = (64 + 36 + 16 + 9 + 9)/49 = 134/49; V = 134/49/49 = 134/2401;
    // binomial = (3/7)(4/7)/7 = 12/343; ratio = 134·343/(2401·12) = 67/42 ≈ 1.595238.
    expect(designEffect(sums([[2, 2], [2, 0], [1, 1], [1, 0], [1, 0]]))).toBeCloseTo(67 / 42, 10);
  });
  it("never goes below 1", () => {
    // Clusters more alike than chance: r = 0.6, V = 0.24/25, binomial 0.048, raw ratio 0.2; floored.
    expect(designEffect(sums([[2, 1], [2, 1], [1, 1]]))).toBe(1);
  });
  it("is null (not estimable from the group) at rate 0 or 1 or with a single user", () => {
    expect(designEffect(sums([[3, 0], [2, 0]]))).toBeNull();
    expect(designEffect(sums([[3, 3], [1, 1]]))).toBeNull();
    expect(designEffect(sums([[8, 8]]))).toBeNull();
    expect(designEffect(sums([[8, 4]]))).toBeNull();
  });
});
