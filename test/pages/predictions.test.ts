import { describe, expect, it } from "vitest";
import { alivePoints, buildPredictionsPage, clvDeciles, frequencyPoints, rankQuintiles, rfmGrid, type PredictionsPage } from "../../lib/pages/predictions";
import { onlyCustomers, type PredictionsResult } from "../../lib/predict/computePredictions";
import type { CustomerPredictions, PredictionsSummary } from "../../lib/predict/types";
import { Rng } from "../../lib/random/rng";

function customers(n: number, seed: number): CustomerPredictions {
  const rng = new Rng(seed);
  const x = Float64Array.from({ length: n }, () => rng.int(6));
  const T = Float64Array.from({ length: n }, () => 1 + rng.int(50));
  const clv = Float64Array.from(x, (v) => v * 20 * rng.next());
  return {
    userIds: Array.from({ length: n }, (_, i) => `U${i}`),
    x,
    tx: Float64Array.from(T, (t) => t * rng.next()),
    T,
    recencyDays: Float64Array.from({ length: n }, () => rng.int(300)),
    pAlive: Float64Array.from(x, (v) => (v === 0 ? 1 : rng.next())),
    expected30: Float64Array.from({ length: n }, () => rng.next()),
    expected90: Float64Array.from({ length: n }, () => 2 * rng.next()),
    expected365: Float64Array.from({ length: n }, () => 5 * rng.next()),
    expectedSpend: Float64Array.from({ length: n }, () => 50),
    clv,
    segment: Int32Array.from({ length: n }, () => rng.int(3)),
  };
}

function summary(ratio: number): PredictionsSummary {
  const fit = { r: 0.3, alpha: 4, a: 0.8, b: 2.5, log_likelihood: -100, n: 200, standard_errors: { r: 0.01, alpha: 0.2, a: null, b: 0.3 }, converged: true };
  const spend = { p: 6, q: 4, gamma: 15, log_likelihood: -50, n: 80, standard_errors: { p: 1, q: 0.5, gamma: 2 }, converged: true };
  return {
    time_unit: "week",
    timezone: "UTC",
    calibration: { start: "2025-01-01", end: "2025-08-31" },
    holdout: { start: "2025-09-01", end: "2025-12-31" },
    options: { time_unit: "week", horizon_days: 365, discount_rate: 0.1 },
    bgnbd: fit,
    gamma_gamma: spend,
    refit: { bgnbd: fit, gamma_gamma: spend },
    validation: {
      holdout_days: 122,
      customers: 150,
      actual_total: 100,
      predicted_total: 100 * ratio,
      ratio,
      mae: 0.8,
      holds: Math.abs(ratio - 1) <= 0.2,
      by_frequency: [{ x: "0", customers: 150, actual: 0.5, predicted: 0.5 * ratio }],
      tracking: [{ week: 0, end: "2025-01-07", actual: 1, predicted: 1 }],
      spend_frequency_correlation: { n: 80, r: 0.05 },
      alive_calibration: null,
    },
    unsupported: { bgnbd: null, gamma_gamma: null },
  };
}

const names = new Map([[0, "Loyal high spenders"], [1, "Window shoppers"], [2, "One-visit users"]]);
const sentences = (page: PredictionsPage) => [...page.lede, ...page.actions, page.clvSentence, page.validationSentence, page.spendSentence, page.aliveSentence, ...Object.values(page.captions)].filter((s): s is string => s !== null);

describe("buildPredictionsPage", () => {
  for (const seed of [1, 2, 3]) {
    for (const ratio of [0.6, 0.95, 1.1, 1.5]) {
      it(`every sentence is complete text (seed ${seed}, predicted ÷ actual ${ratio}), and only a model that holds forecasts in the lede`, () => {
        const page = buildPredictionsPage({ summary: summary(ratio), customers: customers(200, seed) } as PredictionsResult, names);
        for (const s of sentences(page)) expect(s).not.toMatch(/NaN|undefined|Infinity|null|\[object/);
        expect(page.holds).toBe(Math.abs(ratio - 1) <= 0.2);
        const forecasts = page.lede.some((s) => /\bexpects\b/.test(s));
        expect(forecasts).toBe(page.holds);
        if (!page.holds) expect(page.validationSentence).toMatch(/does not hold/);
      });
    }
  }

  it("says why, and draws nothing, when the model could not be fitted", () => {
    const s = { ...summary(1), bgnbd: null, validation: null, refit: { bgnbd: null, gamma_gamma: null }, unsupported: { bgnbd: "only 3 customers bought again", gamma_gamma: null } };
    const page = buildPredictionsPage({ summary: s, customers: null } as PredictionsResult, names);
    expect(page.fitted).toBe(false);
    expect(page.reason).toContain("only 3 customers bought again");
    expect([page.segments, page.rfm, page.clvDeciles, page.tracking]).toEqual([null, null, null, null]);
  });
});

describe("aggregates", () => {
  it("rankQuintiles gives each quintile a fifth, ties split by position", () => {
    expect(Array.from(rankQuintiles([3, 3, 3, 3, 3, 3, 3, 3, 3, 3]))).toEqual([1, 1, 2, 2, 3, 3, 4, 4, 5, 5]);
    expect(Array.from(rankQuintiles([50, 40, 30, 20, 10]))).toEqual([5, 4, 3, 2, 1]);
  });
  it("clvDeciles: ten groups, shares add to one, the top decile first", () => {
    const rows = clvDeciles(Float64Array.from({ length: 100 }, (_, i) => i));
    expect(rows.map((r) => r.customers)).toEqual(new Array(10).fill(10));
    expect(rows.reduce((s, r) => s + r.share, 0)).toBeCloseTo(1, 12);
    // 90..99 sum to 945 of 4950.
    expect(rows[0]!.share).toBeCloseTo(945 / 4950, 12);
  });
  it("rfmGrid: the cells count every customer once, a fifth per quintile; recency 5 is the most recent buyers", () => {
    const c = customers(500, 9);
    const cells = rfmGrid(c);
    expect(cells.reduce((s, cell) => s + cell.customers, 0)).toBe(500);
    for (let q = 1; q <= 5; q++) {
      expect(cells.filter((cell) => cell.recency === q).reduce((s, cell) => s + cell.customers, 0)).toBe(100);
      expect(cells.filter((cell) => cell.frequency === q).reduce((s, cell) => s + cell.customers, 0)).toBe(100);
    }
    // Two customers: the one who bought 3 days ago has recency 5 (the last quintile), 90 days ago recency 1.
    const pair = { ...c, userIds: ["a", "b"], recencyDays: Float64Array.from([90, 3]), x: Float64Array.from([1, 1]), clv: Float64Array.from([10, 30]), segment: Int32Array.from([0, 0]) };
    const grid = rfmGrid(pair);
    expect(grid.find((cell) => cell.mean_clv === 30)!.recency).toBeGreaterThan(grid.find((cell) => cell.mean_clv === 10)!.recency);
  });
});

describe("the charts' labels and tooltips are built here, in the data's currency (hand-worked)", () => {
  it("clvDeciles: the top tenth of 0..99 holds 945 of 4950 (19.09%), mean CLV 94.5", () => {
    const [top] = clvDeciles(Float64Array.from({ length: 100 }, (_, i) => i), "£");
    expect(top!.share_text).toBe("19%");
    expect(top!.tooltip_text).toBe("Decile 1: 19.1% of value, mean CLV £94.50");
  });
  it("rfmGrid: cents only under 10 of the currency; one customer is singular", () => {
    const c = customers(2, 1);
    const pair = { ...c, userIds: ["a", "b"], recencyDays: Float64Array.from([90, 3]), x: Float64Array.from([1, 1]), clv: Float64Array.from([4.5, 1234.4]), segment: Int32Array.from([0, 0]) };
    const grid = rfmGrid(pair, "€");
    expect(grid.map((cell) => [cell.value_text, cell.customers_text])).toEqual([
      ["€4.50", "1 customer"],
      ["€1\u202F234", "1 customer"],
    ]);
  });
  it("frequencyPoints and alivePoints: two decimals for mean purchases, whole percents for P(alive), grouped counts", () => {
    const [point] = frequencyPoints([{ x: "3", customers: 1234, actual: 0.5, predicted: 0.456 }]);
    expect([point!.actual_text, point!.predicted_text]).toEqual(["Actual: 0.50 (x = 3, 1\u202F234 customers)", "Predicted: 0.46 (x = 3, 1\u202F234 customers)"]);
    expect(alivePoints([{ decile: 2, customers: 1, predicted: 0.456, actual: 0.5 }])[0]!.tooltip_text).toBe("Decile 2 (1 customer): predicted 46%, alive 50%");
  });
  it("segments: the wide and the narrow label under each bar", () => {
    const c = { ...customers(2, 1), pAlive: Float64Array.from([0.5, 0.7]), expected90: Float64Array.from([1, 2]), clv: Float64Array.from([1, 3]), segment: Int32Array.from([0, 1]) };
    const page = buildPredictionsPage({ summary: summary(1), customers: c } as PredictionsResult, names, "£");
    expect(page.segments!.map((r) => [r.label_text, r.short_label_text])).toEqual([
      ["P(alive) 0.50 · 1.00 purchases in 90 days · 25% of value · 1 customer", "P(alive) 0.50 · 1.0 in 90 d"],
      ["P(alive) 0.70 · 2.00 purchases in 90 days · 75% of value · 1 customer", "P(alive) 0.70 · 2.0 in 90 d"],
    ]);
    expect(page.tracking![0]!.predicted_text).toBe("Predicted by 2025-01-07: 1");
  });
});

/** `n` customers, two per history, the two of a pair in segments 0 and 1: every segment total ties. */
function twins(n: number, overrides: Partial<Record<"x" | "pAlive" | "clv", (i: number) => number>> = {}): CustomerPredictions {
  const pair = (f: (k: number) => number) => Float64Array.from({ length: n }, (_, i) => f(Math.floor(i / 2)));
  const x = pair(overrides.x ?? ((k) => k % 3));
  return {
    userIds: Array.from({ length: n }, (_, i) => `U${i}`),
    x,
    tx: pair((k) => k),
    T: pair(() => 40),
    recencyDays: pair((k) => 10 * k),
    pAlive: pair(overrides.pAlive ?? ((k) => 0.2 + 0.05 * k)),
    expected30: pair(() => 0.1),
    expected90: pair(() => 0.3),
    expected365: pair(() => 1),
    expectedSpend: pair(() => 50),
    clv: pair(overrides.clv ?? ((k) => 10 + k)),
    segment: Int32Array.from({ length: n }, (_, i) => i % 2),
  };
}

describe("buildPredictionsPage on hand-made edge cases", () => {
  const page = (c: CustomerPredictions, s = summary(1)) => buildPredictionsPage({ summary: s, customers: c } as PredictionsResult, names);

  it("names a tie of segments instead of breaking it by cluster number, and claims no largest or lowest on it", () => {
    const tied = page(twins(20));
    // Segments 0 and 1 hold the same customers, so each holds half the value and the same mean P(alive).
    expect(tied.segments!.map((s) => s.clv_share)).toEqual([0.5, 0.5]);
    expect(tied.segmentSentence).toBe("Loyal high spenders and Window shoppers each hold 50.0% of expected value, more than any other segment.");
    expect(tied.actions.join(" ")).not.toMatch(/Protect|Watch|largest|lowest/);
  });

  it("says nothing of the largest share when no value is predicted (every CLV 0)", () => {
    const none = page(twins(20, { clv: () => 0 }));
    expect(none.segmentSentence).toBeNull();
    expect(none.actions.join(" ")).not.toMatch(/largest/);
    expect(none.clvSentence).toMatch(/^No value is predicted/);
    expect(none.kpis[3]!.value).toBe("—");
  });

  it("agrees in number: one customer to win back, one holdout day, one expected purchase day", () => {
    // Only customer U0 (x = 2) has P(alive) below 0.5.
    const oneAtRisk = twins(20, { x: () => 0, pAlive: () => 0.9 });
    oneAtRisk.x[0] = 2;
    oneAtRisk.pAlive[0] = 0.1;
    const one = page(oneAtRisk);
    expect(one.facts!.at_risk).toBe(1);
    expect(one.actions).toContain("Win back: 1 customer bought on at least three days but now has P(alive) below 0.5; they knew the shop, and a reminder costs little against what they bought before.");
    const s = summary(1);
    s.validation = { ...s.validation!, holdout_days: 1, actual_total: 1, predicted_total: 1.2, ratio: 1.2 };
    const short = page(twins(20), s);
    expect(short.validationSentence).toContain("asked to predict the 1 day after it, the model expected 1 repeat purchase day from the 150 calibration customers; they made 1: over by 20.0%");
    expect(short.lede[1]).toBe("Checked on the 1 day it was not fitted on, it predicted the repeat purchases within 20.0%: it holds here.");
  });

  it("numbers every sentence quotes are in its facts", () => {
    const p = page(twins(20));
    expect(p.facts).toMatchObject({ customers: 20, expected_days: 90, holds_within: 0.2, horizon_days: 365 });
    // 20 customers × 0.3 expected purchase days each.
    expect(p.facts!.expected_purchase_days).toBeCloseTo(6, 10);
    expect(p.lede[2]).toMatch(/^The model expects 6 purchase days from these customers in the next 90 days; /);
  });
});

describe("why the model cannot be fitted", () => {
  it("agrees in number, and says 'no customer' rather than 'only 0 customers'", () => {
    expect(onlyCustomers(0)).toBe("no customer");
    expect(onlyCustomers(1)).toBe("only 1 customer");
    expect(onlyCustomers(12)).toBe("only 12 customers");
  });
});
