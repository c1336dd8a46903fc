/**
 * The Cohorts page: everything data-driven it shows, built at build time under one type, CohortsPage.
 * The page's inputs (cohort by × period × what counts as active) make eight views; each view's rows,
 * tooltip texts, titles, captions, text alternatives, CSV headers and SQL are built here, so the browser
 * only picks a view by its key (src/cohorts.md, src/components/retentionHeatmap.ts, retentionCurve.ts,
 * ltvCurves.ts).
 *
 * Size: weekly cohorts make ~1,400 cells per variant. Cells are sent as columns (one array per field),
 * proportions rounded to 6 decimals (a ten-thousandth of a percentage point) and money to the cent.
 */
import type { RichText } from "./richText";
import type { CohortLimits, CohortsOutput } from "../analysis/cohorts";
import type { CoverageData } from "../analysis/coverage";
import type { AnalysisWindow } from "../dataset/window";
import type { SqlTrace } from "../db/sqlTrace";
import { countOf, formatInteger, formatMoney, formatPercent, plural, windowText } from "../format";
import type { GridBound } from "../retention/boundCohortGrid";
import { MIN_COHORTS, colourScaleTop, solidUntil } from "./cohortsDrawing";
import { activityWords, boundText, ciText, cohortDefinition, missingReason, modeWords, nouns, percentInterval, unitOf } from "./cohortsWords";
import type {
  AverageRetentionPoint,
  CohortBy,
  LtvAveragePoint,
  LtvCell,
  RetentionActivity,
  RetentionCell,
  RetentionMode,
  RetentionVariant,
} from "../retention/types";
import type { Granularity } from "../db/periodSql";

/** The page pairs each cohort definition with its activity (metrics.md §3's two required variants). */
export const PAGE_VARIANTS: readonly { cohort_by: CohortBy; activity: RetentionActivity }[] = [
  { cohort_by: "registration", activity: "any_event" },
  { cohort_by: "first_purchase", activity: "purchase" },
];
const GRANULARITIES: readonly Granularity[] = ["month", "week"];
const MODES: readonly RetentionMode[] = ["on", "on_or_after"];

/**
 * The page's grids: two years of monthly cohorts, a year (53 or 54 ISO weeks) of weekly ones; a longer
 * window shows the consecutive cohorts with the most users and says so (lib/retention/boundCohortGrid.ts).
 */
export const PAGE_COHORT_LIMITS: CohortLimits = { month: { maxCohorts: 24, maxPeriods: 24 }, week: { maxCohorts: 54, maxPeriods: 54 } };


/** The key of one view of the page's inputs: "registration/month/on". */
export type ViewKey = `${CohortBy}/${Granularity}/${RetentionMode}`;
/** The key of one cohort definition (LTV and the SQL do not depend on what counts as active): "registration/month". */
export type DefinitionKey = `${CohortBy}/${Granularity}`;

/** Rows as columns: { a: [1, 2], b: [3, 4] } holds the rows {a: 1, b: 3} and {a: 2, b: 4}. */
export type Columns<Row> = { [K in keyof Row]: Row[K][] };

/** Text with emphasised parts, which the page renders as <strong>. */

/** A CSV column: the row field and the header it is written under (money columns name the currency). */
export interface CsvColumn {
  field: string;
  header: string;
}

/** The words of one chart card. */
export interface CardWords {
  /** Identifies the card across re-renders (chartCard's key) and names its stand-in (missingCard's key). */
  key: string;
  title: string;
  caption: RichText;
  /** Short text alternative, and the longer one that says what the chart shows. */
  alt: string;
  summary: string;
  sql: string;
  filename: string;
  csv: CsvColumn[];
  /** Why this data cannot support the chart (the card is then a stand-in saying so); null when it can. */
  missing: string | null;
}

/**
 * Where a cell sits: the same for both "counts as active" views of a cohort definition and for its LTV
 * (one query's rows), so it is sent once per definition (Axis.grid) and the views carry only their values.
 */
export type GridCell = Pick<RetentionCell, "cohort" | "period" | "period_label" | "cohort_size" | "complete">;

export type HeatmapCell = GridCell & Pick<RetentionCell, "active" | "rate" | "ci_low" | "ci_high"> & {
  /** Tooltip texts: "12 of 95", "12.6% (95% CI 7.4–20.8%)". */
  active_text: string;
  rate_text: string;
  /** The percentage printed in the cell ("13%"); monthly grids only (weekly cells are too small to print in: ""). */
  rate_label: string;
};

export type AveragePoint = AverageRetentionPoint & { period_text: string; rate_text: string; active_text: string; cohorts_text: string };

export type LtvPoint = GridCell & Pick<LtvCell, "cumulative_revenue" | "cumulative_revenue_per_member"> & {
  /** Tooltip text of the per-member figure, in the data's currency. */
  value_text: string;
};

export type LtvAverage = LtvAveragePoint & { curve_text: string; value_text: string };

/** What the charts share in one cohort definition: tooltip texts per cohort and per k, axis labels. */
export interface Axis {
  granularity: Granularity;
  /** The cells of the definition's grid, which every view of it fills. */
  grid: Columns<GridCell>;
  /** "Months since the cohort's month (k) →". */
  x_label: string;
  /** By k: "Month 3". */
  period_text: string[];
  /** By cohort label: "2025-01 (412 users)". */
  cohort_text: Record<string, string>;
}

/** One retention view: the heatmap and the average curve of one combination of the inputs. */
export interface RetentionView {
  variant: RetentionVariant;
  /** What the grid leaves out of a long window. */
  bound: GridBound;
  /** Which column of the cohort definition's query holds this view's active counts. */
  active_column: string;
  /** The values of the definition's grid cells (Axis.grid), in the grid's order. */
  cells: Columns<Omit<HeatmapCell, keyof GridCell>>;
  average: AveragePoint[];
  /** The last k whose average rests on MIN_COHORTS or more cohorts (-1: none); the line is dotted after it. */
  solid_until: number;
  heatmap: CardWords & {
    /** The colour scale's top (rates above it take its colour), its legend label and the hatching's key ("" when nothing is hatched). */
    colour_top: number;
    legend_label: string;
    hatch_key: string;
    status_text: { complete: string; incomplete: string };
  };
  curve: CardWords & { y_label: string };
}

/** One cohort definition's cumulative revenue per member. */
export interface LtvView {
  bound: GridBound;
  /** The values of the definition's grid cells (Axis.grid), in the grid's order. */
  cells: Columns<Omit<LtvPoint, keyof GridCell>>;
  average: LtvAverage[];
  solid_until: number;
  card: CardWords & { y_label: string };
}

export interface CohortsPage {
  window: AnalysisWindow;
  /** "2025-01-01 to 2025-12-31 (UTC)". */
  window_text: string;
  /** The lede's sentences (registration cohorts, monthly, "on": docs/metrics.md's default). */
  lede: RichText[];
  /** Under the lede: how every figure is computed. */
  small_print: string;
  /** Data without registrations: the registration cohorts are first-event cohorts (null when registrations are given). */
  registrations_note: string | null;
  /** What the data's shape means for these charts (unpriced purchases, dates without times, repeated rows). */
  notes: string[];
  /** The currency symbol of the LTV axis ticks. */
  currency_symbol: string;
  inputs: {
    cohort_by: { label: string; options: [string, CohortBy][] };
    granularity: { label: string; options: [string, Granularity][] };
    mode: { label: string; options: [string, RetentionMode][] };
  };
  axes: Record<DefinitionKey, Axis>;
  retention: Record<ViewKey, RetentionView>;
  ltv: Record<DefinitionKey, LtvView>;
}

// ---- SQL ----

/**
 * The statements behind one cohort definition (cohort_by × granularity), as the engine ran them: the
 * scratch tables, then the one query whose rows hold every variant's counts (any_on, any_on_or_after,
 * purchase_on, purchase_on_or_after) and the revenue the LTV curves accumulate.
 */
export function cohortDefinitionSql(trace: SqlTrace, cohortBy: CohortBy, granularity: Granularity, timezone = "UTC"): string {
  return [
    `-- 1. One row per user and calendar day (${timezone}): events, purchases, revenue (the single scan of the events).`,
    trace.sql("retention_user_days"),
    "",
    "-- 2. Per user, the days a cohort can be anchored on.",
    trace.sql("retention_user_anchors"),
    "",
    `-- 3. Per user and ${granularity}: events, purchases, revenue.`,
    trace.sql(`retention_user_${granularity}s`),
    "",
    `-- 4. Every cell of the ${cohortBy} cohorts by ${granularity}: members active in k ("on") and in k or later`,
    '--    ("on_or_after"), for any event and for purchases, and the cohort\'s revenue in k.',
    trace.sql(`retention.cohort_activity.${cohortBy}.${granularity}`),
  ].join("\n");
}

/** The column of cohortActivitySql's rows that a variant's "active" count comes from. */
export function activeColumn(variant: Pick<RetentionVariant, "activity" | "mode">): string {
  return `${variant.activity === "purchase" ? "purchase" : "any"}_${variant.mode}`;
}


// ---- the page's own keys ----

const round = (x: number, digits = 6) => Math.round(x * 10 ** digits) / 10 ** digits;

/** A rate and its interval kept to 6 decimals, the precision the page's data carries. */
function roundedRates<T extends { rate: number; ci_low: number; ci_high: number }>(p: T): T {
  return { ...p, rate: round(p.rate), ci_low: round(p.ci_low), ci_high: round(p.ci_high) };
}
const definitionKey = (cohortBy: CohortBy, granularity: Granularity): DefinitionKey => `${cohortBy}/${granularity}`;
const viewKey = (v: Pick<RetentionVariant, "cohort_by" | "granularity" | "mode">): ViewKey => `${v.cohort_by}/${v.granularity}/${v.mode}`;

// ---- the page ----

function retentionView(
  variant: CohortsOutput["retention"][number],
  coverage: CoverageData,
  sql: string,
  windowWords: string,
): RetentionView {
  const { cohort_by: cohortBy, granularity, mode } = variant;
  const n = nouns(cohortBy, coverage.registrations);
  const zone = coverage.timezone;
  const unit = unitOf(granularity);
  // Rates rounded once, before any wording: every sentence prints the number the page carries.
  const cells = variant.cells.map(roundedRates);
  const averages = variant.average.map(roundedRates);
  const incomplete = cells.filter((c) => !c.complete).length;
  const cohortCount = new Set(cells.map((c) => c.cohort)).size;
  const lastK = Math.max(0, ...cells.map((c) => c.period));
  const nextPeriod = cells.filter((c) => c.period === 1 && c.complete).sort((a, b) => a.rate - b.rate);
  const lowest = nextPeriod[0];
  const highest = nextPeriod.at(-1);
  const missing = missingReason(cells, cohortBy, granularity, coverage, windowWords);
  const column = activeColumn(variant);
  const definition = cohortDefinition(cohortBy, granularity, coverage);
  const activity = activityWords(cohortBy, granularity, mode);
  const top = colourScaleTop(cells);
  const average: AveragePoint[] = averages.map((p) => ({
    ...p,
    period_text: `${unit} ${p.period} after the cohort's own`,
    rate_text: percentInterval(p),
    active_text: `${formatInteger(p.active)} of ${formatInteger(p.cohort_size)}`,
    cohorts_text: `${formatInteger(p.cohorts)} with a complete ${granularity} ${p.period}`,
  }));
  const p1 = averages.find((p) => p.period === 1);
  const pLast = averages.filter((p) => p.cohorts >= MIN_COHORTS).at(-1);
  const slug = `${cohortBy}-${granularity}-${mode}`;
  const title = `What share of each ${granularity}'s ${n.members} was active k ${granularity}s later?`;
  const curveTitle = `On average, what share of a cohort is active k ${granularity}s on?`;
  return {
    variant: { cohort_by: cohortBy, activity: variant.activity, granularity, mode },
    bound: variant.bound,
    active_column: column,
    cells: {
      active: cells.map((c) => c.active),
      rate: cells.map((c) => c.rate),
      ci_low: cells.map((c) => c.ci_low),
      ci_high: cells.map((c) => c.ci_high),
      active_text: cells.map((c) => `${formatInteger(c.active)} of ${formatInteger(c.cohort_size)}`),
      rate_text: cells.map(percentInterval),
      rate_label: cells.map((c) => (granularity === "month" ? formatPercent(c.rate, 0) : "")),
    },
    average,
    solid_until: solidUntil(averages),
    heatmap: {
      key: "cohort-heatmap",
      title,
      caption: [
        { strong: "Rows" },
        `: cohorts, ${definition}. `,
        { strong: "Columns" },
        `: k, whole ${granularity}s after the cohort's own ${granularity} (k = 0 is that ${granularity} itself). `,
        { strong: "Cell" },
        `: active ÷ cohort size, where a member is active if they ${activity}; hover a cell for its counts and 95% Wilson interval. ` +
          (granularity === "week" ? "Weeks are ISO weeks, Monday to Sunday, labelled by their Monday. " : "") +
          `All periods are calendar ${granularity}s in ${zone}; window ${windowWords}. `,
        { strong: "Hatched" },
        ` cells (${incomplete === 0 ? "none in this view" : formatInteger(incomplete)}): the ${granularity} had not ended when the window closed, so they under-count and are left out of every average. Rates above the legend's top take the colour at its end.${boundText(variant.bound, granularity)}`,
      ],
      alt: `Retention heatmap: ${modeWords(granularity, mode)}, cohorts by ${n.cohort} ${granularity}`,
      summary: [
        `Heatmap of ${countOf(cohortCount, `${granularity}ly cohort`)} (rows, oldest at the top) by ${granularity}s since the cohort's own ${granularity}, k = 0 to ${lastK} (columns).`,
        !lowest || !highest
          ? ""
          : nextPeriod.length === 1
            ? `In ${granularity} 1, ${formatPercent(lowest.rate)} of cohort ${lowest.cohort} was active.`
            : lowest.rate === highest.rate
              ? `In ${granularity} 1, every cohort had ${formatPercent(lowest.rate)} active.`
              : `In ${granularity} 1 the share active ranges from ${formatPercent(lowest.rate)} (cohort ${lowest.cohort}) to ${formatPercent(highest.rate)} (cohort ${highest.cohort}).`,
        incomplete > 0 ? `${countOf(incomplete, "cell")} ${plural("is", incomplete, "are")} incomplete: ${plural("its", incomplete, "their")} ${granularity} ends after the window.` : "No cell is incomplete.",
      ]
        .filter(Boolean)
        .join(" "),
      sql: `-- This view's active counts are the column ${column} of the last statement below;\n-- rate = active / cohort_size and its 95% Wilson interval are computed from them in TypeScript.\n${sql}`,
      filename: `retention-${slug}`,
      csv: ["cohort", "period", "period_label", "cohort_size", "active", "rate", "ci_low", "ci_high", "complete"].map((field) => ({ field, header: field })),
      missing,
      colour_top: top,
      legend_label: `Share of cohort active (≥ ${formatPercent(top, 0)}: end colour)`,
      hatch_key: incomplete > 0 ? `Hatched: period not over when the window closed (${countOf(incomplete, "cell")}); left out of averages` : "",
      status_text: { complete: "complete", incomplete: "incomplete: the period ends after the window" },
    },
    curve: {
      key: "cohort-average",
      title: curveTitle,
      caption: [
        { strong: "Line" },
        `: for each k, Σ active ÷ Σ cohort size over the cohorts whose ${granularity} k is complete, i.e. the mean of their rates weighted by cohort size; incomplete cells never enter. `,
        { strong: "Band" },
        ": its 95% Wilson interval (z = 1.959964). ",
        { strong: "Faint lines" },
        ": each cohort on its own. ",
        { strong: "Dotted" },
        `: fewer than three cohorts have lived through k, so the average rests on the oldest one or two. Cohorts: ${definition}; active: ${activity}. Calendar ${granularity}s in ${zone}; window ${windowWords}.`,
      ],
      alt: `Average retention curve: ${modeWords(granularity, mode)}, cohorts by ${n.cohort} ${granularity}`,
      summary:
        [
          p1 ? `In ${granularity} 1, ${percentInterval(p1)} of cohort members were active, pooled over ${countOf(p1.cohorts, "cohort")}.` : "",
          pLast && pLast.period > 1 ? `By ${granularity} ${pLast.period}, ${percentInterval(pLast)}.` : "",
        ]
          .filter(Boolean)
          .join(" ") || "Not enough complete periods to draw an average.",
      sql: `-- The average is pooled in TypeScript from the last statement below, column ${column}:\n-- for each k, sum(active) / sum(cohort_size) over the complete cells, with its 95% Wilson interval.\n${sql}`,
      filename: `retention-average-${slug}`,
      csv: ["period", "cohorts", "cohort_size", "active", "rate", "ci_low", "ci_high"].map((field) => ({ field, header: field })),
      missing,
      y_label: "↑ Share of cohort active",
    },
  };
}

function ltvView(ltv: CohortsOutput["ltv"][number], coverage: CoverageData, sql: string, windowWords: string, retentionCells: readonly Pick<RetentionCell, "period">[]): LtvView {
  const { cohort_by: cohortBy, granularity } = ltv;
  const n = nouns(cohortBy, coverage.registrations);
  const { symbol, code } = coverage.currency;
  const money = (x: number) => formatMoney(x, 2, symbol);
  const cells = ltv.cells;
  const l1 = ltv.average.find((p) => p.period === 1);
  const lLast = ltv.average.filter((p) => p.cohorts >= MIN_COHORTS).at(-1);
  const revenue = coverage.revenue;
  const unmeasurable = revenue.measurable
    ? null
    : `No purchase in the data has a price, so lifetime value cannot be measured: it is left out rather than shown as ${symbol}0.`;
  const pricedOnly =
    revenue.unpriced_purchases > 0 && revenue.measurable
      ? ` Priced purchases only: ${countOf(revenue.unpriced_purchases, "purchase")} of ${formatInteger(revenue.purchases)} ${plural("has", revenue.unpriced_purchases, "have")} no price and ${plural("adds", revenue.unpriced_purchases, "add")} nothing.`
      : "";
  return {
    bound: ltv.bound,
    cells: {
      cumulative_revenue: cells.map((c) => round(c.cumulative_revenue, 2)),
      cumulative_revenue_per_member: cells.map((c) => round(c.cumulative_revenue_per_member, 4)),
      // Worded from the rounded value the page carries, so the text and the number never disagree.
      value_text: cells.map((c) => money(round(c.cumulative_revenue_per_member, 4))),
    },
    average: ltv.average.map((p) => ({
      ...p,
      cumulative_revenue: round(p.cumulative_revenue, 2),
      cumulative_revenue_per_member: round(p.cumulative_revenue_per_member, 4),
      curve_text: `Average of ${countOf(p.cohorts, "cohort")} (${countOf(p.cohort_size, cohortBy === "registration" ? "user" : "buyer")})`,
      value_text: money(round(p.cumulative_revenue_per_member, 4)),
    })),
    solid_until: solidUntil(ltv.average),
    card: {
      key: "cohort-ltv",
      title: `How much has a ${n.member} spent, k ${granularity}s after ${n.anchor}?`,
      caption: [
        { strong: `Cumulative revenue per cohort member (${symbol})` },
        `: revenue (price × quantity of purchase events, in ${code}) in the cohort's ${granularity}s 0 to k, divided by the cohort size, ${cohortBy === "registration" ? "all members, buyers or not" : "buyers only"}.${pricedOnly} `,
        { strong: "Accent line" },
        `: the cohorts whose ${granularity} k is complete, pooled (Σ revenue ÷ Σ members, i.e. weighted by cohort size); dotted where fewer than three cohorts reach k, where it can even fall as the mix of cohorts changes. `,
        { strong: "Faint lines" },
        `: each cohort, complete ${granularity}s only. Cohorts: ${cohortDefinition(cohortBy, granularity, coverage)}. Revenue does not depend on the "counts as active" choice. Calendar ${granularity}s in ${coverage.timezone}; window ${windowWords}.${boundText(ltv.bound, granularity)}`,
      ],
      alt: `Cumulative revenue per ${n.member} (${code}) by ${granularity} since the cohort's ${granularity}`,
      summary:
        [
          l1 ? `After ${granularity} 1, ${money(round(l1.cumulative_revenue_per_member, 4))} per ${n.member} on average.` : "",
          lLast ? `After ${granularity} ${lLast.period}, ${money(round(lLast.cumulative_revenue_per_member, 4))} (average of ${countOf(lLast.cohorts, "cohort")}).` : "",
        ]
          .filter(Boolean)
          .join(" ") || "Not enough complete periods to draw an average.",
      sql: `-- Revenue per cohort and period k is the column revenue of the last statement below; TypeScript\n-- accumulates it over k, divides by the cohort size, and pools complete cells across cohorts for the average.\n${sql}`,
      filename: `ltv-${cohortBy}-${granularity}`,
      csv: [
        { field: "series", header: "series" },
        { field: "cohort", header: "cohort" },
        { field: "period", header: "period" },
        { field: "period_label", header: "period_label" },
        { field: "cohorts", header: "cohorts" },
        { field: "cohort_size", header: "cohort_size" },
        { field: "cumulative_revenue", header: `cumulative_revenue (${code})` },
        { field: "cumulative_revenue_per_member", header: `cumulative_revenue_per_member (${code})` },
        { field: "complete", header: "complete" },
      ],
      missing: missingReason(retentionCells, cohortBy, granularity, coverage, windowWords) ?? unmeasurable,
      y_label: `↑ Revenue per ${n.member}, cumulative (${symbol})`,
    },
  };
}

/** Whether two lists of cells hold the same cohorts, periods, sizes and completeness, in the same order. */
function sameGrid(a: readonly GridCell[], b: readonly GridCell[]): boolean {
  return a.length === b.length && a.every((c, i) => c.cohort === b[i]!.cohort && c.period === b[i]!.period && c.cohort_size === b[i]!.cohort_size && c.complete === b[i]!.complete && c.period_label === b[i]!.period_label);
}

function axis(cells: readonly GridCell[], cohortBy: CohortBy, granularity: Granularity, bound: GridBound): Axis {
  const cohortText: Record<string, string> = {};
  for (const c of cells) cohortText[c.cohort] ??= `${c.cohort} (${countOf(c.cohort_size, cohortBy === "registration" ? "user" : "buyer")})`;
  const periods = Math.max(bound.max_periods, ...cells.map((c) => c.period + 1));
  return {
    granularity,
    grid: {
      cohort: cells.map((c) => c.cohort),
      period: cells.map((c) => c.period),
      period_label: cells.map((c) => c.period_label),
      cohort_size: cells.map((c) => c.cohort_size),
      complete: cells.map((c) => c.complete),
    },
    x_label: `${unitOf(granularity)}s since the cohort's ${granularity} (k) →`,
    period_text: Array.from({ length: periods }, (_, k) => `${unitOf(granularity)} ${k}`),
    cohort_text: cohortText,
  };
}

function lede(retention: Record<ViewKey, RetentionView>, ltv: Record<DefinitionKey, LtvView>, coverage: CoverageData): RichText[] {
  const point = (key: ViewKey, k: number) => retention[key].average.find((p) => p.period === k);
  const m1 = point("registration/month/on", 1);
  const m6 = point("registration/month/on", 6);
  const b1 = point("first_purchase/month/on", 1);
  const b1later = point("first_purchase/month/on_or_after", 1);
  const ltv6 = ltv["registration/month"].average.find((p) => p.period === 6);
  const registered = coverage.registrations === "given";
  const who = registered ? "users who registered in a given month" : "users first seen in a given month";
  const sentences: RichText[] = [];
  if (m1) {
    sentences.push([
      `Of the ${who}, `,
      { strong: formatPercent(m1.rate) },
      ` were back the next month (${ciText(m1)}, pooled over ${countOf(m1.cohorts, "monthly cohort")})`,
      ...(m6
        ? [`; in the sixth month after ${registered ? "registering" : "it"}, `, { strong: formatPercent(m6.rate) }, ` still were (${ciText(m6)}, ${countOf(m6.cohorts, "cohort")}).`]
        : [" (the window is too short to follow a cohort for six months)."]),
    ]);
  } else {
    sentences.push(["The window is too short for a single monthly cohort to be followed into its next month."]);
  }
  if (b1 && b1later) {
    sentences.push([`Of the customers who made their first purchase in a given month, ${percentInterval(b1)} bought again in the very next month, and ${percentInterval(b1later)} bought again at some point from that month on.`]);
  }
  if (ltv6 && coverage.revenue.measurable && coverage.revenue.purchases > 0) {
    sentences.push([
      `By the end of the sixth month after the month ${registered ? "they registered in, a registered user" : "they were first seen in, a user"} had spent `,
      { strong: formatMoney(ltv6.cumulative_revenue_per_member, 2, coverage.currency.symbol) },
      ` on average (${countOf(ltv6.cohorts, "cohort")}${coverage.revenue.unpriced_purchases > 0 ? ", priced purchases only" : ""}).`,
    ]);
  }
  return sentences;
}

export function buildCohortsPage(cohorts: CohortsOutput, coverage: CoverageData, trace: SqlTrace): CohortsPage {
  const zone = coverage.timezone;
  const windowWords = windowText(cohorts.window, zone);
  const sqlOf = new Map<DefinitionKey, string>();
  const sql = (cohortBy: CohortBy, granularity: Granularity) => {
    const key = definitionKey(cohortBy, granularity);
    if (!sqlOf.has(key)) sqlOf.set(key, cohortDefinitionSql(trace, cohortBy, granularity, zone));
    return sqlOf.get(key)!;
  };
  const retention = {} as Record<ViewKey, RetentionView>;
  const ltv = {} as Record<DefinitionKey, LtvView>;
  const axes = {} as Record<DefinitionKey, Axis>;
  for (const { cohort_by, activity } of PAGE_VARIANTS) {
    for (const granularity of GRANULARITIES) {
      for (const mode of MODES) {
        const variant = cohorts.retention.find((v) => v.cohort_by === cohort_by && v.activity === activity && v.granularity === granularity && v.mode === mode);
        const key = viewKey({ cohort_by, granularity, mode });
        if (!variant) throw new Error(`cohorts: the retention engine did not compute ${cohort_by}/${activity}/${granularity}/${mode}`);
        retention[key] = retentionView(variant, coverage, sql(cohort_by, granularity), windowWords);
      }
      const curves = cohorts.ltv.find((l) => l.cohort_by === cohort_by && l.granularity === granularity);
      if (!curves) throw new Error(`cohorts: the retention engine did not compute the LTV of ${cohort_by}/${granularity}`);
      const first = cohorts.retention.find((v) => v.cohort_by === cohort_by && v.activity === activity && v.granularity === granularity)!;
      // Every view of the definition fills the same grid, which is sent once: check that it does.
      for (const other of [...MODES.map((mode) => cohorts.retention.find((v) => v.cohort_by === cohort_by && v.activity === activity && v.granularity === granularity && v.mode === mode)!), curves]) {
        if (!sameGrid(first.cells, other.cells)) throw new Error(`cohorts: the views of ${cohort_by}/${granularity} do not fill the same cohort × period grid`);
      }
      ltv[definitionKey(cohort_by, granularity)] = ltvView(curves, coverage, sql(cohort_by, granularity), windowWords, first.cells);
      axes[definitionKey(cohort_by, granularity)] = axis(first.cells, cohort_by, granularity, first.bound);
    }
  }
  const registered = coverage.registrations === "given";
  // The funnel's fit is the Funnel page's concern; every other note bears on cohorts or their revenue.
  const notes = coverage.notes.filter((note) => note !== coverage.funnel_fit_note);
  return {
    window: cohorts.window,
    window_text: windowWords,
    lede: lede(retention, ltv, coverage),
    small_print: `Every figure on this page is computed at build time from the ${windowWords} event data; rates carry 95% Wilson intervals, and a cohort's period counts only once it has ended within the window.`,
    registrations_note: registered
      ? null
      : "This data has no registrations: each user's registration is their first event in the data, so the registration cohorts below are first-event cohorts (a user who had been a customer long before the window starts counts as new in it).",
    notes,
    currency_symbol: coverage.currency.symbol,
    inputs: {
      cohort_by: {
        label: "Cohort by",
        options: [
          [registered ? "Registration (any event counts)" : "First event (any event counts)", "registration"],
          ["First purchase (purchases count)", "first_purchase"],
        ],
      },
      granularity: { label: "Period", options: [["Month", "month"], ["ISO week", "week"]] },
      mode: { label: "Counts as active", options: [["Active in period k", "on"], ["Active in k or any later period", "on_or_after"]] },
    },
    axes,
    retention,
    ltv,
  };
}
