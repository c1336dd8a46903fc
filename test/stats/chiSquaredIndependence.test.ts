import { describe, expect, it } from "vitest";
import { chiSquaredIndependence } from "../../lib/stats/chiSquaredIndependence.js";

describe("chiSquaredIndependence", () => {
  it("2×3 worked example: χ² = 12.5, df = 2, p = e^{−6.25}", () => {
    // converted 10/20/30 of 100 each: overall 60/300 = 0.2, so expected converted 20 and not 80 per column.
    // χ² = 10²/20 + 0 + 10²/20 + 10²/80 + 0 + 10²/80 = 5 + 5 + 1.25 + 1.25 = 12.5; df = (2−1)(3−1) = 2;
    // for df 2 the survival function is e^{−x/2} = e^{−6.25} = 0.0019304541.
    const t = chiSquaredIndependence([
      [10, 20, 30],
      [90, 80, 70],
    ]);
    expect(t.statistic).toBeCloseTo(12.5, 12);
    expect(t.df).toBe(2);
    expect(t.pValue).toBeCloseTo(0.0019304541, 9);
  });

  it("a 2×2 table gives the square of the pooled two-proportion z (1.632993² = 2.666667)", () => {
    // Same data as the z-test example: 30/100 vs 20/100; (0.1)² / 0.00375 = 2.666667.
    const t = chiSquaredIndependence([
      [30, 20],
      [70, 80],
    ]);
    expect(t.statistic).toBeCloseTo(8 / 3, 10);
    expect(t.df).toBe(1);
    expect(t.pValue).toBeCloseTo(0.10247, 4);
  });

  it("drops empty columns and returns p = 1 when nothing varies", () => {
    const withEmpty = chiSquaredIndependence([
      [10, 0, 30],
      [90, 0, 70],
    ]);
    expect(withEmpty.df).toBe(1);
    // 10/100 vs 30/100: pooled 0.2; χ² = (10−20)²/20·2 + (90−80)²/80·2 = 10 + 2.5 = 12.5.
    expect(withEmpty.statistic).toBeCloseTo(12.5, 10);
    expect(
      chiSquaredIndependence([
        [0, 0],
        [5, 7],
      ]),
    ).toEqual({ statistic: 0, df: 0, pValue: 1 });
  });
});
