/**
 * The report's headline numbers: how much data there is, how many people bought, how much they spent,
 * and the share of sessions that convert (with its Wilson interval, metrics.md §5).
 */
import type { DuckDBConnection } from "@duckdb/node-api";
import { queryRows } from "../db/duckdb";
import { wilsonInterval } from "../stats/wilsonInterval";

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

export const HEADLINE_SQL = `WITH sessions AS (
  SELECT user_id, session_id, bool_or(event_type = 'purchase') AS converted
  FROM events GROUP BY user_id, session_id)
SELECT
  (SELECT count(*) FROM users)::INTEGER AS users,
  (SELECT count(DISTINCT user_id) FROM events)::INTEGER AS active_users,
  (SELECT count(*) FROM products)::INTEGER AS products,
  (SELECT count(*) FROM events)::INTEGER AS events,
  (SELECT count(*) FROM sessions)::INTEGER AS sessions,
  (SELECT count(*) FILTER (WHERE converted) FROM sessions)::INTEGER AS converting_sessions,
  (SELECT count(DISTINCT user_id) FROM events WHERE event_type = 'purchase')::INTEGER AS buyers,
  (SELECT count(*) FROM events WHERE event_type = 'purchase')::INTEGER AS purchases,
  (SELECT coalesce(sum(price * quantity), 0) FROM events WHERE event_type = 'purchase')::DOUBLE AS revenue`;

export async function computeHeadline(connection: DuckDBConnection): Promise<Headline> {
  const [row] = await queryRows<Omit<Headline, "session_conversion"> & { converting_sessions: number }>(connection, HEADLINE_SQL);
  if (!row) throw new Error("headline query returned no row");
  const { converting_sessions, ...counts } = row;
  const interval = wilsonInterval(converting_sessions, counts.sessions);
  return {
    ...counts,
    revenue: Math.round(counts.revenue * 100) / 100,
    session_conversion: { rate: interval.rate, ci_low: interval.low, ci_high: interval.high, converting_sessions },
  };
}
