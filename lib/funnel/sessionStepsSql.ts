/**
 * Session funnel (docs/metrics.md §4): per session (user_id + session_id), when each step was reached, in one
 * pass grouped by session. step_1 is the session's earliest event, whatever its type (data without
 * session_start events still works); step_2 is then simply the earliest event of its type (every event
 * is at or after step_1); later steps follow the chain rule.
 * Only user_id and the step times are kept: that is all the downstream aggregates read, and every
 * column written costs time on a million-session table. The per-session event lists never leave the
 * statement (see nextStepTimeSql).
 */
import type { AnalysisWindow } from "../dataset/window.js";
import { inWindowSql } from "../db/windowSql.js";
import { firstEventTimeSql, stepTypeAggregatesSql, stepTypeColumns } from "./eventTimesSql.js";
import { chainLayers, layeredSelectSql } from "./nextStepTimeSql.js";

export function sessionStepsSql(window: AnalysisWindow, steps: readonly string[], entry: "any_event" | "first_of_type" = "any_event"): string {
  const stepList = steps.map((_, i) => `step_${i + 1}`).join(", ");
  if (entry === "first_of_type") {
    // A configured first step: the session's first event of its type, every later step by the chain rule.
    const later = steps.slice(1);
    const columns = stepTypeColumns(later);
    const aggregates = [`${firstEventTimeSql(steps[0]!)} AS step_1`, ...stepTypeAggregatesSql(columns)];
    const base = `SELECT user_id, ${aggregates.join(",\n      ")}
    FROM events
    WHERE ${inWindowSql(window)} AND user_id IS NOT NULL AND session_id IS NOT NULL
    GROUP BY user_id, session_id
    HAVING step_1 IS NOT NULL`;
    return `SELECT user_id, ${stepList} FROM (${layeredSelectSql(base, chainLayers(later, columns, 2))})`;
  }
  const later = steps.slice(2);
  const columns = stepTypeColumns(later);
  const aggregates = [`min("timestamp") AS step_1`];
  if (steps.length > 1) aggregates.push(`${firstEventTimeSql(steps[1]!)} AS step_2`);
  aggregates.push(...stepTypeAggregatesSql(columns));
  const base = `SELECT user_id, ${aggregates.join(",\n      ")}
    FROM events
    WHERE ${inWindowSql(window)} AND user_id IS NOT NULL AND session_id IS NOT NULL
    GROUP BY user_id, session_id`;
  return `SELECT user_id, ${stepList} FROM (${layeredSelectSql(base, chainLayers(later, columns, 3))})`;
}
