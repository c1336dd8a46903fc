/**
 * The Funnel page's data: the session, user and category funnels as the funnel engine computes them,
 * interest versus purchase for the most-viewed and most-bought products, and the SQL behind each chart
 * as the engines ran it (their trace, lib/db/sqlTrace.ts).
 *
 * Size: everything the engine returns is small (a few hundred trend points and breakdown rows); numbers
 * that are not integers are kept to 6 significant digits, far below anything the page prints.
 */
import type { FunnelOutput } from "../analysis/funnels";
import type { SqlTrace } from "../db/sqlTrace";
import { DEFAULT_FUNNEL_CONFIG } from "../funnel/config";
import { type ProductInterest, type ProductQueryRow, toProductInterest } from "../funnel/productInterest";
import { roundNumbers } from "../output/round";

/** The statements behind one unit funnel (session or user), as they ran, each ending in ";". */
export interface UnitFunnelSql {
  /** CREATE TEMP TABLE of the per-unit step times (the one scan of the events). */
  steps_table: string;
  step_counts: string;
  time_to_convert: string;
  trend: { week: string; month: string };
  breakdowns: string;
}

export interface FunnelPageSql {
  session: UnitFunnelSql;
  user: UnitFunnelSql;
  category: string;
  products: string;
}

export interface FunnelPageData extends FunnelOutput {
  config: { session_steps: readonly string[]; user_steps: readonly string[]; category_steps: readonly string[] };
  products: ProductInterest;
  sql: FunnelPageSql;
}

function unitFunnelSql(trace: SqlTrace, unit: "session" | "user"): UnitFunnelSql {
  const sql = (what: string) => trace.sql(`funnel.${unit}.${what}`);
  return {
    steps_table: trace.sql(`funnel_${unit}_steps`),
    step_counts: sql("step_counts"),
    time_to_convert: sql("time_to_convert"),
    trend: { week: sql("trend.week"), month: sql("trend.month") },
    breakdowns: sql("breakdowns"),
  };
}

/** The SQL behind each chart, as the engines ran it. */
export function funnelPageSql(trace: SqlTrace): FunnelPageSql {
  return {
    session: unitFunnelSql(trace, "session"),
    user: unitFunnelSql(trace, "user"),
    category: trace.sql("funnel.category"),
    products: trace.sql("funnel.products"),
  };
}

export function buildFunnelPage(analysis: { funnels: FunnelOutput; products: readonly ProductQueryRow[] }, trace: SqlTrace): FunnelPageData {
  return roundNumbers({
    ...analysis.funnels,
    config: {
      session_steps: DEFAULT_FUNNEL_CONFIG.sessionSteps,
      user_steps: DEFAULT_FUNNEL_CONFIG.userSteps,
      category_steps: DEFAULT_FUNNEL_CONFIG.categorySteps,
    },
    products: toProductInterest(analysis.products),
    sql: funnelPageSql(trace),
  });
}
