/**
 * Does the default funnel fit the data? It puts the cart between the view and the purchase; in logs
 * where people buy without carting (a click log's "buy" straight from the item page, an order export
 * with no carts at all) it then shows a handful of purchases where thousands of sessions bought. When
 * more than half of the purchases have no cart at or before them in their session, the Funnel page and
 * the Overview say so, with the share, and name the configuration that fits (view → purchase). Data
 * without views (an order export) is not judged: it has no funnel to fit, and the pages say it records
 * purchases only.
 */
import type { DuckDBConnection } from "@duckdb/node-api";
import { queryRows } from "../db/duckdb";

/** Above this share of purchases without an earlier cart, the default funnel is said not to fit. */
export const UNCARTED_SHARE_LIMIT = 0.5;

export interface FunnelFit {
  purchases: number;
  /** Purchases with no add_to_cart at or before them in their session. */
  without_cart: number;
  share_without_cart: number | null;
  /** Whether the funnel in use (the default, or a configured one with a cart before the purchase) misses most purchases. */
  misfit: boolean;
  /** The steps that fit: view → purchase. */
  suggested: string[] | null;
}

export const FUNNEL_FIT_SQL = `WITH carts AS (
  SELECT user_id, session_id, min("timestamp") AS first_cart FROM events WHERE event_type = 'add_to_cart' GROUP BY ALL)
SELECT count(*)::BIGINT AS purchases,
       count(*) FILTER (WHERE c.first_cart IS NULL OR c.first_cart > p."timestamp")::BIGINT AS without_cart,
       (SELECT count(*) FROM events WHERE event_type = 'product_view')::BIGINT AS views
FROM events p LEFT JOIN carts c USING (user_id, session_id)
WHERE p.event_type = 'purchase'`;

/** `steps`: the configured funnel, or null for the default (which has a cart before the purchase). */
export async function funnelFit(connection: DuckDBConnection, steps: readonly string[] | null): Promise<FunnelFit> {
  const [row] = await queryRows<{ purchases: number; without_cart: number; views: number }>(connection, FUNNEL_FIT_SQL);
  const purchases = Number(row?.purchases ?? 0);
  const withoutCart = Number(row?.without_cart ?? 0);
  const share = purchases === 0 ? null : withoutCart / purchases;
  const cartBeforePurchase = steps === null || (steps.includes("add_to_cart") && steps.indexOf("add_to_cart") < steps.indexOf("purchase"));
  // Data without views (an order export) has no funnel to fit: the pages already say it records purchases only.
  const misfit = cartBeforePurchase && Number(row?.views ?? 0) > 0 && share !== null && share > UNCARTED_SHARE_LIMIT;
  return {
    purchases,
    without_cart: withoutCart,
    share_without_cart: share,
    misfit,
    suggested: misfit ? ["product_view", "purchase"] : null,
  };
}

const LABELS: Record<string, string> = { session_start: "session start", product_view: "view", add_to_cart: "cart", purchase: "purchase" };

/** The sentence the Funnel page and the Overview show; null when the funnel fits. */
export function funnelFitSentence(fit: FunnelFit): string | null {
  if (!fit.misfit || fit.share_without_cart === null || !fit.suggested) return null;
  const percent = `${(fit.share_without_cart * 100).toFixed(1)}%`;
  const path = fit.suggested.map((s) => LABELS[s] ?? s).join(" → ");
  return `${percent} of the purchases (${fit.without_cart.toLocaleString("en-US")} of ${fit.purchases.toLocaleString("en-US")}) have no cart before them in their session, so a funnel through the cart misses most buyers here. The funnel that fits this data is ${path}: "funnel": ${JSON.stringify(fit.suggested)} in the mapping, --funnel ${fit.suggested.join(",")} for analyze, or EVENT_KIT_FUNNEL=${fit.suggested.join(",")} for the build.`;
}
