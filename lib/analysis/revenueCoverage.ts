/**
 * How much of the purchases revenue can be measured on. A purchase without a price is a purchase (it
 * counts for buyers, conversion and every funnel) but adds nothing to revenue; exports such as click
 * logs have no prices at all. Revenue, lifetime value and the spend-based segment features (revenue,
 * average order value) are then sums over the priced purchases only, and the report says so; with no
 * price anywhere they are not measurable, which is different from 0.
 */
export interface RevenueCoverage {
  purchases: number;
  /** Purchases with a price (and so an amount: price × quantity). */
  priced_purchases: number;
  unpriced_purchases: number;
  /** False when there are purchases and none has a price: revenue is unknown, not 0. */
  measurable: boolean;
}

export function revenueCoverage(purchases: number, pricedPurchases: number): RevenueCoverage {
  return {
    purchases,
    priced_purchases: pricedPurchases,
    unpriced_purchases: purchases - pricedPurchases,
    measurable: purchases === 0 || pricedPurchases > 0,
  };
}

const count = (n: number, noun: string) => `${n.toLocaleString("en-US")} ${noun}${n === 1 ? "" : "s"}`;

/**
 * The sentence a page shows beside revenue, LTV or spend-based segments; null when every purchase has a
 * price (nothing to say). Plain text, so pages and captions can use it as it is.
 */
export function revenueCoverageSentence(coverage: RevenueCoverage): string | null {
  const { purchases, priced_purchases, unpriced_purchases } = coverage;
  if (unpriced_purchases === 0) return null;
  if (!coverage.measurable) {
    return `No purchase in the data has a price, so revenue, lifetime value and the spend-based segment features (revenue, average order value) cannot be measured; they are left out rather than shown as 0. The ${count(purchases, "purchase")} still count for buyers, conversion and the funnels.`;
  }
  const share = unpriced_purchases / purchases;
  const percent = share < 0.001 ? "under 0.1%" : `${(share * 100).toFixed(1)}%`;
  return `Revenue covers the ${count(priced_purchases, "purchase")} with a price only: ${count(unpriced_purchases, "purchase")} (${percent}) have none. Lifetime value and the spend-based segment features (revenue, average order value) use the priced purchases only; every purchase counts for buyers, conversion and the funnels.`;
}
