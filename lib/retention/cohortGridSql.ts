/**
 * Every cell a cohort table must show (docs/metrics.md §3): for each cohort, k = 0 up to the last period that
 * overlaps the window, i.e. the period containing the window's last microsecond. A cohort whose own
 * period starts after the window has no cells. `complete` marks cells whose period ends by the window end.
 */
import { type AnalysisWindow, windowTimezone } from "../dataset/window.js";
import { localDaySql } from "../db/calendarDaySql.js";
import { periodEndsBySql, periodIndexSql, periodLabelSql } from "../db/periodSql.js";
import type { Granularity } from "../db/periodSql.js";
import { windowEndSql } from "../db/windowSql.js";

/** CTE bodies `sizes` and `grid` over a `members(user_id, cohort_index)` CTE. */
export function cohortGridCtes(window: AnalysisWindow, granularity: Granularity): string {
  const lastIndex = periodIndexSql(granularity, localDaySql(`(${windowEndSql(window)} - INTERVAL 1 MICROSECOND)`, windowTimezone(window)));
  return `sizes AS (
      SELECT cohort_index, CAST(count(*) AS INTEGER) AS cohort_size FROM members GROUP BY cohort_index
    ),
    grid AS (
      SELECT s.cohort_index, s.cohort_size, CAST(g.k AS INTEGER) AS k
      FROM sizes AS s, LATERAL generate_series(0, ${lastIndex} - s.cohort_index) AS g(k)
    )`;
}

/** Output columns describing a grid cell `g`: labels, size and completeness. */
export function gridCellColumns(window: AnalysisWindow, granularity: Granularity): string {
  return `${periodLabelSql(granularity, "g.cohort_index")} AS cohort,
      g.k AS period,
      ${periodLabelSql(granularity, "g.cohort_index + g.k")} AS period_label,
      g.cohort_size,
      ${periodEndsBySql(granularity, "g.cohort_index + g.k", windowEndSql(window), windowTimezone(window))} AS complete`;
}
