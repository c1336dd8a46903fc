import { describe, expect, it } from "vitest";
import { countOf, formatInteger, formatList, formatMoney, formatNumber, formatPercent, formatPercentInterval, formatPercentPoints, formatShare, formatSigned, formatSpan, leaders, MINUS, MISSING, plural, THIN_SPACE } from "../lib/format";
import { spanText } from "../lib/pages/overview";

const T = "\u202F";

describe("plurals", () => {
  it("agree with the count: never “1 events” or “1 products”", () => {
    expect(countOf(1, "event")).toBe("1 event");
    expect(countOf(1, "product")).toBe("1 product");
    expect(countOf(0, "event")).toBe("0 events");
    expect(countOf(1234, "user")).toBe(`1${T}234 users`);
    expect(countOf(1, "person", "people")).toBe("1 person");
    expect(countOf(3, "person", "people")).toBe("3 people");
    expect(plural("it", 2, "them")).toBe("them");
  });
});

describe("spans", () => {
  it("says how long a slice of hours is, not the whole days of its window", () => {
    // The defect seen on a real log: "The data spans 24 hours" for a 2 h 10 min slice.
    expect(formatSpan((2 * 60 + 10) * 60_000)).toBe("2 hours 10 minutes");
    expect(formatSpan(60 * 60_000)).toBe("1 hour");
    expect(formatSpan(0)).toBe("0 minutes");
    expect(formatSpan(1 * 60_000)).toBe("1 minute");
    expect(formatSpan(3 * 86_400_000)).toBe("3 days");
  });

  it("the Overview words a brought slice to the minute, with its length", () => {
    const coverage = { source: "brought", timezone: "UTC", first_event: "2017-11-25T08:05:00.000Z", last_event: "2017-11-25T10:15:00.000Z", window_hours: 24 } as const;
    const window = { start: "2017-11-25T00:00:00.000Z", end: "2017-11-26T00:00:00.000Z" };
    expect(spanText({ window, coverage: coverage as never })).toBe("2017-11-25 08:05 to 10:15 UTC (2 hours 10 minutes)");
  });
});

describe("numbers", () => {
  it("percents, shares, money and signs", () => {
    expect(formatPercent(0.0423)).toBe("4.2%");
    expect(formatShare(0.9997)).toBe("more than 99.9%");
    expect(formatShare(0.0004)).toBe("less than 0.1%");
    expect(formatShare(0.1)).toBe("10%");
    expect(formatMoney(-12)).toBe("\u2212$12.00");
    expect(formatMoney(1234.5)).toBe(`$1${T}234.50`);
    expect(formatSigned(0.75)).toBe("+0.75");
    expect(formatSigned(-0.75)).toBe("\u22120.75");
    expect(formatSigned(0)).toBe("0.00");
    expect(formatPercent(Number.NaN)).toBe("\u2014");
  });

  // Hand-worked cases carried over from the retired browser module (src/components/format.ts).
  it("groups the whole part by threes with a thin space, and rounds a small negative to an unsigned zero", () => {
    const M = "\u2212";
    expect([THIN_SPACE, MINUS, MISSING]).toEqual([T, M, "\u2014"]);
    expect([0, 999, 1000, 1234567, -1234567, 1234.5, -0.4].map(formatInteger)).toEqual(["0", "999", `1${T}000`, `1${T}234${T}567`, `${M}1${T}234${T}567`, `1${T}235`, "0"]);
    expect([Number.NaN, Infinity, -Infinity].map(formatInteger)).toEqual([MISSING, MISSING, MISSING]);
    expect(formatNumber(1234.5678, 2)).toBe(`1${T}234.57`);
    expect(formatNumber(-9876.5, 1)).toBe(`${M}9${T}876.5`);
    expect(formatNumber(-0.004, 2)).toBe("0.00");
    expect(formatPercent(0.00049, 2)).toBe("0.05%");
    expect(formatPercent(12.5, 0)).toBe(`1${T}250%`);
    expect(formatPercent(-0.031)).toBe(`${M}3.1%`);
  });

  it("intervals, percentage points and money with a chosen symbol", () => {
    const M = "\u2212";
    expect(formatPercentInterval(0.042, 0.039, 0.045)).toBe("4.2% (95% CI 3.9\u20134.5%)");
    expect(formatPercentInterval(0.12345, 0.11111, 0.13579, 2)).toBe("12.35% (95% CI 11.11\u201313.58%)");
    expect(formatPercentInterval(0.012, -0.002, 0.026)).toBe(`1.2% (95% CI ${M}0.2 to 2.6%)`);
    expect(formatPercentInterval(0.042, Number.NaN, 0.045)).toBe("4.2%");
    expect(formatPercentInterval(Number.NaN, 0.1, 0.2)).toBe(MISSING);
    expect([0.012, -0.004, 0, -0.0001].map((d) => formatPercentPoints(d))).toEqual(["+1.2 pp", `${M}0.4 pp`, "0.0 pp", "0.0 pp"]);
    expect(formatMoney(1234567.891, 0, "€")).toBe(`€1${T}234${T}568`);
    expect(formatMoney(0)).toBe("$0.00");
    expect(formatMoney(Number.NaN)).toBe(MISSING);
  });

  it("lists", () => {
    expect(formatList([])).toBe("");
    expect(formatList(["a"])).toBe("a");
    expect(formatList(["a", "b"])).toBe("a and b");
    expect(formatList(["a", "b", "c"], "or")).toBe("a, b or c");
  });
});

describe("leaders", () => {
  it("names a single leader, every member of a tie, and nobody on 0", () => {
    const items = [{ id: "1817004", n: 1 }, { id: "2", n: 1 }, { id: "3", n: 1 }, { id: "4", n: 1 }];
    // Four products tied at one session each: all four lead; a sentence must name the tie or say nothing.
    expect(leaders(items, (x) => x.n).map((x) => x.id)).toEqual(["1817004", "2", "3", "4"]);
    expect(leaders([{ n: 3 }, { n: 5 }], (x) => x.n)).toEqual([{ n: 5 }]);
    expect(leaders([{ n: 0 }, { n: 0 }], (x) => x.n)).toEqual([]);
    expect(leaders([], (x: { n: number }) => x.n)).toEqual([]);
  });
});

describe("calendar days in a time zone", () => {
  it("cuts days at the zone's midnight", async () => {
    const { calendarDay, windowDays, windowText } = await import("../lib/format");
    // 2025-03-01T17:30Z is already 2 March in Shanghai (UTC+8) and still 1 March in New York (UTC−5).
    expect(calendarDay("2025-03-01T17:30:00Z")).toBe("2025-03-01");
    expect(calendarDay("2025-03-01T17:30:00Z", "Asia/Shanghai")).toBe("2025-03-02");
    expect(calendarDay("2025-03-01T03:30:00Z", "America/New_York")).toBe("2025-02-28");
    // A Shanghai window of two local days: [2025-02-28T16:00Z, 2025-03-02T16:00Z).
    expect(windowDays({ start: "2025-02-28T16:00:00.000Z", end: "2025-03-02T16:00:00.000Z" }, "Asia/Shanghai")).toEqual({ first: "2025-03-01", last: "2025-03-02" });
    expect(windowText({ start: "2025-01-01T00:00:00.000Z", end: "2025-01-02T00:00:00.000Z" })).toBe("2025-01-01 (UTC)");
    expect(windowText({ start: "2025-01-01T00:00:00.000Z", end: "2026-01-01T00:00:00.000Z" })).toBe("2025-01-01 to 2025-12-31 (UTC)");
  });
});

describe("durations and p-values (the Funnel page's)", () => {
  it("formatDuration(seconds) picks seconds, minutes, hours or days", async () => {
    const { formatDuration } = await import("../lib/format");
    expect(formatDuration(0.4)).toBe("0.4 s");
    expect(formatDuration(40.079)).toBe("40 s");
    expect(formatDuration(133.2)).toBe("2.2 min");
    expect(formatDuration(74_467)).toBe("21 h");
    expect(formatDuration(86_400)).toBe("1 day");
    expect(formatDuration(281_048)).toBe("3.3 days");
    expect(formatDuration(null)).toBe("\u2014");
  });

  it("formatPValue(p) prints '< 0.001' below a thousandth and three decimals otherwise", async () => {
    const { formatPValue } = await import("../lib/format");
    expect(formatPValue(1e-200)).toBe("< 0.001");
    expect(formatPValue(0.0463)).toBe("0.046");
    expect(formatPValue(Number.NaN)).toBe("\u2014");
  });
});
