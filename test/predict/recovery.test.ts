import { describe, expect, it } from "vitest";
import { conditionalExpectedTransactions, expectedTransactions } from "../../lib/predict/bgnbdExpectations";
import { fitBgnbd } from "../../lib/predict/fitBgnbd";
import { fitGammaGamma } from "../../lib/predict/fitGammaGamma";
import { groupCustomers } from "../../lib/predict/groups";
import { simulateBgnbd, simulateSpends } from "../../lib/predict/simulate";

// The published CDNOW estimates (Fader, Hardie & Lee 2005) and the Gamma–Gamma spend parameters of
// Fader & Hardie's note on the same data.
const CDNOW = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
const SPEND = { p: 6.25, q: 3.74, gamma: 15.44 };

describe("parameter recovery from a seeded simulation", () => {
  const customers = simulateBgnbd(CDNOW, 20_000, 39, 20260101);

  it("BG/NBD: each of r, α, a, b within two standard errors of the truth", () => {
    const fit = fitBgnbd(groupCustomers(customers.x, customers.tx, customers.T));
    expect(fit.converged).toBe(true);
    expect(fit.n).toBe(20_000);
    for (const name of ["r", "alpha", "a", "b"] as const) {
      const se = fit.standardErrors[name];
      expect(se).toBeGreaterThan(0);
      expect(Math.abs(fit.params[name] - CDNOW[name])).toBeLessThanOrEqual(2 * se);
    }
  });

  it("Gamma–Gamma: each of p, q, γ within two standard errors of the truth", () => {
    const repeat = Float64Array.from([...customers.x].filter((x) => x > 0));
    const mean = simulateSpends(SPEND, repeat, 7);
    const fit = fitGammaGamma({ x: repeat, mean });
    expect(fit.converged).toBe(true);
    for (const name of ["p", "q", "gamma"] as const) {
      const se = fit.standardErrors[name];
      expect(se).toBeGreaterThan(0);
      expect(Math.abs(fit.params[name] - SPEND[name])).toBeLessThanOrEqual(2 * se);
    }
  });
});

describe("BG/NBD expectations", () => {
  it("E[X(t)] matches the simulated mean number of repeat purchases", () => {
    const sim = simulateBgnbd(CDNOW, 100_000, 20, 99);
    const mean = sim.x.reduce((s, v) => s + v, 0) / sim.x.length;
    const sd = Math.sqrt(sim.x.reduce((s, v) => s + (v - mean) ** 2, 0) / (sim.x.length - 1));
    expect(Math.abs(expectedTransactions(CDNOW, 20) - mean)).toBeLessThan(3 * (sd / Math.sqrt(sim.x.length)));
  });

  it("E[Y(t) | x = 0, T = 0] is E[X(t)] (nothing learnt yet)", () => {
    expect(conditionalExpectedTransactions(CDNOW, 13, 0, 0, 0)).toBeCloseTo(expectedTransactions(CDNOW, 13), 12);
  });

  it("a customer silent for long after frequent buying is expected to buy less than a recent one", () => {
    const recent = conditionalExpectedTransactions(CDNOW, 39, 5, 30, 32);
    const silent = conditionalExpectedTransactions(CDNOW, 39, 5, 5, 32);
    expect(silent).toBeLessThan(recent);
  });
});
