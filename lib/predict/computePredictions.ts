/**
 * Predictions of who comes back and what they are worth (docs/predictions.md): BG/NBD and Gamma–Gamma
 * fitted on the calibration period and checked on the holdout, then refitted on the whole window for
 * the per-customer predictions (P(alive) at the end of the data, expected purchases, CLV).
 */
import type { DuckDBConnection } from "@duckdb/node-api";
import type { AnalysisWindow } from "../dataset/window";
import { queryRows } from "../db/duckdb";
import { countOf, formatNumber } from "../format";
import type { BgnbdParams } from "./bgnbdLikelihood";
import { conditionalExpectedTransactions, probabilityAlive } from "./bgnbdExpectations";
import { discountedExpectedTransactions } from "./clv";
import { repeatsByDaySql } from "./customerSql";
import { type BgnbdFit, fitBgnbd } from "./fitBgnbd";
import { type GammaGammaFit, fitGammaGamma } from "./fitGammaGamma";
import { conditionalExpectedSpend, populationMeanSpend, type SpendData } from "./gammaGammaLikelihood";
import { groupCustomers } from "./groups";
import { dayDate, periodsFor, type Periods, type TimeUnit, UNIT_DAYS, windowDays } from "./periods";
import { type Customers, readCustomers } from "./readCustomers";
import type { BgnbdSummary, CustomerPredictions, GammaGammaSummary, PredictionOptions, PredictionsSummary, Validation } from "./types";
import { aliveCalibration, byFrequency, HOLDS_WITHIN, holdoutPredictions, pearson, tracking } from "./validation";

export const DEFAULT_PREDICTION_OPTIONS: PredictionOptions = { time_unit: "week", horizon_days: 365, discount_rate: 0.1 };
/** Below these the likelihood is too flat to say anything; the page explains instead of drawing. */
export const MIN_CUSTOMERS = 30;
export const MIN_REPEAT_CUSTOMERS = 10;
export const MIN_SPEND_CUSTOMERS = 10;
export const PREDICTION_DAYS = [30, 90, 365] as const;

export interface PredictionsInput {
  window: AnalysisWindow;
  /** Last calibration day, YYYY-MM-DD (inclusive); default: the first two thirds of the window. */
  calibrationEnd?: string;
  options?: Partial<PredictionOptions>;
  /** K-means cluster per user id. */
  segments?: Map<string, number>;
  /** The generator's planted truth: alive (not churned) at the end of the data, per user id. */
  plantedAlive?: Map<string, boolean>;
}

export interface PredictionsResult {
  summary: PredictionsSummary;
  /** Null where the whole-window data cannot support the model. */
  customers: CustomerPredictions | null;
}

export function validatePredictionOptions(options: PredictionOptions): void {
  if (options.time_unit !== "day" && options.time_unit !== "week") throw new RangeError(`time unit must be day or week, got "${String(options.time_unit)}"`);
  if (!Number.isInteger(options.horizon_days) || options.horizon_days < 1 || options.horizon_days > 3650) {
    throw new RangeError(`horizon must be a whole number of days from 1 to 3650, got ${options.horizon_days}`);
  }
  if (!(options.discount_rate >= 0 && options.discount_rate < 1)) throw new RangeError(`yearly discount rate must be from 0 to below 1, got ${options.discount_rate}`);
}

export async function computePredictions(connection: DuckDBConnection, input: PredictionsInput): Promise<PredictionsResult> {
  const options = { ...DEFAULT_PREDICTION_OPTIONS, ...input.options };
  validatePredictionOptions(options);
  const unitDays = UNIT_DAYS[options.time_unit];
  const { startDate, days, timezone } = windowDays(input.window);
  if (days < 2 && input.calibrationEnd === undefined) {
    // A day of data: no later period to hold out, and no time for anyone to come back. Said, not thrown,
    // so that the rest of the report is still built (a chosen --calibration-end is checked by periodsFor).
    const reason = `the data spans ${days === 1 ? "a single day" : "less than a day"} (${startDate}): there is no later period to hold out and check the model on, and no time to see anyone come back`;
    const day = { start: startDate, end: startDate };
    return {
      summary: {
        time_unit: options.time_unit,
        timezone,
        calibration: day,
        holdout: day,
        options,
        bgnbd: null,
        gamma_gamma: null,
        refit: { bgnbd: null, gamma_gamma: null },
        validation: null,
        unsupported: { bgnbd: reason, gamma_gamma: reason },
      },
      customers: null,
    };
  }
  const periods = periodsFor(input.window, input.calibrationEnd);
  const lastDay = periods.days - 1;

  const calibration = await readCustomers(connection, periods, periods.calibrationEndDay, options.time_unit);
  const bgnbdReason = unsupportedReason(calibration, "the calibration period");
  const calibrationFit = bgnbdReason ? null : fitBgnbd(groupCustomers(calibration.x, calibration.tx, calibration.T));
  const spend = spendData(calibration);
  const spendFit = calibrationFit ? fitSpend(spend) : null;

  let validation: Validation | null = null;
  const whole = await readCustomers(connection, periods, lastDay, options.time_unit);
  const wholeReason = unsupportedReason(whole, "the whole window");
  const refit = wholeReason ? null : fitBgnbd(groupCustomers(whole.x, whole.tx, whole.T));
  const refitSpend = refit ? fitSpend(spendData(whole)) : null;
  const customers = refit ? predictCustomers(whole, refit.params, refitSpend?.fit?.params, options, input.segments) : null;

  if (calibrationFit) {
    const holdoutDays = lastDay - periods.calibrationEndDay;
    const predicted = holdoutPredictions(calibrationFit.params, calibration, holdoutDays / unitDays);
    const actualTotal = calibration.holdoutX.reduce((s, v) => s + v, 0);
    const predictedTotal = predicted.reduce((s, v) => s + v, 0);
    let absolute = 0;
    predicted.forEach((p, i) => (absolute += Math.abs(p - calibration.holdoutX[i]!)));
    const ratio = actualTotal > 0 ? predictedTotal / actualTotal : null;
    const repeats = new Float64Array(periods.days);
    for (const row of await queryRows<{ day: number; repeats: number }>(connection, repeatsByDaySql(periods, periods.calibrationEndDay))) {
      repeats[row.day] = row.repeats;
    }
    const correlation = pearson(spend.x, spend.mean);
    validation = {
      holdout_days: holdoutDays,
      customers: calibration.userIds.length,
      actual_total: actualTotal,
      predicted_total: predictedTotal,
      ratio,
      mae: absolute / calibration.userIds.length,
      holds: ratio !== null && Math.abs(ratio - 1) <= HOLDS_WITHIN,
      by_frequency: byFrequency(calibration, predicted),
      tracking: tracking(calibrationFit.params, calibration, repeats, periods, unitDays),
      spend_frequency_correlation: correlation === null ? null : { n: spend.x.length, r: correlation },
      alive_calibration: customers && input.plantedAlive ? aliveCalibration(customers.userIds, customers.pAlive, input.plantedAlive) : null,
    };
  }

  const summary: PredictionsSummary = {
    time_unit: options.time_unit,
    timezone: periods.timezone,
    calibration: { start: periods.startDate, end: dayDate(periods.startDate, periods.calibrationEndDay) },
    holdout: { start: dayDate(periods.startDate, periods.calibrationEndDay + 1), end: dayDate(periods.startDate, lastDay) },
    options,
    bgnbd: calibrationFit ? bgnbdSummary(calibrationFit) : null,
    gamma_gamma: spendFit?.fit ? gammaGammaSummary(spendFit.fit) : null,
    refit: { bgnbd: refit ? bgnbdSummary(refit) : null, gamma_gamma: refitSpend?.fit ? gammaGammaSummary(refitSpend.fit) : null },
    validation,
    unsupported: { bgnbd: bgnbdReason ?? wholeReason, gamma_gamma: bgnbdReason ?? wholeReason ?? refitSpend?.reason ?? spendFit?.reason ?? null },
  };
  return { summary, customers };
}

/** "no customer", "only 1 customer", "only 12 customers": the subject of a reason the model cannot be fitted. */
export function onlyCustomers(count: number): string {
  return count === 0 ? "no customer" : `only ${countOf(count, "customer")}`;
}

function unsupportedReason(customers: Customers, period: string): string | null {
  const repeaters = customers.x.reduce((n, x) => n + (x > 0 ? 1 : 0), 0);
  if (customers.userIds.length < MIN_CUSTOMERS) {
    return `${onlyCustomers(customers.userIds.length)} made a first purchase in ${period}; the model needs at least ${MIN_CUSTOMERS}`;
  }
  if (repeaters < MIN_REPEAT_CUSTOMERS) {
    return `${onlyCustomers(repeaters)} bought again on a later day in ${period}; without repeat purchases there is nothing to learn how often people come back from (the model needs at least ${MIN_REPEAT_CUSTOMERS})`;
  }
  return null;
}

function spendData(customers: Customers): SpendData {
  const rows = [...customers.spendX.keys()].filter((i) => customers.spendX[i]! > 0);
  return { x: Float64Array.from(rows, (i) => customers.spendX[i]!), mean: Float64Array.from(rows, (i) => customers.spendMean[i]!) };
}

function fitSpend(data: SpendData): { fit: GammaGammaFit | null; reason: string | null } {
  if (data.x.length < MIN_SPEND_CUSTOMERS) {
    return {
      fit: null,
      reason: `${onlyCustomers(data.x.length)} ${data.x.length === 1 ? "has" : "have"} priced repeat purchases; the spend model needs at least ${MIN_SPEND_CUSTOMERS}, so no value is predicted`,
    };
  }
  const fit = fitGammaGamma(data);
  if (!(fit.params.q > 1)) return { fit: null, reason: `the spend model's fit has q = ${formatNumber(fit.params.q, 2)} ≤ 1, for which the mean spend is infinite: no value is predicted` };
  return { fit, reason: null };
}

function predictCustomers(
  customers: Customers,
  params: BgnbdParams,
  spend: GammaGammaFit["params"] | undefined,
  options: PredictionOptions,
  segments: Map<string, number> | undefined,
): CustomerPredictions {
  const n = customers.userIds.length;
  const unitDays = UNIT_DAYS[options.time_unit];
  const out: CustomerPredictions = {
    userIds: customers.userIds,
    x: customers.x,
    tx: customers.tx,
    T: customers.T,
    recencyDays: Float64Array.from(customers.TDays, (T, i) => T - customers.txDays[i]!),
    pAlive: new Float64Array(n),
    expected30: new Float64Array(n),
    expected90: new Float64Array(n),
    expected365: new Float64Array(n),
    expectedSpend: new Float64Array(n),
    clv: new Float64Array(n),
    segment: Int32Array.from(customers.userIds, (id) => segments?.get(id) ?? -1),
  };
  const byHistory = new Map<string, number[]>();
  const populationSpend = spend ? populationMeanSpend(spend) : Number.NaN;
  for (let i = 0; i < n; i++) {
    const history = { x: customers.x[i]!, tx: customers.tx[i]!, T: customers.T[i]! };
    const key = `${history.x}|${customers.txDays[i]}|${customers.TDays[i]}`;
    let values = byHistory.get(key);
    if (!values) {
      values = [
        probabilityAlive(params, history.x, history.tx, history.T),
        ...PREDICTION_DAYS.map((days) => conditionalExpectedTransactions(params, days / unitDays, history.x, history.tx, history.T)),
        discountedExpectedTransactions(params, history, options.horizon_days, unitDays, options.discount_rate),
      ];
      byHistory.set(key, values);
    }
    const [alive, e30, e90, e365, discounted] = values as [number, number, number, number, number];
    out.pAlive[i] = alive;
    out.expected30[i] = e30;
    out.expected90[i] = e90;
    out.expected365[i] = e365;
    // Customers without priced repeat purchases get the population's mean spend, Gamma–Gamma's prior.
    const expectedSpend = !spend ? Number.NaN : customers.spendX[i]! > 0 ? conditionalExpectedSpend(spend, customers.spendX[i]!, customers.spendMean[i]!) : populationSpend;
    out.expectedSpend[i] = expectedSpend;
    out.clv[i] = discounted * expectedSpend;
  }
  return out;
}

function bgnbdSummary(fit: BgnbdFit): BgnbdSummary {
  return { ...fit.params, log_likelihood: fit.logLikelihood, n: fit.n, standard_errors: finiteOrNull(fit.standardErrors), converged: fit.converged };
}

function finiteOrNull<T extends object>(values: T): { [K in keyof T]: number | null } {
  return Object.fromEntries(Object.entries(values).map(([k, v]) => [k, Number.isFinite(v) ? (v as number) : null])) as { [K in keyof T]: number | null };
}

function gammaGammaSummary(fit: GammaGammaFit): GammaGammaSummary {
  return { ...fit.params, log_likelihood: fit.logLikelihood, n: fit.n, standard_errors: finiteOrNull(fit.standardErrors), converged: fit.converged };
}

export type { TimeUnit, Periods };
