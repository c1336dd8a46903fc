/**
 * The Cohorts page's vocabulary: the nouns of a cohort definition (true to the data: no "registered"
 * where nothing was registered), what counts as active, what a bounded grid leaves out, and why a
 * definition's cohorts cannot be followed. lib/pages/cohorts.ts builds the page's sentences from them.
 */
import type { CoverageData } from "../analysis/coverage";
import { countOf, formatInteger, formatInterval, formatPercentInterval } from "../format";
import type { GridBound } from "../retention/boundCohortGrid";
import type { Granularity } from "../db/periodSql";
import type { CohortBy, RetentionCell, RetentionMode } from "../retention/types";

export const unitOf = (granularity: Granularity) => (granularity === "month" ? "Month" : "Week");

/** The nouns of one cohort definition, true to the data (no "registered" where nothing was registered). */
export function nouns(cohortBy: CohortBy, registrations: CoverageData["registrations"]) {
  const registered = registrations === "given";
  if (cohortBy === "first_purchase") {
    return { members: "first-time buyers", member: "buyer", people: "buyer", anchor: "their first purchase", cohort: "first purchase" };
  }
  return registered
    ? { members: "new users", member: "registered user", people: "user", anchor: "registering", cohort: "registration" }
    : { members: "new users", member: "user", people: "user", anchor: "their first event", cohort: "first event" };
}

/** What a cohort is, as a definition, with the zone its calendar periods are cut in. */
export function cohortDefinition(cohortBy: CohortBy, granularity: Granularity, coverage: Pick<CoverageData, "registrations" | "timezone">): string {
  const period = `one ${granularity} (${coverage.timezone})`;
  if (cohortBy === "first_purchase") return `the users whose first purchase fell in ${period}; only buyers belong to a cohort`;
  return coverage.registrations === "given"
    ? `the users who registered in ${period} (or, without a registration date, had their first event in it), including those with no events at all`
    : `the users whose first event in the data fell in ${period}`;
}

/** What counts as being active in period k. */
export function activityWords(cohortBy: CohortBy, granularity: Granularity, mode: RetentionMode): string {
  const k = `${granularity} k`;
  if (cohortBy === "registration") return mode === "on" ? `had at least one event of any type in ${k}` : `had at least one event in ${k} or any later one in the window`;
  return mode === "on" ? `made at least one purchase in ${k}` : `made a purchase in ${k} or any later one in the window`;
}

export const modeWords = (granularity: Granularity, mode: RetentionMode) => (mode === "on" ? `active in ${granularity} k` : `active in ${granularity} k or later`);

/** A long window's grid is bounded: what it leaves out ("" when nothing). */
export function boundText(bound: GridBound, noun: string): string {
  if (bound.cohorts_shown >= bound.cohorts && bound.periods <= bound.max_periods) return "";
  const omitted = bound.users_omitted > 0 ? `; the ${countOf(bound.users_omitted, "member")} of the other cohorts count in the averages but have no row` : "";
  return ` Bounded: the window holds ${countOf(bound.cohorts, "cohort")} and up to ${countOf(bound.periods, noun)}; shown are the ${formatInteger(bound.cohorts_shown)} consecutive cohorts with the most users (ties to the latest) and k = 0 to ${formatInteger(bound.max_periods - 1)}${omitted}. analyze's cohorts.json holds more.`;
}

export const percentInterval = (p: { rate: number; ci_low: number; ci_high: number }) => formatPercentInterval(p.rate, p.ci_low, p.ci_high);
export const ciText = (p: { ci_low: number; ci_high: number }) => formatInterval(p.ci_low, p.ci_high);

/** Why a definition's cohorts cannot be followed on this data; null when they can. */
export function missingReason(cells: readonly Pick<RetentionCell, "period">[], cohortBy: CohortBy, granularity: Granularity, coverage: Pick<CoverageData, "span_text" | "timezone">, windowWords: string): string | null {
  if (cells.length === 0) {
    return cohortBy === "registration"
      ? "No new users in this data: it has no users to form cohorts from."
      : "No first-time buyers in this data: it has no purchases to form cohorts from.";
  }
  if (!cells.some((c) => c.period >= 1)) {
    return `The data spans ${coverage.span_text} (${windowWords}), so every ${granularity}ly cohort has only period 0, its own ${granularity}, where everyone is active by definition. Coming back can only be measured once the data reaches into the next ${granularity}.`;
  }
  return null;
}
