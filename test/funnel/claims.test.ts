import { describe, expect, test } from "vitest";
import { claimableDifferences, compactLetters, groupDifferences, letterName, overallSignificant } from "../../lib/funnel/claims";
import type { Breakdown, BreakdownValue, PairwiseComparison } from "../../lib/funnel/types";

function value(name: string, rate: number, tested = true): BreakdownValue {
  return { value: name, units: 1000, converted: Math.round(rate * 1000), rate, ci_low: rate - 0.01, ci_high: rate + 0.01, users: 1000, tested, untested_reason: tested ? null : "missing_attribute", design_effect: 1 };
}

function pair(a: BreakdownValue, b: BreakdownValue, significant: boolean): PairwiseComparison {
  return { a: a.value, b: b.value, rate_a: a.rate, rate_b: b.rate, difference: a.rate - b.rate, z: 0, p_value: significant ? 0.001 : 0.5, p_adjusted: significant ? 0.002 : 0.6, significant };
}

function breakdown(values: BreakdownValue[], significantPairs: [string, string][], overall = true): Breakdown {
  const isSignificant = (a: string, b: string) => significantPairs.some(([x, y]) => (x === a && y === b) || (x === b && y === a));
  const tested = values.filter((v) => v.tested);
  const comparisons = tested.flatMap((a, i) => tested.slice(i + 1).map((b) => pair(a, b, isSignificant(a.value, b.value))));
  return {
    attribute: "segment",
    values,
    min_group_users: 30,
    chi_squared: { statistic: 10, design_effect: 1, df: tested.length - 1, p_value: overall ? 0.001 : 0.4, p_adjusted: overall ? 0.002 : 0.5, significant: overall },
    comparisons,
  };
}

const A = value("A", 0.3);
const B = value("B", 0.2);
const C = value("C", 0.1);

describe("compactLetters", () => {
  test("compactLetters(breakdown) gives every value its own letter when every pair differs, 'a' to the highest rate", () => {
    const letters = compactLetters(breakdown([C, A, B], [["A", "B"], ["A", "C"], ["B", "C"]]));
    expect(Object.fromEntries(letters)).toEqual({ A: "a", B: "b", C: "c" });
  });

  test("compactLetters(breakdown) lets a value between two different ones share a letter with each", () => {
    const letters = compactLetters(breakdown([A, B, C], [["A", "C"]]));
    expect(Object.fromEntries(letters)).toEqual({ A: "a", B: "ab", C: "b" });
  });

  test("compactLetters(breakdown) gives one letter to all when the overall test is not significant", () => {
    const letters = compactLetters(breakdown([A, B, C], [["A", "C"]], false));
    expect(Object.fromEntries(letters)).toEqual({ A: "a", B: "a", C: "a" });
  });

  test("compactLetters(breakdown) leaves the untested Unknown group without letters", () => {
    const unknown = value("Unknown", 0.5, false);
    const letters = compactLetters(breakdown([A, B, unknown], [["A", "B"]]));
    expect(Object.fromEntries(letters)).toEqual({ A: "a", B: "b", Unknown: "" });
  });

  test("compactLetters(breakdown): two values share a letter exactly when no difference is claimed between them", () => {
    const values = ["p", "q", "r", "s", "t", "u"].map((name, i) => value(name, 0.05 * (6 - i)));
    const significant: [string, string][] = [["p", "s"], ["p", "t"], ["p", "u"], ["q", "t"], ["q", "u"], ["r", "u"]];
    const b = breakdown(values, significant);
    const letters = compactLetters(b);
    for (const c of b.comparisons) {
      const share = [...letters.get(c.a)!].some((letter) => letters.get(c.b)!.includes(letter));
      expect(share, `${c.a} ${c.b}`).toBe(!c.significant);
    }
  });
});

describe("claims", () => {
  test("claimableDifferences(breakdown) orients each significant pair higher → lower, largest first", () => {
    const differences = claimableDifferences(breakdown([C, B, A], [["C", "A"], ["B", "A"]]));
    expect(differences.map((d) => [d.higher.value, d.lower.value])).toEqual([
      ["A", "C"],
      ["A", "B"],
    ]);
  });

  test("claimableDifferences(breakdown) claims nothing when the overall test is not significant, even for significant pairs", () => {
    const b = breakdown([A, B, C], [["A", "C"]], false);
    expect(overallSignificant(b)).toBe(false);
    expect(claimableDifferences(b)).toEqual([]);
  });

  test("claimableDifferences(breakdown) claims nothing without a chi-squared test", () => {
    expect(claimableDifferences({ ...breakdown([A, B], [["A", "B"]]), chi_squared: null })).toEqual([]);
  });

  test("groupDifferences(breakdown) lists, per value, the values it beats, highest first", () => {
    const groups = groupDifferences(breakdown([A, B, C], [["A", "B"], ["A", "C"], ["B", "C"]]));
    expect(groups.map((g) => [g.higher.value, g.lower.map((v) => v.value)])).toEqual([
      ["A", ["B", "C"]],
      ["B", ["C"]],
    ]);
  });
});

test("letterName(i) counts a…z, then aa, ab", () => {
  expect([0, 1, 25, 26, 27].map(letterName)).toEqual(["a", "b", "z", "aa", "ab"]);
});
