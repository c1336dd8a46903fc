/**
 * Seeded simulation of customers from BG/NBD and Gamma–Gamma, for the parameter recovery tests and the
 * fit benchmark. Each customer: λ ~ Gamma(r, α), p ~ Beta(a, b); purchases arrive as a Poisson process
 * with rate λ and after each purchase the customer drops out with probability p. Spends: ν ~ Gamma(q, γ),
 * each transaction's value ~ Gamma(p, ν).
 */
import { Rng } from "../random/rng";
import { betaVariate, gammaVariate } from "../random/gammaVariate";
import type { BgnbdParams } from "./bgnbdLikelihood";
import type { GammaGammaParams } from "./gammaGammaLikelihood";

export interface SimulatedCustomers {
  x: Float64Array;
  tx: Float64Array;
  T: Float64Array;
}

/**
 * `customers` observed for `observed` time units after their first purchase (one length for all, or one each). With `grid` > 0, purchase
 * times are rounded down to multiples of it and purchases in one cell count once (as purchase days do).
 */
export function simulateBgnbd(params: BgnbdParams, customers: number, observed: number | ArrayLike<number>, seed: number, grid = 0): SimulatedCustomers {
  const rng = new Rng(seed, 1);
  const out = {
    x: new Float64Array(customers),
    tx: new Float64Array(customers),
    T: typeof observed === "number" ? new Float64Array(customers).fill(observed) : Float64Array.from(observed),
  };
  for (let i = 0; i < customers; i++) {
    const T = out.T[i]!;
    const lambda = gammaVariate(rng, params.r, params.alpha);
    const p = betaVariate(rng, params.a, params.b);
    let t = 0;
    let x = 0;
    let last = 0;
    for (;;) {
      t += -Math.log(1 - rng.next()) / lambda;
      if (t > T) break;
      const at = grid > 0 ? Math.floor(t / grid) * grid : t;
      if (at > last || grid === 0) {
        x++;
        last = at;
      }
      if (rng.next() < p) break;
    }
    out.x[i] = x;
    out.tx[i] = last;
  }
  return out;
}

/** Mean spend per repeat transaction for customers with x > 0 transactions each. */
export function simulateSpends(params: GammaGammaParams, x: ArrayLike<number>, seed: number): Float64Array {
  const rng = new Rng(seed, 2);
  return Float64Array.from(x, (n) => {
    const nu = gammaVariate(rng, params.q, params.gamma);
    let sum = 0;
    for (let k = 0; k < n; k++) sum += gammaVariate(rng, params.p, nu);
    return sum / n;
  });
}
