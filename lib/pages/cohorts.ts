/**
 * The Cohorts page's data: every retention variant the page's inputs offer, the LTV curves, and the SQL
 * that computed them, as the retention engine ran it (its trace, lib/db/sqlTrace.ts): one script per
 * cohort definition (cohort_by × granularity).
 *
 * Size: weekly cohorts make ~1,400 cells per variant. Cells are sent as columns (one array per field)
 * without the fields the page derives (period labels, LTV per-period figures), and proportions are
 * rounded to 6 decimals (a ten-thousandth of a percentage point), which keeps the page's data small.
 */
import type { AnalysisWindow } from "../dataset/window";
import type { CohortLimits, CohortsOutput, LtvOutput, RetentionOutput } from "../analysis/cohorts";
import type { GridBound } from "../retention/boundCohortGrid";
import type { SqlTrace } from "../db/sqlTrace";
import type { Granularity } from "../db/periodSql";
import type { CohortBy, RetentionActivity, RetentionMode, RetentionVariant } from "../retention/types";

/** The page pairs each cohort definition with its activity (metrics.md §3's two required variants). */
export const PAGE_VARIANTS: readonly { cohort_by: CohortBy; activity: RetentionActivity }[] = [
  { cohort_by: "registration", activity: "any_event" },
  { cohort_by: "first_purchase", activity: "purchase" },
];

/**
 * The page's grids: two years of monthly cohorts, a year (53 or 54 ISO weeks) of weekly ones; a longer
 * window shows the consecutive cohorts with the most users and says so (lib/retention/boundCohortGrid.ts).
 */
export const PAGE_COHORT_LIMITS: CohortLimits = { month: { maxCohorts: 24, maxPeriods: 24 }, week: { maxCohorts: 54, maxPeriods: 54 } };

/** Retention cells of one variant as columns: cells[i] = {cohort: cohort[i], period: period[i], …}. */
export interface RetentionColumns {
  cohort: string[];
  period: number[];
  cohort_size: number[];
  active: number[];
  rate: number[];
  ci_low: number[];
  ci_high: number[];
  complete: boolean[];
}

export interface LtvColumns {
  cohort: string[];
  period: number[];
  cohort_size: number[];
  /** Revenue accumulated over periods 0…period, all members of the cohort. */
  cumulative_revenue: number[];
  complete: boolean[];
}

export interface CohortsPageVariant extends Omit<RetentionOutput, "cells"> {
  cells: RetentionColumns;
  /** What the grid leaves out of a long window. */
  bound: GridBound;
  /** Which column of the cohort definition's query holds this variant's active counts. */
  active_column: string;
}

export interface CohortsPageLtv extends Omit<LtvOutput, "cells"> {
  cells: LtvColumns;
  /** What the grid leaves out of a long window. */
  bound: GridBound;
}

/** The SQL behind one cohort definition, shared by its retention variants and its LTV curve. */
export interface CohortsPageDefinition {
  cohort_by: CohortBy;
  granularity: Granularity;
  sql: string;
}

export interface CohortsPageData {
  window: AnalysisWindow;
  retention: CohortsPageVariant[];
  ltv: CohortsPageLtv[];
  definitions: CohortsPageDefinition[];
}

/**
 * The statements behind one cohort definition (cohort_by × granularity), as the engine ran them: the
 * scratch tables, then the one query whose rows hold every variant's counts (any_on, any_on_or_after,
 * purchase_on, purchase_on_or_after) and the revenue the LTV curves accumulate.
 */
export function cohortDefinitionSql(trace: SqlTrace, cohortBy: CohortBy, granularity: Granularity): string {
  return [
    "-- 1. One row per user and UTC day: events, purchases, revenue (the single scan of the events).",
    trace.sql("retention_user_days"),
    "",
    "-- 2. Per user, the days a cohort can be anchored on.",
    trace.sql("retention_user_anchors"),
    "",
    `-- 3. Per user and ${granularity}: events, purchases, revenue.`,
    trace.sql(`retention_user_${granularity}s`),
    "",
    `-- 4. Every cell of the ${cohortBy} cohorts by ${granularity}: members active in k ("on") and in k or later`,
    '--    ("on_or_after"), for any event and for purchases, and the cohort\'s revenue in k.',
    trace.sql(`retention.cohort_activity.${cohortBy}.${granularity}`),
  ].join("\n");
}

/** The column of cohortActivitySql's rows that a variant's "active" count comes from. */
export function activeColumn(variant: Pick<RetentionVariant, "activity" | "mode">): string {
  return `${variant.activity === "purchase" ? "purchase" : "any"}_${variant.mode}`;
}

const round = (x: number, digits = 6) => Math.round(x * 10 ** digits) / 10 ** digits;

function retentionColumns(cells: RetentionOutput["cells"]): RetentionColumns {
  return {
    cohort: cells.map((c) => c.cohort),
    period: cells.map((c) => c.period),
    cohort_size: cells.map((c) => c.cohort_size),
    active: cells.map((c) => c.active),
    rate: cells.map((c) => round(c.rate)),
    ci_low: cells.map((c) => round(c.ci_low)),
    ci_high: cells.map((c) => round(c.ci_high)),
    complete: cells.map((c) => c.complete),
  };
}

function ltvColumns(cells: LtvOutput["cells"]): LtvColumns {
  return {
    cohort: cells.map((c) => c.cohort),
    period: cells.map((c) => c.period),
    cohort_size: cells.map((c) => c.cohort_size),
    cumulative_revenue: cells.map((c) => round(c.cumulative_revenue, 2)),
    complete: cells.map((c) => c.complete),
  };
}

function isPageVariant(variant: RetentionVariant): boolean {
  return PAGE_VARIANTS.some((v) => v.cohort_by === variant.cohort_by && v.activity === variant.activity);
}

export function buildCohortsPage(cohorts: CohortsOutput, trace: SqlTrace): CohortsPageData {
  const variantKey = (v: RetentionVariant) => `${v.cohort_by}/${v.activity}/${v.granularity}/${v.mode}`;
  const retention = cohorts.retention.filter(isPageVariant).map(({ cells, average, ...variant }) => ({
    ...variant,
    cells: retentionColumns(cells),
    average: average.map((p) => ({ ...p, rate: round(p.rate), ci_low: round(p.ci_low), ci_high: round(p.ci_high) })),
    active_column: activeColumn(variant),
  }));
  const offered = new Set(retention.map(variantKey));
  for (const { cohort_by, activity } of PAGE_VARIANTS) {
    for (const granularity of ["month", "week"] as const) {
      for (const mode of ["on", "on_or_after"] as const) {
        const key = variantKey({ cohort_by, activity, granularity, mode });
        if (!offered.has(key)) throw new Error(`cohorts: the retention engine did not compute ${key}`);
      }
    }
  }
  const ltv = cohorts.ltv.map(({ cells, average, cohort_by, granularity, bound }) => ({
    cohort_by,
    granularity,
    bound,
    cells: ltvColumns(cells),
    average: average.map((p) => ({
      ...p,
      cumulative_revenue: round(p.cumulative_revenue, 2),
      cumulative_revenue_per_member: round(p.cumulative_revenue_per_member, 4),
    })),
  }));
  const definitions = new Map<string, CohortsPageDefinition>();
  for (const { cohort_by, granularity } of [...retention, ...ltv]) {
    const key = `${cohort_by}/${granularity}`;
    if (!definitions.has(key)) definitions.set(key, { cohort_by, granularity, sql: cohortDefinitionSql(trace, cohort_by, granularity) });
  }
  return { window: cohorts.window, retention, ltv, definitions: [...definitions.values()] };
}

export type { CohortBy, Granularity, RetentionMode };
