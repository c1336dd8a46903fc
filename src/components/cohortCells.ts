// Pure helpers for the cohort charts: rows from the loader's columns, calendar labels of periods, the
// colour scale's range, and the words that describe a retention variant. No DOM, so Node tests import it.

export type CohortBy = "registration" | "first_purchase";
export type Granularity = "month" | "week";
export type RetentionMode = "on" | "on_or_after";

/** One retention cell as the page uses it (the loader sends the fields as columns). */
export interface RetentionRow {
  cohort: string;
  period: number;
  cohort_size: number;
  active: number;
  rate: number;
  ci_low: number;
  ci_high: number;
  complete: boolean;
}

/** One LTV cell: cumulative revenue of a cohort up to and including period k. */
export interface LtvRow {
  cohort: string;
  period: number;
  cohort_size: number;
  cumulative_revenue: number;
  /** cumulative_revenue / cohort_size: what an average member of the cohort has spent so far. */
  cumulative_revenue_per_member: number;
  complete: boolean;
}

type Columns<T> = { [K in keyof T]: readonly T[K][] };

/** Turns {a: [1, 2], b: [3, 4]} into [{a: 1, b: 3}, {a: 2, b: 4}]; every column must be as long. */
export function rowsFromColumns<T extends object>(columns: Columns<T>): T[] {
  const entries = Object.entries(columns) as [string, readonly unknown[]][];
  const length = entries[0]?.[1].length ?? 0;
  for (const [name, values] of entries) {
    if (values.length !== length) throw new RangeError(`column ${name} has ${values.length} values, expected ${length}`);
  }
  return Array.from({ length }, (_, i) => Object.fromEntries(entries.map(([name, values]) => [name, values[i]])) as T);
}

/** LTV rows with the per-member figure the charts plot. */
export function ltvRows(columns: Columns<Omit<LtvRow, "cumulative_revenue_per_member">>): LtvRow[] {
  return rowsFromColumns(columns).map((row) => ({
    ...row,
    cumulative_revenue_per_member: row.cohort_size > 0 ? row.cumulative_revenue / row.cohort_size : 0,
  }));
}

/**
 * The calendar label of period k of a cohort, in the cohort label's own format (docs/metrics.md §2): months
 * "YYYY-MM", ISO weeks by their Monday "YYYY-MM-DD". All arithmetic is in UTC.
 */
export function periodLabel(cohort: string, k: number, granularity: Granularity): string {
  if (granularity === "month") {
    const match = /^(\d{4})-(\d{2})$/.exec(cohort);
    if (!match) throw new RangeError(`not a month label: ${cohort}`);
    const index = Number(match[1]) * 12 + Number(match[2]) - 1 + k;
    const year = Math.floor(index / 12);
    return `${String(year).padStart(4, "0")}-${String(index - year * 12 + 1).padStart(2, "0")}`;
  }
  const start = Date.parse(`${cohort}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(cohort) || Number.isNaN(start)) throw new RangeError(`not a week label: ${cohort}`);
  return new Date(start + k * 7 * 86_400_000).toISOString().slice(0, 10);
}

/**
 * The top of the heatmap's colour scale. Period 0 is the cohort's own period (near 100% by construction
 * for first-purchase cohorts), so a scale up to 100% would squeeze every later period into its bottom
 * third. The top is instead a high quantile of the later periods' rates, rounded up to a multiple of
 * `step`; rates above it share the top colour, and each cell's tip and the CSV give exact values.
 */
export function colourScaleTop(rows: readonly Pick<RetentionRow, "period" | "rate">[], quantile = 0.98, step = 0.05): number {
  const later = rows
    .filter((row) => row.period > 0 && Number.isFinite(row.rate))
    .map((row) => row.rate)
    .sort((a, b) => a - b);
  if (later.length === 0) return 1;
  const position = (later.length - 1) * quantile;
  const below = later[Math.floor(position)]!;
  const above = later[Math.ceil(position)]!;
  const value = below + (above - below) * (position - Math.floor(position));
  // Rounding 0.35000000000000003 up must give 0.35, not 0.4.
  const top = Math.ceil(value / step - 1e-9) * step;
  return Math.min(1, Math.max(step, Number(top.toFixed(10))));
}

/** Words for a variant, used in titles, captions and text alternatives. */
export function describeVariant(cohortBy: CohortBy, granularity: Granularity, mode: RetentionMode) {
  const monthly = granularity === "month";
  return {
    /** "users who registered in a month" / "buyers who first purchased in a week" */
    population:
      cohortBy === "registration"
        ? `users who registered in the same ${granularity}`
        : `buyers who made their first purchase in the same ${granularity}`,
    /** What a cohort is, as a definition. */
    cohort:
      cohortBy === "registration"
        ? `the users who registered in one UTC ${granularity} (or, without a registration date, had their first event in it), including those with no events at all`
        : `the users whose first purchase fell in one UTC ${granularity}; only buyers belong to a cohort`,
    /** What counts as being active in period k. */
    activity:
      mode === "on"
        ? cohortBy === "registration"
          ? `had at least one event of any type in ${monthly ? "month" : "week"} k`
          : `made at least one purchase in ${monthly ? "month" : "week"} k`
        : cohortBy === "registration"
          ? `had at least one event in ${monthly ? "month" : "week"} k or any later one in the window`
          : `made a purchase in ${monthly ? "month" : "week"} k or any later one in the window`,
    /** Short label of the mode. */
    mode: mode === "on" ? `active in ${granularity} k` : `active in ${granularity} k or later`,
    /** "Month" / "Week", for axis labels. */
    unit: monthly ? "Month" : "Week",
  };
}

/** The last instant of a half-open window [start, end), as the UTC day it falls on: "2025-12-31". */
export function lastDayOfWindow(window: { end: string }): string {
  return new Date(Date.parse(window.end) - 1).toISOString().slice(0, 10);
}

/**
 * Splits an average curve into the part backed by at least `minCohorts` cohorts and the tail after it,
 * which rests on one or two cohorts. The tail starts at the last well-backed point so the line joins up.
 */
export function splitByCohorts<T extends { period: number; cohorts: number }>(points: readonly T[], minCohorts: number): { solid: T[]; thin: T[] } {
  const solid = points.filter((p) => p.cohorts >= minCohorts);
  const lastSolid = solid.at(-1)?.period ?? Number.NEGATIVE_INFINITY;
  const thin = points.filter((p) => p.period === lastSolid || (p.period > lastSolid && p.cohorts < minCohorts));
  return { solid, thin: thin.length > 1 ? thin : [] };
}
