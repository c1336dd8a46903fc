/**
 * Conversion by entry period: units grouped by the calendar period (month or ISO week, in the window's
 * time zone) in which they
 * reached step 1. An entry period is complete when it ends, plus the conversion horizon, by the window
 * end: for the user funnel (7-day horizon) that means every moment of the period could admit an entrant
 * whose whole 7 days lie inside the data — a period cut by the entry cutoff is flagged incomplete. For the
 * session funnel (horizon 0) it means the period lies before the window end.
 */
import { sqlTimestamp, type AnalysisWindow, windowTimezone } from "../dataset/window.js";
import { localDaySql } from "../db/calendarDaySql.js";
import { type Granularity, periodEndsBySql, periodIndexSql, periodLabelSql, periodStartInstantSql } from "../db/periodSql.js";
import { horizonSql } from "./userStepsSql.js";

export interface TrendRow {
  period: string;
  period_start: string;
  complete: boolean;
  [step: `step_${number}`]: number;
}

export function conversionTrendSql(
  stepsTable: string,
  stepCount: number,
  granularity: Granularity,
  window: AnalysisWindow,
  horizonDays: number,
): string {
  const timezone = windowTimezone(window);
  const counts = Array.from({ length: stepCount }, (_, i) => `CAST(count(step_${i + 1}) AS INTEGER) AS step_${i + 1}`);
  return `SELECT ${periodLabelSql(granularity, "period_index")} AS period,
      strftime(${periodStartInstantSql(granularity, "period_index", timezone)}, '%Y-%m-%dT%H:%M:%S.%gZ') AS period_start,
      ${periodEndsBySql(granularity, "period_index", `${sqlTimestamp(window.end)} - ${horizonSql(horizonDays)}`, timezone)} AS complete,
      ${counts.join(", ")}
    FROM (SELECT ${periodIndexSql(granularity, localDaySql("step_1", timezone))} AS period_index, * FROM ${stepsTable} WHERE step_1 IS NOT NULL)
    GROUP BY period_index
    ORDER BY period_index`;
}
