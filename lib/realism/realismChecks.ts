/**
 * The realism table of docs/realism.md, measured in SQL on the seed-schema tables. Used by the tests (every
 * row must hold on the default dataset) and by the site's Data page (each figure beside its benchmark).
 * Written independently of the analysis engine on purpose: it cross-checks it.
 */
import type { DuckDBConnection } from "@duckdb/node-api";
import { queryRows } from "../db/duckdb";
import type { AnalysisWindow } from "../dataset/window";
import { sqlTimestamp } from "../dataset/window";
import { exactAmountSql } from "../db/exactAmountSql";

export interface RealismCheck {
  id: number;
  statistic: string;
  /** Measured values, named. */
  values: Record<string, number>;
  /** The target as text, as docs/realism.md states it. */
  target: string;
  /** Where real data stands (docs/realism.md). */
  benchmark: string;
  pass: boolean;
}

type Row = Record<string, number>;

async function one(connection: DuckDBConnection, sql: string): Promise<Row> {
  const rows = await queryRows<Row>(connection, sql);
  return rows[0] ?? {};
}

const between = (x: number, lo: number, hi: number) => x >= lo && x <= hi;

export async function measureRealism(connection: DuckDBConnection, window: AnalysisWindow): Promise<RealismCheck[]> {
  const start = sqlTimestamp(window.start);
  const end = sqlTimestamp(window.end);
  await connection.run(`CREATE OR REPLACE TEMP TABLE realism_sessions AS
    SELECT user_id, session_id,
      count(*)::INTEGER AS events,
      (epoch_ms(max("timestamp")) - epoch_ms(min("timestamp"))) / 60000.0 AS minutes,
      min("timestamp") FILTER (WHERE event_type = 'session_start') AS started,
      bool_or(event_type = 'add_to_cart') AS carted,
      bool_or(event_type = 'purchase') AS bought
    FROM events GROUP BY user_id, session_id`);

  const size = await one(connection, `SELECT
    (SELECT count(*) FROM events)::DOUBLE AS events,
    (SELECT count(*) FROM products)::DOUBLE AS products,
    (SELECT count(DISTINCT category) FROM products)::DOUBLE AS categories`);
  const funnel = await one(connection, `SELECT
    avg(bought::INTEGER)::DOUBLE AS conversion,
    avg(carted::INTEGER)::DOUBLE AS cart_rate,
    (count(*) FILTER (WHERE carted AND NOT bought) / nullif(count(*) FILTER (WHERE carted), 0))::DOUBLE AS abandonment,
    median(events)::DOUBLE AS median_events, median(minutes)::DOUBLE AS median_minutes
    FROM realism_sessions`);
  const mix = await one(connection, `SELECT
    (count(*) FILTER (WHERE event_type = 'product_view') /
     nullif(count(*) FILTER (WHERE event_type IN ('product_view', 'add_to_cart', 'purchase')), 0))::DOUBLE AS view_share
    FROM events`);
  const buyers = await one(connection, `WITH per_user AS (
      SELECT user_id, count(*) FILTER (WHERE bought) AS buying_sessions FROM realism_sessions GROUP BY user_id)
    SELECT (count(*) FILTER (WHERE buying_sessions > 0) / count(*))::DOUBLE AS buyer_share,
           (count(*) FILTER (WHERE buying_sessions = 1) / nullif(count(*) FILTER (WHERE buying_sessions > 0), 0))::DOUBLE AS one_session_buyers
    FROM per_user`);
  // Registration-cohort retention, any event, month k after the cohort month, complete cells only,
  // weighted by cohort size (pooled active / pooled size).
  const retention = await one(connection, `WITH cohorts AS (
      SELECT u.user_id, date_trunc('month', coalesce(u.registration_date, f.first_ts)) AS cohort
      FROM users u LEFT JOIN (SELECT user_id, min("timestamp") AS first_ts FROM events GROUP BY user_id) f USING (user_id)),
    sizes AS (SELECT cohort, count(*) AS n FROM cohorts GROUP BY cohort),
    activity AS (SELECT DISTINCT user_id, date_trunc('month', "timestamp") AS month FROM events),
    cells AS (
      SELECT s.cohort, k, s.n,
        (SELECT count(DISTINCT a.user_id) FROM activity a JOIN cohorts c USING (user_id)
          WHERE c.cohort = s.cohort AND a.month = s.cohort + to_months(k)) AS active
      FROM sizes s, (VALUES (1), (6)) AS ks(k)
      WHERE s.cohort + to_months(k + 1) <= ${end} AND s.cohort IS NOT NULL)
    SELECT (sum(active) FILTER (WHERE k = 1) / sum(n) FILTER (WHERE k = 1))::DOUBLE AS m1,
           (sum(active) FILTER (WHERE k = 6) / sum(n) FILTER (WHERE k = 6))::DOUBLE AS m6
    FROM cells`);
  const season = await one(connection, `WITH days AS (
      SELECT d::DATE AS day FROM range(${start}, ${end}, INTERVAL 1 DAY) t(d)),
    purchases AS (SELECT "timestamp"::DATE AS day, count(*) AS n FROM events WHERE event_type = 'purchase' GROUP BY 1)
    SELECT (sum(coalesce(n, 0)) FILTER (WHERE month(day) >= 11) / count(*) FILTER (WHERE month(day) >= 11)) /
           (sum(coalesce(n, 0)) FILTER (WHERE month(day) <= 10) / count(*) FILTER (WHERE month(day) <= 10)) AS ratio
    FROM days LEFT JOIN purchases USING (day)`);
  const hours = await one(connection, `SELECT
    ((count(*) FILTER (WHERE hour(started) BETWEEN 1 AND 5)) / 5.0) /
    nullif((count(*) FILTER (WHERE hour(started) BETWEEN 18 AND 21)) / 4.0, 0) AS ratio
    FROM realism_sessions WHERE started IS NOT NULL`);
  const prices = await one(connection, `SELECT min(price)::DOUBLE AS min, max(price)::DOUBLE AS max,
    -- ln(0) is an error in DuckDB, and brought data may have free products (a price of 0 is kept).
    median(price)::DOUBLE AS median, stddev_pop(CASE WHEN price > 0 THEN ln(price) END)::DOUBLE AS ln_sd FROM products`);
  const concentration = await one(connection, `WITH views AS (
      SELECT p.product_id, count(e.event_id) AS n FROM products p
      LEFT JOIN events e ON e.product_id = p.product_id AND e.event_type = 'product_view' GROUP BY p.product_id),
    ranked AS (SELECT n, row_number() OVER (ORDER BY n DESC, product_id) AS r, count(*) OVER () AS total FROM views)
    SELECT (sum(n) FILTER (WHERE r <= ceil(0.2 * total)) / sum(n))::DOUBLE AS top_share FROM ranked`);
  const revenue = await one(connection, `WITH spend AS (
      SELECT user_id, sum(${exactAmountSql("price * quantity")}) AS revenue FROM events WHERE event_type = 'purchase' GROUP BY user_id),
    ranked AS (SELECT revenue, row_number() OVER (ORDER BY revenue DESC, user_id) AS r, count(*) OVER () AS total FROM spend)
    SELECT (sum(revenue) FILTER (WHERE r <= ceil(0.2 * total)) / sum(revenue))::DOUBLE AS top_share FROM ranked`);
  const shoppers = await one(connection, `WITH per_user AS (
      SELECT user_id, count(*) FILTER (WHERE event_type = 'product_view') AS views,
             count(*) FILTER (WHERE event_type = 'purchase') AS purchases FROM events GROUP BY user_id)
    SELECT (count(*) FILTER (WHERE views >= 10 AND purchases = 0) / count(*))::DOUBLE AS share FROM per_user`);
  const inactive = await one(connection, `SELECT
    (count(*) FILTER (WHERE user_id NOT IN (SELECT DISTINCT user_id FROM events)) / count(*))::DOUBLE AS share FROM users`);
  await connection.run("DROP TABLE realism_sessions");

  const v = (row: Row, key: string) => Number(row[key] ?? Number.NaN);
  return [
    { id: 1, statistic: "events in the dataset", values: { events: v(size, "events") }, target: "0.5M – 3M", benchmark: "original notebook generator: 1.85M", pass: between(v(size, "events"), 5e5, 3e6) },
    { id: 2, statistic: "products; categories", values: { products: v(size, "products"), categories: v(size, "categories") }, target: "200 – 2,000 products in ≥ 7 categories", benchmark: "original: 42 products", pass: between(v(size, "products"), 200, 2000) && v(size, "categories") >= 7 },
    { id: 3, statistic: "session conversion (sessions with a purchase / sessions)", values: { rate: v(funnel, "conversion") }, target: "1.5% – 6%", benchmark: "GA Merchandise Store 1.1–1.4%; industry 1–4%", pass: between(v(funnel, "conversion"), 0.015, 0.06) },
    { id: 4, statistic: "sessions with an add_to_cart / sessions", values: { rate: v(funnel, "cart_rate") }, target: "5% – 15%", benchmark: "Shopify average 4.4%, good ≥ 7%", pass: between(v(funnel, "cart_rate"), 0.05, 0.15) },
    { id: 5, statistic: "cart abandonment (carted sessions without purchase / carted sessions)", values: { rate: v(funnel, "abandonment") }, target: "55% – 85%", benchmark: "Baymard ~70%", pass: between(v(funnel, "abandonment"), 0.55, 0.85) },
    { id: 6, statistic: "product_view share of view + cart + purchase events", values: { share: v(mix, "view_share") }, target: "≥ 85%", benchmark: "REES46 94%, Retailrocket 97%", pass: v(mix, "view_share") >= 0.85 },
    { id: 7, statistic: "users who ever purchase / users with ≥ 1 session", values: { share: v(buyers, "buyer_share") }, target: "20% – 65%", benchmark: "REES46 monthly 13%; original generator 83%", pass: between(v(buyers, "buyer_share"), 0.2, 0.65) },
    { id: 8, statistic: "buyers who bought in exactly one session / buyers", values: { share: v(buyers, "one_session_buyers") }, target: "30% – 80%", benchmark: "REES46 80% in a quarter; Online Retail 34%", pass: between(v(buyers, "one_session_buyers"), 0.3, 0.8) },
    { id: 9, statistic: "monthly registration-cohort retention, weighted mean over complete cells", values: { m1: v(retention, "m1"), m6: v(retention, "m6") }, target: "M1 15% – 45%; M6 at least 20% (relative) below M1", benchmark: "Online Retail purchase M1 ~20%; original generator flat 95%", pass: between(v(retention, "m1"), 0.15, 0.45) && v(retention, "m6") <= 0.8 * v(retention, "m1") },
    { id: 10, statistic: "purchases per day in Nov–Dec / purchases per day in Jan–Oct", values: { ratio: v(season, "ratio") }, target: "≥ 1.3", benchmark: "Online Retail Nov = 2.7× Jan–Feb", pass: v(season, "ratio") >= 1.3 },
    { id: 11, statistic: "session starts per hour 01:00–05:59 UTC / per hour 18:00–21:59 UTC", values: { ratio: v(hours, "ratio") }, target: "≤ 0.35", benchmark: "trough near 5am, peaks 1–2pm and 8–10pm", pass: v(hours, "ratio") <= 0.35 },
    { id: 12, statistic: "product prices", values: { min: v(prices, "min"), max: v(prices, "max"), median: v(prices, "median"), ln_sd: v(prices, "ln_sd") }, target: "all in [10, 500]; median 25 – 120; sd of ln(price) 0.6 – 1.3", benchmark: "log-normal, REES46 ln-sd ~1.26", pass: v(prices, "min") >= 10 && v(prices, "max") <= 500 && between(v(prices, "median"), 25, 120) && between(v(prices, "ln_sd"), 0.6, 1.3) },
    { id: 13, statistic: "top 20% of products' share of product views", values: { share: v(concentration, "top_share") }, target: "≥ 50%", benchmark: "REES46 ~60%, online retail 72%", pass: v(concentration, "top_share") >= 0.5 },
    { id: 14, statistic: "top 20% of buyers' share of revenue", values: { share: v(revenue, "top_share") }, target: "≥ 55%", benchmark: "Online Retail 75%", pass: v(revenue, "top_share") >= 0.55 },
    { id: 15, statistic: "events per session (median); session duration (median, minutes)", values: { events: v(funnel, "median_events"), minutes: v(funnel, "median_minutes") }, target: "3 – 10; 2 – 20 minutes", benchmark: "GA 3.7–4 pageviews; 2–3 min average", pass: between(v(funnel, "median_events"), 3, 10) && between(v(funnel, "median_minutes"), 2, 20) },
    { id: 16, statistic: "window shoppers: active users with ≥ 10 product views and no purchase", values: { share: v(shoppers, "share") }, target: "≥ 5% of active users", benchmark: "the original analysis's headline insight", pass: v(shoppers, "share") >= 0.05 },
    { id: 17, statistic: "users with no events at all", values: { share: v(inactive, "share") }, target: "≤ 15%", benchmark: "original: 121 of 5,000", pass: v(inactive, "share") <= 0.15 },
  ];
}
