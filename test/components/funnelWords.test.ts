import { describe, expect, test } from "vitest";
import {
  attributeLabel,
  binsInUse,
  formatDuration,
  letterName,
  startsBeforeWindow,
  stepLabel,
  stepVerb,
  truncate,
  valueLabel,
} from "../../src/components/funnelWords";
import { separateLabels } from "../../src/components/labelLayout";
import { averageLine, productGroup } from "../../src/components/productInterest";
import { categoryInterestRows } from "../../src/components/categoryInterest";
import { stepRows } from "../../src/components/funnelSteps";
import { conversionTimeRows } from "../../src/components/conversionTime";

describe("words", () => {
  test("stepLabel(step) names the default steps and keeps unknown event types as they are", () => {
    expect(stepLabel("add_to_cart")).toBe("Added to cart");
    expect(stepLabel("signup")).toBe("signup");
    expect(stepVerb("purchase")).toBe("bought");
  });

  test("attributeLabel and valueLabel spell out codes", () => {
    expect(attributeLabel("age_band")).toBe("Age band");
    expect(valueLabel("gender", "F")).toBe("Female");
    expect(valueLabel("gender", "X")).toBe("X");
    expect(valueLabel("age_band", "18–24")).toBe("Aged 18–24");
    expect(valueLabel("age_band", "Outside 18–65")).toBe("Outside 18–65");
  });

  test("formatDuration(seconds) picks seconds, minutes, hours or days", () => {
    expect(formatDuration(0.4)).toBe("0.4 s");
    expect(formatDuration(40.079)).toBe("40 s");
    expect(formatDuration(133.2)).toBe("2.2 min");
    expect(formatDuration(74_467)).toBe("21 h");
    expect(formatDuration(86_400)).toBe("1 day");
    expect(formatDuration(281_048)).toBe("3.3 days");
    expect(formatDuration(null)).toBe("\u2014");
  });

  test("truncate(text, max) shortens with an ellipsis, counting characters not UTF-16 units", () => {
    expect(truncate("Bespoke Silk Pants", 30)).toBe("Bespoke Silk Pants");
    expect(truncate("Bespoke Silk Pants", 10)).toBe("Bespoke S…");
    expect(truncate("😀😀😀😀", 3)).toBe("😀😀…");
  });

  test("letterName(i) counts a…z, then aa, ab", () => {
    expect([0, 1, 25, 26, 27].map(letterName)).toEqual(["a", "b", "z", "aa", "ab"]);
  });

  test("startsBeforeWindow(point, window) flags the ISO week that began before the window", () => {
    const window = { start: "2025-01-01T00:00:00.000Z" };
    expect(startsBeforeWindow({ period_start: "2024-12-30T00:00:00.000Z" }, window)).toBe(true);
    expect(startsBeforeWindow({ period_start: "2025-01-06T00:00:00.000Z" }, window)).toBe(false);
  });
});

const bin = (label: string, count: number) => ({ label, lower_seconds: 0, upper_seconds: null, count });

test("binsInUse(distributions) spans the first to the last bin any distribution uses, keeping gaps", () => {
  const a = { histogram: [bin("a", 0), bin("b", 3), bin("c", 0), bin("d", 1), bin("e", 0)] };
  const b = { histogram: [bin("a", 0), bin("b", 0), bin("c", 2), bin("d", 0), bin("e", 0)] };
  expect(binsInUse([a, b])).toEqual(["b", "c", "d"]);
  expect(binsInUse([{ histogram: [bin("a", 0)] }])).toEqual([]);
});

test("conversionTimeRows(distributions) gives shares of the converted units per drawn bin", () => {
  const rows = conversionTimeRows([
    { from: "product_view", to: "add_to_cart", count: 4, p25_seconds: 1, median_seconds: 2, p75_seconds: 3, p90_seconds: 4, mean_seconds: 2, histogram: [bin("x", 0), bin("y", 1), bin("z", 3)] },
  ]);
  expect(rows.map((r) => [r.transition, r.bin, r.share])).toEqual([
    ["Viewed → Carted", "y", 0.25],
    ["Viewed → Carted", "z", 0.75],
  ]);
});

function step(name: string, count: number, previous: number, first: number) {
  return {
    step: name,
    count,
    rate_from_previous: count / previous,
    rate_from_first: count / first,
    ci_low: 0,
    ci_high: 1,
    ci_from_first_low: 0,
    ci_from_first_high: 1,
    drop_off: previous - count,
    drop_off_rate: 1 - count / previous,
  };
}

test("stepRows(steps) measures each bar and its lost part against the first step", () => {
  const rows = stepRows([step("session_start", 200, 200, 200), step("product_view", 100, 200, 200), step("purchase", 10, 100, 200)], { noun: "sessions" });
  expect(rows.map((r) => [r.share, r.previous_share])).toEqual([
    [1, 1],
    [0.5, 1],
    [0.05, 0.5],
  ]);
  expect(rows[2]!.lines).toContain("90 lost (90.0%)");
});

test("categoryInterestRows(funnels) gives shares over all categories and ranks both ways", () => {
  const funnel = (category: string, viewed: number, bought: number) => ({
    category,
    steps: [step("product_view", viewed, viewed, viewed), step("add_to_cart", bought, viewed, viewed), step("purchase", bought, bought, viewed)],
  });
  const rows = categoryInterestRows([funnel("Books", 100, 10), funnel("Toys", 300, 5), funnel("Garden", 100, 25)]);
  expect(rows.map((r) => [r.category, r.view_rank, r.purchase_rank, r.view_share, r.buying_share])).toEqual([
    ["Toys", 1, 3, 0.6, 0.125],
    ["Books", 2, 2, 0.2, 0.25],
    ["Garden", 3, 1, 0.2, 0.625],
  ]);
});

describe("products", () => {
  test("productGroup(row, top) says which top lists a product is in", () => {
    expect(productGroup({ view_rank: 1, purchase_rank: 2, viewing_sessions: 9, buying_sessions: 3 }, 30)).toBe("Top by views and purchases");
    expect(productGroup({ view_rank: 3, purchase_rank: 40, viewing_sessions: 9, buying_sessions: 3 }, 30)).toBe("Top by views only");
    expect(productGroup({ view_rank: 90, purchase_rank: 4, viewing_sessions: 9, buying_sessions: 3 }, 30)).toBe("Top by purchases only");
  });

  test("averageLine(ratio, x, y) runs from where y = ratio·x enters the frame to where it leaves", () => {
    expect(averageLine(0.5, [0, 100], [0, 20])).toEqual([
      { x: 0, y: 0 },
      { x: 40, y: 20 },
    ]);
    expect(averageLine(0.01, [100, 1000], [2, 50])).toEqual([
      { x: 200, y: 2 },
      { x: 1000, y: 10 },
    ]);
    expect(averageLine(0, [0, 1], [0, 1])).toEqual([]);
    expect(averageLine(100, [1, 2], [1, 2])).toEqual([]);
  });
});

test("separateLabels(boxes, lineHeight) moves overlapping labels down, never up, and leaves the others", () => {
  const centres = separateLabels(
    [
      { left: 0, right: 100, y: 50 },
      { left: 50, right: 150, y: 55 },
      { left: 200, right: 300, y: 52 },
      { left: 0, right: 100, y: 10 },
    ],
    14,
  );
  expect(centres).toEqual([50, 64, 52, 10]);
});
