/**
 * One breakdown: each value's conversion with its Wilson interval, a chi-squared test of independence
 * over all tested values (2×k), and every pairwise two-proportion z test with Benjamini–Hochberg
 * adjustment across the pairs of this breakdown. Where units are sessions, a user's sessions are not
 * independent: each value's design effect widens its variance in the z tests, and Pearson's χ² is divided
 * by their mean (first-order Rao–Scott), so frequent visitors cannot manufacture significance. The missing-attribute group ("Unknown") is shown but not
 * tested: it is not a population anyone can act on, and its make-up depends on data quality.
 * Returns null when the attribute is missing for every unit (metrics: omitted, not emitted empty).
 */
import { benjaminiHochberg } from "../stats/benjaminiHochberg.js";
import { chiSquaredIndependence } from "../stats/chiSquaredIndependence.js";
import { chiSquaredSurvival } from "../stats/chiSquaredSurvival.js";
import { designEffect } from "../stats/designEffect.js";
import { twoProportionZTest } from "../stats/twoProportionZTest.js";
import { wilsonInterval } from "../stats/wilsonInterval.js";
import type { BreakdownCountRow } from "./breakdownCountsSql.js";
import { compareBreakdownValues, MISSING_VALUE } from "./breakdownOrder.js";
import type { Breakdown, BreakdownAttribute, BreakdownValue, PairwiseComparison } from "./types.js";

export const SIGNIFICANCE_LEVEL = 0.05;

export function buildBreakdown(attribute: BreakdownAttribute, rows: readonly BreakdownCountRow[]): Breakdown | null {
  const own = rows.filter((r) => r.attribute === attribute && r.units > 0);
  if (!own.some((r) => r.value !== null)) return null;

  const values: BreakdownValue[] = own
    .map((r) => ({ value: r.value ?? MISSING_VALUE, units: r.units, converted: r.converted, missing: r.value === null, design_effect: rowDesignEffect(r) }))
    .sort(compareBreakdownValues(attribute))
    .map(({ value, units, converted, missing, design_effect }) => {
      const interval = wilsonInterval(converted, units);
      return { value, units, converted, rate: interval.rate ?? 0, ci_low: interval.low, ci_high: interval.high, tested: !missing, design_effect };
    });

  const tested = values.filter((v) => v.tested);
  if (tested.length < 2) return { attribute, values, chi_squared: null, comparisons: [] };

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

function rowDesignEffect(row: BreakdownCountRow): number {
  if (row.users === undefined || row.sum_units_squared === undefined || row.sum_converted_squared === undefined || row.sum_units_converted === undefined) return 1;
  return designEffect({
    units: row.units,
    converted: row.converted,
    clusters: row.users,
    sumUnitsSquared: row.sum_units_squared,
    sumConvertedSquared: row.sum_converted_squared,
    sumUnitsConverted: row.sum_units_converted,
  });
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
