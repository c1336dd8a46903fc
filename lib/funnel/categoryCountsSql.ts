/**
 * Category funnel (docs/metrics.md §4): per category, how many sessions reached each step in it — the first
 * step is the session's earliest event of that type in the category, later steps follow the chain rule
 * among the session's events of that category. One pass grouped by session and category; only the
 * per-category counts leave the statement.
 *
 * Grouping every session by category is the costliest pass of the funnels (sessions touch a few
 * categories each). Measured alternatives were slower: a per-category column or a category bit mask in
 * the session pass (a category lookup on every view), and restricting this pass to the units with a cart
 * (the join on the unit key costs more than the grouping it saves).
 */
import { sqlString } from "../db/duckdb.js";
import type { AnalysisWindow } from "../dataset/window.js";
import { inWindowSql } from "../db/windowSql.js";
import { firstEventTimeSql, stepTypeAggregatesSql, stepTypeColumns } from "./eventTimesSql.js";
import { chainLayers, layeredSelectSql } from "./nextStepTimeSql.js";

export function categoryCountsSql(window: AnalysisWindow, steps: readonly string[]): string {
  const later = steps.slice(1);
  const columns = stepTypeColumns(later);
  const aggregates = [`${firstEventTimeSql(steps[0]!)} AS step_1`, ...stepTypeAggregatesSql(columns)];
  const where = `${inWindowSql(window)} AND category IS NOT NULL AND user_id IS NOT NULL AND session_id IS NOT NULL`;
  const base = `SELECT category, ${aggregates.join(",\n      ")}
    FROM events
    WHERE ${where} AND event_type IN (${[...new Set(steps)].map(sqlString).join(", ")})
    GROUP BY user_id, session_id, category
    HAVING step_1 IS NOT NULL`;
  const counts = steps.map((_, i) => `CAST(count(step_${i + 1}) AS INTEGER) AS step_${i + 1}`);
  return `SELECT category, ${counts.join(", ")}
    FROM (${layeredSelectSql(base, chainLayers(later, columns, 2))})
    GROUP BY category`;
}
