/**
 * What a group of users (a cluster, or the whole population) looks like in raw units: size, mean and
 * spread of every feature, revenue and its share, and conversion. Everything is derived from the raw
 * feature matrix, whose columns include sessions, orders (= converting sessions) and revenue.
 */
// d3-array's quantileSorted interpolates between order statistics (R-7, numpy's default), the spread we publish.
import { quantileSorted } from "d3";
import { FEATURE_NAMES, type FeatureName, featureIndex } from "./features";
import type { DenseMatrix } from "./matrix";
import { type Rate, wilsonRate } from "./wilson";

export interface FeatureSpread {
  /** Population sd within the group. */
  sd: number;
  q1: number;
  median: number;
  q3: number;
}

export interface GroupProfile {
  size: number;
  /** size / all active users. */
  share: number;
  /** Mean raw feature values (docs/metrics.md §7 "profile"). */
  profile: Record<FeatureName, number>;
  spread: Record<FeatureName, FeatureSpread>;
  revenue: number;
  /** This group's revenue / all revenue (0 when there is no revenue at all). */
  revenue_share: number;
  revenue_per_user: number;
  /** Sessions with a purchase / sessions, pooled over the group's sessions. */
  session_conversion: Rate;
  /** Users with at least one order / users. */
  buyer_share: Rate;
  /** Carted sessions without a purchase / carted sessions, pooled (rate null when nobody carted). */
  cart_abandonment: Rate;
  /**
   * Users with at least WINDOW_SHOPPER_MIN_VIEWS product views and no purchase / users (docs/realism.md #16),
   * so the window-shopper story can be told for every cluster, whether or not they form their own.
   */
  window_shoppers: Rate;
}

/** docs/realism.md #16: a window shopper has at least this many product views and no purchase. */
export const WINDOW_SHOPPER_MIN_VIEWS = 10;

/**
 * Profiles of every label 0…k-1 (as `clusters`) and of everyone (as `population`). `cartedSessions`
 * (per user, not a feature) is the denominator of cart abandonment.
 */
export function profileGroups(
  raw: DenseMatrix,
  cartedSessions: Float64Array,
  labels: Int32Array,
  k: number,
): { clusters: GroupProfile[]; population: GroupProfile } {
  const members: number[][] = Array.from({ length: k }, () => []);
  for (let r = 0; r < raw.rows; r++) members[labels[r]!]!.push(r);
  const everyone = Array.from({ length: raw.rows }, (_, r) => r);
  const totalRevenue = columnSum(raw, everyone, featureIndex("revenue"));
  return {
    clusters: members.map((rows) => profileGroup(raw, cartedSessions, rows, raw.rows, totalRevenue)),
    population: profileGroup(raw, cartedSessions, everyone, raw.rows, totalRevenue),
  };
}

export function profileGroup(
  raw: DenseMatrix,
  cartedSessions: Float64Array,
  rows: readonly number[],
  populationSize: number,
  totalRevenue: number,
): GroupProfile {
  const size = rows.length;
  if (size === 0) throw new RangeError("cannot profile an empty group");
  const profile = {} as Record<FeatureName, number>;
  const spread = {} as Record<FeatureName, FeatureSpread>;
  const values = new Float64Array(size);
  FEATURE_NAMES.forEach((name, column) => {
    let sum = 0;
    for (let i = 0; i < size; i++) {
      const value = raw.data[rows[i]! * raw.cols + column]!;
      values[i] = value;
      sum += value;
    }
    const mean = sum / size;
    let squares = 0;
    for (let i = 0; i < size; i++) squares += (values[i]! - mean) ** 2;
    values.sort();
    // @types/d3-array declares an Array; d3 reads any array-like (length and index), a Float64Array too.
    const sorted = values as unknown as number[];
    profile[name] = mean;
    spread[name] = {
      sd: Math.sqrt(squares / size),
      q1: quantileSorted(sorted, 0.25)!,
      median: quantileSorted(sorted, 0.5)!,
      q3: quantileSorted(sorted, 0.75)!,
    };
  });
  const revenue = columnSum(raw, rows, featureIndex("revenue"));
  const sessions = columnSum(raw, rows, featureIndex("sessions"));
  const orders = columnSum(raw, rows, featureIndex("orders"));
  const abandoned = columnSum(raw, rows, featureIndex("abandoned_carts"));
  let carted = 0;
  for (const r of rows) carted += cartedSessions[r]!;
  let buyers = 0;
  let windowShoppers = 0;
  const ordersColumn = featureIndex("orders");
  const viewsColumn = featureIndex("product_views");
  for (const r of rows) {
    const bought = raw.data[r * raw.cols + ordersColumn]! > 0;
    if (bought) buyers++;
    else if (raw.data[r * raw.cols + viewsColumn]! >= WINDOW_SHOPPER_MIN_VIEWS) windowShoppers++;
  }
  return {
    size,
    share: size / populationSize,
    profile,
    spread,
    revenue,
    revenue_share: totalRevenue > 0 ? revenue / totalRevenue : 0,
    revenue_per_user: revenue / size,
    session_conversion: wilsonRate(Math.round(orders), Math.round(sessions)),
    buyer_share: wilsonRate(buyers, size),
    cart_abandonment: wilsonRate(Math.round(abandoned), Math.round(carted)),
    window_shoppers: wilsonRate(windowShoppers, size),
  };
}

function columnSum(raw: DenseMatrix, rows: readonly number[], column: number): number {
  let sum = 0;
  for (const r of rows) sum += raw.data[r * raw.cols + column]!;
  return sum;
}
