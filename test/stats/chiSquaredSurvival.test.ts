import { describe, expect, it } from "vitest";
import { chiSquaredSurvival } from "../../lib/stats/chiSquaredSurvival.js";
import { logGamma } from "../../lib/stats/logGamma.js";
import { regularizedGammaQ } from "../../lib/stats/regularizedGammaQ.js";

describe("chiSquaredSurvival", () => {
  it("returns 0.05 at the tabulated 95% critical values", () => {
    // χ² table: df 1 → 3.841459, df 5 → 11.070498, df 10 → 18.307038.
    expect(chiSquaredSurvival(3.841459, 1)).toBeCloseTo(0.05, 7);
    expect(chiSquaredSurvival(11.070498, 5)).toBeCloseTo(0.05, 7);
    expect(chiSquaredSurvival(18.307038, 10)).toBeCloseTo(0.05, 7);
  });

  it("returns 0.01 at the tabulated 99% critical value for df 1 (6.634897)", () => {
    expect(chiSquaredSurvival(6.634897, 1)).toBeCloseTo(0.01, 7);
  });

  it("has closed forms for even df: df 2 → e^{−x/2}, df 4 → e^{−x/2}(1 + x/2)", () => {
    for (const x of [0.1, 1, 2, 7.5, 30, 200]) {
      expect(chiSquaredSurvival(x, 2) / Math.exp(-x / 2)).toBeCloseTo(1, 12);
      expect(chiSquaredSurvival(x, 4) / (Math.exp(-x / 2) * (1 + x / 2))).toBeCloseTo(1, 12);
    }
  });

  it("is 1 at a statistic of 0", () => {
    expect(chiSquaredSurvival(0, 3)).toBe(1);
  });
});

describe("regularizedGammaQ and logGamma", () => {
  it("logGamma hits Γ(1/2) = √π and Γ(5) = 24", () => {
    expect(logGamma(0.5)).toBeCloseTo(0.5 * Math.log(Math.PI), 14);
    expect(logGamma(5)).toBeCloseTo(Math.log(24), 13);
    expect(logGamma(1)).toBeCloseTo(0, 14);
  });

  it("Q(1, x) = e^{−x} on both sides of the series / continued-fraction switch at x = a + 1", () => {
    for (const x of [0.5, 1.999, 2, 2.001, 10]) expect(regularizedGammaQ(1, x) / Math.exp(-x)).toBeCloseTo(1, 12);
  });
});
