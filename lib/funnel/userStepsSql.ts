/**
 * User funnel (docs/metrics.md §4): per user, when each step was reached, in one pass grouped by user.
 * Entry is the user's first event of the first step's type (t0). Later steps follow the chain rule but
 * only up to t0 + horizon, inclusive: an event at exactly t0 + 7 days counts, one a microsecond later
 * does not. Only users with t0 ≤ window end − horizon enter, so every entrant had the full horizon
 * inside the data (no right-censored entrants).
 */
import { sqlString } from "../db/duckdb.js";
import { sqlTimestamp, type AnalysisWindow } from "../dataset/window.js";
import { inWindowSql } from "../db/windowSql.js";
import { firstEventTimeSql, stepTypeAggregatesSql, stepTypeColumns } from "./eventTimesSql.js";
import { chainLayers, layeredSelectSql } from "./nextStepTimeSql.js";

export function horizonSql(days: number): string {
  if (!Number.isInteger(days) || days < 0) throw new RangeError(`the funnel horizon must be whole days, got ${days}`);
  return `INTERVAL ${days} DAY`;
}

export function userStepsSql(window: AnalysisWindow, steps: readonly string[], horizonDays: number): string {
  const horizon = horizonSql(horizonDays);
  const later = steps.slice(1);
  const columns = stepTypeColumns(later);
  const aggregates = [`${firstEventTimeSql(steps[0]!)} AS step_1`, ...stepTypeAggregatesSql(columns)];
  const base = `SELECT user_id, ${aggregates.join(",\n      ")}
    FROM events
    WHERE ${inWindowSql(window)} AND user_id IS NOT NULL AND event_type IN (${[...new Set(steps)].map(sqlString).join(", ")})
    GROUP BY user_id
    HAVING step_1 <= ${sqlTimestamp(window.end)} - ${horizon}`;
  const stepList = steps.map((_, i) => `step_${i + 1}`).join(", ");
  return `SELECT user_id, ${stepList} FROM (${layeredSelectSql(base, chainLayers(later, columns, 2, `step_1 + ${horizon}`))})`;
}
