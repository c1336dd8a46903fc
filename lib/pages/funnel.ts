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
import { type ShownCategoryFunnels, topCategoryFunnels } from "../funnel/topCategoryFunnels";
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

/** How many categories the category charts and picker name; the rest are one "Other" bucket. */
export const TOP_CATEGORIES = 20;

export interface FunnelPageData extends FunnelOutput {
  /** The category funnels are the top TOP_CATEGORIES plus "Other" (lib/funnel/topCategoryFunnels.ts). */
  category_funnel_shown: ShownCategoryFunnels["shown"];
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

/** `configured`: the funnel steps the data was read with, null for the default funnels. */
export function buildFunnelPage(
  analysis: { funnels: FunnelOutput; products: readonly ProductQueryRow[]; configured: readonly string[] | null },
  trace: SqlTrace,
): FunnelPageData {
  const { funnels } = analysis;
  const categories = topCategoryFunnels(funnels.category_funnel, TOP_CATEGORIES);
  return roundNumbers({
    ...funnels,
    category_funnel: categories.category_funnel,
    category_funnel_shown: categories.shown,
    config: {
      session_steps: funnels.session_funnel.steps.map((s) => s.step),
      user_steps: funnels.user_funnel.steps.map((s) => s.step),
      category_steps: funnels.category_funnel[0]?.steps.map((s) => s.step) ?? (analysis.configured ? [] : DEFAULT_FUNNEL_CONFIG.categorySteps),
    },
    products: toProductInterest(analysis.products),
    sql: funnelPageSql(trace),
  });
}
