/**
 * One breakdown: each value's conversion with its Wilson interval, a chi-squared test of independence
 * over all tested values (2×k), and every pairwise two-proportion z test with Benjamini–Hochberg
 * adjustment across the pairs of this breakdown. Where units are sessions, a user's sessions are not
 * independent: each value's design effect widens its variance in the z tests, and Pearson's χ² is divided
 * by their mean (first-order Rao–Scott), so frequent visitors cannot manufacture significance. Two rules
 * keep that promise where a group's own data cannot: a group of fewer than `minGroupUsers` users
 * (lib/funnel/minGroupUsers.ts) is shown but not tested, and a group whose own design effect is not
 * estimable (rate 0 or 1, one user) borrows the one estimated from all units of the breakdown pooled.
 * The missing-attribute group ("Unknown") is shown but not tested either: it is not a population anyone
 * can act on, and its make-up depends on data quality.
 * Returns null when the attribute is missing for every unit (metrics: omitted, not emitted empty).
 */
import { benjaminiHochberg } from "../stats/benjaminiHochberg.js";
import { chiSquaredIndependence } from "../stats/chiSquaredIndependence.js";
import { chiSquaredSurvival } from "../stats/chiSquaredSurvival.js";
import { designEffect, type ClusteredCounts } from "../stats/designEffect.js";
import { twoProportionZTest } from "../stats/twoProportionZTest.js";
import { wilsonInterval } from "../stats/wilsonInterval.js";
import type { BreakdownCountRow } from "./breakdownCountsSql.js";
import { MIN_GROUP_USERS } from "./minGroupUsers.js";
import { compareBreakdownValues, MISSING_VALUE } from "./breakdownOrder.js";
import type { Breakdown, BreakdownAttribute, BreakdownValue, PairwiseComparison } from "./types.js";

export const SIGNIFICANCE_LEVEL = 0.05;

export function buildBreakdown(
  attribute: BreakdownAttribute,
  rows: readonly BreakdownCountRow[],
  minGroupUsers: number = MIN_GROUP_USERS,
): Breakdown | null {
  const own = rows.filter((r) => r.attribute === attribute && r.units > 0);
  if (!own.some((r) => r.value !== null)) return null;

  // Every grouping covers the same units, so the pooled estimate is the funnel's own design effect.
  const pooled = designEffect(pooledCounts(own)) ?? 1;
  const values: BreakdownValue[] = own
    .map((row) => ({ row, value: row.value ?? MISSING_VALUE, units: row.units, missing: row.value === null }))
    .sort(compareBreakdownValues(attribute))
    .map(({ row, value }) => {
      const interval = wilsonInterval(row.converted, row.units);
      const users = row.users ?? row.units;
      const untested_reason = row.value === null ? "missing_attribute" : users < minGroupUsers ? "too_few_users" : null;
      const counts = clusteredCounts(row);
      const design_effect = counts ? (designEffect(counts) ?? pooled) : 1;
      return {
        value,
        units: row.units,
        converted: row.converted,
        users,
        rate: interval.rate ?? 0,
        ci_low: interval.low,
        ci_high: interval.high,
        tested: untested_reason === null,
        untested_reason,
        design_effect,
      };
    });

  const tested = values.filter((v) => v.tested);
  if (tested.length < 2) return { attribute, values, min_group_users: minGroupUsers, chi_squared: null, comparisons: [] };

  const pearson = chiSquaredIndependence([tested.map((v) => v.converted), tested.map((v) => v.units - v.converted)]);
  const meanDesignEffect = tested.reduce((s, v) => s + v.design_effect, 0) / tested.length;
  const statistic = pearson.statistic / meanDesignEffect;
  const chi = { statistic, df: pearson.df, pValue: meanDesignEffect === 1 ? pearson.pValue : chiSquaredSurvival(statistic, pearson.df) };
  const pairs = tested.flatMap((a, i) => tested.slice(i + 1).map((b) => [a, b] as const));
  const tests = pairs.map(([a, b]) => twoProportionZTest(a.converted, a.units, b.converted, b.units, [a.design_effect, b.design_effect]));
  const adjusted = benjaminiHochberg(tests.map((t) => t.pValue));
  const comparisons: PairwiseComparison[] = pairs.map(([a, b], i) => ({
    a: a.value,
    b: b.value,
    rate_a: a.rate,
    rate_b: b.rate,
    difference: a.rate - b.rate,
    z: tests[i]!.z,
    p_value: tests[i]!.pValue,
    p_adjusted: adjusted[i]!,
    significant: adjusted[i]! < SIGNIFICANCE_LEVEL,
  }));
  return {
    attribute,
    values,
    min_group_users: minGroupUsers,
    chi_squared: {
      statistic: chi.statistic,
      design_effect: meanDesignEffect,
      df: chi.df,
      p_value: chi.pValue,
      p_adjusted: chi.pValue,
      significant: chi.pValue < SIGNIFICANCE_LEVEL,
    },
    comparisons,
  };
}

/** The per-user sums of a row, or null where the units are independent (no sums given). */
function clusteredCounts(row: BreakdownCountRow): ClusteredCounts | null {
  if (row.users === undefined || row.sum_units_squared === undefined || row.sum_converted_squared === undefined || row.sum_units_converted === undefined) return null;
  return {
    units: row.units,
    converted: row.converted,
    clusters: row.users,
    sumUnitsSquared: row.sum_units_squared,
    sumConvertedSquared: row.sum_converted_squared,
    sumUnitsConverted: row.sum_units_converted,
  };
}

function pooledCounts(rows: readonly BreakdownCountRow[]): ClusteredCounts {
  const total: ClusteredCounts = { units: 0, converted: 0, clusters: 0, sumUnitsSquared: 0, sumConvertedSquared: 0, sumUnitsConverted: 0 };
  for (const row of rows) {
    const counts = clusteredCounts(row);
    if (!counts) return { ...total, clusters: 0 };
    total.units += counts.units;
    total.converted += counts.converted;
    total.clusters += counts.clusters;
    total.sumUnitsSquared += counts.sumUnitsSquared;
    total.sumConvertedSquared += counts.sumConvertedSquared;
    total.sumUnitsConverted += counts.sumUnitsConverted;
  }
  return total;
}

/**
 * Benjamini–Hochberg across the chi-squared tests of a whole page (docs/metrics.md §5: correction across the
 * comparisons shown on a page): every breakdown of every funnel in the output is one family.
 */
export function adjustChiSquaredAcross(breakdowns: readonly Breakdown[]): Breakdown[] {
  const withTest = breakdowns.filter((b) => b.chi_squared !== null);
  const adjusted = benjaminiHochberg(withTest.map((b) => b.chi_squared!.p_value));
  return breakdowns.map((b) => {
    const i = withTest.indexOf(b);
    if (i < 0 || !b.chi_squared) return b;
    return { ...b, chi_squared: { ...b.chi_squared, p_adjusted: adjusted[i]!, significant: adjusted[i]! < SIGNIFICANCE_LEVEL } };
  });
}
