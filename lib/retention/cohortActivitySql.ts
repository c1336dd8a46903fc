/**
 * Everything the retention variants and LTV curves of one cohort definition need, in one query: for each
 * cell (cohort × k) of the grid, the members active in period k ("on"), the members active in k or any
 * later period ("on_or_after"), each for any event and for purchases, and the cohort's revenue in k.
 * "on_or_after" is counted as "last active period ≥ k": members are tallied by their last active k and
 * summed from the top, which needs no per-member × period expansion.
 */
import type { AnalysisWindow } from "../dataset/window.js";
import { cohortGridCtes, gridCellColumns } from "./cohortGridSql.js";
import type { Granularity } from "../db/periodSql.js";

export interface CohortActivityRow {
  cohort: string;
  period: number;
  period_label: string;
  cohort_size: number;
  complete: boolean;
  any_on: number;
  any_on_or_after: number;
  purchase_on: number;
  purchase_on_or_after: number;
  revenue: number;
}

export function cohortActivitySql(window: AnalysisWindow, granularity: Granularity, membersSql: string, userPeriodsTable: string): string {
  return `WITH members AS (${membersSql}),
    ${cohortGridCtes(window, granularity)},
    activity AS (
      SELECT m.user_id, m.cohort_index, a.period_index - m.cohort_index AS k, a.events, a.purchases, a.revenue
      FROM members AS m JOIN ${userPeriodsTable} AS a ON a.user_id = m.user_id
      WHERE a.period_index >= m.cohort_index
    ),
    per_period AS (
      SELECT cohort_index, k,
        count(*) FILTER (WHERE events > 0) AS any_on,
        count(*) FILTER (WHERE purchases > 0) AS purchase_on,
        sum(revenue) FILTER (WHERE purchases > 0) AS revenue
      FROM activity GROUP BY cohort_index, k
    ),
    last_active AS (
      SELECT cohort_index, max(k) FILTER (WHERE events > 0) AS last_any, max(k) FILTER (WHERE purchases > 0) AS last_purchase
      FROM activity GROUP BY user_id, cohort_index
    ),
    by_last AS (
      SELECT cohort_index, last_k, sum(is_any) AS any_members, sum(is_purchase) AS purchase_members
      FROM (
        SELECT cohort_index, last_any AS last_k, 1 AS is_any, 0 AS is_purchase FROM last_active WHERE last_any IS NOT NULL
        UNION ALL
        SELECT cohort_index, last_purchase, 0, 1 FROM last_active WHERE last_purchase IS NOT NULL
      )
      GROUP BY cohort_index, last_k
    ),
    on_or_after AS (
      SELECT g.cohort_index, g.k, sum(b.any_members) AS any_on_or_after, sum(b.purchase_members) AS purchase_on_or_after
      FROM grid AS g JOIN by_last AS b ON b.cohort_index = g.cohort_index AND b.last_k >= g.k
      GROUP BY g.cohort_index, g.k
    )
    SELECT ${gridCellColumns(window, granularity)},
      CAST(coalesce(p.any_on, 0) AS INTEGER) AS any_on,
      CAST(coalesce(o.any_on_or_after, 0) AS INTEGER) AS any_on_or_after,
      CAST(coalesce(p.purchase_on, 0) AS INTEGER) AS purchase_on,
      CAST(coalesce(o.purchase_on_or_after, 0) AS INTEGER) AS purchase_on_or_after,
      CAST(coalesce(p.revenue, 0) AS DOUBLE) AS revenue
    FROM grid AS g
    LEFT JOIN per_period AS p ON p.cohort_index = g.cohort_index AND p.k = g.k
    LEFT JOIN on_or_after AS o ON o.cohort_index = g.cohort_index AND o.k = g.k
    ORDER BY g.cohort_index, g.k`;
}
