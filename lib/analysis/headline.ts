/**
 * The report's headline numbers: how much data there is, how many people bought, how much they spent,
 * and the share of sessions that convert (with its Wilson interval, docs/metrics.md §5).
 */
import type { DuckDBConnection } from "@duckdb/node-api";
import { queryTraced } from "../db/sqlTrace";
import { wilsonInterval } from "../stats/wilsonInterval";
import { type RevenueCoverage, revenueCoverage } from "./revenueCoverage";
import { REVENUE_SUM_SQL } from "./revenueSql";

export interface Headline {
  users: number;
  active_users: number;
  products: number;
  events: number;
  sessions: number;
  buyers: number;
  purchases: number;
  /** Price × quantity over the priced purchases; null when there are purchases and none has a price. */
  revenue: number | null;
  /** How many purchases revenue covers (see revenueCoverage.ts). */
  revenue_coverage: RevenueCoverage;
  session_conversion: { rate: number | null; ci_low: number; ci_high: number; converting_sessions: number };
}

/**
 * One pass over the events, grouped by session (user_id + session_id, docs/metrics.md §1); everything about
 * events is then summed from the sessions. Every loaded event has both ids, so no event is left out.
 */
export const HEADLINE_SQL = `WITH sessions AS (
  SELECT user_id, count(*) AS events,
         count(*) FILTER (WHERE event_type = 'purchase') AS purchases,
         count(*) FILTER (WHERE event_type = 'purchase' AND price IS NOT NULL) AS priced_purchases,
         ${REVENUE_SUM_SQL} AS revenue
  FROM events GROUP BY user_id, session_id)
SELECT
  (SELECT count(*) FROM users)::INTEGER AS users,
  count(DISTINCT user_id)::INTEGER AS active_users,
  (SELECT count(*) FROM products)::INTEGER AS products,
  coalesce(sum(events), 0)::INTEGER AS events,
  count(*)::INTEGER AS sessions,
  count(*) FILTER (WHERE purchases > 0)::INTEGER AS converting_sessions,
  count(DISTINCT user_id) FILTER (WHERE purchases > 0)::INTEGER AS buyers,
  coalesce(sum(purchases), 0)::INTEGER AS purchases,
  coalesce(sum(priced_purchases), 0)::INTEGER AS priced_purchases,
  coalesce(sum(revenue), 0)::DOUBLE AS revenue
FROM sessions`;

export async function computeHeadline(connection: DuckDBConnection): Promise<Headline> {
  const [row] = await queryTraced<Omit<Headline, "session_conversion" | "revenue" | "revenue_coverage"> & { converting_sessions: number; priced_purchases: number; revenue: number }>(
    connection,
    "overview.headline",
    HEADLINE_SQL,
  );
  if (!row) throw new Error("headline query returned no row");
  const { converting_sessions, priced_purchases, ...counts } = row;
  const interval = wilsonInterval(converting_sessions, counts.sessions);
  const coverage = revenueCoverage(counts.purchases, priced_purchases);
  return {
    ...counts,
    revenue: coverage.measurable ? Math.round(counts.revenue * 100) / 100 : null,
    revenue_coverage: coverage,
    session_conversion: { rate: interval.rate, ci_low: interval.low, ci_high: interval.high, converting_sessions },
  };
}
