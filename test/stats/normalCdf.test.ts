import { describe, expect, it } from "vitest";
import { erfc } from "../../lib/stats/erfc.js";
import { normalCdf } from "../../lib/stats/normalCdf.js";

describe("normalCdf", () => {
  it("Φ(0) = 1/2 by symmetry", () => {
    expect(normalCdf(0)).toBeCloseTo(0.5, 15);
  });

  it("Φ(1.959964) = 0.975, the quantile the Wilson z is taken from", () => {
    expect(normalCdf(1.959964)).toBeCloseTo(0.975, 8);
  });

  it("matches standard tables at ±1 and −3", () => {
    // Φ(1) = 0.8413447460685429, Φ(−3) = 0.0013498980316301 (standard normal tables, 16 digits).
    expect(normalCdf(1)).toBeCloseTo(0.8413447460685429, 13);
    expect(normalCdf(-1)).toBeCloseTo(1 - 0.8413447460685429, 13);
    expect(normalCdf(-3)).toBeCloseTo(0.0013498980316301, 15);
  });

  it("keeps relative precision far in the tail: erfc(5) = 1.5374597944280349e-12", () => {
    expect(erfc(5) / 1.5374597944280349e-12).toBeCloseTo(1, 10);
    expect(erfc(-5)).toBeCloseTo(2 - 1.5374597944280349e-12, 15);
  });
});
