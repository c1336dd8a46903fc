/**
 * funnel.json (docs/metrics.md §7): the session, user and category funnels for one window, with intervals,
 * time to convert, conversion trends and attribute breakdowns.
 */
import type { DuckDBConnection } from "@duckdb/node-api";
import type { AnalysisWindow } from "../dataset/window.js";
import { DEFAULT_FUNNEL_CONFIG, type FunnelConfig } from "../funnel/config.js";
import { runFunnels } from "../funnel/runFunnels.js";
import type { CategoryFunnelOutput, SessionFunnelOutput, UserFunnelOutput } from "../funnel/types.js";

export type {
  Breakdown,
  BreakdownAttribute,
  BreakdownTest,
  BreakdownValue,
  CategoryFunnelOutput,
  FunnelStep,
  FunnelTrend,
  PairwiseComparison,
  SessionFunnelOutput,
  TimeHistogramBin,
  TimeToConvert,
  TrendPoint,
  UserFunnelOutput,
} from "../funnel/types.js";

export interface FunnelOutput {
  window: AnalysisWindow;
  session_funnel: SessionFunnelOutput;
  user_funnel: UserFunnelOutput;
  category_funnel: CategoryFunnelOutput[];
}

export async function computeFunnels(connection: DuckDBConnection, window: AnalysisWindow, config: FunnelConfig = DEFAULT_FUNNEL_CONFIG): Promise<FunnelOutput> {
  const funnels = await runFunnels(connection, window, config);
  return { window: { start: new Date(window.start).toISOString(), end: new Date(window.end).toISOString() }, ...funnels };
}
