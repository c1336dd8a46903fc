import { describe, expect, it } from "vitest";
import { adjustedRandIndex } from "../../lib/segments/ari";

describe("adjustedRandIndex", () => {
  it("is 1 for identical labelings, whatever the label names", () => {
    expect(adjustedRandIndex([0, 0, 1, 1, 2], [0, 0, 1, 1, 2])).toBe(1);
    expect(adjustedRandIndex([0, 0, 1, 1, 2], ["b", "b", "a", "a", "c"])).toBe(1);
  });

  it("matches a small contingency table worked by hand", () => {
    // a = [0,0,1,1], b = [0,0,1,2]. Cells: (0,0)=2, (1,1)=1, (1,2)=1 → Σ C(nij,2) = 1.
    // Rows 2,2 → Σ C(ai,2) = 2; columns 2,1,1 → Σ C(bj,2) = 1; C(4,2) = 6.
    // Expected = 2·1/6 = 1/3; max = (2+1)/2 = 3/2; ARI = (1 − 1/3)/(3/2 − 1/3) = 4/7.
    expect(adjustedRandIndex([0, 0, 1, 1], [0, 0, 1, 2])).toBeCloseTo(4 / 7, 12);
  });

  it("matches a second hand-worked table with three clusters on one side", () => {
    // a = [0,0,0,1,1,1], b = [0,0,1,1,2,2]. Cells 2,1 | 1,2 → Σ C = 1 + 1 = 2.
    // Rows 3,3 → 3 + 3 = 6; columns 2,2,2 → 3; C(6,2) = 15. Expected = 6·3/15 = 1.2; max = 4.5.
    // ARI = (2 − 1.2)/(4.5 − 1.2) = 0.8/3.3.
    expect(adjustedRandIndex([0, 0, 0, 1, 1, 1], [0, 0, 1, 1, 2, 2])).toBeCloseTo(0.8 / 3.3, 12);
  });

  it("is negative when the labelings disagree more than chance", () => {
    // a = [0,0,1,1], b = [0,1,0,1]: every cell is 1 → Σ C = 0; rows 2, columns 2; expected 2·2/6 = 2/3;
    // max 2; ARI = (0 − 2/3)/(2 − 2/3) = −1/2.
    expect(adjustedRandIndex([0, 0, 1, 1], [0, 1, 0, 1])).toBeCloseTo(-0.5, 12);
  });

  it("is 1 in the 0/0 special cases, as in scikit-learn", () => {
    expect(adjustedRandIndex([0, 0, 0], [5, 5, 5])).toBe(1); // one cluster each
    expect(adjustedRandIndex([0, 1, 2], [2, 0, 1])).toBe(1); // all singletons each
    expect(adjustedRandIndex([7], [3])).toBe(1);
  });

  it("is symmetric", () => {
    const a = [0, 1, 1, 2, 2, 2, 0, 1];
    const b = [1, 1, 0, 0, 2, 2, 1, 0];
    expect(adjustedRandIndex(a, b)).toBeCloseTo(adjustedRandIndex(b, a), 12);
  });

  it("refuses labelings of different lengths", () => {
    expect(() => adjustedRandIndex([0, 1], [0])).toThrow(RangeError);
  });
});
