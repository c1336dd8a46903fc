import { describe, expect, it } from "vitest";
import { bgnbdLogLikelihood, bgnbdLogLikelihoodOne, prepareGroups } from "../../lib/predict/bgnbdLikelihood";
import { gammaGammaLogLikelihood, gammaGammaLogLikelihoodOne } from "../../lib/predict/gammaGammaLikelihood";
import { groupCustomers } from "../../lib/predict/groups";
import { probabilityAlive } from "../../lib/predict/bgnbdExpectations";

/** Composite Simpson's rule on [lo, hi] with n (even) intervals. */
function simpson(f: (u: number) => number, lo: number, hi: number, n = 20_000): number {
  const h = (hi - lo) / n;
  let sum = f(lo) + f(hi);
  for (let i = 1; i < n; i++) sum += (i % 2 ? 4 : 2) * f(lo + i * h);
  return (sum * h) / 3;
}

// Integer shapes keep the mixing densities free of log-gamma, so the check shares no code with the model:
// λ ~ Gamma(r = 2, α = 3): 9 λ e^(−3λ); p ~ Beta(2, 3): p (1−p)² / B(2, 3) = 12 p (1−p)².
const params = { r: 2, alpha: 3, a: 2, b: 3 };
const lambdaDensity = (l: number) => 9 * l * Math.exp(-3 * l);
const pDensity = (p: number) => 12 * p * (1 - p) ** 2;

/** L(x, t_x, T) = E[(1−p)^x λ^x e^(−λT)] + [x>0] E[p (1−p)^(x−1) λ^x e^(−λ t_x)], by quadrature over λ and p. */
function likelihoodByQuadrature(x: number, tx: number, T: number): { total: number; alive: number } {
  const poissonT = simpson((l) => l ** x * Math.exp(-l * T) * lambdaDensity(l), 0, 40);
  const stayed = simpson((p) => (1 - p) ** x * pDensity(p), 0, 1);
  const alive = poissonT * stayed;
  if (x === 0) return { total: alive, alive };
  const poissonTx = simpson((l) => l ** x * Math.exp(-l * tx) * lambdaDensity(l), 0, 40);
  const dropped = simpson((p) => p * (1 - p) ** (x - 1) * pDensity(p), 0, 1);
  return { total: alive + poissonTx * dropped, alive };
}

describe("BG/NBD log-likelihood", () => {
  for (const [x, tx, T] of [
    [0, 0, 5],
    [1, 2, 6],
    [3, 4.5, 10],
    [7, 20, 39],
  ] as const) {
    it(`matches the integral over λ and p for x=${x}, t_x=${tx}, T=${T}`, () => {
      const { total, alive } = likelihoodByQuadrature(x, tx, T);
      expect(bgnbdLogLikelihoodOne(params, x, tx, T)).toBeCloseTo(Math.log(total), 8);
      // P(alive) is the share of the likelihood from the still-active branch.
      expect(probabilityAlive(params, x, tx, T)).toBeCloseTo(alive / total, 8);
    });
  }

  it("the grouped sum equals the sum over customers, and stays finite for heavy buyers", () => {
    const x = [0, 0, 2, 2, 2, 150];
    const tx = [0, 0, 3, 3, 7, 38];
    const T = [10, 10, 12, 12, 12, 39];
    const groups = groupCustomers(x, tx, T);
    expect(Array.from(groups.count)).toEqual([2, 2, 1, 1]);
    const cdnow = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
    const direct = x.reduce((sum, xi, i) => sum + bgnbdLogLikelihoodOne(cdnow, xi, tx[i]!, T[i]!), 0);
    const grouped = bgnbdLogLikelihood(cdnow, prepareGroups(groups));
    expect(grouped).toBeCloseTo(direct, 9);
    expect(Number.isFinite(grouped)).toBe(true);
  });
});

describe("Gamma–Gamma log-likelihood", () => {
  const gg = { p: 3, q: 4, gamma: 10 };
  it("for one transaction equals the spend's marginal density ∫ Gamma(z; p, ν) Gamma(ν; q, γ) dν", () => {
    for (const z of [0.5, 3, 12]) {
      // Gamma(z; 3, ν) = ν³ z² e^(−νz) / 2; Gamma(ν; 4, 10) = 10⁴ ν³ e^(−10ν) / 6.
      const density = simpson((nu) => ((nu ** 3 * z ** 2 * Math.exp(-nu * z)) / 2) * ((1e4 * nu ** 3 * Math.exp(-10 * nu)) / 6), 0, 30);
      expect(gammaGammaLogLikelihoodOne(gg, 1, z)).toBeCloseTo(Math.log(density), 8);
    }
  });

  it("is a density of the mean: it integrates to one over m̄ for x = 3", () => {
    const integral = simpson((m) => Math.exp(gammaGammaLogLikelihoodOne(gg, 3, m)), 1e-9, 400, 200_000);
    // The tail beyond 400 falls like m̄^−(q+1) and holds about 2e-6 of the mass.
    expect(integral).toBeCloseTo(1, 5);
  });

  it("the batch sum equals the sum of single customers", () => {
    const x = Float64Array.from([1, 2, 2, 5]);
    const mean = Float64Array.from([4, 7.5, 3, 11]);
    const direct = [...x].reduce((s, xi, i) => s + gammaGammaLogLikelihoodOne(gg, xi, mean[i]!), 0);
    expect(gammaGammaLogLikelihood(gg, { x, mean })).toBeCloseTo(direct, 10);
  });
});
