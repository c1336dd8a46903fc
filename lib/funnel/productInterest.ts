/**
 * Interest versus purchase per product, for the Funnel page: the funnel engine has no per-product
 * output, so this counts, per product, the sessions that viewed it and the sessions that bought it, and
 * keeps the top products by each.
 */
import type { AnalysisWindow } from "../dataset/window.js";
import { sqlString } from "../db/duckdb.js";
import { exactAmountSql } from "../db/exactAmountSql.js";
import { inWindowSql } from "../db/windowSql.js";

/** How many products the page shows from each end: the top N by viewing sessions and by buying sessions. */
export const TOP_PRODUCTS = 30;

export interface ProductInterestRow {
  product_id: string;
  /** As brought: may hold any text, including markup. The page renders it as text only. */
  product_name: string;
  category: string | null;
  /** Sessions (user_id + session_id) with at least one view of the product. */
  viewing_sessions: number;
  /** Sessions with at least one purchase of the product. */
  buying_sessions: number;
  views: number;
  purchases: number;
  units: number;
  revenue: number;
  /** 1 = most viewing sessions (ties by product id); among every product with a view or a purchase. */
  view_rank: number;
  purchase_rank: number;
}

export interface ProductInterest {
  top: number;
  /** Products with at least one view or purchase in the window. */
  products: number;
  /** Σ over every product (not only the rows shown): product-session pairs with a view / a purchase. */
  all_viewing_sessions: number;
  all_buying_sessions: number;
  rows: ProductInterestRow[];
}

/**
 * Per product: sessions that viewed it, sessions that bought it (and the raw events, units and revenue),
 * ranked both ways; only products in the top `limit` by either are returned, each with the totals over
 * every product. A product missing from the products table keeps its id as its name.
 */
export function productInterestSql(window: AnalysisWindow, limit = TOP_PRODUCTS): string {
  if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`limit must be a positive integer, got ${limit}`);
  const view = sqlString("product_view");
  const purchase = sqlString("purchase");
  return `WITH per_product AS (
    SELECT product_id,
      count(DISTINCT (user_id, session_id)) FILTER (WHERE event_type = ${view}) AS viewing_sessions,
      count(DISTINCT (user_id, session_id)) FILTER (WHERE event_type = ${purchase}) AS buying_sessions,
      count(*) FILTER (WHERE event_type = ${view}) AS views,
      count(*) FILTER (WHERE event_type = ${purchase}) AS purchases,
      coalesce(sum(quantity) FILTER (WHERE event_type = ${purchase}), 0) AS units,
      coalesce(sum(${exactAmountSql("price * quantity")}) FILTER (WHERE event_type = ${purchase}), 0) AS revenue,
      any_value(category) AS event_category
    FROM events
    WHERE ${inWindowSql(window)} AND product_id IS NOT NULL AND user_id IS NOT NULL AND session_id IS NOT NULL
      AND event_type IN (${view}, ${purchase})
    GROUP BY product_id
  ),
  ranked AS (
    SELECT *,
      row_number() OVER (ORDER BY viewing_sessions DESC, product_id) AS view_rank,
      row_number() OVER (ORDER BY buying_sessions DESC, product_id) AS purchase_rank,
      count(*) OVER () AS products,
      sum(viewing_sessions) OVER () AS all_viewing_sessions,
      sum(buying_sessions) OVER () AS all_buying_sessions
    FROM per_product
  )
  SELECT r.product_id,
    coalesce(p.product_name, r.product_id) AS product_name,
    coalesce(p.category, r.event_category) AS category,
    CAST(r.viewing_sessions AS INTEGER) AS viewing_sessions,
    CAST(r.buying_sessions AS INTEGER) AS buying_sessions,
    CAST(r.views AS INTEGER) AS views,
    CAST(r.purchases AS INTEGER) AS purchases,
    CAST(r.units AS INTEGER) AS units,
    CAST(round(r.revenue, 2) AS DOUBLE) AS revenue,
    CAST(r.view_rank AS INTEGER) AS view_rank,
    CAST(r.purchase_rank AS INTEGER) AS purchase_rank,
    CAST(r.products AS INTEGER) AS products,
    CAST(r.all_viewing_sessions AS INTEGER) AS all_viewing_sessions,
    CAST(r.all_buying_sessions AS INTEGER) AS all_buying_sessions
  FROM ranked AS r
  LEFT JOIN (SELECT DISTINCT ON (product_id) product_id, product_name, category FROM products) AS p USING (product_id)
  WHERE (r.view_rank <= ${limit} AND r.viewing_sessions > 0) OR (r.purchase_rank <= ${limit} AND r.buying_sessions > 0)
  ORDER BY r.view_rank`;
}

export type ProductQueryRow = ProductInterestRow & { products: number; all_viewing_sessions: number; all_buying_sessions: number };

export function toProductInterest(rows: readonly ProductQueryRow[], top = TOP_PRODUCTS): ProductInterest {
  const first = rows[0];
  return {
    top,
    products: first?.products ?? 0,
    all_viewing_sessions: first?.all_viewing_sessions ?? 0,
    all_buying_sessions: first?.all_buying_sessions ?? 0,
    rows: rows.map(({ products: _p, all_viewing_sessions: _v, all_buying_sessions: _b, ...row }) => ({
      ...row,
      product_name: String(row.product_name),
    })),
  };
}

