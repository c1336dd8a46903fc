/**
 * The cells of one retention variant as a standalone statement (e.g. to show on a page what computed
 * them). It is the engine's own cohortActivitySql, narrowed to the variant's column, so it returns
 * exactly the counts computeRetention publishes.
 */
import type { AnalysisWindow } from "../dataset/window.js";
import { cohortActivitySql } from "./cohortActivitySql.js";
import type { RetentionVariant } from "./types.js";

export interface RetentionCellRow {
  cohort: string;
  period: number;
  period_label: string;
  cohort_size: number;
  active: number;
  complete: boolean;
}

export function retentionCellsSql(variant: RetentionVariant, window: AnalysisWindow, membersSql: string, userPeriodsTable: string): string {
  const column = `${variant.activity === "purchase" ? "purchase" : "any"}_${variant.mode}`;
  return `SELECT cohort, period, period_label, cohort_size, ${column} AS active, complete
    FROM (${cohortActivitySql(window, variant.granularity, membersSql, userPeriodsTable)})
    ORDER BY cohort, period`;
}
