/**
 * The average retention curve (docs/metrics.md §3): at each k, the cohort-size-weighted mean of the rates of
 * the complete cells, which is the pooled rate Σ active / Σ cohort_size. Pooling makes the Wilson
 * interval the interval of that pooled proportion. Incomplete cells never enter, so a young cohort cannot
 * drag down a late period it has not lived through; a k with no complete cell has no point.
 */
import { wilsonInterval } from "../stats/wilsonInterval.js";
import type { AverageRetentionPoint, RetentionCell } from "./types.js";

export function averageRetention(cells: readonly RetentionCell[]): AverageRetentionPoint[] {
  const byPeriod = new Map<number, { cohorts: number; size: number; active: number }>();
  for (const cell of cells) {
    if (!cell.complete) continue;
    const sum = byPeriod.get(cell.period) ?? { cohorts: 0, size: 0, active: 0 };
    sum.cohorts += 1;
    sum.size += cell.cohort_size;
    sum.active += cell.active;
    byPeriod.set(cell.period, sum);
  }
  return [...byPeriod.entries()]
    .sort(([a], [b]) => a - b)
    .map(([period, sum]) => {
      const interval = wilsonInterval(sum.active, sum.size);
      return {
        period,
        cohorts: sum.cohorts,
        cohort_size: sum.size,
        active: sum.active,
        rate: interval.rate ?? 0,
        ci_low: interval.low,
        ci_high: interval.high,
      };
    });
}
