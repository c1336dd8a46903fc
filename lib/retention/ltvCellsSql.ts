/**
 * Revenue of each cohort in each period k ≥ 0 (before cumulation) as a standalone statement: the engine's
 * cohortActivitySql narrowed to revenue, so it returns exactly what computeRetention accumulates.
 */
import type { AnalysisWindow } from "../dataset/window.js";
import { cohortActivitySql } from "./cohortActivitySql.js";
import type { Granularity } from "./types.js";

export interface LtvCellRow {
  cohort: string;
  period: number;
  period_label: string;
  cohort_size: number;
  revenue: number;
  complete: boolean;
}

export function ltvCellsSql(window: AnalysisWindow, granularity: Granularity, membersSql: string, userPeriodsTable: string): string {
  return `SELECT cohort, period, period_label, cohort_size, revenue, complete
    FROM (${cohortActivitySql(window, granularity, membersSql, userPeriodsTable)})
    ORDER BY cohort, period`;
}
