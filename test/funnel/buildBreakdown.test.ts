import { describe, expect, it } from "vitest";
import type { BreakdownCountRow } from "../../lib/funnel/breakdownCountsSql.js";
import { adjustChiSquaredAcross, buildBreakdown } from "../../lib/funnel/buildBreakdown.js";

const rows: BreakdownCountRow[] = [
  { attribute: "gender", value: "A", units: 100, converted: 50 },
  { attribute: "gender", value: "C", units: 100, converted: 90 },
  { attribute: "gender", value: "B", units: 100, converted: 52 },
  { attribute: "gender", value: null, units: 7, converted: 7 },
  { attribute: "segment", value: null, units: 307, converted: 199 },
];

// These rows carry no per-user sums: units are independent (one per user), and every group is tested
// (minimum 1 user) so the arithmetic below stays small; the minimum is tested in frequentVisitors.test.ts.
describe("buildBreakdown", () => {
  const b = buildBreakdown("gender", rows, 1)!;

  it("orders values by name with the missing group last, shown but untested", () => {
    expect(b.values.map((v) => [v.value, v.tested])).toEqual([
      ["A", true],
      ["B", true],
      ["C", true],
      ["Unknown", false],
    ]);
  });

  it("tests every pair of tested values and applies Benjamini–Hochberg within the breakdown", () => {
    // A–B: pooled 0.51, z = −0.02/√(0.51·0.49·0.02) = −0.282899, p = 0.777254.
    // A–C: pooled 0.70, z = −0.40/√0.0042 = −6.172134, p ≈ 6.7e-10.
    // B–C: pooled 0.71, z = −0.38/√0.004118 = −5.921619, p ≈ 3.2e-9.
    // BH (m = 3): A–C ×3/1, B–C ×3/2, A–B ×3/3 → only A–B stays above 0.05 (0.777254).
    expect(b.comparisons.map((c) => [c.a, c.b, c.significant])).toEqual([
      ["A", "B", false],
      ["A", "C", true],
      ["B", "C", true],
    ]);
    const [ab, ac, bc] = b.comparisons;
    expect(ab!.z).toBeCloseTo(-0.282899, 5);
    expect(ab!.p_adjusted).toBeCloseTo(0.777254, 5);
    expect(ac!.z).toBeCloseTo(-6.172134, 5);
    expect(ac!.p_adjusted).toBeCloseTo(3 * ac!.p_value, 15);
    expect(bc!.p_adjusted).toBeCloseTo(1.5 * bc!.p_value, 15);
    expect(ab!.difference).toBeCloseTo(-0.02, 12);
  });

  it("runs a 2×k chi-squared test over the tested values only", () => {
    // converted 50/52/90 of 100 each (Unknown excluded): overall 192/300 = 0.64, expected 64 / 36.
    // χ² = (14² + 12² + 26²)/64 + (14² + 12² + 26²)/36 = 1016/64 + 1016/36 = 15.875 + 28.2222 = 44.0972.
    expect(b.chi_squared!.statistic).toBeCloseTo(44.097222, 5);
    expect(b.chi_squared!.df).toBe(2);
    // df 2: p = e^{−x/2}.
    expect(b.chi_squared!.p_value).toBeCloseTo(Math.exp(-44.097222 / 2), 15);
  });

  it("omits an attribute that is missing for every unit", () => {
    expect(buildBreakdown("segment", rows)).toBeNull();
    expect(buildBreakdown("location", rows)).toBeNull();
  });

  it("adjusts chi-squared p-values across breakdowns as one family", () => {
    const weak = buildBreakdown("age_band", [
      { attribute: "age_band", value: "18–24", units: 10, converted: 5 },
      { attribute: "age_band", value: "25–34", units: 10, converted: 5 },
    ], 1)!;
    // Equal rates: χ² = 0, p = 1. Family of 2: [tiny, 1] → tiny × 2, 1.
    const [strong, flat] = adjustChiSquaredAcross([b, weak]);
    expect(flat!.chi_squared!.p_adjusted).toBe(1);
    expect(strong!.chi_squared!.p_adjusted).toBeCloseTo(2 * b.chi_squared!.p_value, 15);
    expect(strong!.chi_squared!.significant).toBe(true);
  });
});
