/**
 * funnel.json (docs/metrics.md §7): the session, user and category funnels for one window, with intervals,
 * time to convert, conversion trends and attribute breakdowns.
 */
import type { DuckDBConnection } from "@duckdb/node-api";
import { type AnalysisWindow, normalizedWindow } from "../dataset/window.js";
import type { FunnelConfig } from "../funnel/config.js";
import { runFunnels } from "../funnel/runFunnels.js";
import { funnelConfigFor } from "../funnel/customFunnel.js";
import { queryRows, sqlString } from "../db/duckdb.js";
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

/**
 * `steps`: a configured funnel (lib/funnel/customFunnel.ts); null or absent for the default funnels.
 * `overrides`: settings that are not steps (e.g. the minimum group size of a breakdown test).
 */
export async function computeFunnels(
  connection: DuckDBConnection,
  window: AnalysisWindow,
  steps: readonly string[] | null = null,
  overrides: Partial<Pick<FunnelConfig, "minGroupUsers">> = {},
): Promise<FunnelOutput> {
  let config: FunnelConfig = funnelConfigFor(null);
  if (steps !== null) {
    // The category funnel keeps the configured steps whose events name a product (have a category) in this data.
    const named = new Set(
      (await queryRows<{ event_type: string }>(connection, `SELECT DISTINCT event_type FROM events WHERE category IS NOT NULL AND event_type IN (${steps.map(sqlString).join(", ")})`)).map(
        (r) => r.event_type,
      ),
    );
    config = funnelConfigFor(steps, steps.filter((s) => named.has(s)));
  }
  const funnels = await runFunnels(connection, window, { ...config, ...overrides });
  return { window: normalizedWindow(window), ...funnels };
}
