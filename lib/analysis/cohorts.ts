/**
 * cohorts.json (docs/metrics.md §7): every retention variant and the cumulative LTV curves for one window.
 */
import type { DuckDBConnection } from "@duckdb/node-api";
import { type AnalysisWindow, normalizedWindow } from "../dataset/window.js";
import { boundCohortGrid, type CohortGridLimits, type GridBound } from "../retention/boundCohortGrid.js";
import { computeRetention } from "../retention/computeRetention.js";
import type { Granularity } from "../db/periodSql.js";
import type { LtvOutput, RetentionOutput } from "../retention/types.js";

export type {
  AverageRetentionPoint,
  CohortBy,
  LtvAveragePoint,
  LtvCell,
  LtvOutput,
  RetentionActivity,
  RetentionCell,
  RetentionMode,
  RetentionOutput,
  RetentionVariant,
} from "../retention/types.js";
export type { Granularity } from "../db/periodSql.js";

export type CohortLimits = Record<Granularity, CohortGridLimits>;

/**
 * `analyze`'s cohorts.json: complete for any window up to 10 years by month and 2 years by week (the
 * default data is 1 year), bounded beyond it (lib/retention/boundCohortGrid.ts), so a stray row a
 * century away cannot make it tens of megabytes.
 */
export const ANALYZE_COHORT_LIMITS: CohortLimits = { month: { maxCohorts: 120, maxPeriods: 120 }, week: { maxCohorts: 105, maxPeriods: 105 } };

export interface CohortsOutput {
  window: AnalysisWindow;
  retention: (RetentionOutput & { bound: GridBound })[];
  ltv: (LtvOutput & { bound: GridBound })[];
}

export async function computeCohorts(connection: DuckDBConnection, window: AnalysisWindow, limits: CohortLimits = ANALYZE_COHORT_LIMITS): Promise<CohortsOutput> {
  const { retention, ltv } = await computeRetention(connection, window);
  // Averages come from every cohort; only the periods the grid shows are kept.
  const bounded = <V extends { granularity: Granularity; cells: C[]; average: { period: number }[] }, C extends { cohort: string; period: number; cohort_size: number }>(variant: V) => {
    const { cells, bound } = boundCohortGrid(variant.cells, limits[variant.granularity]);
    return { ...variant, cells, average: variant.average.filter((p) => p.period < bound.max_periods), bound };
  };
  return { window: normalizedWindow(window), retention: retention.map(bounded), ltv: ltv.map(bounded) };
}
