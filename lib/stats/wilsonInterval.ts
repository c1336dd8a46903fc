/**
 * 95% Wilson score interval for a binomial proportion (docs/metrics.md §5).
 * Wilson rather than the normal ("Wald") interval because it stays inside [0, 1] and keeps its coverage
 * at 0/n, n/n and small n, which is exactly where cohort cells and late funnel steps live.
 */

/** The z of a two-sided 95% interval, as fixed by docs/metrics.md §5. */
export const WILSON_Z = 1.959964;

export interface ProportionInterval {
  /** successes / trials; null when there are no trials (a rate of nothing is undefined, not 0). */
  rate: number | null;
  low: number;
  high: number;
}

/**
 * With trials = 0 the data say nothing, so the interval is the whole [0, 1] and the rate is null.
 * At 0 successes the lower bound is exactly 0 and at n successes the upper bound exactly 1 (the formula
 * gives that in exact arithmetic; we pin it so floating-point noise cannot leave 1e-17 or 0.9999999999).
 */
export function wilsonInterval(successes: number, trials: number, z: number = WILSON_Z): ProportionInterval {
  if (!Number.isFinite(successes) || !Number.isFinite(trials) || trials < 0 || successes < 0 || successes > trials) {
    throw new RangeError(`wilsonInterval needs 0 <= successes <= trials, got ${successes}/${trials}`);
  }
  if (trials === 0) return { rate: null, low: 0, high: 1 };
  const p = successes / trials;
  const z2 = z * z;
  const denominator = 1 + z2 / trials;
  const center = (p + z2 / (2 * trials)) / denominator;
  const half = (z / denominator) * Math.sqrt((p * (1 - p)) / trials + z2 / (4 * trials * trials));
  const low = successes === 0 ? 0 : Math.max(0, Math.min(p, center - half));
  const high = successes === trials ? 1 : Math.min(1, Math.max(p, center + half));
  return { rate: p, low, high };
}
