import { describe, expect, it } from "vitest";
import { twoProportionZTest } from "../../lib/stats/twoProportionZTest.js";

describe("twoProportionZTest", () => {
  it("30/100 vs 20/100: z = 1.632993, two-sided p = 0.10247", () => {
    // pooled p = 50/200 = 0.25; se = sqrt(0.25·0.75·(1/100 + 1/100)) = sqrt(0.00375) = 0.0612372;
    // z = 0.10/0.0612372 = 1.632993. Table: Φ(1.63) = 0.94845, Φ(1.64) = 0.94950, so
    // Φ(1.633) ≈ 0.948765 and p = 2·(1 − 0.948765) = 0.10247.
    const t = twoProportionZTest(30, 100, 20, 100);
    expect(t.z).toBeCloseTo(1.632993, 6);
    expect(t.pValue).toBeCloseTo(0.10247, 4);
  });

  it("is antisymmetric in z and symmetric in p", () => {
    const a = twoProportionZTest(30, 100, 20, 100);
    const b = twoProportionZTest(20, 100, 30, 100);
    expect(b.z).toBeCloseTo(-a.z, 12);
    expect(b.pValue).toBeCloseTo(a.pValue, 12);
  });

  it("equal rates give z = 0, p = 1", () => {
    const t = twoProportionZTest(10, 50, 20, 100);
    expect(t.z).toBe(0);
    expect(t.pValue).toBeCloseTo(1, 12);
  });

  it("no variability (both 0%, or an empty group) is reported as no evidence: z = 0, p = 1", () => {
    expect(twoProportionZTest(0, 10, 0, 20)).toEqual({ z: 0, pValue: 1 });
    expect(twoProportionZTest(10, 10, 20, 20)).toEqual({ z: 0, pValue: 1 });
    expect(twoProportionZTest(0, 0, 3, 20)).toEqual({ z: 0, pValue: 1 });
  });
});
