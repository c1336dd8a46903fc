/**
 * The Overview's key insights: each a rule that reads published results and returns a sentence's
 * numbers and direction, or null when the data does not support the claim. Differences are claimed
 * only where a test says so (after Benjamini–Hochberg correction); otherwise the sentence says that
 * no difference survives. The page renders the sentences; these functions decide what they say.
 */
import type { Breakdown, CategoryFunnelOutput, FunnelStep } from "../funnel/types";
import type { RetentionOutput } from "../retention/types";
import { leaders } from "../format";
import { twoProportionZTest } from "../stats/twoProportionZTest";
import { wilsonInterval } from "../stats/wilsonInterval";

export interface Rate {
  rate: number;
  ci_low: number;
  ci_high: number;
}

export type Insight =
  | { kind: "funnel_leak"; from: string; to: string; reached: number; continued: number; rate: Rate; href: "funnel" }
  | { kind: "retention"; first_period: Rate; later_period: (Rate & { period: number }) | null; cohorts: number; href: "cohorts" }
  | { kind: "segment_difference"; attribute: string; higher: string; lower: string; higher_rate: number; lower_rate: number; p_adjusted: number; comparisons: number; href: "funnel" }
  | { kind: "no_segment_difference"; comparisons: number; href: "funnel" }
  | { kind: "interest_vs_purchase"; most_viewed: string; best_selling: string; viewed_share: number; sold_share: number; viewed_conversion: number; sold_conversion: number; significant: boolean; p_value: number; href: "funnel" }
  | { kind: "window_shoppers"; users: number; active_users: number; share: Rate; median_views: number; href: "segments" };

/**
 * The step with the lowest conversion from the one before: where the funnel leaks most. Null when the
 * data never records one of the later steps' event types (`recorded`, when given): a step that cannot
 * happen in the data is not a leak.
 */
/** The biggest drop is only drawn from a step at least this share of the funnel's entrants reached. */
export const MIN_LEAK_SHARE = 0.01;

export function funnelLeak(steps: readonly FunnelStep[], recorded?: ReadonlySet<string>): Insight | null {
  if (recorded && steps.slice(1).some((step) => !recorded.has(step.step))) return null;
  const entrants = steps[0]?.count ?? 0;
  const candidates = steps.flatMap((step, i) =>
    // A drop from a step almost nobody reaches says little about the funnel (15 carts that led to 2 of
    // 2,415 purchases in a click log where people buy without carting): such steps are never the headline.
    i > 0 && step.rate_from_previous !== null && steps[i - 1]!.count > 0 && steps[i - 1]!.count >= MIN_LEAK_SHARE * entrants
      ? [{ index: i, rate: step.rate_from_previous }]
      : [],
  );
  // "The biggest drop" names one step: when two steps lose the same share, there is no biggest to name.
  const lowest = leaders(candidates, (c) => -c.rate, false);
  if (lowest.length !== 1) return null;
  const worst = lowest[0]!;
  const from = steps[worst.index - 1]!;
  const to = steps[worst.index]!;
  return {
    kind: "funnel_leak",
    from: from.step,
    to: to.step,
    reached: from.count,
    continued: to.count,
    rate: { rate: worst.rate, ci_low: to.ci_low, ci_high: to.ci_high },
    href: "funnel",
  };
}

/**
 * Next-period retention of the default variant (registration cohorts, any event, month, "on"), and the
 * furthest later period up to 6 that at least three complete cohorts reach (fewer would be one cohort's story).
 */
export function retentionSummary(variant: RetentionOutput): Insight | null {
  const point = (period: number) => variant.average.find((p) => p.period === period && p.cohorts >= 1 && p.rate !== null);
  const first = point(1);
  if (!first || first.rate === null) return null;
  let later: (Rate & { period: number }) | null = null;
  for (let period = 6; period >= 2; period--) {
    const p = variant.average.find((q) => q.period === period && q.cohorts >= 3 && q.rate !== null);
    if (p && p.rate !== null) {
      later = { period, rate: p.rate, ci_low: p.ci_low, ci_high: p.ci_high };
      break;
    }
  }
  return { kind: "retention", first_period: { rate: first.rate, ci_low: first.ci_low, ci_high: first.ci_high }, later_period: later, cohorts: first.cohorts, href: "cohorts" };
}

/**
 * The largest significant pairwise difference in conversion across the breakdowns, or a statement that
 * none survives; null when nothing was compared (no test, no claim either way).
 */
export function segmentDifference(breakdowns: readonly Breakdown[]): Insight | null {
  const comparisons = breakdowns.flatMap((b) => b.comparisons.map((c) => ({ ...c, attribute: b.attribute })));
  if (comparisons.length === 0) return null;
  const significant = comparisons.filter((c) => c.significant).sort((x, y) => Math.abs(y.difference) - Math.abs(x.difference) || x.p_adjusted - y.p_adjusted);
  const best = significant[0];
  if (!best) return { kind: "no_segment_difference", comparisons: comparisons.length, href: "funnel" };
  // "The largest difference" names one pair: an exact tie for it is not broken by p or by name.
  if (significant.length > 1 && Math.abs(significant[1]!.difference) === Math.abs(best.difference)) return null;
  const aHigher = best.rate_a >= best.rate_b;
  return {
    kind: "segment_difference",
    attribute: best.attribute,
    higher: aHigher ? best.a : best.b,
    lower: aHigher ? best.b : best.a,
    higher_rate: aHigher ? best.rate_a : best.rate_b,
    lower_rate: aHigher ? best.rate_b : best.rate_a,
    p_adjusted: best.p_adjusted,
    comparisons: comparisons.length,
    href: "funnel",
  };
}

/**
 * "What people look at most is not what they buy": the category with the most viewing sessions against
 * the one with the most buying sessions, and whether their view-to-purchase conversion really differs
 * (two-proportion z test; one comparison, so no correction). Null when both are the same category.
 */
export function interestVersusPurchase(categories: readonly CategoryFunnelOutput[]): Insight | null {
  const views = (c: CategoryFunnelOutput) => c.steps[0]?.count ?? 0;
  const sales = (c: CategoryFunnelOutput) => c.steps[c.steps.length - 1]?.count ?? 0;
  if (categories.length < 2) return null;
  // A tie for either first place is never broken (by name or id): with no single leader, nothing is claimed.
  // No superlative rests on 0: a category that sold nothing does not "sell the most".
  const mostViewed = leaders(categories, views);
  const bestSelling = leaders(categories, sales);
  if (mostViewed.length !== 1 || bestSelling.length !== 1) return null;
  const byViews = mostViewed[0]!;
  const bySales = bestSelling[0]!;
  if (byViews.category === bySales.category || views(bySales) === 0) return null;
  const totalViews = categories.reduce((s, c) => s + views(c), 0);
  const totalSales = categories.reduce((s, c) => s + sales(c), 0);
  const test = twoProportionZTest(sales(byViews), views(byViews), sales(bySales), views(bySales));
  return {
    kind: "interest_vs_purchase",
    most_viewed: byViews.category,
    best_selling: bySales.category,
    viewed_share: views(byViews) / totalViews,
    sold_share: totalSales > 0 ? sales(bySales) / totalSales : 0,
    viewed_conversion: sales(byViews) / views(byViews),
    sold_conversion: sales(bySales) / views(bySales),
    significant: test.pValue < 0.05,
    p_value: test.pValue,
    href: "funnel",
  };
}

/** Window shoppers as docs/realism.md defines them: active users with at least 10 product views and no purchase. */
export function windowShoppers(users: number, activeUsers: number, medianViews: number): Insight | null {
  // No window shopper: nothing to describe ("0 active users … the typical one viewed 0 products").
  if (activeUsers === 0 || users === 0) return null;
  const interval = wilsonInterval(users, activeUsers);
  return { kind: "window_shoppers", users, active_users: activeUsers, share: { rate: interval.rate!, ci_low: interval.low, ci_high: interval.high }, median_views: medianViews, href: "segments" };
}

export const WINDOW_SHOPPER_SQL = `WITH per_user AS (
  SELECT user_id, count(*) FILTER (WHERE event_type = 'product_view') AS views,
         count(*) FILTER (WHERE event_type = 'purchase') AS purchases
  FROM events GROUP BY user_id)
SELECT count(*) FILTER (WHERE views >= 10 AND purchases = 0)::INTEGER AS window_shoppers,
       count(*)::INTEGER AS active_users,
       coalesce(median(views) FILTER (WHERE views >= 10 AND purchases = 0), 0)::DOUBLE AS median_views
FROM per_user`;
