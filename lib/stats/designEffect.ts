/**
 * The design effect of a proportion whose units come in clusters: sessions within users. A user's
 * sessions are not independent trials (a buyer tends to buy again), so the binomial variance
 * r(1 − r)/n understates the uncertainty; the cluster-robust (ratio-estimator) variance
 *   V = Σ_u (y_u − r·n_u)² / n²
 * does not. The design effect is V over the binomial variance. It is floored at 1: correcting for
 * clustering may only make a claim more cautious, never more confident. Where it is undefined (rate 0
 * or 1, or a single cluster) it is 1. With one unit per cluster Σ(y − r)² = n·r(1 − r), so V is the
 * binomial variance and the design effect is exactly 1 (no small-sample factor, for that reason).
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

export function designEffect(c: ClusteredCounts): number {
  const { units: n, converted: y, clusters: m } = c;
  if (n <= 0 || m < 2 || y <= 0 || y >= n) return 1;
  const r = y / n;
  const residualSquares = c.sumConvertedSquared - 2 * r * c.sumUnitsConverted + r * r * c.sumUnitsSquared;
  const clusterVariance = Math.max(0, residualSquares) / (n * n);
  const binomialVariance = (r * (1 - r)) / n;
  return Math.max(1, clusterVariance / binomialVariance);
}
