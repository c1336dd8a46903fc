import { describe, expect, it } from "vitest";
import { denseMatrix } from "../../lib/segments/matrix";
import { columnMoments, transformFeatures, zScores } from "../../lib/segments/standardize";

describe("transformFeatures", () => {
  it("applies log1p only to the columns marked for it", () => {
    const raw = denseMatrix(2, 2, Float64Array.from([0, 5, Math.E - 1, 7]));
    const out = transformFeatures(raw, ["log1p", "none"]);
    expect(Array.from(out.data)).toEqual([0, 5, 1, 7]);
  });

  it("refuses negative values under log1p", () => {
    expect(() => transformFeatures(denseMatrix(1, 1, Float64Array.from([-2])), ["log1p"])).toThrow(RangeError);
  });
});

describe("z-scores", () => {
  it("use the population standard deviation (divide by n)", () => {
    // Column 1, 2, 3: mean 2, population variance (1 + 0 + 1)/3 = 2/3.
    const m = denseMatrix(3, 1, Float64Array.from([1, 2, 3]));
    const moments = columnMoments(m);
    expect(moments.means[0]).toBe(2);
    expect(moments.sds[0]).toBeCloseTo(Math.sqrt(2 / 3), 12);
    const z = zScores(m, moments);
    expect(z.data[0]).toBeCloseTo(-1 / Math.sqrt(2 / 3), 12);
    expect(z.data[1]).toBe(0);
    expect(z.data[2]).toBeCloseTo(1 / Math.sqrt(2 / 3), 12);
  });

  it("give 0 (not NaN) on a zero-variance column and record sd 0", () => {
    const m = denseMatrix(3, 2, Float64Array.from([4, 1, 4, 2, 4, 3]));
    const moments = columnMoments(m);
    expect(moments.sds[0]).toBe(0);
    const z = zScores(m, moments);
    expect([z.data[0], z.data[2], z.data[4]]).toEqual([0, 0, 0]);
    expect(Array.from(z.data).every(Number.isFinite)).toBe(true);
  });

  it("treat float noise on a constant column as zero variance", () => {
    const value = 0.1 + 0.2; // 0.30000000000000004: sums of it drift
    const m = denseMatrix(7, 1, new Float64Array(7).fill(value));
    expect(columnMoments(m).sds[0]).toBe(0);
  });
});
