// The segment spreads (q1, median, q3) use d3-array's quantileSorted. These pin it to the definition we
// publish (R-7: linear interpolation between order statistics at position (n − 1)·p, numpy's default),
// by hand-worked values and against that formula on random data, bit for bit.
import { quantileSorted } from "d3";
import { describe, expect, it } from "vitest";
import { Rng } from "../../lib/random/rng";

/** profile.ts passes a sorted Float64Array; @types/d3-array declares an Array. */
const asArray = (values: Float64Array) => values as unknown as number[];

/** R-7 written out from its definition (Hyndman & Fan 1996), the reference d3 must match. */
function r7(sorted: ArrayLike<number>, p: number): number {
  const position = (sorted.length - 1) * p;
  const lower = Math.floor(position);
  const upper = Math.min(lower + 1, sorted.length - 1);
  return sorted[lower]! + (sorted[upper]! - sorted[lower]!) * (position - lower);
}

describe("quantileSorted(values, p) from d3", () => {
  it("interpolates between order statistics: hand-worked values", () => {
    // [1, 2, 3, 4]: position (4 − 1)·0.3 = 0.9 → 1 + 0.9·(2 − 1) = 1.9 (numpy.quantile gives 1.9).
    expect(quantileSorted([1, 2, 3, 4], 0.3)).toBeCloseTo(1.9, 12);
    // [0, 10, 20, 30, 100]: q1 at position 1 = 10, median 20, q3 at position 3 = 30.
    expect(quantileSorted([0, 10, 20, 30, 100], 0.25)).toBe(10);
    expect(quantileSorted([0, 10, 20, 30, 100], 0.5)).toBe(20);
    expect(quantileSorted([0, 10, 20, 30, 100], 0.75)).toBe(30);
    // Even count: the median is the mean of the middle two.
    expect(quantileSorted(asArray(Float64Array.from([2, 4, 6, 8])), 0.5)).toBe(5);
    // One value is every quantile.
    expect(quantileSorted(asArray(Float64Array.from([7])), 0.25)).toBe(7);
  });

  it("equals the R-7 formula bit for bit on random sorted Float64Arrays", () => {
    const rng = new Rng(20260);
    const random = () => rng.next();
    for (let trial = 0; trial < 500; trial++) {
      const n = 1 + Math.floor(random() * 60);
      const values = Float64Array.from({ length: n }, () => (random() < 0.3 ? Math.floor(random() * 5) : Math.exp(random() * 8) - 1));
      values.sort();
      for (const p of [0, 0.1, 0.25, 0.5, 0.75, 0.9, 1, random()]) {
        expect(quantileSorted(asArray(values), p)).toBe(r7(values, p));
      }
    }
  });
});
