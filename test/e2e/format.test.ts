// Number formatting (src/components/format.ts). Expected strings are written out by hand; \u202F is
// the narrow no-break space that groups digits and \u2212 the minus sign.
import { describe, expect, test } from "vitest";
import {
  formatCurrency,
  formatInteger,
  formatNumber,
  formatPercent,
  formatPercentInterval,
  formatPercentPoints,
  MINUS,
  MISSING,
  THIN_SPACE,
} from "../../src/components/format.js";

const T = "\u202F";
const M = "\u2212";

test("the constants are the characters the tests spell out", () => {
  expect([THIN_SPACE, MINUS, MISSING]).toEqual([T, M, "\u2014"]);
});

describe("formatInteger", () => {
  test.each([
    [0, "0"],
    [7, "7"],
    [999, "999"],
    [1000, `1${T}000`],
    [12345, `12${T}345`],
    [1234567, `1${T}234${T}567`],
    [-1234567, `${M}1${T}234${T}567`],
    [1234.5, `1${T}235`],
    [-0.4, "0"],
  ])("%d → %j", (input, expected) => {
    expect(formatInteger(input)).toBe(expected);
  });

  test("non-finite values print as an em dash", () => {
    expect([Number.NaN, Infinity, -Infinity].map(formatInteger)).toEqual([MISSING, MISSING, MISSING]);
  });
});

describe("formatNumber", () => {
  test("rounds to the digits asked for and groups only the whole part", () => {
    expect(formatNumber(1234.5678, 2)).toBe(`1${T}234.57`);
    expect(formatNumber(0.12345, 3)).toBe("0.123");
    expect(formatNumber(-9876.5, 1)).toBe(`${M}9${T}876.5`);
  });
  test("no minus sign when the value rounds to zero", () => {
    expect(formatNumber(-0.004, 2)).toBe("0.00");
  });
});

describe("formatPercent", () => {
  test.each([
    [0.042, 1, "4.2%"],
    [0.0423, 1, "4.2%"],
    [0.5, 0, "50%"],
    [1, 1, "100.0%"],
    [0.00049, 2, "0.05%"],
    [12.5, 0, `1${T}250%`],
    [-0.031, 1, `${M}3.1%`],
  ])("%d with %d digits → %j", (p, digits, expected) => {
    expect(formatPercent(p, digits)).toBe(expected);
  });
  test("defaults to one decimal", () => {
    expect(formatPercent(0.25)).toBe("25.0%");
  });
  test("missing proportions print as an em dash", () => {
    expect(formatPercent(Number.NaN)).toBe(MISSING);
  });
});

describe("formatPercentInterval", () => {
  test("the brief's example", () => {
    expect(formatPercentInterval(0.042, 0.039, 0.045)).toBe("4.2% (95% CI 3.9\u20134.5%)");
  });
  test("digits apply to the point and both bounds", () => {
    expect(formatPercentInterval(0.12345, 0.11111, 0.13579, { digits: 2 })).toBe("12.35% (95% CI 11.11\u201313.58%)");
  });
  test("another level is printed as given", () => {
    expect(formatPercentInterval(0.5, 0.4, 0.6, { level: 0.9, digits: 0 })).toBe("50% (90% CI 40\u201360%)");
    expect(formatPercentInterval(0.5, 0.4, 0.6, { level: 0.995, digits: 0 })).toBe("50% (99.5% CI 40\u201360%)");
  });
  test("a negative bound uses 'to' instead of a dash", () => {
    expect(formatPercentInterval(0.012, -0.002, 0.026)).toBe(`1.2% (95% CI ${M}0.2 to 2.6%)`);
  });
  test("without finite bounds only the point is shown", () => {
    expect(formatPercentInterval(0.042, Number.NaN, 0.045)).toBe("4.2%");
  });
  test("a missing point is an em dash", () => {
    expect(formatPercentInterval(Number.NaN, 0.1, 0.2)).toBe(MISSING);
  });
});

describe("formatPercentPoints", () => {
  test.each([
    [0.012, "+1.2 pp"],
    [-0.004, `${M}0.4 pp`],
    [0, "0.0 pp"],
    [-0.0001, "0.0 pp"],
  ])("%d → %j", (input, expected) => {
    expect(formatPercentPoints(input)).toBe(expected);
  });
});

describe("formatCurrency", () => {
  test.each([
    [1234.5, `$1${T}234.50`],
    [0, "$0.00"],
    [-12, `${M}$12.00`],
    [987654.3, `$987${T}654.30`],
  ])("%d → %j", (input, expected) => {
    expect(formatCurrency(input)).toBe(expected);
  });
  test("symbol and digits can be chosen", () => {
    expect(formatCurrency(1234567.891, { symbol: "€", digits: 0 })).toBe(`€1${T}234${T}568`);
  });
  test("missing amounts are an em dash", () => {
    expect(formatCurrency(Number.NaN)).toBe(MISSING);
  });
});
