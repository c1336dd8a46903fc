/**
 * The design effect of a proportion whose units come in clusters: sessions within users. A user's
 * sessions are not independent trials (a buyer tends to buy again), so the binomial variance
 * r(1 − r)/n understates the uncertainty; the cluster-robust (ratio-estimator) variance
 *   V = Σ_u (y_u − r·n_u)² / n²
 * does not. The design effect is V over the binomial variance. It is floored at 1: correcting for
 * clustering may only make a claim more cautious, never more confident. With one unit per cluster
 * Σ(y − r)² = n·r(1 − r), so V is the binomial variance and the design effect is exactly 1 (no
 * small-sample factor, for that reason).
 *
 * Where the group's own data cannot estimate it (rate 0 or 1, or a single cluster) it is null, not 1:
 * such a group says nothing about how alike a user's sessions are (one user buying in 8 of 8 sessions
 * looks like 8 independent successes), so the caller must borrow an estimate from pooled data
 * (lib/funnel/buildBreakdown.ts) rather than treat the sessions as independent.
 */
export interface ClusteredCounts {
  units: number;
  converted: number;
  clusters: number;
  /** Σ n_u², Σ y_u², Σ n_u·y_u over clusters. */
  sumUnitsSquared: number;
  sumConvertedSquared: number;
  sumUnitsConverted: number;
}

export function designEffect(c: ClusteredCounts): number | null {
  const { units: n, converted: y, clusters: m } = c;
  if (n <= 0 || m < 2 || y <= 0 || y >= n) return null;
  const r = y / n;
  const residualSquares = c.sumConvertedSquared - 2 * r * c.sumUnitsConverted + r * r * c.sumUnitsSquared;
  const clusterVariance = Math.max(0, residualSquares) / (n * n);
  const binomialVariance = (r * (1 - r)) / n;
  return Math.max(1, clusterVariance / binomialVariance);
}
