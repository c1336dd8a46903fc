/**
 * Two-sided two-proportion z test with the pooled standard error (the textbook test of H0: p1 = p2,
 * equivalent to the 2×2 chi-squared test without continuity correction: z² = χ²).
 */
import { erfc } from "./erfc.js";

export interface TwoProportionTest {
  /** (p1 − p2) / pooled standard error; 0 when there is no evidence at all (see below). */
  z: number;
  /** Two-sided: P(|Z| ≥ |z|) = erfc(|z| / √2). */
  pValue: number;
}

/**
 * An empty group, or a pooled rate of exactly 0 or 1 (both groups all-failures or all-successes), has no
 * sampling variability to test against: we report z = 0 and p = 1, i.e. "no evidence of a difference",
 * rather than NaN, so such comparisons can sit in a Benjamini–Hochberg family without poisoning it.
 */
export function twoProportionZTest(
  successes1: number,
  trials1: number,
  successes2: number,
  trials2: number,
  /** Each sample's design effect (lib/stats/designEffect.ts) when its trials are clustered; 1 = independent. */
  designEffects: readonly [number, number] = [1, 1],
): TwoProportionTest {
  for (const [s, n] of [[successes1, trials1], [successes2, trials2]] as const) {
    if (!(n >= 0) || !(s >= 0) || s > n) throw new RangeError(`twoProportionZTest needs 0 <= successes <= trials, got ${s}/${n}`);
  }
  if (trials1 === 0 || trials2 === 0) return { z: 0, pValue: 1 };
  const pooled = (successes1 + successes2) / (trials1 + trials2);
  const variance = pooled * (1 - pooled) * (designEffects[0] / trials1 + designEffects[1] / trials2);
  if (!(variance > 0)) return { z: 0, pValue: 1 };
  const z = (successes1 / trials1 - successes2 / trials2) / Math.sqrt(variance);
  return { z, pValue: Math.min(1, erfc(Math.abs(z) / Math.SQRT2)) };
}
