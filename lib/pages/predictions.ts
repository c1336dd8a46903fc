/**
 * The "Who will come back?" page's data (docs/predictions.md): everything data-driven it shows, built at
 * build time from computePredictions' result: rows for each chart, every sentence, every caption.
 * Nothing per customer leaves this module: only aggregates (segments, deciles, RFM cells, validation).
 */
import { countOf, formatInteger, formatList, formatMoney, formatNumber, formatPercent, leaders, plural } from "../format";
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
  /** The label under the bar on a wide chart, and on a narrow one. */
  label_text: string;
  short_label_text: string;
}
export interface ClvDecileRow {
  decile: number;
  customers: number;
  mean_clv: number;
  share: number;
  /** The bar's label (share, whole percent) and its tooltip (share and mean CLV in the data's currency). */
  share_text: string;
  tooltip_text: string;
}
export interface RfmCell {
  recency: number;
  frequency: number;
  customers: number;
  mean_clv: number;
  /** The cell's labels: mean CLV in the data's currency, and its count of customers. */
  value_text: string;
  customers_text: string;
}
/** Tooltip texts of the actual and the predicted point. */
interface SeriesTexts {
  actual_text: string;
  predicted_text: string;
}
export interface TrackingPoint extends TrackingRow, SeriesTexts {
  period: "calibration" | "holdout";
}
export interface FrequencyPoint extends FrequencyRow, SeriesTexts {}
export interface AlivePoint extends AliveDecile {
  tooltip_text: string;
}

/** Every number the page's sentences quote, as numbers: the words are built from these and nothing else. */
export interface PredictionFacts {
  customers: number;
  /** Share of customers with P(alive) ≥ 0.5. */
  likely_alive_share: number;
  /** Purchase days expected from all customers in the next `expected_days` days. */
  expected_purchase_days: number;
  expected_days: number;
  /** Customers with three or more purchase days whose P(alive) is below 0.5. */
  at_risk: number;
  top_decile_share: number | null;
  bottom_half_share: number | null;
  holds_within: number;
  horizon_days: number;
  discount_rate: number;
  /** `ratio`: predicted ÷ actual repeat purchase days; `miss`: how far that is from 1. */
  holdout: { days: number; customers: number; predicted_total: number; actual_total: number; ratio: number | null; miss: number | null; mae: number } | null;
  /** Predicted P(alive) against the planted truth: deciles where the model is unsure and where it is certain. */
  alive_check: { unsure_deciles: number; mean_gap: number; certain_deciles: number; certain_alive_share: number | null } | null;
  spend_correlation: { n: number; r: number } | null;
}

export interface PredictionsPage {
  calibration: DateRange;
  holdout: DateRange;
  /** The model could be fitted; when false, `reason` says why and nothing is drawn. */
  fitted: boolean;
  reason: string | null;
  /** The holdout total came within ±20% of actual: only then does the prose forecast. */
  holds: boolean;
  /** The numbers every sentence below is worded from; null when the model could not be fitted. */
  facts: PredictionFacts | null;
  lede: string[];
  kpis: { label: string; value: string; caption: string }[];
  parameters: { model: string; parameter: string; calibration: string; whole_window: string }[];
  segments: SegmentPredictionRow[] | null;
  segmentSentence: string | null;
  clvDeciles: ClvDecileRow[] | null;
  clvSentence: string;
  rfm: RfmCell[] | null;
  byFrequency: FrequencyPoint[] | null;
  tracking: TrackingPoint[] | null;
  validationSentence: string | null;
  alive: AlivePoint[] | null;
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

/** Mean CLV as a cell prints it: cents only under 10. */
const cellMoney = (value: number, symbol: string) => formatMoney(value, value < 10 ? 2 : 0, symbol);

/** `symbol`: the data's currency symbol (coverage.currency.symbol). */
export function rfmGrid(customers: CustomerPredictions, symbol = "$"): RfmCell[] {
  // Recency 5 = bought most recently: rank by days since the last purchase, most days first.
  const recency = rankQuintiles(Float64Array.from(customers.recencyDays, (d) => -d));
  const frequency = rankQuintiles(customers.x);
  const cells = new Map<string, RfmCell>();
  for (let i = 0; i < customers.userIds.length; i++) {
    const key = `${recency[i]}|${frequency[i]}`;
    const cell = cells.get(key) ?? { recency: recency[i]!, frequency: frequency[i]!, customers: 0, mean_clv: 0, value_text: "", customers_text: "" };
    cell.customers++;
    cell.mean_clv += customers.clv[i]!;
    cells.set(key, cell);
  }
  return [...cells.values()]
    .map((c) => ({ ...c, mean_clv: c.mean_clv / c.customers, value_text: cellMoney(c.mean_clv / c.customers, symbol), customers_text: countOf(c.customers, "customer") }))
    .sort((a, b) => a.recency - b.recency || a.frequency - b.frequency);
}

export function clvDeciles(clv: Float64Array, symbol = "$"): ClvDecileRow[] {
  const sorted = Float64Array.from(clv).sort().reverse();
  const total = sorted.reduce((s, v) => s + v, 0);
  return Array.from({ length: 10 }, (_, d) => {
    const group = sorted.subarray(Math.floor((d * sorted.length) / 10), Math.floor(((d + 1) * sorted.length) / 10));
    const sum = group.reduce((s, v) => s + v, 0);
    const meanClv = group.length ? sum / group.length : 0;
    const share = total > 0 ? sum / total : 0;
    const tooltip = `Decile ${d + 1}: ${formatPercent(share, 1)} of value, mean CLV ${formatMoney(meanClv, 2, symbol)}`;
    return { decile: d + 1, customers: group.length, mean_clv: meanClv, share, share_text: formatPercent(share, 0), tooltip_text: tooltip };
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
    .map(([cluster, r]) => {
      const alive = formatNumber(r.alive / r.customers, 2);
      const share = totalClv > 0 ? r.clv / totalClv : 0;
      return {
        segment: names.get(cluster) ?? "No segment",
        cluster,
        customers: r.customers,
        mean_p_alive: r.alive / r.customers,
        expected_90d: r.e90 / r.customers,
        clv_share: share,
        label_text: `P(alive) ${alive} · ${formatNumber(r.e90 / r.customers, 2)} purchases in 90 days · ${formatPercent(share, 0)} of value · ${countOf(r.customers, "customer")}`,
        short_label_text: `P(alive) ${alive} · ${formatNumber(r.e90 / r.customers, 1)} in 90 d`,
      };
    });
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

/** "Actual: 0.52 (x = 3, 40 customers)": a holdout-by-frequency point's tooltips. */
export function frequencyPoints(rows: readonly FrequencyRow[]): FrequencyPoint[] {
  const text = (series: string, value: number, r: FrequencyRow) => `${series}: ${formatNumber(value, 2)} (x = ${r.x}, ${countOf(r.customers, "customer")})`;
  return rows.map((r) => ({ ...r, actual_text: text("Actual", r.actual, r), predicted_text: text("Predicted", r.predicted, r) }));
}

/** "Decile 3 (120 customers): predicted 45%, alive 40%": a P(alive) calibration point's tooltip. */
export function alivePoints(rows: readonly AliveDecile[]): AlivePoint[] {
  return rows.map((d) => ({ ...d, tooltip_text: `Decile ${d.decile} (${countOf(d.customers, "customer")}): predicted ${formatPercent(d.predicted, 0)}, alive ${formatPercent(d.actual, 0)}` }));
}

/** `symbol`: the data's currency symbol (coverage.currency.symbol), for the CLV labels and tooltips. */
export function buildPredictionsPage(result: PredictionsResult, segmentNames: Map<number, string>, symbol = "$"): PredictionsPage {
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
    clv: `CLV: expected purchase days over the next ${countOf(summary.options.horizon_days, "day")}, week by week, each discounted at ${pct(summary.options.discount_rate)} a year, times the customer's expected spend per purchase day (Gamma–Gamma). Customers ranked by CLV and split into ten equal groups.`,
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
      facts: null,
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
  const deciles = hasValue ? clvDeciles(customers.clv, symbol) : null;
  const segments = segmentRows(customers, segmentNames);
  const facts = predictionFacts(result, deciles);
  const { holdout, alive_check: aliveCheck, spend_correlation: corr } = facts;
  const miss = holdout?.miss ?? null;
  const within = `±${pct(facts.holds_within)}`;
  /** "12 repeat purchase days": the noun agrees with the number as printed. */
  const purchaseDays = (x: number, noun = "purchase day") => `${formatNumber(x, 0)} ${plural(noun, Number(formatNumber(x, 0).replace(/\D/g, "")))}`;
  const validationSentence = holdout
    ? miss === null
      ? `Nobody bought in the holdout, so the model cannot be checked on this data.`
      : `Fitted on ${period(summary.calibration)} and asked to predict the ${countOf(holdout.days, "day")} after it, the model expected ${purchaseDays(holdout.predicted_total, "repeat purchase day")} from the ${countOf(holdout.customers, "calibration customer")}; they made ${formatInteger(holdout.actual_total)}: ${ratio! < 1 ? "under" : "over"} by ${pct(miss)} (mean absolute error ${formatNumber(holdout.mae, 2)} per customer). ` +
        (holds
          ? `That is within ${within}: the model holds on this data.`
          : `That is outside ${within}: the model does not hold on this data, so this page makes no forecast in words, and the numbers below are rankings to compare customers by, not forecasts.`)
    : null;
  const alive = v?.alive_calibration ? alivePoints(v.alive_calibration) : null;
  const aliveSentence = aliveCheck
    ? (aliveCheck.unsure_deciles > 0
        ? `Against the churn the generator planted, predicted P(alive) is off by ${pct(aliveCheck.mean_gap)} on average in the ${countOf(aliveCheck.unsure_deciles, "decile")} where the model is unsure.`
        : `Against the churn the generator planted, the model is unsure in no decile.`) +
      (aliveCheck.certain_alive_share !== null
        ? ` In the ${countOf(aliveCheck.certain_deciles, "decile")} it calls certain (P(alive) = 1: customers who never bought again, whom BG/NBD cannot have seen drop out) only ${pct(aliveCheck.certain_alive_share)} are truly alive: read P(alive) of one-time buyers as "not yet seen to leave", not as loyalty.`
        : "")
    : null;
  const spendSentence = corr
    ? `Gamma–Gamma assumes what a customer spends per purchase does not depend on how often they buy. Over the ${countOf(corr.n, "repeat buyer")} of calibration, the correlation of mean spend with repeat purchases is ${formatNumber(corr.r, 2)}: ${Math.abs(corr.r) < 0.3 ? "weak, so the assumption is reasonable here" : "not weak, so the assumption is doubtful here and CLV should be read with care"}.`
    : summary.unsupported.gamma_gamma;
  // Segments are compared only when there are at least two named ones; a tie is named or left unsaid.
  const named = segments.filter((s) => s.cluster >= 0);
  const comparable = named.length >= 2;
  const mostValue = comparable && hasValue ? leaders(named, (s) => s.clv_share) : [];
  const topSegment = mostValue.length === 1 ? mostValue[0] : undefined;
  const watched = named.filter((s) => s.customers >= 10);
  const lowestAlive = comparable && watched.length >= 2 ? leaders(watched, (s) => -s.mean_p_alive, false) : [];
  const fading = lowestAlive.length === 1 ? lowestAlive[0] : undefined;
  const lede = [
    `BG/NBD and Gamma–Gamma, fitted to the purchase days of ${countOf(n, "customer")}, estimate for each one the chance they are still a customer and how much they will buy.`,
    holdout && miss !== null
      ? holds
        ? `Checked on the ${countOf(holdout.days, "day")} it was not fitted on, it predicted the repeat purchases within ${pct(miss)}: it holds here.`
        : `Checked on the ${countOf(holdout.days, "day")} it was not fitted on, it missed the repeat purchases by ${pct(miss)}, more than the ${within} it must meet: it does not hold here, so this page ranks customers but makes no forecast in words.`
      : "",
  ].filter(Boolean);
  if (holds) {
    lede.push(
      `The model expects ${purchaseDays(facts.expected_purchase_days)} from these customers in the next ${countOf(facts.expected_days, "day")}; ${pct(facts.likely_alive_share)} of them are more likely than not still customers.` +
        (facts.top_decile_share !== null ? ` The top tenth by CLV holds ${pct(facts.top_decile_share)} of the value expected over the next ${countOf(facts.horizon_days, "day")}.` : ""),
    );
  }
  const actions: string[] = [];
  if (topSegment) actions.push(`Protect: ${topSegment.segment} ${holds ? "hold" : "rank highest on"} the largest share of expected value (${pct(topSegment.clv_share)}) with a mean P(alive) of ${formatNumber(topSegment.mean_p_alive, 2)}; they are the customers a service failure would cost most.`);
  if (facts.at_risk > 0) actions.push(`Win back: ${countOf(facts.at_risk, "customer")} bought on at least three days but now ${facts.at_risk === 1 ? "has" : "have"} P(alive) below 0.5; they knew the shop, and a reminder costs little against what they bought before.`);
  if (fading && fading !== topSegment) actions.push(`Watch: ${fading.segment} have the lowest mean P(alive) (${formatNumber(fading.mean_p_alive, 2)}); spend on them only where the RFM grid shows value left.`);
  if (!holds) actions.push(`Before acting on amounts: the model missed the holdout by more than ${pct(facts.holds_within)}, so use it to rank customers, not to budget.`);
  const clvSentence =
    facts.top_decile_share !== null && facts.bottom_half_share !== null
      ? `Ranked by CLV, the top tenth of customers ${holds ? "is expected to bring" : "would bring, if the model held,"} ${pct(facts.top_decile_share)} of all future value, the bottom half ${pct(facts.bottom_half_share)}.`
      : `No value is predicted: ${summary.unsupported.gamma_gamma ?? "no customer has a positive expected value"}.`;
  // Segments holding the most value: one named, a tie named in full, nothing when no value is predicted.
  const valueLeaders = comparable && hasValue ? leaders(named, (s) => s.clv_share) : [];
  const segmentSentence =
    valueLeaders.length === 1
      ? `${valueLeaders[0]!.segment} hold ${pct(valueLeaders[0]!.clv_share)} of expected value, more than any other segment.`
      : valueLeaders.length > 1
        ? `${formatList(valueLeaders.map((s) => s.segment))} each hold ${pct(valueLeaders[0]!.clv_share)} of expected value, more than any other segment.`
        : null;
  return {
    ...base,
    reason: null,
    facts,
    lede,
    kpis: [
      { label: "Customers modelled", value: formatInteger(n), caption: `with a purchase from ${summary.calibration.start} to ${summary.holdout.end}` },
      { label: "Holdout: predicted ÷ actual", value: ratio === null ? "—" : formatNumber(ratio, 2), caption: ratio === null ? "nobody bought in the holdout: nothing to check against" : holds ? `within ${within}: the model holds` : `outside ${within}: the model does not hold here` },
      { label: "Likely still customers", value: pct(facts.likely_alive_share), caption: "share with P(alive) ≥ 0.5 at the end of the data" },
      { label: "Top-decile share of CLV", value: facts.top_decile_share !== null ? pct(facts.top_decile_share) : "—", caption: facts.top_decile_share !== null ? `of value expected over ${countOf(facts.horizon_days, "day")}, discounted at ${pct(summary.options.discount_rate)} a year` : "no prices to value purchases by" },
    ],
    segments,
    segmentSentence,
    clvDeciles: deciles,
    clvSentence,
    rfm: hasValue ? rfmGrid(customers, symbol) : null,
    byFrequency: v ? frequencyPoints(v.by_frequency) : null,
    tracking: v
      ? v.tracking.map((row) => ({
          ...row,
          period: row.end <= calibrationEnd ? "calibration" : "holdout",
          // `end` is already a calendar day (YYYY-MM-DD) of the data's zone.
          actual_text: `Actual by ${row.end}: ${formatNumber(row.actual, 0)}`,
          predicted_text: `Predicted by ${row.end}: ${formatNumber(row.predicted, 0)}`,
        }))
      : null,
    validationSentence,
    alive,
    aliveSentence,
    spendSentence,
    actions,
  };
}

/** The numbers the fitted page words, computed once from the engine's result. */
export function predictionFacts(result: PredictionsResult, deciles: ClvDecileRow[] | null): PredictionFacts {
  const { summary } = result;
  const customers = result.customers!;
  const v = summary.validation;
  const n = customers.userIds.length;
  const alive = v?.alive_calibration ?? null;
  const unsure = alive?.filter((d) => d.predicted <= 0.99) ?? [];
  const certain = alive?.filter((d) => d.predicted > 0.99) ?? [];
  const certainCustomers = certain.reduce((s, d) => s + d.customers, 0);
  // Value shares only when some value is predicted: a top tenth "holding 0%" of nothing is no claim.
  const valued = deciles !== null && deciles.some((d) => d.share > 0);
  let atRisk = 0;
  for (let i = 0; i < n; i++) if (customers.x[i]! >= 2 && customers.pAlive[i]! < 0.5) atRisk++;
  return {
    customers: n,
    likely_alive_share: customers.pAlive.reduce((s, p) => s + (p >= 0.5 ? 1 : 0), 0) / n,
    expected_purchase_days: customers.expected90.reduce((s, x) => s + x, 0),
    expected_days: 90,
    at_risk: atRisk,
    top_decile_share: valued ? deciles[0]!.share : null,
    bottom_half_share: valued ? deciles.slice(5).reduce((s, d) => s + d.share, 0) : null,
    holds_within: HOLDS_WITHIN,
    horizon_days: summary.options.horizon_days,
    discount_rate: summary.options.discount_rate,
    holdout: v
      ? { days: v.holdout_days, customers: v.customers, predicted_total: v.predicted_total, actual_total: v.actual_total, ratio: v.ratio, miss: v.ratio === null ? null : Math.abs(v.ratio - 1), mae: v.mae }
      : null,
    alive_check: alive
      ? {
          unsure_deciles: unsure.length,
          mean_gap: unsure.reduce((s, d) => s + Math.abs(d.predicted - d.actual), 0) / Math.max(1, unsure.length),
          certain_deciles: certain.length,
          certain_alive_share: certainCustomers > 0 ? certain.reduce((s, d) => s + d.actual * d.customers, 0) / certainCustomers : null,
        }
      : null,
    spend_correlation: v?.spend_frequency_correlation ?? null,
  };
}
