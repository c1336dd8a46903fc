import { describe, expect, it } from "vitest";
import { WILSON_Z, wilsonInterval } from "../../lib/stats/wilsonInterval.js";

// z² = 1.959964² = 3.8416 − 2·1.96·0.000036 + 0.000036² = 3.8414588813 (worked by hand).
const Z2 = 3.8414588813;

describe("wilsonInterval", () => {
  it("uses z = 1.959964 by default", () => {
    expect(WILSON_Z).toBe(1.959964);
  });

  it("0/10: lower bound exactly 0, upper bound z²/(n + z²)", () => {
    // With p = 0 the centre and half-width are equal, so low = 0 and high = 2·centre = z²/(n + z²)
    // = 3.8414588813 / 13.8414588813 = 0.277533.
    const w = wilsonInterval(0, 10);
    expect(w.rate).toBe(0);
    expect(w.low).toBe(0);
    expect(w.high).toBeCloseTo(Z2 / (10 + Z2), 9);
    expect(w.high).toBeCloseTo(0.277533, 6);
  });

  it("10/10: upper bound exactly 1, lower bound n/(n + z²)", () => {
    // Mirror image of 0/10: low = 1 − 0.277533 = 10 / 13.8414588813 = 0.722467.
    const w = wilsonInterval(10, 10);
    expect(w.rate).toBe(1);
    expect(w.high).toBe(1);
    expect(w.low).toBeCloseTo(0.722467, 6);
  });

  it("5/10 is symmetric around 0.5 and matches the published [0.2366, 0.7634]", () => {
    // centre = 0.5 exactly; half = z/(1 + z²/10) · sqrt(0.025 + z²/400)
    //        = 1.959964/1.38414589 · sqrt(0.0346036472) = 1.4160113 · 0.1860206 = 0.2634073.
    const w = wilsonInterval(5, 10);
    expect(w.rate).toBe(0.5);
    expect(w.low).toBeCloseTo(0.5 - 0.2634073, 6);
    expect(w.high).toBeCloseTo(0.5 + 0.2634073, 6);
    expect(w.low).toBeCloseTo(0.2366, 4);
    expect(w.high).toBeCloseTo(0.7634, 4);
  });

  it("1/1000 stays inside [0, 1] where the Wald interval would go negative", () => {
    const w = wilsonInterval(1, 1000);
    expect(w.low).toBeGreaterThan(0);
    expect(w.low).toBeLessThan(0.001);
    expect(w.high).toBeGreaterThan(0.001);
  });

  it("n = 0: rate null, interval the whole [0, 1]", () => {
    expect(wilsonInterval(0, 0)).toEqual({ rate: null, low: 0, high: 1 });
  });

  it("rejects impossible counts", () => {
    expect(() => wilsonInterval(11, 10)).toThrow(RangeError);
    expect(() => wilsonInterval(-1, 10)).toThrow(RangeError);
  });
});
