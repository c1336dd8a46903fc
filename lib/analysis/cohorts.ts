/**
 * cohorts.json (docs/metrics.md §7): every retention variant and the cumulative LTV curves for one window.
 */
import type { DuckDBConnection } from "@duckdb/node-api";
import type { AnalysisWindow } from "../dataset/window.js";
import { computeRetention } from "../retention/computeRetention.js";
import type { LtvOutput, RetentionOutput } from "../retention/types.js";

export type {
  AverageRetentionPoint,
  CohortBy,
  Granularity,
  LtvAveragePoint,
  LtvCell,
  LtvOutput,
  RetentionActivity,
  RetentionCell,
  RetentionMode,
  RetentionOutput,
  RetentionVariant,
} from "../retention/types.js";

export interface CohortsOutput {
  window: AnalysisWindow;
  retention: RetentionOutput[];
  ltv: LtvOutput[];
}

export async function computeCohorts(connection: DuckDBConnection, window: AnalysisWindow): Promise<CohortsOutput> {
  const { retention, ltv } = await computeRetention(connection, window);
  return { window: normalizedWindow(window), retention, ltv };
}

/** The window as millisecond ISO strings with "Z", the form the JSON contract shows. */
function normalizedWindow(window: AnalysisWindow): AnalysisWindow {
  return { start: new Date(window.start).toISOString(), end: new Date(window.end).toISOString() };
}
