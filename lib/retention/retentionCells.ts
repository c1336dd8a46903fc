/** The cells of one retention variant, picked from its cohort definition's activity rows, with Wilson intervals. */
import { wilsonInterval } from "../stats/wilsonInterval.js";
import type { CohortActivityRow } from "./cohortActivitySql.js";
import type { RetentionCell, RetentionVariant } from "./types.js";

export function retentionCells(rows: readonly CohortActivityRow[], variant: RetentionVariant): RetentionCell[] {
  const column = `${variant.activity === "purchase" ? "purchase" : "any"}_${variant.mode}` as const;
  return rows.map((row) => {
    const active = row[column];
    // Cohort sizes are never 0 (a cohort exists because it has members), so the rate is always defined.
    const interval = wilsonInterval(active, row.cohort_size);
    return {
      cohort: row.cohort,
      period: row.period,
      period_label: row.period_label,
      cohort_size: row.cohort_size,
      active,
      rate: interval.rate ?? 0,
      ci_low: interval.low,
      ci_high: interval.high,
      complete: row.complete,
    };
  });
}
