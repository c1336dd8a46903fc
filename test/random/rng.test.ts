import { describe, expect, it } from "vitest";
import { Rng, cumulativeWeights } from "../../lib/random/rng";

describe("Rng", () => {
  it("repeats a sequence for the same seed and stream, and differs across streams", () => {
    const draw = (seed: number, stream: number) => Array.from({ length: 5 }, ((r) => () => r.nextUint32())(new Rng(seed, stream)));
    expect(draw(42, 1)).toEqual(draw(42, 1));
    expect(draw(42, 1)).not.toEqual(draw(42, 2));
    expect(draw(42, 1)).not.toEqual(draw(43, 1));
  });

  it("draws uniform numbers in [0, 1) with mean 1/2 and variance 1/12", () => {
    const rng = new Rng(1);
    const n = 200_000;
    let sum = 0;
    let squares = 0;
    let min = Infinity;
    let max = -Infinity;
    for (let i = 0; i < n; i++) {
      const x = rng.next();
      min = Math.min(min, x);
      max = Math.max(max, x);
      sum += x;
      squares += x * x;
    }
    expect(min).toBeGreaterThanOrEqual(0);
    expect(max).toBeLessThan(1);
    const mean = sum / n;
    // Standard error of the mean is sqrt(1/12/n) ≈ 0.00065; 5 of them.
    expect(Math.abs(mean - 0.5)).toBeLessThan(0.0033);
    expect(Math.abs(squares / n - mean * mean - 1 / 12)).toBeLessThan(0.002);
  });

  it("draws Poisson and geometric counts with the requested mean", () => {
    const rng = new Rng(2);
    const n = 100_000;
    let poisson = 0;
    let geometric = 0;
    for (let i = 0; i < n; i++) {
      poisson += rng.poisson(3.5);
      geometric += rng.geometric(2);
    }
    expect(poisson / n).toBeCloseTo(3.5, 1);
    expect(geometric / n).toBeCloseTo(2, 1);
  });

  it("picks indices in proportion to their weights, never a zero-weight one", () => {
    const rng = new Rng(3);
    const cdf = cumulativeWeights([1, 0, 3]);
    const counts = [0, 0, 0];
    for (let i = 0; i < 40_000; i++) counts[rng.pick(cdf)]!++;
    expect(counts[1]).toBe(0);
    expect(counts[2]! / counts[0]!).toBeGreaterThan(2.8);
    expect(counts[2]! / counts[0]!).toBeLessThan(3.2);
  });

  it("refuses negative or all-zero weights", () => {
    expect(() => cumulativeWeights([1, -1])).toThrow(/non-negative/);
    expect(() => cumulativeWeights([0, 0])).toThrow(/sum to zero/);
  });
});
