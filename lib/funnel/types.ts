/** Funnel outputs (docs/metrics.md §4, §7 funnel.json). Rates are null only where their denominator is 0. */

export interface FunnelStep {
  step: string;
  count: number;
  /** count / previous step's count; the first step is 1 by definition. */
  rate_from_previous: number | null;
  /** count / first step's count. */
  rate_from_first: number | null;
  /** 95% Wilson interval of rate_from_previous ([1, 1] for the first step, which is not an estimate). */
  ci_low: number;
  ci_high: number;
  /** 95% Wilson interval of rate_from_first. */
  ci_from_first_low: number;
  ci_from_first_high: number;
  /** Units lost since the previous step (0 for the first step). */
  drop_off: number;
  /** 1 − rate_from_previous. */
  drop_off_rate: number | null;
}

export interface TimeHistogramBin {
  label: string;
  /** Inclusive lower edge, seconds. */
  lower_seconds: number;
  /** Exclusive upper edge, seconds; null for the open last bin. */
  upper_seconds: number | null;
  count: number;
}

/** Time from reaching one step to reaching the next, over the units that reached the next step. */
export interface TimeToConvert {
  from: string;
  to: string;
  count: number;
  /** Quantiles with linear interpolation between order statistics (DuckDB quantile_cont, numpy's default). */
  p25_seconds: number | null;
  median_seconds: number | null;
  p75_seconds: number | null;
  p90_seconds: number | null;
  mean_seconds: number | null;
  histogram: TimeHistogramBin[];
}

/** Conversion of the units that entered (reached step 1) in one calendar period. */
export interface TrendPoint {
  /** "YYYY-MM" or the ISO week's Monday "YYYY-MM-DD". */
  period: string;
  period_start: string;
  entered: number;
  /** Units that reached the last step. */
  converted: number;
  rate: number;
  ci_low: number;
  ci_high: number;
  /** Counts of every step for this entry period, in step order. */
  step_counts: number[];
  /** See conversionTrendSql: the period, plus any conversion horizon, ends by the window end. */
  complete: boolean;
}

export interface FunnelTrend {
  week: TrendPoint[];
  month: TrendPoint[];
}

export type BreakdownAttribute = "segment" | "gender" | "age_band" | "location";

export interface BreakdownValue {
  value: string;
  units: number;
  converted: number;
  rate: number;
  ci_low: number;
  ci_high: number;
  /** Distinct users behind the units (equal to units in the user funnel). */
  users: number;
  /** False for the "Unknown" group (missing attribute) and for groups of fewer than the minimum number
   *  of users (lib/funnel/minGroupUsers.ts), which are shown but not tested. */
  tested: boolean;
  /** Why a group is not tested; null when it is. */
  untested_reason: "missing_attribute" | "too_few_users" | null;
  /** Variance inflation from clustering (sessions within users), ≥ 1; exactly 1 in the user funnel. Where
   *  the group's own data cannot estimate it (rate 0 or 1, one user), the whole funnel's pooled estimate. */
  design_effect: number;
}

export interface PairwiseComparison {
  a: string;
  b: string;
  rate_a: number;
  rate_b: number;
  /** rate_a − rate_b. */
  difference: number;
  z: number;
  p_value: number;
  /** Benjamini–Hochberg across the pairwise comparisons of this breakdown. */
  p_adjusted: number;
  significant: boolean;
}

export interface BreakdownTest {
  /** Pearson's χ² divided by the mean design effect of the tested values (first-order Rao–Scott). */
  statistic: number;
  /** The mean design effect that divided Pearson's χ². */
  design_effect: number;
  df: number;
  p_value: number;
  /** Benjamini–Hochberg across the chi-squared tests of every breakdown in the funnel output. */
  p_adjusted: number;
  significant: boolean;
}

export interface Breakdown {
  attribute: BreakdownAttribute;
  values: BreakdownValue[];
  /** Groups with fewer users were not tested (lib/funnel/minGroupUsers.ts). */
  min_group_users: number;
  /** Chi-squared test of independence, converted × value (2×k); null with fewer than two tested values. */
  chi_squared: BreakdownTest | null;
  comparisons: PairwiseComparison[];
}

export interface SessionFunnelOutput {
  unit: "session";
  steps: FunnelStep[];
  time_to_convert: TimeToConvert[];
  trend: FunnelTrend;
  /** Session conversion (reached the last step) by the session's user's attributes. */
  breakdowns: Breakdown[];
}

export interface UserFunnelOutput {
  unit: "user";
  window_days: number;
  /** Latest entry time admitted: window end − window_days (inclusive). */
  entry_cutoff: string;
  steps: FunnelStep[];
  time_to_convert: TimeToConvert[];
  trend: FunnelTrend;
  /** User conversion (reached the last step within window_days) by attribute. */
  breakdowns: Breakdown[];
}

export interface CategoryFunnelOutput {
  category: string;
  steps: FunnelStep[];
}
