/**
 * What the Cohorts page's charts decide from the data, taken at build time so the browser only draws:
 * the heatmap's colour scale top and where an average curve turns dotted.
 */
import type { RetentionCell } from "../retention/types";

/** An average drawn from fewer cohorts than this rests on the oldest one or two: drawn dotted, never quoted as "by k". */
export const MIN_COHORTS = 3;

/**
 * The top of the heatmap's colour scale. Period 0 is the cohort's own period (near 100% by construction
 * for first-purchase cohorts), so a scale up to 100% would squeeze every later period into its bottom
 * third. The top is instead a high quantile of the later periods' rates, rounded up to a multiple of
 * `step`; rates above it share the top colour, and each cell's tip and the CSV give exact values.
 */
export function colourScaleTop(rows: readonly Pick<RetentionCell, "period" | "rate">[], quantile = 0.98, step = 0.05): number {
  const later = rows
    .filter((row) => row.period > 0 && Number.isFinite(row.rate))
    .map((row) => row.rate)
    .sort((a, b) => a - b);
  if (later.length === 0) return 1;
  const position = (later.length - 1) * quantile;
  const below = later[Math.floor(position)]!;
  const above = later[Math.ceil(position)]!;
  const value = below + (above - below) * (position - Math.floor(position));
  // Rounding 0.35000000000000003 up must give 0.35, not 0.4.
  const top = Math.ceil(value / step - 1e-9) * step;
  return Math.min(1, Math.max(step, Number(top.toFixed(10))));
}

/** The last k of an average curve backed by at least `minCohorts` cohorts; -1 when none is. */
export function solidUntil(points: readonly { period: number; cohorts: number }[], minCohorts = MIN_COHORTS): number {
  return points.filter((p) => p.cohorts >= minCohorts).at(-1)?.period ?? -1;
}
