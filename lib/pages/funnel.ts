/**
 * The Funnel page: everything data-driven it shows, built at build time under one type, FunnelPage. The
 * session, user and category funnels as the funnel engine computes them (kept whole: the page's CSVs and
 * tests read them), interest versus purchase per category and product, the SQL behind each chart as the
 * engines ran it (their trace, lib/db/sqlTrace.ts), and every sentence, caption, text alternative and
 * tooltip text, for every combination of the page's inputs (unit × trend granularity × breakdown
 * attribute, and each shown category), so the browser only picks by key (src/funnel.md).
 *
 * Size: the engine's outputs are small (a few hundred trend points and breakdown rows) and the inputs'
 * combinations few (2 units × 2 granularities, 2 × 4 attributes, ≤ 21 categories); numbers that are not
 * integers are kept to 6 significant digits, far below anything the page prints.
 */
import type { RichText } from "./richText";
import type { CoverageData } from "../analysis/coverage";
import type { FunnelOutput } from "../analysis/funnels";
import type { SqlTrace } from "../db/sqlTrace";
import {
  calendarDay,
  countOf,
  formatDuration,
  formatInteger,
  formatList,
  formatNumber,
  formatPValue,
  formatPercent,
  formatPercentInterval,
  formatPercentPoints,
  leaders,
  plural,
  windowText,
} from "../format";
import { claimableDifferences, compactLetters, groupDifferences, overallSignificant } from "../funnel/claims";
import { DEFAULT_FUNNEL_CONFIG } from "../funnel/config";
import { type ProductInterest, type ProductQueryRow, toProductInterest } from "../funnel/productInterest";
import { attributeLabel, stepEventNoun, stepLabel, stepShortLabel, stepVerb, transitionLabel, truncate, valueLabel } from "../funnel/stepWords";
import { type ShownCategoryFunnels, topCategoryFunnels } from "../funnel/topCategoryFunnels";
import type { Breakdown, BreakdownAttribute, FunnelStep, TimeToConvert, TrendPoint } from "../funnel/types";
import { roundNumbers } from "../output/round";
import { type CategoryShareRow, categoryLeaders, categoryShareRows } from "./funnelCategories";

/** The statements behind one unit funnel (session or user), as they ran, each ending in ";". */
export interface UnitFunnelSql {
  /** CREATE TEMP TABLE of the per-unit step times (the one scan of the events). */
  steps_table: string;
  step_counts: string;
  time_to_convert: string;
  trend: { week: string; month: string };
  breakdowns: string;
}

export interface FunnelPageSql {
  session: UnitFunnelSql;
  user: UnitFunnelSql;
  category: string;
  products: string;
}

/** How many categories the category charts and picker name; the rest are one "Other" bucket. */
export const TOP_CATEGORIES = 20;

export type FunnelUnit = "session" | "user";
export type Granularity = "month" | "week";

/** Text with emphasised runs: plain strings and `{strong}` parts, rendered as text nodes (never parsed as markup). */

/** A CSV row: the values as the engine computed them, under their column names. */
type CsvRow = Record<string, string | number | boolean | null>;

/** What every chart card shows besides its chart; `missing` replaces the chart when the data cannot support it. */
interface CardText {
  key: string;
  title: string;
  /** Why this data cannot support the chart (plain text); null when it is drawn. */
  missing: string | null;
  caption: RichText;
  alt: string;
  summary: string;
  sql: string;
  filename: string;
  columns: string[];
  csv: CsvRow[];
}

/** One bar of the step chart, with its words above it for a wide and a narrow chart. */
interface StepBar {
  label: string;
  share: number;
  previous_share: number;
  ci_from_first_low: number;
  ci_from_first_high: number;
  lines_wide: string;
  lines_narrow: string;
}

interface StepsCard extends CardText {
  bars: StepBar[];
  axis_label: string;
}

interface TimePanel {
  title: string;
  subtitle: string;
  quartiles: string;
  bars: { bin: string; share: number; count: number; bar_label: string; tip_share: string; tip_count: string }[];
}

interface TimeCard extends CardText {
  /** The bins drawn: from the first any pair uses to the last (empty bins inside stay: gaps are information). */
  bins: string[];
  panels: TimePanel[];
  axis_label: string;
}

interface TrendCard extends CardText {
  points: { period: string; period_start: string; rate: number; ci_low: number; ci_high: number; complete: boolean; tip_rate: string; tip_counts: string; tip_status: string }[];
  period_label: string;
  axis_label: string;
}

interface BreakdownCard extends CardText {
  attribute: BreakdownAttribute;
  overall: number;
  rows: { value: string; label: string; rate: number; ci_low: number; ci_high: number; tested: boolean; end_label: string; tip_rate: string; tip_counts: string; tip_letters: string }[];
  axis_label: string;
  /** What the tests allow the page to say, above the chart. */
  findings: { lead: RichText; claims: { text: string; higher: string; lower: string[] }[]; more: string | null };
  /** Every pairwise test, for the table under the chart; null without pairs. */
  pairs: { summary: string; label: string; rows: { a: string; b: string; difference: string; p: string; claimed: string }[] } | null;
}

interface UnitView {
  /** The unit input's option text. */
  option: string;
  steps: StepsCard;
  time: TimeCard;
  trend: Record<Granularity, TrendCard>;
  breakdowns: Partial<Record<BreakdownAttribute, BreakdownCard>>;
  /** Why there is no breakdown at all (no user attributes, or no funnel); null when there are some. */
  breakdown_missing: { key: string; title: string; reason: string } | null;
}

interface CategoryShareBar extends CategoryShareRow {
  tip_viewed: string;
  tip_bought: string;
  tip_conversion: string;
}

interface ProductPoint {
  product_id: string;
  product_name: string;
  /** The name shortened for a label beside the point, on a wide and a narrow chart. */
  label_wide: string;
  label_narrow: string;
  group: "Top by views and purchases" | "Top by views only" | "Top by purchases only";
  viewing_sessions: number;
  buying_sessions: number;
  view_rank: number;
  purchase_rank: number;
  tip_product: string;
  tip_category: string;
  tip_viewed: string;
  tip_bought: string;
  tip_ratio: string;
}

export interface FunnelPage extends FunnelOutput {
  /** The category funnels are the top TOP_CATEGORIES plus "Other" (lib/funnel/topCategoryFunnels.ts). */
  category_funnel_shown: ShownCategoryFunnels["shown"];
  config: { session_steps: readonly string[]; user_steps: readonly string[]; category_steps: readonly string[] };
  products: ProductInterest;
  sql: FunnelPageSql;
  /** "2025-01-01 to 2025-12-31 (UTC)": the window's days in the data's time zone. */
  window_text: string;
  lede: RichText;
  /** coverage.funnel_fit_note: the configured funnel misses most purchases (null when it fits). */
  fit_note: string | null;
  /** The brought data's notes (unpriced purchases, date-only timestamps, repeated rows). */
  notes: string[];
  user_lede: RichText | null;
  /** The segment breakdown's finding; `claim` names the pair it states to differ. */
  segment_sentence: { text: string; claim: { higher: string; lower: string } | null } | null;
  category_sentence: RichText | null;
  small_print: string;
  unit_label: string;
  units: Record<FunnelUnit, UnitView>;
  /** The breakdown input's options (attribute and its label), in the engine's order. */
  attributes: { value: BreakdownAttribute; label: string }[];
  categories: {
    /** The picker's options (the shown categories) and its first choice: the single most viewed, else the first. */
    options: string[];
    initial: string | null;
    missing: string | null;
    steps: Record<string, StepsCard>;
    interest: CardText & { rows: CategoryShareBar[] };
  };
  product_card: CardText & { points: ProductPoint[]; average_ratio: number };
}

function unitFunnelSql(trace: SqlTrace, unit: FunnelUnit): UnitFunnelSql {
  const sql = (what: string) => trace.sql(`funnel.${unit}.${what}`);
  return {
    steps_table: trace.sql(`funnel_${unit}_steps`),
    step_counts: sql("step_counts"),
    time_to_convert: sql("time_to_convert"),
    trend: { week: sql("trend.week"), month: sql("trend.month") },
    breakdowns: sql("breakdowns"),
  };
}

/** The SQL behind each chart, as the engines ran it. */
export function funnelPageSql(trace: SqlTrace): FunnelPageSql {
  return {
    session: unitFunnelSql(trace, "session"),
    user: unitFunnelSql(trace, "user"),
    category: trace.sql("funnel.category"),
    products: trace.sql("funnel.products"),
  };
}

const STEP_COLUMNS = ["step", "count", "rate_from_previous", "ci_low", "ci_high", "rate_from_first", "ci_from_first_low", "ci_from_first_high", "drop_off", "drop_off_rate"];

/** The bar labels of a step chart: count, share of the first, conversion from the previous step, loss. */
export function stepBars(steps: readonly FunnelStep[], noun: string, entrants: string): StepBar[] {
  const first = steps[0]?.count ?? 0;
  return steps.map((step, i) => {
    const share = first > 0 ? step.count / first : 0;
    const previousShare = i === 0 ? share : first > 0 ? steps[i - 1]!.count / first : 0;
    const ofPrevious = (narrow: boolean) => `${formatPercentInterval(step.rate_from_previous ?? Number.NaN, step.ci_low, step.ci_high)} of ${narrow ? "previous" : "the previous step"}`;
    const lost = `${formatInteger(step.drop_off)} lost (${formatPercent(step.drop_off_rate ?? Number.NaN)})`;
    const head = `${stepLabel(step.step)}: ${countOf(step.count, noun.replace(/s$/, ""), noun)}`;
    const wide = i === 0 ? [head, "Entry step (100%)"] : [`${head} (${formatPercent(share)} of ${entrants})`, `${ofPrevious(false)} · ${lost}`];
    const narrow = i === 0 ? [head, "Entry step (100%)"] : [head, ofPrevious(true), `${formatPercent(share)} of all · ${lost}`];
    return {
      label: stepLabel(step.step),
      share,
      previous_share: previousShare,
      ci_from_first_low: step.ci_from_first_low,
      ci_from_first_high: step.ci_from_first_high,
      lines_wide: wide.join("\n"),
      lines_narrow: narrow.join("\n"),
    };
  });
}

/** The bins worth drawing for a set of time-to-convert distributions (see TimeCard.bins). */
export function binsInUse(distributions: readonly Pick<TimeToConvert, "histogram">[]): string[] {
  const labels = distributions[0]?.histogram.map((bin) => bin.label) ?? [];
  const used = labels.map((_, i) => distributions.some((d) => (d.histogram[i]?.count ?? 0) > 0));
  const first = used.indexOf(true);
  const last = used.lastIndexOf(true);
  return first < 0 ? [] : labels.slice(first, last + 1);
}

export function quartilesText(d: TimeToConvert): string {
  if (d.count === 0) return "nobody converted";
  return `median ${formatDuration(d.median_seconds)} (middle half ${formatDuration(d.p25_seconds)}–${formatDuration(d.p75_seconds)})`;
}

/** What the page needs besides the funnels: what the data holds, and the funnels' SQL. */
export interface FunnelPageInputs {
  funnels: FunnelOutput;
  products: readonly ProductQueryRow[];
  /** The funnel steps the data was read with, null for the default funnels. */
  configured: readonly string[] | null;
  coverage: Pick<CoverageData, "event_types" | "span_text" | "timezone" | "currency" | "notes" | "funnel_fit_note">;
}

export function buildFunnelPage(analysis: FunnelPageInputs, trace: SqlTrace): FunnelPage {
  const { funnels, coverage } = analysis;
  const tz = coverage.timezone;
  const window = funnels.window;
  const windowWords = windowText(window, tz);
  const user = funnels.user_funnel;
  const days = user.window_days;
  const lastEntryDay = calendarDay(user.entry_cutoff, tz);
  const sql = funnelPageSql(trace);
  const categories = topCategoryFunnels(funnels.category_funnel, TOP_CATEGORIES);
  const products = toProductInterest(analysis.products);
  const eventCount = (t: string) => (coverage.event_types as Record<string, number>)[t];

  // What this data cannot support: brought data may lack views or carts, or span only hours.
  const sessionSteps = funnels.session_funnel.steps.map((s) => s.step);
  const absent = sessionSteps.slice(1).filter((t) => eventCount(t) === 0);
  const absentWords = formatList(absent.map(stepEventNoun), "or");
  const sessionMissing = absent.length > 0
    ? `This data has no ${absentWords} events, so no session can pass through every step of the funnel: every bar after the first would be zero because the events were never recorded, not because shoppers dropped out.`
    : null;
  const firstUserStep = user.steps[0]?.step ?? "product_view";
  const userMissing = eventCount(firstUserStep) === 0
    ? `A user enters this funnel at their first ${stepEventNoun(firstUserStep)} event, and this data has none.`
    : (user.steps[0]?.count ?? 0) > 0
      ? null
      : `The data spans ${coverage.span_text}; a user enters only if their first ${stepEventNoun(firstUserStep)} event leaves ${countOf(days, "day")} of data after it, so no user can be followed.`;
  const categoryMissing = eventCount("product_view") === 0 || funnels.category_funnel.length === 0
    ? "The category funnel starts at a view of a product of the category, and this data has no product views."
    : null;

  const unitWords = {
    session: {
      noun: "sessions",
      one: "session",
      entrants: "sessions",
      outcome: "bought",
      definition: "A session is one user_id + session_id. Every session enters at its earliest event; each later step counts at the session's earliest event of that type at or after the moment the previous step was reached (other events may come in between; ties count).",
      missing: sessionMissing,
    },
    user: {
      noun: "users",
      one: "user",
      entrants: "users who viewed",
      outcome: `bought within ${countOf(days, "day")}`,
      definition: `A user enters at their first product view (t0); each later step counts at their earliest event of that type at or after the previous step, and only up to t0 + ${countOf(days, "day")} (inclusive). Only users whose first view came by ${lastEntryDay} (${countOf(days, "day")} before the window ends) enter, so every entrant had the full ${countOf(days, "day")} in the data; their later sessions count too.`,
      missing: userMissing,
    },
  } as const;
  const breakdownTests = funnels.session_funnel.breakdowns.length + funnels.user_funnel.breakdowns.length;

  const unitView = (unit: FunnelUnit): UnitView => {
    const f = unit === "session" ? funnels.session_funnel : funnels.user_funnel;
    const w = unitWords[unit];
    const s = sql[unit];
    const steps = f.steps;
    const first = steps[0];
    const stepsSql = `-- 1. The per-${w.one} step times, in one scan of the events.\n${s.steps_table}`;
    // The biggest drop is named only when it is the only one of its size and not 0.
    const drops = leaders(steps.slice(1), (step) => step.drop_off_rate ?? 0);
    const biggestDrop = drops.length === 1 ? drops[0]! : null;
    const stepsTitle = unit === "session" ? "How far does a session get?" : `How far does a user get within ${countOf(days, "day")} of their first view?`;
    const stepsCard: StepsCard = {
      key: "funnel-steps",
      title: stepsTitle,
      missing: w.missing,
      caption: [{ strong: "Bars" }, `: ${w.noun} that reached each step, as a share of those that reached the first; `, { strong: "whiskers" }, ": the 95% Wilson interval of that share (z = 1.959964); ", { strong: "faint extension" }, `: the ${w.noun} lost since the previous step. The words above each bar give the conversion from the previous step with its interval. ${w.definition} Window ${windowWords}.`],
      alt: `Funnel step bars, ${w.noun}`,
      summary: first
        ? [
            `${stepLabel(first.step)}: ${countOf(first.count, w.one)}.`,
            ...steps.slice(1).map((step) => `${stepLabel(step.step)}: ${formatInteger(step.count)}, ${formatPercentInterval(step.rate_from_previous ?? Number.NaN, step.ci_low, step.ci_high)} of the previous step, ${formatPercent(step.rate_from_first ?? Number.NaN)} of the first.`),
            biggestDrop ? `The biggest drop-off is before "${stepLabel(biggestDrop.step)}": ${formatPercent(biggestDrop.drop_off_rate ?? 0)} of the previous step's ${w.noun} got no further.` : "",
          ].filter(Boolean).join(" ")
        : "",
      sql: `${stepsSql}\n\n-- 2. ${w.noun} reaching each step. Rates, Wilson intervals and drop-offs are computed from these\n--    counts in TypeScript (lib/funnel/summarizeSteps.ts).\n${s.step_counts}`,
      filename: `funnel-steps-${unit}`,
      columns: ["unit", ...STEP_COLUMNS],
      csv: steps.map((step) => ({ unit, ...step })),
      bars: stepBars(steps, w.noun, w.entrants),
      axis_label: `Share of the first step's ${w.noun} →`,
    };

    const times = f.time_to_convert;
    const bins = binsInUse(times);
    const shown = new Set(bins);
    const timeCard: TimeCard = {
      key: "funnel-time",
      title: unit === "session" ? "How long does each step take within a session?" : "How long do users take to cart and buy after their first view?",
      missing: w.missing,
      caption: [{ strong: "Bars" }, `: for the ${w.noun} that reached the later step of each pair, the share whose time from the earlier step fell in each bin (bins widen from seconds to days; the first bin holds ties). Times run from the moment one step was reached to the moment the next was, by the matching rule: ${w.definition} Headings give the median and the middle half (25th–75th percentile, interpolated). Window ${windowWords}.`],
      alt: `Time to convert between consecutive steps, ${w.noun}`,
      summary: times.map((t) => `${transitionLabel(t)}: ${countOf(t.count, w.one)}, ${quartilesText(t)}${t.count > 0 ? `; 90% within ${formatDuration(t.p90_seconds)}` : ""}.`).join(" "),
      sql: `${stepsSql}\n\n-- 2. Time between consecutive steps: count, quartiles, mean and histogram per pair of steps.\n${s.time_to_convert}`,
      filename: `funnel-time-to-convert-${unit}`,
      columns: ["unit", "transition", "bin", "lower_seconds", "upper_seconds", "count", "share"],
      csv: times.flatMap((t) =>
        t.histogram
          .filter((bin) => shown.has(bin.label))
          .map((bin) => ({ unit, transition: transitionLabel(t), bin: bin.label, lower_seconds: bin.lower_seconds, upper_seconds: bin.upper_seconds, count: bin.count, share: t.count > 0 ? bin.count / t.count : 0 })),
      ),
      bins,
      axis_label: `Share of ${w.noun} →`,
      panels: times.map((t) => ({
        title: transitionLabel(t),
        subtitle: ` · ${countOf(t.count, w.one)}`,
        quartiles: quartilesText(t),
        bars: t.histogram
          .filter((bin) => shown.has(bin.label))
          .map((bin) => {
            const share = t.count > 0 ? bin.count / t.count : 0;
            return {
              bin: bin.label,
              share,
              count: bin.count,
              bar_label: bin.count === 0 ? "" : share < 0.0005 ? "<0.1%" : formatPercent(share, share < 0.1 ? 1 : 0),
              tip_share: formatPercent(share),
              tip_count: countOf(bin.count, w.one),
            };
          }),
      })),
    };

    const trendCard = (granularity: Granularity): TrendCard => {
      const trend = f.trend[granularity];
      const periodWord = granularity === "month" ? "month" : "ISO week";
      const incomplete = trend.filter((p) => !p.complete);
      const partial = trend.filter((p) => Date.parse(p.period_start) < Date.parse(window.start));
      const complete = trend.filter((p) => p.complete);
      const lowest = leaders(complete, (p) => -p.rate, false);
      const highest = leaders(complete, (p) => p.rate, false);
      const periods = (points: readonly TrendPoint[]) => formatList(points.map((p) => p.period));
      const range =
        complete.length > 1 && lowest[0] && highest[0] && highest[0].rate > lowest[0].rate
          ? `Among complete ${periodWord}s, conversion ranged from ${formatPercent(lowest[0].rate)} (${periods(lowest)}) to ${formatPercent(highest[0].rate)} (${periods(highest)}).`
          : "";
      return {
        key: "funnel-trend",
        title: `Is ${unit} conversion changing from ${granularity} to ${granularity}?`,
        missing: w.missing,
        caption: [
          { strong: "Line" },
          `: of the ${w.noun} that entered the funnel in each ${periodWord} (calendar in ${tz}${granularity === "week" ? "; Monday to Sunday, labelled by its Monday" : ""}), the share that ${w.outcome}${unit === "session" ? " in that session" : ""}; `,
          { strong: "band" },
          ": its 95% Wilson interval. ",
          { strong: "Hollow dots, dotted line" },
          `: incomplete ${periodWord}s${unit === "user" ? `, which run past the last entry day ${lastEntryDay} (an entrant needs ${countOf(days, "day")} of data after their first view)` : ", which run past the window's end"} (${incomplete.length === 0 ? "none" : periods(incomplete)}).${partial.length > 0 ? ` The first ${periodWord} (${periods(partial)}) starts before the window, so it holds only the window's first days.` : ""} ${w.definition} Window ${windowWords}.`,
        ],
        alt: `Conversion of ${w.noun} by entry ${periodWord}`,
        summary: [
          `${countOf(trend.length, periodWord)}.`,
          range,
          incomplete.length > 0 ? `${formatInteger(incomplete.length)} incomplete: ${periods(incomplete)}.` : "",
        ].filter(Boolean).join(" "),
        sql: `${stepsSql}\n\n-- 2. ${w.noun} by entry ${periodWord}: how many reached each step, and whether the ${periodWord} is complete.\n--    Conversion = the last step's count / the first's, with its Wilson interval, in TypeScript.\n${s.trend[granularity]}`,
        filename: `funnel-trend-${unit}-${granularity}`,
        columns: ["unit", "granularity", "period", "period_start", "entered", "converted", "rate", "ci_low", "ci_high", "complete", "step_counts"],
        csv: trend.map((p) => ({ unit, granularity, ...p, step_counts: p.step_counts.join(" ") })),
        points: trend.map((p) => ({
          period: p.period,
          period_start: p.period_start,
          rate: p.rate,
          ci_low: p.ci_low,
          ci_high: p.ci_high,
          complete: p.complete,
          tip_rate: formatPercentInterval(p.rate, p.ci_low, p.ci_high),
          tip_counts: `${formatInteger(p.converted)} of ${countOf(p.entered, w.one)}`,
          tip_status: p.complete ? "complete" : "incomplete: runs past the window's end",
        })),
        period_label: granularity === "month" ? "Month" : "Week of",
        axis_label: `↑ Share of entering ${w.noun} who ${w.outcome}`,
      };
    };

    const overall = steps.at(-1)?.rate_from_first ?? 0;
    const breakdownCard = (breakdown: Breakdown): BreakdownCard => {
      const attribute = breakdown.attribute;
      const name = attributeLabel(attribute).toLowerCase();
      const label = (value: string) => valueLabel(attribute, value);
      const letters = compactLetters(breakdown);
      const claimable = claimableDifferences(breakdown);
      const groups = groupDifferences(breakdown);
      const chi = breakdown.chi_squared;
      const significant = overallSignificant(breakdown);
      const differsFrom = (value: string) =>
        claimable.filter((d) => d.higher.value === value || d.lower.value === value).map((d) => (d.higher.value === value ? d.lower.value : d.higher.value));
      const test = chi ? `χ² = ${formatNumber(chi.statistic, 1)}, df ${chi.df}, adjusted p ${formatPValue(chi.p_adjusted)}` : "";
      const lead: RichText = !chi
        ? [`Fewer than two ${name} groups can be tested, so no difference is claimed.`]
        : !significant
          ? [{ strong: `No significant difference by ${name}` }, `: ${test}. The groups' rates differ no more than chance allows, so none is said to convert better.`]
          : [
              { strong: `Conversion differs by ${name}` },
              ` (${test}).${claimable.length === 0 ? " No single pair of groups differs significantly once the pairwise tests are corrected." : ` Significant pairwise differences (${formatInteger(claimable.length)} of ${countOf(breakdown.comparisons.length, "pair")}):`}`,
            ];
      const shownGroups = groups.slice(0, 4);
      const notTested = (v: Breakdown["values"][number]) =>
        v.untested_reason === "too_few_users" ? `not tested (${countOf(v.users, "user")}; fewer than ${formatInteger(breakdown.min_group_users)})` : "not tested (attribute missing)";
      return {
        key: "funnel-breakdown",
        attribute,
        title: `Do ${w.noun} convert differently by ${name}?`,
        missing: w.missing,
        caption: [
          { strong: "Dots" },
          `: share of ${w.noun} that ${w.outcome}, per ${name} of the ${unit === "session" ? "session's user" : "user"}; `,
          { strong: "bars" },
          ": 95% Wilson intervals; ",
          { strong: "dashed line" },
          `: the whole funnel (${formatPercent(overall)}). `,
          { strong: "Letters" },
          `: groups that share no letter differ significantly. Differences are claimed only when the χ² test of the whole breakdown is significant after Benjamini–Hochberg correction across the ${formatInteger(breakdownTests)} breakdowns of this page, and the pair's two-proportion z test is significant after Benjamini–Hochberg across the pairs of the breakdown (α = 0.05).${unit === "session" ? " A user's sessions are not independent, so each group's variance is widened by its design effect (sessions clustered in users; the χ² is divided by the mean design effect, first-order Rao–Scott): frequent visitors cannot manufacture significance." : ""} Age bands: 18–24 … 55–65; locations: the 8 with the most users (ties by name), the rest as Other; "Unknown" (missing attribute) and any group of fewer than ${formatInteger(breakdown.min_group_users)} users are shown but not tested${unit === "session" ? "; a group whose own design effect cannot be estimated (rate 0 or 100%, or one user) takes the whole funnel's" : ""}. ${w.definition} Window ${windowWords}.`,
        ],
        alt: `Conversion of ${w.noun} by ${name}, with 95% intervals and significance letters`,
        summary: [
          breakdown.values.map((v) => `${label(v.value)}: ${formatPercentInterval(v.rate, v.ci_low, v.ci_high)} of ${formatInteger(v.units)}${v.tested ? `, letters ${letters.get(v.value)}` : ", not tested"}.`).join(" "),
          chi ? (significant ? `The overall test is significant (adjusted p ${formatPValue(chi.p_adjusted)}).` : `No significant difference (adjusted p ${formatPValue(chi.p_adjusted)}).`) : "",
        ].filter(Boolean).join(" "),
        sql: `${stepsSql}\n\n-- 2. ${w.noun} and conversions by each attribute (GROUPING SETS). The Wilson intervals, the χ² test,\n--    the pairwise z tests and both Benjamini–Hochberg corrections are computed from these counts in\n--    TypeScript (lib/funnel/buildBreakdown.ts).\n${s.breakdowns}`,
        filename: `funnel-breakdown-${unit}-${attribute}`,
        columns: ["unit", "attribute", "value", "units", "converted", "rate", "ci_low", "ci_high", "tested", "letters", "significantly_different_from", "chi_squared", "chi_squared_df", "chi_squared_p_adjusted"],
        csv: breakdown.values.map((v) => ({
          unit,
          attribute,
          value: v.value,
          units: v.units,
          converted: v.converted,
          rate: v.rate,
          ci_low: v.ci_low,
          ci_high: v.ci_high,
          tested: v.tested,
          letters: letters.get(v.value) ?? "",
          significantly_different_from: differsFrom(v.value).join("; "),
          chi_squared: chi?.statistic ?? null,
          chi_squared_df: chi?.df ?? null,
          chi_squared_p_adjusted: chi?.p_adjusted ?? null,
        })),
        overall,
        axis_label: `Conversion of ${w.noun} →`,
        rows: breakdown.values.map((v) => ({
          value: v.value,
          label: label(v.value),
          rate: v.rate,
          ci_low: v.ci_low,
          ci_high: v.ci_high,
          tested: v.tested,
          end_label: `${formatPercent(v.rate)}${v.tested ? `  ${letters.get(v.value) ?? ""}` : "  untested"}`,
          tip_rate: formatPercentInterval(v.rate, v.ci_low, v.ci_high),
          tip_counts: `${formatInteger(v.converted)} of ${countOf(v.units, w.one)}`,
          tip_letters: v.tested ? (letters.get(v.value) ?? "") : notTested(v),
        })),
        findings: {
          lead,
          claims: shownGroups.map((g) => ({
            text: `${label(g.higher.value)} (${formatPercent(g.higher.rate)}) converts more often than ${formatList(g.lower.map((v) => `${label(v.value)} (${formatPercent(v.rate)})`))}`,
            higher: g.higher.value,
            lower: g.lower.map((v) => v.value),
          })),
          more: groups.length > shownGroups.length ? '…and more: every pair is listed under "All pairwise tests" below.' : null,
        },
        pairs:
          breakdown.comparisons.length > 0
            ? {
                summary: `All ${countOf(breakdown.comparisons.length, "pairwise test")}`,
                label: `Pairwise tests by ${name}`,
                rows: breakdown.comparisons.map((c) => ({
                  a: label(c.a),
                  b: label(c.b),
                  difference: formatPercentPoints(c.difference),
                  p: formatPValue(c.p_adjusted),
                  claimed: c.significant && significant ? "yes" : "no",
                })),
              }
            : null,
      };
    };

    return {
      option: unit === "session" ? "Sessions (each visit)" : `Users (first view + ${countOf(days, "day")})`,
      steps: stepsCard,
      time: timeCard,
      trend: { month: trendCard("month"), week: trendCard("week") },
      breakdowns: Object.fromEntries(f.breakdowns.map((b) => [b.attribute, breakdownCard(b)])),
      breakdown_missing: w.missing
        ? { key: "funnel-breakdown", title: "Do some groups convert differently?", reason: w.missing }
        : f.breakdowns.length === 0
          ? { key: "funnel-breakdown", title: "Do some groups convert differently?", reason: "The data has no attributes of its users (segment, gender, age or location): there is nothing to break conversion down by." }
          : null,
    };
  };

  // The lede speaks of the session funnel (docs/metrics.md's default) and its segment breakdown.
  const s = funnels.session_funnel.steps;
  const sFirst = s[0];
  const sLast = s.at(-1);
  const ciText = (low: number, high: number) => `95% CI ${formatNumber(low * 100, 1)}–${formatNumber(high * 100, 1)}%`;
  const lede: RichText = sessionMissing
    ? ["The data holds ", { strong: formatInteger(sFirst?.count ?? 0) }, ` ${plural("session", sFirst?.count ?? 0)} in ${windowWords}, but no ${absentWords} events, so where shoppers drop out between viewing and buying cannot be measured here; the explanations below say which charts are left out and why.`]
    : s.length > 1 && sFirst && sLast && sFirst.count > 0
      ? [
          "Of the ",
          { strong: formatInteger(sFirst.count) },
          ` ${plural("session", sFirst.count)} in ${windowWords}, `,
          ...s.slice(1).flatMap((step, i): RichText => {
            const lastOne = i === s.length - 2;
            return [
              lastOne && s.length > 2 ? "and " : "",
              { strong: formatPercent(step.rate_from_previous ?? 0) },
              ` ${i === 0 ? "" : "of those "}${stepVerb(step.step)}`,
              lastOne ? ` (${ciText(step.ci_low, step.ci_high)})` : ", ",
            ];
          }),
          `: in all, `,
          { strong: formatPercent(sLast.rate_from_first ?? 0) },
          ` of sessions ${stepVerb(sLast.step) === "bought" ? "ended in a purchase" : `reached the last step (${stepLabel(sLast.step).toLowerCase()})`} (${ciText(sLast.ci_from_first_low, sLast.ci_from_first_high)}).`,
        ].filter((part) => part !== "")
      : [`The data holds ${countOf(sFirst?.count ?? 0, "session")} in ${windowWords}.`];

  const u = user.steps;
  const uLast = u.at(-1);
  const user_lede: RichText | null =
    u.length > 1 && !userMissing && uLast
      ? [`Counting people rather than visits, of the ${countOf(u[0]!.count, "user")} whose first ${stepEventNoun(firstUserStep)} event came by ${lastEntryDay}, `, { strong: formatPercent(uLast.rate_from_first ?? 0) }, ` ${stepVerb(uLast.step)} within ${countOf(days, "day")} of it (${ciText(uLast.ci_from_first_low, uLast.ci_from_first_high)}).`]
      : null;

  const segmentBreakdown = funnels.session_funnel.breakdowns.find((b) => b.attribute === "segment");
  const segmentLead = segmentBreakdown ? claimableDifferences(segmentBreakdown)[0] : undefined;
  const segment_sentence = !segmentBreakdown || sessionMissing
    ? null
    : segmentLead
      ? {
          text: `Sessions convert at significantly different rates by customer segment: the widest gap is between ${segmentLead.higher.value} (${formatPercent(segmentLead.higher.rate)}) and ${segmentLead.lower.value} (${formatPercent(segmentLead.lower.rate)}), a difference of ${formatPercentPoints(Math.abs(segmentLead.comparison.difference))} (adjusted p ${formatPValue(segmentLead.comparison.p_adjusted)}).`,
          claim: { higher: segmentLead.higher.value, lower: segmentLead.lower.value },
        }
      : segmentBreakdown.chi_squared && overallSignificant(segmentBreakdown)
        ? { text: `Session conversion differs between customer segments overall (adjusted p ${formatPValue(segmentBreakdown.chi_squared.p_adjusted)}), though no single pair of segments differs significantly.`, claim: null }
        : segmentBreakdown.chi_squared
          ? { text: "Session conversion does not differ significantly between customer segments.", claim: null }
          : null;

  // Categories: ranks and "most" by the same rule as the Overview's insight (lib/pages/funnelCategories.ts).
  const allCategories = funnels.category_funnel;
  const { most_viewed, most_bought } = categoryLeaders(allCategories);
  const shareRows = categoryShareRows(allCategories, categories.category_funnel);
  const rowOf = (category: string) => categoryShareRows(allCategories, allCategories.filter((c) => c.category === category))[0]!;
  const category_sentence: RichText | null =
    categoryMissing || !most_viewed || !most_bought
      ? null
      : most_viewed.category === most_bought.category
        ? [`The category viewed in the most sessions, ${most_viewed.category}, is also the one bought in the most.`]
        : [
            "What people look at most is not what they buy: ",
            { strong: most_viewed.category },
            ` is viewed in the most sessions (${formatPercent(rowOf(most_viewed.category).view_share)} of category views) but ranks ${formatInteger(rowOf(most_viewed.category).purchase_rank?.rank ?? 0)}${rowOf(most_viewed.category).purchase_rank?.tied ? " (tied)" : ""} by sessions that bought from it, behind `,
            { strong: most_bought.category },
            ` (${formatPercent(rowOf(most_bought.category).buying_share)} of buying sessions).`,
          ];

  const shown = categories.shown;
  const shownText = shown.other
    ? ` Shown: the ${formatInteger(shown.top)} of ${formatInteger(shown.categories)} categories with the most viewing sessions (ties by name, in code-point order), then ${shown.other}, the sum of the rest (a session entering several of them counts in each). Ranks are among all ${formatInteger(shown.categories)} categories; equal counts share a rank. analyze's funnel.json has every category.`
    : " Equal counts share a rank.";
  const categorySql = `-- The category funnel's statements as the engine ran them. Rates and Wilson intervals are computed\n-- from the counts in TypeScript; shares of sessions on this page divide by the sum over categories.\n${sql.category}`;
  const rankText = (r: CategoryShareRow["view_rank"]) => (r ? `rank ${r.rank}${r.tied ? ", tied" : ""}` : "not ranked");
  const categorySteps = (c: (typeof categories.category_funnel)[number]): StepsCard => ({
    key: "category-steps",
    title: `In ${c.category}, how many viewing sessions went on to cart and buy?`,
    missing: categoryMissing,
    caption: [{ strong: "Bars" }, `: sessions that reached each step in ${c.category}, as a share of the sessions that viewed one of its products; `, { strong: "whiskers" }, ": 95% Wilson intervals; ", { strong: "faint extension" }, `: sessions lost since the previous step. Only events of the chosen category count: a cart of another category's product does not. Sessions are user_id + session_id; window ${windowWords}.`],
    alt: `Funnel step bars for the ${c.category} category, sessions`,
    summary: c.steps.map((step, i) => `${stepLabel(step.step)}: ${countOf(step.count, "session")}${i === 0 ? "" : `, ${formatPercentInterval(step.rate_from_previous ?? Number.NaN, step.ci_low, step.ci_high)} of the previous step`}.`).join(" "),
    sql: categorySql,
    filename: `funnel-category-${c.category}`,
    columns: ["category", ...STEP_COLUMNS],
    csv: c.steps.map((step) => ({ category: c.category, ...step })),
    bars: stepBars(c.steps, "sessions", "viewing sessions"),
    axis_label: "Share of the first step's sessions →",
  });
  const named = shareRows.filter((r) => !r.other);
  const lowestConversion = leaders(named, (r) => -r.conversion, false);
  const highestConversion = leaders(named, (r) => r.conversion, false);
  const conversionRange =
    lowestConversion.length > 0 && highestConversion.length > 0 && highestConversion[0]!.conversion > lowestConversion[0]!.conversion
      ? `View-to-purchase conversion is lowest in ${formatList(lowestConversion.map((r) => r.category))} (${formatPercent(lowestConversion[0]!.conversion)}) and highest in ${formatList(highestConversion.map((r) => r.category))} (${formatPercent(highestConversion[0]!.conversion)}).`
      : "";
  const initial = categoryMissing ? null : (most_viewed && categories.category_funnel.some((c) => c.category === most_viewed.category) ? most_viewed.category : (shareRows[0]?.category ?? null));

  // Products: the top by each measure; the most viewed and most bought are named only when one leads alone.
  const top = products.top;
  const groupOf = (r: ProductInterest["rows"][number]): ProductPoint["group"] => {
    const byViews = r.view_rank <= top && r.viewing_sessions > 0;
    const byPurchases = r.purchase_rank <= top && r.buying_sessions > 0;
    return byViews && byPurchases ? "Top by views and purchases" : byViews ? "Top by views only" : "Top by purchases only";
  };
  const points: ProductPoint[] = products.rows.map((r) => ({
    product_id: r.product_id,
    product_name: r.product_name,
    label_wide: truncate(r.product_name, 26),
    label_narrow: truncate(r.product_name, 18),
    group: groupOf(r),
    viewing_sessions: r.viewing_sessions,
    buying_sessions: r.buying_sessions,
    view_rank: r.view_rank,
    purchase_rank: r.purchase_rank,
    tip_product: `${r.product_name} (${r.product_id})`,
    tip_category: r.category ?? "—",
    tip_viewed: `${countOf(r.viewing_sessions, "session")} (rank ${r.view_rank})`,
    tip_bought: `${countOf(r.buying_sessions, "session")} (rank ${r.purchase_rank})`,
    tip_ratio: r.viewing_sessions > 0 ? formatPercent(r.buying_sessions / r.viewing_sessions, 2) : "—",
  }));
  const averageRatio = products.all_viewing_sessions > 0 ? products.all_buying_sessions / products.all_viewing_sessions : 0;
  const viewedLeaders = leaders(products.rows, (r) => r.viewing_sessions);
  const boughtLeaders = leaders(products.rows, (r) => r.buying_sessions);
  const mostViewedProduct = viewedLeaders.length === 1 ? viewedLeaders[0]! : null;
  const mostBoughtProduct = boughtLeaders.length === 1 ? boughtLeaders[0]! : null;
  const viewsOnly = points.filter((p) => p.group === "Top by views only").length;
  const boughtOnly = points.filter((p) => p.group === "Top by purchases only").length;
  const symbol = coverage.currency.symbol;

  return roundNumbers({
    ...funnels,
    category_funnel: categories.category_funnel,
    category_funnel_shown: categories.shown,
    config: {
      session_steps: funnels.session_funnel.steps.map((x) => x.step),
      user_steps: funnels.user_funnel.steps.map((x) => x.step),
      category_steps: funnels.category_funnel[0]?.steps.map((x) => x.step) ?? (analysis.configured ? [] : DEFAULT_FUNNEL_CONFIG.categorySteps),
    },
    products,
    sql,
    window_text: windowWords,
    lede,
    fit_note: coverage.funnel_fit_note ?? null,
    notes: [...coverage.notes],
    user_lede,
    segment_sentence,
    category_sentence,
    small_print: `Every figure on this page is computed at build time from the ${windowWords} event data.`,
    unit_label: "Count",
    units: { session: unitView("session"), user: unitView("user") },
    attributes: funnels.session_funnel.breakdowns.map((b) => ({ value: b.attribute, label: attributeLabel(b.attribute) })),
    categories: {
      options: shareRows.map((r) => r.category),
      initial,
      missing: categoryMissing,
      steps: Object.fromEntries(categories.category_funnel.map((c) => [c.category, categorySteps(c)])),
      interest: {
        key: "category-interest",
        title: "Which categories get the attention, and which get the sales?",
        missing: categoryMissing,
        caption: [
          { strong: "Hollow dot" },
          ": the category's share of all category-viewing sessions (a session viewing two categories counts once in each); ",
          { strong: "filled dot" },
          `: its share of all category-buying sessions (sessions that viewed, carted and bought in that category, in order). Filled left of hollow: the category sells less than its share of attention. Categories are ordered by attention; the shaded row is the category chosen above. Hover for counts, ranks and each category's view-to-purchase conversion with its 95% Wilson interval.${shownText} Window ${windowWords}.`,
        ],
        alt: "Share of viewing sessions versus share of buying sessions by category",
        summary: [shareRows.map((r) => `${r.category}: ${formatPercent(r.view_share)} of views, ${formatPercent(r.buying_share)} of purchases.`).join(" "), conversionRange].filter(Boolean).join(" "),
        sql: categorySql,
        filename: "funnel-category-interest",
        columns: ["category", "viewing_sessions", "view_share", "view_rank", "buying_sessions", "buying_share", "purchase_rank", "conversion", "conversion_ci_low", "conversion_ci_high"],
        csv: shareRows.map((r) => ({
          category: r.category,
          viewing_sessions: r.viewing_sessions,
          view_share: r.view_share,
          view_rank: r.view_rank?.rank ?? null,
          buying_sessions: r.buying_sessions,
          buying_share: r.buying_share,
          purchase_rank: r.purchase_rank?.rank ?? null,
          conversion: r.conversion,
          conversion_ci_low: r.conversion_ci_low,
          conversion_ci_high: r.conversion_ci_high,
        })),
        rows: shareRows.map((r) => ({
          ...r,
          tip_viewed: `${countOf(r.viewing_sessions, "session")}, ${formatPercent(r.view_share)} of all (${rankText(r.view_rank)})`,
          tip_bought: `${countOf(r.buying_sessions, "session")}, ${formatPercent(r.buying_share)} of all (${rankText(r.purchase_rank)})`,
          tip_conversion: formatPercentInterval(r.conversion, r.conversion_ci_low, r.conversion_ci_high),
        })),
      },
    },
    product_card: {
      key: "product-interest",
      title: "Are the most-viewed products the best sellers?",
      missing: eventCount("product_view") === 0 ? "Interest is measured by sessions that viewed a product, and this data has no product views; what sells is on the Overview and Segments pages." : null,
      caption: [
        { strong: "Points" },
        `: the ${formatInteger(top)} products viewed in the most sessions and the ${formatInteger(top)} bought in the most sessions (${countOf(points.length, "product")}; ${formatInteger(products.products)} had a view or a purchase). `,
        { strong: "x" },
        ": sessions with at least one view of the product; ",
        { strong: "y" },
        ": sessions with at least one purchase of it. ",
        { strong: "Dashed line" },
        `: the catalogue's average, ${formatPercent(averageRatio, 2)} of viewing sessions buying (all products' buying sessions ÷ viewing sessions). Square: in both top lists; circle: top by views only; triangle: top by purchases only. Ranks break ties by product id, so which of tied products makes a top list is arbitrary. A purchase here need not follow a view in the same session. Window ${windowWords}.`,
      ],
      alt: "Products: sessions that viewed each versus sessions that bought it",
      summary: [
        mostViewedProduct ? `The most-viewed product, ${mostViewedProduct.product_name}, was viewed in ${countOf(mostViewedProduct.viewing_sessions, "session")} and bought in ${formatInteger(mostViewedProduct.buying_sessions)}.` : "",
        mostBoughtProduct && mostBoughtProduct !== mostViewedProduct ? `The most-bought, ${mostBoughtProduct.product_name}, was bought in ${countOf(mostBoughtProduct.buying_sessions, "session")}.` : "",
        points.length > 0 ? `${formatInteger(viewsOnly)} of the top ${formatInteger(top)} by views are not in the top ${formatInteger(top)} by purchases, and ${formatInteger(boughtOnly)} of the top by purchases are not in the top by views.` : "",
      ].filter(Boolean).join(" "),
      sql: `-- Not part of the funnel engine: per product, sessions that viewed it and sessions that bought it,\n-- ranked both ways, keeping the top ${top} by each (lib/funnel/productInterest.ts).\n${sql.products}`,
      filename: "funnel-products",
      columns: ["product_id", "product_name", "category", "group", "viewing_sessions", "view_rank", "buying_sessions", "purchase_rank", "views", "purchases", "units", `revenue (${symbol})`],
      csv: products.rows.map((r) => ({
        product_id: r.product_id,
        product_name: r.product_name,
        category: r.category,
        group: groupOf(r),
        viewing_sessions: r.viewing_sessions,
        view_rank: r.view_rank,
        buying_sessions: r.buying_sessions,
        purchase_rank: r.purchase_rank,
        views: r.views,
        purchases: r.purchases,
        units: r.units,
        [`revenue (${symbol})`]: r.revenue,
      })),
      points,
      average_ratio: averageRatio,
    },
  });
}
