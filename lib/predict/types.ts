/** The shapes predictions.json and the prediction page share (declared once, here). */
import type { TimeUnit } from "./periods";

export interface DateRange {
  /** First day, YYYY-MM-DD. */
  start: string;
  /** Last day (inclusive), YYYY-MM-DD. */
  end: string;
}

export interface BgnbdSummary {
  r: number;
  alpha: number;
  a: number;
  b: number;
  log_likelihood: number;
  /** Customers fitted. */
  n: number;
  /** Null where the observed information is not positive definite (a flat or boundary maximum). */
  standard_errors: { r: number | null; alpha: number | null; a: number | null; b: number | null };
  converged: boolean;
}

export interface GammaGammaSummary {
  p: number;
  q: number;
  gamma: number;
  log_likelihood: number;
  n: number;
  standard_errors: { p: number | null; q: number | null; gamma: number | null };
  converged: boolean;
}

/** (a) Mean holdout repeat purchases by calibration repeat purchases 0, 1, …, 7+. */
export interface FrequencyRow {
  x: string;
  customers: number;
  actual: number;
  predicted: number;
}

/** (b) Cumulative repeat purchases by the end of each week of the window. */
export interface TrackingRow {
  week: number;
  /** Last day of the week, YYYY-MM-DD. */
  end: string;
  actual: number;
  predicted: number;
}

/** P(alive) against the planted truth, by decile of predicted P(alive). */
export interface AliveDecile {
  decile: number;
  customers: number;
  predicted: number;
  actual: number;
}

export interface Validation {
  holdout_days: number;
  /** Calibration customers (first purchase on or before the calibration end). */
  customers: number;
  actual_total: number;
  predicted_total: number;
  /** predicted_total ÷ actual_total (null when nothing was bought in the holdout). */
  ratio: number | null;
  /** Mean absolute error per customer, in holdout repeat purchases. */
  mae: number;
  /** The holdout total is within ±20% of actual. */
  holds: boolean;
  by_frequency: FrequencyRow[];
  tracking: TrackingRow[];
  /** Pearson correlation of repeat transactions and mean spend among Gamma–Gamma's customers. */
  spend_frequency_correlation: { n: number; r: number } | null;
  /** From the whole-window fit; null without a planted truth. */
  alive_calibration: AliveDecile[] | null;
}

export interface PredictionOptions {
  time_unit: TimeUnit;
  horizon_days: number;
  discount_rate: number;
}

export interface PredictionsSummary {
  time_unit: TimeUnit;
  /** IANA time zone whose calendar days the calibration and holdout dates are. */
  timezone: string;
  calibration: DateRange;
  holdout: DateRange;
  options: PredictionOptions;
  /** The calibration fit (validated on the holdout); null where the data cannot support the model. */
  bgnbd: BgnbdSummary | null;
  gamma_gamma: GammaGammaSummary | null;
  /** The refit on the whole window, from which the per-customer predictions come. */
  refit: { bgnbd: BgnbdSummary | null; gamma_gamma: GammaGammaSummary | null };
  validation: Validation | null;
  /** Why the model or the spend model was not fitted, in plain words; null when it was. */
  unsupported: { bgnbd: string | null; gamma_gamma: string | null };
}

/** Per customer, from the whole-window refit: customer_predictions.parquet's columns. */
export interface CustomerPredictions {
  userIds: string[];
  x: Float64Array;
  tx: Float64Array;
  T: Float64Array;
  /** Days since the last purchase at the end of the data, and purchase days in all (for the RFM grid). */
  recencyDays: Float64Array;
  pAlive: Float64Array;
  expected30: Float64Array;
  expected90: Float64Array;
  expected365: Float64Array;
  expectedSpend: Float64Array;
  clv: Float64Array;
  /** K-means cluster, −1 where the customer has none. */
  segment: Int32Array;
}
