/**
 * The report's headline numbers: how much data there is, how many people bought, how much they spent,
 * and the share of sessions that convert (with its Wilson interval, metrics.md §5).
 */
import type { DuckDBConnection } from "@duckdb/node-api";
import { queryTraced } from "../db/sqlTrace";
import { wilsonInterval } from "../stats/wilsonInterval";
import { exactAmountSql } from "../db/exactAmountSql";

export interface Headline {
  users: number;
  active_users: number;
  products: number;
  events: number;
  sessions: number;
  buyers: number;
  purchases: number;
  revenue: number;
  session_conversion: { rate: number | null; ci_low: number; ci_high: number; converting_sessions: number };
}

/**
 * One pass over the events, grouped by session (user_id + session_id, metrics.md §1); everything about
 * events is then summed from the sessions. Every loaded event has both ids, so no event is left out.
 */
export const HEADLINE_SQL = `WITH sessions AS (
  SELECT user_id, count(*) AS events,
         count(*) FILTER (WHERE event_type = 'purchase') AS purchases,
         sum(${exactAmountSql("price * quantity")}) FILTER (WHERE event_type = 'purchase') AS revenue
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
  coalesce(sum(revenue), 0)::DOUBLE AS revenue
FROM sessions`;

export async function computeHeadline(connection: DuckDBConnection): Promise<Headline> {
  const [row] = await queryTraced<Omit<Headline, "session_conversion"> & { converting_sessions: number }>(connection, "overview.headline", HEADLINE_SQL);
  if (!row) throw new Error("headline query returned no row");
  const { converting_sessions, ...counts } = row;
  const interval = wilsonInterval(converting_sessions, counts.sessions);
  return {
    ...counts,
    revenue: Math.round(counts.revenue * 100) / 100,
    session_conversion: { rate: interval.rate, ci_low: interval.low, ci_high: interval.high, converting_sessions },
  };
}
