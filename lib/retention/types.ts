/** Retention variants (docs/metrics.md §3) and the shapes of their outputs (docs/metrics.md §7, cohorts.json). */

import type { Granularity } from "../db/periodSql.js";

export type CohortBy = "registration" | "first_purchase";
export type RetentionActivity = "any_event" | "purchase";
export type RetentionMode = "on" | "on_or_after";

export interface RetentionVariant {
  cohort_by: CohortBy;
  activity: RetentionActivity;
  granularity: Granularity;
  mode: RetentionMode;
}

/** One cohort × period cell. rate = active / cohort_size, with its 95% Wilson interval. */
export interface RetentionCell {
  /** The cohort's period label: "YYYY-MM" for months, the ISO week's Monday "YYYY-MM-DD" for weeks. */
  cohort: string;
  /** k: whole periods after the cohort's own period (0 = the cohort period itself). */
  period: number;
  /** The calendar label of period k (same format as `cohort`). */
  period_label: string;
  cohort_size: number;
  active: number;
  rate: number;
  ci_low: number;
  ci_high: number;
  /** The whole period ends at or before the window end; only complete cells enter averages. */
  complete: boolean;
}

/** Cohort-size-weighted average over the complete cells of one period k (= pooled active / pooled size). */
export interface AverageRetentionPoint {
  period: number;
  /** How many cohorts have a complete cell at this k. */
  cohorts: number;
  cohort_size: number;
  active: number;
  rate: number;
  ci_low: number;
  ci_high: number;
}

export interface RetentionOutput extends RetentionVariant {
  cells: RetentionCell[];
  average: AverageRetentionPoint[];
}

/** Revenue of one cohort in period k (purchases: price × quantity), and per cohort member. */
export interface LtvCell {
  cohort: string;
  period: number;
  period_label: string;
  cohort_size: number;
  revenue: number;
  revenue_per_member: number;
  cumulative_revenue: number;
  /** Cumulative LTV: revenue in periods 0…k divided by the cohort size (all members, buyers or not). */
  cumulative_revenue_per_member: number;
  complete: boolean;
}

/** Average cumulative LTV at k over the cohorts whose cell k is complete, weighted by cohort size. */
export interface LtvAveragePoint {
  period: number;
  cohorts: number;
  cohort_size: number;
  cumulative_revenue: number;
  cumulative_revenue_per_member: number;
}

export interface LtvOutput {
  cohort_by: CohortBy;
  granularity: Granularity;
  cells: LtvCell[];
  average: LtvAveragePoint[];
}
