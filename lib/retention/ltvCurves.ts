/**
 * Cumulative LTV: revenue per cohort member accumulated over periods 0…k, per cohort and averaged.
 * The average at k pools the cohorts whose cell k is complete (Σ cumulative revenue / Σ cohort size),
 * i.e. the cohort-size-weighted mean of their cumulative LTVs, like the retention average.
 */
import type { CohortActivityRow } from "./cohortActivitySql.js";
import type { LtvAveragePoint, LtvCell } from "./types.js";

/** Rows must come ordered by cohort, then period (as cohortActivitySql returns them). */
export function cumulateLtv(rows: readonly CohortActivityRow[]): LtvCell[] {
  let cohort: string | null = null;
  let cumulative = 0;
  return rows.map((row) => {
    if (row.cohort !== cohort) {
      cohort = row.cohort;
      cumulative = 0;
    }
    cumulative += row.revenue;
    return {
      cohort: row.cohort,
      period: row.period,
      period_label: row.period_label,
      cohort_size: row.cohort_size,
      revenue: row.revenue,
      complete: row.complete,
      revenue_per_member: row.revenue / row.cohort_size,
      cumulative_revenue: cumulative,
      cumulative_revenue_per_member: cumulative / row.cohort_size,
    };
  });
}

export function averageLtv(cells: readonly LtvCell[]): LtvAveragePoint[] {
  const byPeriod = new Map<number, { cohorts: number; size: number; revenue: number }>();
  for (const cell of cells) {
    if (!cell.complete) continue;
    const sum = byPeriod.get(cell.period) ?? { cohorts: 0, size: 0, revenue: 0 };
    sum.cohorts += 1;
    sum.size += cell.cohort_size;
    sum.revenue += cell.cumulative_revenue;
    byPeriod.set(cell.period, sum);
  }
  return [...byPeriod.entries()]
    .sort(([a], [b]) => a - b)
    .map(([period, sum]) => ({
      period,
      cohorts: sum.cohorts,
      cohort_size: sum.size,
      cumulative_revenue: sum.revenue,
      cumulative_revenue_per_member: sum.revenue / sum.size,
    }));
}
