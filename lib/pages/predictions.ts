/**
 * The "Who will come back?" page's data (docs/predictions.md): everything data-driven it shows, built at
 * build time from computePredictions' result: rows for each chart, every sentence, every caption.
 * Nothing per customer leaves this module: only aggregates (segments, deciles, RFM cells, validation).
 */
import { formatCurrency, formatInteger, formatNumber, formatPercent } from "../../src/components/format";
import type { PredictionsResult } from "../predict/computePredictions";
import type { CustomerPredictions, DateRange, FrequencyRow, PredictionsSummary, TrackingRow, AliveDecile } from "../predict/types";
import { HOLDS_WITHIN } from "../predict/validation";

export interface SegmentPredictionRow {
  segment: string;
  cluster: number;
  customers: number;
  mean_p_alive: number;
  expected_90d: number;
  clv_share: number;
}
export interface ClvDecileRow {
  decile: number;
  customers: number;
  mean_clv: number;
  share: number;
}
export interface RfmCell {
  recency: number;
  frequency: number;
  customers: number;
  mean_clv: number;
}
export interface TrackingPoint extends TrackingRow {
  period: "calibration" | "holdout";
}

export interface PredictionsPage {
  calibration: DateRange;
  holdout: DateRange;
  /** The model could be fitted; when false, `reason` says why and nothing is drawn. */
  fitted: boolean;
  reason: string | null;
  /** The holdout total came within ±20% of actual: only then does the prose forecast. */
  holds: boolean;
  lede: string[];
  kpis: { label: string; value: string; caption: string }[];
  parameters: { model: string; parameter: string; calibration: string; whole_window: string }[];
  segments: SegmentPredictionRow[] | null;
  segmentSentence: string | null;
  clvDeciles: ClvDecileRow[] | null;
  clvSentence: string;
  rfm: RfmCell[] | null;
  byFrequency: FrequencyRow[] | null;
  tracking: TrackingPoint[] | null;
  validationSentence: string | null;
  alive: AliveDecile[] | null;
  aliveSentence: string | null;
  spendSentence: string | null;
  actions: string[];
  captions: Record<"segments" | "clv" | "rfm" | "frequency" | "tracking" | "alive" | "parameters", string>;
}

const pct = (p: number) => formatPercent(p, 1);

/** Rank-based quintiles 1–5 (ties broken by position, as pandas' qcut of rank(method="first")). */
export function rankQuintiles(values: ArrayLike<number>): Int8Array {
  const order = Array.from({ length: values.length }, (_, i) => i).sort((i, j) => values[i]! - values[j]! || i - j);
  const out = new Int8Array(values.length);
  order.forEach((i, rank) => (out[i] = Math.floor((rank * 5) / values.length) + 1));
  return out;
}

export function rfmGrid(customers: CustomerPredictions): RfmCell[] {
  // Recency 5 = bought most recently: rank by days since the last purchase, most days first.
  const recency = rankQuintiles(Float64Array.from(customers.recencyDays, (d) => -d));
  const frequency = rankQuintiles(customers.x);
  const cells = new Map<string, RfmCell>();
  for (let i = 0; i < customers.userIds.length; i++) {
    const key = `${recency[i]}|${frequency[i]}`;
    const cell = cells.get(key) ?? { recency: recency[i]!, frequency: frequency[i]!, customers: 0, mean_clv: 0 };
    cell.customers++;
    cell.mean_clv += customers.clv[i]!;
    cells.set(key, cell);
  }
  return [...cells.values()].map((c) => ({ ...c, mean_clv: c.mean_clv / c.customers })).sort((a, b) => a.recency - b.recency || a.frequency - b.frequency);
}

export function clvDeciles(clv: Float64Array): ClvDecileRow[] {
  const sorted = Float64Array.from(clv).sort().reverse();
  const total = sorted.reduce((s, v) => s + v, 0);
  return Array.from({ length: 10 }, (_, d) => {
    const group = sorted.subarray(Math.floor((d * sorted.length) / 10), Math.floor(((d + 1) * sorted.length) / 10));
    const sum = group.reduce((s, v) => s + v, 0);
    return { decile: d + 1, customers: group.length, mean_clv: group.length ? sum / group.length : 0, share: total > 0 ? sum / total : 0 };
  });
}

export function segmentRows(customers: CustomerPredictions, names: Map<number, string>): SegmentPredictionRow[] {
  const totalClv = customers.clv.reduce((s, v) => s + (Number.isFinite(v) ? v : 0), 0);
  const rows = new Map<number, { customers: number; alive: number; e90: number; clv: number }>();
  customers.segment.forEach((cluster, i) => {
    const row = rows.get(cluster) ?? { customers: 0, alive: 0, e90: 0, clv: 0 };
    row.customers++;
    row.alive += customers.pAlive[i]!;
    row.e90 += customers.expected90[i]!;
    row.clv += Number.isFinite(customers.clv[i]!) ? customers.clv[i]! : 0;
    rows.set(cluster, row);
  });
  return [...rows]
    .sort(([a], [b]) => a - b)
    .map(([cluster, r]) => ({
      segment: names.get(cluster) ?? "No segment",
      cluster,
      customers: r.customers,
      mean_p_alive: r.alive / r.customers,
      expected_90d: r.e90 / r.customers,
      clv_share: totalClv > 0 ? r.clv / totalClv : 0,
    }));
}

function num(x: number | null | undefined, digits = 3): string {
  return x === null || x === undefined ? "—" : formatNumber(x, x !== 0 && Math.abs(x) < 0.01 ? 5 : digits);
}

function parameterRows(summary: PredictionsSummary): PredictionsPage["parameters"] {
  const withSe = (value: number | undefined, se: number | null | undefined) => (value === undefined ? "—" : `${num(value)} (SE ${num(se)})`);
  const c = summary.bgnbd;
  const w = summary.refit.bgnbd;
  const cg = summary.gamma_gamma;
  const wg = summary.refit.gamma_gamma;
  const rows: PredictionsPage["parameters"] = (["r", "alpha", "a", "b"] as const).map((p) => ({
    model: "BG/NBD",
    parameter: p === "alpha" ? "α" : p,
    calibration: withSe(c?.[p], c?.standard_errors[p]),
    whole_window: withSe(w?.[p], w?.standard_errors[p]),
  }));
  for (const p of ["p", "q", "gamma"] as const) {
    rows.push({ model: "Gamma–Gamma", parameter: p === "gamma" ? "γ" : p, calibration: withSe(cg?.[p], cg?.standard_errors[p]), whole_window: withSe(wg?.[p], wg?.standard_errors[p]) });
  }
  return rows;
}

export function buildPredictionsPage(result: PredictionsResult, segmentNames: Map<number, string>): PredictionsPage {
  const { summary, customers } = result;
  const v = summary.validation;
  const unit = summary.time_unit;
  const holds = v?.holds ?? false;
  const fitted = customers !== null && summary.bgnbd !== null;
  const hasValue = summary.refit.gamma_gamma !== null;
  const period = (r: DateRange) => `${r.start} to ${r.end}`;
  const captions: PredictionsPage["captions"] = {
    parameters: `Maximum likelihood estimates, standard errors from the observed information. Calibration fit: customers whose first purchase fell in ${period(summary.calibration)}; whole-window refit: every customer up to ${summary.holdout.end}. Time unit: ${unit}.`,
    segments: `Customers: everyone with a purchase in the window, grouped by their K-means segment (Segments page). P(alive): the BG/NBD probability that the customer has not yet dropped out at the end of the data. Expected purchases: purchase days expected in the next 90 days.`,
    clv: `CLV: expected purchase days over the next ${formatInteger(summary.options.horizon_days)} days, week by week, each discounted at ${pct(summary.options.discount_rate)} a year, times the customer's expected spend per purchase day (Gamma–Gamma). Customers ranked by CLV and split into ten equal groups.`,
    rfm: `Recency and frequency quintiles by rank over all customers (5 = bought most recently, most purchase days; ties split by user order), coloured by mean CLV: the iso-value picture of Fader, Hardie & Lee's "RFM and CLV".`,
    frequency: `Calibration customers (first purchase ${period(summary.calibration)}) grouped by their repeat purchase days in calibration; mean repeat purchase days in the holdout (${period(summary.holdout)}): actual against the calibration fit's prediction.`,
    tracking: `Cumulative repeat purchase days (after each customer's first) by the calibration customers, week by week; predicted: the sum of E[X(t − first purchase)] over them. The dashed rule marks the end of calibration.`,
    alive: `Customers of the whole-window fit ranked by predicted P(alive) into ten equal groups: mean predicted P(alive) against the share the generator's planted truth says had not churned when the data ends.`,
  };
  const base = {
    calibration: summary.calibration,
    holdout: summary.holdout,
    fitted,
    holds,
    captions,
    parameters: parameterRows(summary),
  };
  if (!fitted || !customers) {
    const reason = `The model could not be fitted: ${summary.unsupported.bgnbd ?? "no customers"}.`;
    return {
      ...base,
      reason,
      lede: [reason, "Nothing below predicts anything; the cards say what each chart would need."],
      kpis: [],
      segments: null,
      segmentSentence: null,
      clvDeciles: null,
      clvSentence: reason,
      rfm: null,
      byFrequency: null,
      tracking: null,
      validationSentence: null,
      alive: null,
      aliveSentence: null,
      spendSentence: null,
      actions: [],
    };
  }
  const n = customers.userIds.length;
  const calibrationEnd = summary.calibration.end;
  const ratio = v?.ratio ?? null;
  const missBy = ratio === null ? null : Math.abs(ratio - 1);
  const validationSentence = v
    ? ratio === null
      ? `Nobody bought in the holdout, so the model cannot be checked on this data.`
      : `Fitted on ${period(summary.calibration)} and asked to predict the ${formatInteger(v.holdout_days)} days after it, the model expected ${formatNumber(v.predicted_total, 0)} repeat purchase days from the ${formatInteger(v.customers)} calibration customers; they made ${formatInteger(v.actual_total)}: ${ratio < 1 ? "under" : "over"} by ${pct(missBy!)} (mean absolute error ${formatNumber(v.mae, 2)} per customer). ` +
        (holds
          ? `That is within ±${pct(HOLDS_WITHIN)}: the model holds on this data.`
          : `That is outside ±${pct(HOLDS_WITHIN)}: the model does not hold on this data, so this page makes no forecast in words, and the numbers below are rankings to compare customers by, not forecasts.`)
    : null;
  const alive = v?.alive_calibration ?? null;
  const aliveSentence = alive
    ? (() => {
        const sure = alive.filter((d) => d.predicted > 0.99);
        const rest = alive.filter((d) => d.predicted <= 0.99);
        const gap = rest.reduce((s, d) => s + Math.abs(d.predicted - d.actual), 0) / Math.max(1, rest.length);
        return (
          `Against the churn the generator planted, predicted P(alive) is off by ${pct(gap)} on average in the ${rest.length} decile${rest.length === 1 ? "" : "s"} where the model is unsure. ` +
          (sure.length
            ? `In the ${sure.length} decile${sure.length === 1 ? "" : "s"} it calls certain (P(alive) = 1: customers who never bought again, whom BG/NBD cannot have seen drop out) only ${pct(sure.reduce((s, d) => s + d.actual * d.customers, 0) / sure.reduce((s, d) => s + d.customers, 0))} are truly alive: read P(alive) of one-time buyers as "not yet seen to leave", not as loyalty.`
            : "")
        );
      })()
    : null;
  const corr = v?.spend_frequency_correlation ?? null;
  const spendSentence = corr
    ? `Gamma–Gamma assumes what a customer spends per purchase does not depend on how often they buy. Over the ${formatInteger(corr.n)} repeat buyers of calibration, the correlation of mean spend with repeat purchases is ${formatNumber(corr.r, 2)}: ${Math.abs(corr.r) < 0.3 ? "weak, so the assumption is reasonable here" : "not weak, so the assumption is doubtful here and CLV should be read with care"}.`
    : summary.unsupported.gamma_gamma;
  const deciles = hasValue ? clvDeciles(customers.clv) : null;
  const segments = segmentRows(customers, segmentNames);
  const aliveShare = customers.pAlive.reduce((s, p) => s + (p >= 0.5 ? 1 : 0), 0) / n;
  const expected90 = customers.expected90.reduce((s, v2) => s + v2, 0);
  const atRisk = [...customers.x.keys()].filter((i) => customers.x[i]! >= 2 && customers.pAlive[i]! < 0.5);
  const topSegment = [...segments].sort((a, b) => b.clv_share - a.clv_share)[0];
  const fading = [...segments].filter((s) => s.customers >= 10).sort((a, b) => a.mean_p_alive - b.mean_p_alive)[0];
  const lede = [
    `BG/NBD and Gamma–Gamma, fitted to the purchase days of ${formatInteger(n)} customers, estimate for each one the chance they are still a customer and how much they will buy.`,
    v && ratio !== null
      ? holds
        ? `Checked on the ${formatInteger(v.holdout_days)} days it was not fitted on, it predicted the repeat purchases within ${pct(missBy!)}: it holds here.`
        : `Checked on the ${formatInteger(v.holdout_days)} days it was not fitted on, it missed the repeat purchases by ${pct(missBy!)}, more than the ±${pct(HOLDS_WITHIN)} it must meet: it does not hold here, so this page ranks customers but makes no forecast in words.`
      : "",
  ].filter(Boolean);
  if (holds) {
    lede.push(
      `The model expects ${formatNumber(expected90, 0)} purchase days from these customers in the next 90 days; ${pct(aliveShare)} of them are more likely than not still customers.` +
        (deciles ? ` The top tenth by CLV holds ${pct(deciles[0]!.share)} of the value expected over the next ${formatInteger(summary.options.horizon_days)} days.` : ""),
    );
  }
  const actions: string[] = [];
  if (topSegment && hasValue) actions.push(`Protect: ${topSegment.segment} ${holds ? "hold" : "rank highest on"} the largest share of expected value (${pct(topSegment.clv_share)}) with a mean P(alive) of ${formatNumber(topSegment.mean_p_alive, 2)}; they are the customers a service failure would cost most.`);
  if (atRisk.length) actions.push(`Win back: ${formatInteger(atRisk.length)} customers bought on at least three days but now have P(alive) below 0.5; they knew the shop, and a reminder costs little against what they bought before.`);
  if (fading && fading !== topSegment) actions.push(`Watch: ${fading.segment} have the lowest mean P(alive) (${formatNumber(fading.mean_p_alive, 2)}); spend on them only where the RFM grid shows value left.`);
  if (!holds) actions.push(`Before acting on amounts: the model missed the holdout by more than ${pct(HOLDS_WITHIN)}, so use it to rank customers, not to budget.`);
  const clvSentence = deciles
    ? `Ranked by CLV, the top tenth of customers ${holds ? "is expected to bring" : "would bring, if the model held,"} ${pct(deciles[0]!.share)} of all future value, the bottom half ${pct(deciles.slice(5).reduce((s, d) => s + d.share, 0))}.`
    : `No value is predicted: ${summary.unsupported.gamma_gamma}.`;
  return {
    ...base,
    reason: null,
    lede,
    kpis: [
      { label: "Customers modelled", value: formatInteger(n), caption: `with a purchase from ${summary.calibration.start} to ${summary.holdout.end}` },
      { label: "Holdout: predicted ÷ actual", value: ratio === null ? "—" : formatNumber(ratio, 2), caption: holds ? `within ±${pct(HOLDS_WITHIN)}: the model holds` : `outside ±${pct(HOLDS_WITHIN)}: the model does not hold here` },
      { label: "Likely still customers", value: pct(aliveShare), caption: "share with P(alive) ≥ 0.5 at the end of the data" },
      { label: "Top-decile share of CLV", value: deciles ? pct(deciles[0]!.share) : "—", caption: deciles ? `of value expected over ${formatInteger(summary.options.horizon_days)} days, discounted at ${pct(summary.options.discount_rate)} a year` : "no prices to value purchases by" },
    ],
    segments,
    segmentSentence: topSegment ? `${topSegment.segment} hold ${pct(topSegment.clv_share)} of expected value.` : null,
    clvDeciles: deciles,
    clvSentence,
    rfm: hasValue ? rfmGrid(customers) : null,
    byFrequency: v?.by_frequency ?? null,
    tracking: v ? v.tracking.map((row) => ({ ...row, period: row.end <= calibrationEnd ? "calibration" : "holdout" })) : null,
    validationSentence,
    alive,
    aliveSentence,
    spendSentence,
    actions,
  };
}
