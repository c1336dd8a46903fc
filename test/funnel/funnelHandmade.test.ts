/**
 * Funnels on the hand-made dataset below. Per session (steps reached):
 * S1 4, S2 2, S3 4, S4 4, S5 3, S6 4, S7 1, S8 3, S9 2, S10 1, S11 1, S12 2, S13 1, S14 1, S15 4, S16 2,
 * S17 1, S18 2. Per user (t0 = first view): U1 3, U2 3, U3 2 (purchase weeks later), U4 2 (purchase before
 * the cart), U5 3 (purchase at t0 + 7d), U6 2 (purchase 1 µs too late), U7 3, U11 1; U8, U9, U10 absent.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { computeFunnels, type FunnelOutput } from "../../lib/analysis/funnels.js";
import type { Database } from "../../lib/db/duckdb.js";
import { DEFAULT_FUNNEL_CONFIG } from "../../lib/funnel/config.js";
import { runFunnels } from "../../lib/funnel/runFunnels.js";
import type { Breakdown } from "../../lib/funnel/types.js";
import { wilsonInterval } from "../../lib/stats/wilsonInterval.js";
import { nonPlainValues } from "../helpers/plainJson.js";
import { openTinyDatabase, type TinyDataset, type TinyEvent } from "../helpers/tinyDataset.js";

// The hand-made dataset. Window [2025-01-01, 2025-03-01), so the user funnel's entry cutoff is
// 2025-02-22T00:00:00.000000Z (inclusive). Every session's expected outcome is noted next to it.
const FUNNEL_WINDOW = { start: "2025-01-01T00:00:00.000Z", end: "2025-03-01T00:00:00.000Z" };

function session(user: string, id: string, steps: [string, string, string?][]): TinyEvent[] {
  return steps.map(([event_type, timestamp, category]) => ({
    user_id: user,
    session_id: id,
    event_type,
    timestamp,
    product_id: category ? `${category}-1` : null,
    category: category ?? null,
    price: category ? 10 : null,
    quantity: event_type === "add_to_cart" || event_type === "purchase" ? 1 : null,
  }));
}

const FUNNEL_DATA: TinyDataset = {
  users: [
    { user_id: "U1", segment: "High Value", gender: "F", age: 24, location: "Berlin" },
    { user_id: "U2", segment: "Regular", gender: "M", age: 25, location: "Paris" },
    { user_id: "U3", segment: "High Value", gender: "F", age: 65, location: "Berlin" },
    { user_id: "U4", segment: "New", gender: "M", age: 17, location: null },
    { user_id: "U5", segment: "Regular", gender: "F", age: 40, location: "Rome" },
    { user_id: "U6", segment: null, gender: null, age: null, location: "Rome" },
    { user_id: "U7", segment: "High Value", gender: "M", age: 55, location: "Paris" },
    { user_id: "U8", segment: "Occasional", gender: "F", age: 45, location: "Oslo" },
    { user_id: "U9", segment: "Occasional", gender: "M", age: 34, location: "Vienna" },
    { user_id: "U10", segment: "New", gender: "F", age: 30, location: "Berlin" }, // no events at all
    { user_id: "U11", segment: null, gender: "M", age: 18, location: "Zurich" },
    // Users without events: they only shape the location ranking (top 8 by users in the users table).
    { user_id: "U12", location: "Athens" },
    { user_id: "U13", location: "Dublin" },
    { user_id: "U14", location: "Lisbon" },
    { user_id: "U15", location: "Madrid" },
    { user_id: "U16", location: "Prague" },
  ],
  events: [
    // S1: the plain path → session steps 4; Books 3.
    ...session("U1", "S1", [
      ["session_start", "2025-01-02T10:00:00Z"],
      ["product_view", "2025-01-02T10:01:00Z", "Books"],
      ["add_to_cart", "2025-01-02T10:02:00Z", "Books"],
      ["purchase", "2025-01-02T10:03:00Z", "Books"],
    ]),
    // S2: cart BEFORE the view → the cart cannot match step 3 → session steps 2; Books 1.
    ...session("U1", "S2", [
      ["session_start", "2025-01-03T10:00:00Z"],
      ["add_to_cart", "2025-01-03T10:01:00Z", "Books"],
      ["product_view", "2025-01-03T10:02:00Z", "Books"],
      ["purchase", "2025-01-03T10:03:00Z", "Books"],
    ]),
    // S3: repeated steps; earliest matches are view 09:01, cart 09:02, purchase 09:05 → 4.
    // Books: view 09:01, no Books cart → 1. Toys: view 09:03, the 09:02 Toys cart is too early,
    // cart 09:04, purchase 09:05 → 3.
    ...session("U2", "S3", [
      ["session_start", "2025-01-04T09:00:00Z"],
      ["product_view", "2025-01-04T09:01:00Z", "Books"],
      ["add_to_cart", "2025-01-04T09:02:00Z", "Toys"],
      ["product_view", "2025-01-04T09:03:00Z", "Toys"],
      ["add_to_cart", "2025-01-04T09:04:00Z", "Toys"],
      ["purchase", "2025-01-04T09:05:00Z", "Toys"],
      ["purchase", "2025-01-04T09:06:00Z", "Books"],
    ]),
    // S4: every step at the same instant (ties count) → 4; Books 3.
    ...session("U2", "S4", [
      ["session_start", "2025-01-05T12:00:00Z"],
      ["product_view", "2025-01-05T12:00:00Z", "Books"],
      ["add_to_cart", "2025-01-05T12:00:00Z", "Books"],
      ["purchase", "2025-01-05T12:00:00Z", "Books"],
    ]),
    // S5: no session_start; step 1 is the earliest event (the view) → 3; Toys 2.
    ...session("U3", "S5", [
      ["product_view", "2025-01-06T08:00:00Z", "Toys"],
      ["add_to_cart", "2025-01-06T08:05:00Z", "Toys"],
    ]),
    // S6: spans midnight at the Jan/Feb boundary; entry month January, entry week Monday 2025-01-27 → 4;
    // Books 3.
    ...session("U3", "S6", [
      ["session_start", "2025-01-31T23:59:59.999999Z"],
      ["product_view", "2025-02-01T00:00:00.000000Z", "Books"],
      ["add_to_cart", "2025-02-01T00:00:30Z", "Books"],
      ["purchase", "2025-02-01T00:01:00Z", "Books"],
    ]),
    // S7: start and end only → 1.
    ...session("U4", "S7", [
      ["session_start", "2025-01-08T10:00:00Z"],
      ["session_end", "2025-01-08T10:30:00Z"],
    ]),
    // S8: purchase before the cart → 3; Books 2.
    ...session("U4", "S8", [
      ["session_start", "2025-01-10T10:00:00Z"],
      ["product_view", "2025-01-10T10:01:00Z", "Books"],
      ["purchase", "2025-01-10T10:02:00Z", "Books"],
      ["add_to_cart", "2025-01-10T10:03:00Z", "Books"],
    ]),
    // U5: t0 = Jan 15 12:00; purchase at exactly t0 + 7 days counts. Sessions: S9 → 2 (Toys 1), S10 → 1,
    // S11 → 1.
    ...session("U5", "S9", [
      ["session_start", "2025-01-15T11:59:00Z"],
      ["product_view", "2025-01-15T12:00:00Z", "Toys"],
    ]),
    ...session("U5", "S10", [
      ["session_start", "2025-01-16T11:59:00Z"],
      ["add_to_cart", "2025-01-16T12:00:00Z", "Toys"],
    ]),
    ...session("U5", "S11", [["purchase", "2025-01-22T12:00:00.000000Z", "Toys"]]),
    // U6: same, but the purchase is one microsecond after t0 + 7 days. S12 → 2 (Books 1), S13 → 1, S14 → 1.
    ...session("U6", "S12", [["product_view", "2025-01-15T12:00:00Z", "Books"]]),
    ...session("U6", "S13", [["add_to_cart", "2025-01-16T12:00:00Z", "Books"]]),
    ...session("U6", "S14", [["purchase", "2025-01-22T12:00:00.000001Z", "Books"]]),
    // U7 enters exactly at the cutoff (t0 = window end − 7 days) → enters; cart ties t0; purchase in the
    // last microsecond of the window and of its 7 days → user 3. Session S15 → 4; Toys 3.
    ...session("U7", "S15", [
      ["product_view", "2025-02-22T00:00:00.000000Z", "Toys"],
      ["add_to_cart", "2025-02-22T00:00:00.000000Z", "Toys"],
      ["purchase", "2025-02-28T23:59:59.999999Z", "Toys"],
    ]),
    // U8 views one microsecond after the cutoff → does not enter the user funnel. S16 → 2; Books 1.
    ...session("U8", "S16", [["product_view", "2025-02-22T00:00:00.000001Z", "Books"]]),
    // U9 never views → not in the user funnel. S17 → 1.
    ...session("U9", "S17", [
      ["session_start", "2025-01-20T10:00:00Z"],
      ["session_end", "2025-01-20T10:30:00Z"],
    ]),
    // U11 views only → user 1. S18 → 2; Toys 1.
    ...session("U11", "S18", [["product_view", "2025-01-20T15:00:00Z", "Toys"]]),
  ],
};

let db: Database;
let out: FunnelOutput;

beforeAll(async () => {
  db = await openTinyDatabase(FUNNEL_DATA);
  // The hand-made groups are far smaller than the published minimum of users per tested group, so the
  // statistics below are checked with every group tested; the minimum itself has its own tests
  // (test/funnel/frequentVisitors.test.ts).
  out = await computeFunnels(db.connection, FUNNEL_WINDOW, null, { minGroupUsers: 1 });
});
afterAll(() => db?.close());

const counts = (steps: { count: number }[]) => steps.map((s) => s.count);
const breakdown = (list: Breakdown[], attribute: string) => list.find((b) => b.attribute === attribute)!;

describe("session funnel", () => {
  it("counts: 18 sessions, 12 reach a view, 7 a cart after it, 5 a purchase after that", () => {
    // ≥2: S1 S2 S3 S4 S5 S6 S8 S9 S12 S15 S16 S18; ≥3: S1 S3 S4 S5 S6 S8 S15; 4: S1 S3 S4 S6 S15.
    expect(out.session_funnel.steps.map((s) => s.step)).toEqual(["session_start", "product_view", "add_to_cart", "purchase"]);
    expect(counts(out.session_funnel.steps)).toEqual([18, 12, 7, 5]);
  });

  it("rates, Wilson interval on rate_from_previous, drop-off", () => {
    const [first, view, cart, purchase] = out.session_funnel.steps;
    expect(first).toMatchObject({ rate_from_previous: 1, rate_from_first: 1, ci_low: 1, ci_high: 1, drop_off: 0 });
    expect(view!.rate_from_previous).toBeCloseTo(12 / 18, 12);
    expect(cart!.rate_from_previous).toBeCloseTo(7 / 12, 12);
    expect(purchase!.rate_from_first).toBeCloseTo(5 / 18, 12);
    expect(purchase!.drop_off).toBe(2);
    expect(purchase!.drop_off_rate).toBeCloseTo(2 / 7, 12);
    const w = wilsonInterval(5, 7);
    expect([purchase!.ci_low, purchase!.ci_high]).toEqual([w.low, w.high]);
    const wf = wilsonInterval(5, 18);
    expect([purchase!.ci_from_first_low, purchase!.ci_from_first_high]).toEqual([wf.low, wf.high]);
  });

  it("time from view to cart: 0, 0, 30, 60, 60, 120, 300 seconds", () => {
    // S4 0, S15 0, S6 30, S1 60, S3 60, S8 120, S5 300. Linear-interpolated quantiles on n = 7:
    // p25 at rank 1.5 → (0 + 30)/2 = 15; median rank 3 → 60; p75 rank 4.5 → (60 + 120)/2 = 90;
    // p90 rank 5.4 → 120 + 0.4·180 = 192; mean 570/7.
    const t = out.session_funnel.time_to_convert[1]!;
    expect([t.from, t.to, t.count]).toEqual(["product_view", "add_to_cart", 7]);
    expect(t.p25_seconds).toBeCloseTo(15, 9);
    expect(t.median_seconds).toBeCloseTo(60, 9);
    expect(t.p75_seconds).toBeCloseTo(90, 9);
    expect(t.p90_seconds).toBeCloseTo(192, 9);
    expect(t.mean_seconds).toBeCloseTo(570 / 7, 9);
    const bins = Object.fromEntries(t.histogram.filter((b) => b.count > 0).map((b) => [b.label, b.count]));
    expect(bins).toEqual({ "<1s": 2, "30s–1m": 1, "1–2m": 2, "2–5m": 1, "5–10m": 1 });
  });

  it("time from start to view keeps microseconds: S6 crosses midnight in 1 µs", () => {
    // 12 sessions: six ties (S4 S5 S12 S15 S16 S18) → 0, S6 → 0.000001, S1 S3 S8 S9 → 60, S2 → 120.
    // Median at rank 5.5 → (0 + 0.000001)/2.
    const t = out.session_funnel.time_to_convert[0]!;
    expect(t.count).toBe(12);
    expect(t.median_seconds).toBeCloseTo(0.0000005, 12);
    expect(t.histogram.find((b) => b.label === "<1s")!.count).toBe(7);
    expect(t.histogram.find((b) => b.label === "1–2m")!.count).toBe(4);
    expect(t.histogram.find((b) => b.label === "2–5m")!.count).toBe(1);
  });

  it("trend by entry month: S6 enters in January though it converts in February", () => {
    // January: all but S15, S16 → 16 entered, converted S1 S3 S4 S6 = 4. February: S15, S16 → 2, 1.
    // Session periods are complete when they end by the window end (Mar 1).
    expect(out.session_funnel.trend.month.map((p) => [p.period, p.entered, p.converted, p.complete])).toEqual([
      ["2025-01", 16, 4, true],
      ["2025-02", 2, 1, true],
    ]);
    expect(out.session_funnel.trend.month[0]!.period_start).toBe("2025-01-01T00:00:00.000Z");
  });

  it("trend by entry week, labelled by Monday (the first week starts before the window)", () => {
    // Mon 2024-12-30: S1 S2 S3 S4 (conv S1 S3 S4); Mon 01-06: S5 S7 S8; Mon 01-13: S9 S10 S12 S13;
    // Mon 01-20: S11 S14 S17 S18; Mon 01-27: S6 (Fri Jan 31, converts); Mon 02-17: S15 S16 (Sat Feb 22).
    expect(out.session_funnel.trend.week.map((p) => [p.period, p.entered, p.converted])).toEqual([
      ["2024-12-30", 4, 3],
      ["2025-01-06", 3, 0],
      ["2025-01-13", 4, 0],
      ["2025-01-20", 4, 0],
      ["2025-01-27", 1, 1],
      ["2025-02-17", 2, 1],
    ]);
  });
});

describe("user funnel", () => {
  it("7-day horizon is inclusive to the microsecond; entry cutoff inclusive", () => {
    // Entrants U1 U2 U3 U4 U5 U6 U7 U11 = 8; carts: all but U11 = 7; purchases: U1 U2 U5 U7 = 4.
    expect(out.user_funnel.window_days).toBe(7);
    expect(out.user_funnel.entry_cutoff).toBe("2025-02-22T00:00:00.000Z");
    expect(counts(out.user_funnel.steps)).toEqual([8, 7, 4]);
  });

  it("time from cart to purchase includes the full 7 days minus a microsecond", () => {
    // U1 60 s, U2 180 s, U5 6 days = 518400 s, U7 6 d 23:59:59.999999 = 604799.999999 s.
    const t = out.user_funnel.time_to_convert[1]!;
    expect(t.count).toBe(4);
    expect(t.median_seconds).toBeCloseTo((180 + 518400) / 2, 6);
    expect(t.histogram.find((b) => b.label === "4–7d")!.count).toBe(2);
  });

  it("trend: an entry period is complete only if its end + 7 days is inside the window", () => {
    // January: U1 U2 U3 U4 U5 U6 U11 → 7, converted U1 U2 U5 = 3; ends Feb 1, + 7 d ≤ Mar 1 → complete.
    // February: U7 → 1, 1; ends Mar 1, + 7 d > Mar 1 → incomplete.
    expect(out.user_funnel.trend.month.map((p) => [p.period, p.entered, p.converted, p.complete])).toEqual([
      ["2025-01", 7, 3, true],
      ["2025-02", 1, 1, false],
    ]);
  });

  it("gender breakdown of user conversion", () => {
    // F: U1 ✓, U3, U5 ✓ → 2/3; M: U2 ✓, U4, U7 ✓, U11 → 2/4; Unknown: U6 → 0/1.
    expect(breakdown(out.user_funnel.breakdowns, "gender").values.map((v) => [v.value, v.units, v.converted, v.tested])).toEqual([
      ["F", 3, 2, true],
      ["M", 4, 2, true],
      ["Unknown", 1, 0, false],
    ]);
  });
});

describe("category funnel", () => {
  // Books units: S1 3, S2 1, S3 1, S4 3, S6 3, S8 2, S12 1, S16 1 → [8, 4, 3].
  // Toys units: S3 3, S5 2, S9 1, S15 3, S18 1 → [5, 3, 2]. Largest first.
  it("matches per category, in the same session, by the chain rule", () => {
    expect(out.category_funnel.map((c) => [c.category, counts(c.steps)])).toEqual([
      ["Books", [8, 4, 3]],
      ["Toys", [5, 3, 2]],
    ]);
    expect(out.category_funnel[0]!.steps.map((s) => s.step)).toEqual(["product_view", "add_to_cart", "purchase"]);
  });
});

describe("custom steps", () => {
  it("skipping the cart step: purchases then only need to follow the view", async () => {
    const result = await runFunnels(db.connection, FUNNEL_WINDOW, {
      ...DEFAULT_FUNNEL_CONFIG,
      sessionSteps: ["session_start", "product_view", "purchase"],
      userSteps: ["product_view", "purchase"],
      categorySteps: ["product_view", "purchase"],
    });
    // Sessions with a purchase at or after their first view: S1 S2 (10:02 → 10:03) S3 S4 S6 S8 (10:01 →
    // 10:02) S15 → [18, 12, 7].
    expect(counts(result.session_funnel.steps)).toEqual([18, 12, 7]);
    // Users: U1, U2, U4 (no cart needed now), U5 (exactly t0 + 7 d), U7 buy in time; U3 late, U6 1 µs
    // late, U11 never → [8, 5].
    expect(counts(result.user_funnel.steps)).toEqual([8, 5]);
    // Books: S1 S2 S3 (Books purchase 09:06 after the Books view 09:01) S4 S6 S8 → 6 of 8.
    // Toys: S3, S15 → 2 of 5.
    expect(result.category_funnel.map((c) => [c.category, counts(c.steps)])).toEqual([
      ["Books", [8, 6]],
      ["Toys", [5, 2]],
    ]);
  });
});

describe("session breakdowns", () => {
  // Sessions (units, converted) per user: U1 2/1, U2 2/2, U3 2/1, U4 2/0, U5 3/0, U6 3/0, U7 1/1, U8 1/0,
  // U9 1/0, U11 1/0.
  it("segment: planted order, Unknown last and untested", () => {
    // HV = U1 U3 U7 → 5/3; Regular = U2 U5 → 5/2; Occasional = U8 U9 → 2/0; New = U4 → 2/0;
    // Unknown = U6 U11 → 4/0.
    const b = breakdown(out.session_funnel.breakdowns, "segment");
    expect(b.values.map((v) => [v.value, v.units, v.converted, v.tested])).toEqual([
      ["High Value", 5, 3, true],
      ["Regular", 5, 2, true],
      ["Occasional", 2, 0, true],
      ["New", 2, 0, true],
      ["Unknown", 4, 0, false],
    ]);
    // Pearson χ² over the 4 tested values: N(Σ o²/(R·C) − 1) = 14·(0.36 + 0.16 + 4/45 + 9/45 + 4/18 + 4/18 − 1)
    // = 3.546667, df 3. Sessions cluster in users, so it is divided by the mean design effect
    // (V = Σ(y − r·n)²/n² over binomial r(1 − r)/n, floored at 1):
    //   HV U1 (2,1) U3 (2,1) U7 (1,1): r = 0.6, Σ = 0.04 + 0.04 + 0.16 = 0.24, V = 0.0096 < 0.048 → 1;
    //   Regular U2 (2,2) U5 (3,0): r = 0.4, Σ = 1.44 + 1.44 = 2.88, V = 0.1152, binomial 0.048 → 2.4;
    //   Occasional and New convert nobody (and New is one user), so their own data cannot estimate it:
    //   they take the pooled estimate over all 18 sessions of the 10 users: r = 5/18,
    //   Σ(y − r·n)² = (64 + 676 + 64 + 100 + 225 + 225 + 169 + 25 + 25 + 25)/324 = 1598/324,
    //   V = 1598/324³, binomial (5/18)(13/18)/18 → 1598/(18·65) = 799/585 ≈ 1.365812.
    //   Mean (1 + 2.4 + 2·799/585)/4 = 1.532906.
    // χ² = 3.546667/1.532906 = 2.313688; df-3 survival 2(1 − Φ(√x)) + √(2x/π)e^{−x/2} = 0.509904.
    const pooled = 799 / 585;
    expect(b.values.map((v) => v.design_effect)).toEqual([1, expect.closeTo(2.4, 10), expect.closeTo(pooled, 10), expect.closeTo(pooled, 10), expect.closeTo(pooled, 10)]);
    expect(b.chi_squared!.statistic).toBeCloseTo(2.313688, 5);
    expect(b.chi_squared!.design_effect).toBeCloseTo(1.532906, 6);
    expect(b.chi_squared!.df).toBe(3);
    expect(b.chi_squared!.p_value).toBeCloseTo(0.509904, 4);
    // 4 tested values → 6 pairs. HV vs Regular: 3/5 vs 2/5, pooled 0.5,
    // se = √(0.25·(1/5 + 2.4/5)) = √0.17, z = 0.2/√0.17 = 0.485071, p = 0.627626.
    expect(b.comparisons).toHaveLength(6);
    const hvReg = b.comparisons[0]!;
    expect([hvReg.a, hvReg.b]).toEqual(["High Value", "Regular"]);
    expect(hvReg.z).toBeCloseTo(0.485071, 5);
    expect(hvReg.p_value).toBeCloseTo(0.627626, 5);
    for (const c of b.comparisons) {
      expect(c.p_adjusted).toBeGreaterThanOrEqual(c.p_value);
      expect(c.significant).toBe(c.p_adjusted < 0.05);
    }
  });

  it("gender: the 2×2 test and the pair's z test, both corrected for sessions clustered in users", () => {
    // F: U1 U3 U5 U8 → 8/2; M: U2 U4 U7 U9 U11 → 7/3.
    // Design effects: F r = 1/4, Σ(y − r·n)² = 0.25 + 0.25 + 0.5625 + 0.0625 = 1.125, V = 1.125/64 <
    // binomial 0.1875/8 → 1. M r = 3/7, Σ = (64 + 36 + 16 + 9 + 9)/49 = 134/49, V = 134/2401,
    // binomial 12/343 → 67/42. Pearson χ² = 15/28 divided by the mean (1 + 67/42)/2 = 109/84 → 45/109.
    // z = (1/4 − 3/7)/√(2/9·(1/8 + (67/42)/7)) = −0.637673, p = 0.523687.
    const b = breakdown(out.session_funnel.breakdowns, "gender");
    expect(b.values.map((v) => [v.value, v.units, v.converted])).toEqual([
      ["F", 8, 2],
      ["M", 7, 3],
      ["Unknown", 3, 0],
    ]);
    expect(b.values[1]!.design_effect).toBeCloseTo(67 / 42, 10);
    expect(b.chi_squared!.statistic).toBeCloseTo(45 / 109, 10);
    expect(b.comparisons[0]!.z).toBeCloseTo(-0.637673, 5);
    expect(b.comparisons[0]!.p_value).toBeCloseTo(0.523687, 5);
  });

  it("age bands: 17 falls outside the bands, 18/24/25/55/65 land on band edges", () => {
    // U1 24, U11 18 → 18–24: 3/1; U2 25, U9 34 → 25–34: 3/2; U5 40 → 35–44: 3/0; U8 45 → 45–54: 1/0;
    // U3 65, U7 55 → 55–65: 3/2; U4 17 → outside: 2/0; U6 no age → Unknown 3/0.
    expect(breakdown(out.session_funnel.breakdowns, "age_band").values.map((v) => [v.value, v.units, v.converted])).toEqual([
      ["18–24", 3, 1],
      ["25–34", 3, 2],
      ["35–44", 3, 0],
      ["45–54", 1, 0],
      ["55–65", 3, 2],
      ["Outside 18–65", 2, 0],
      ["Unknown", 3, 0],
    ]);
  });

  it("location: top 8 by users in the users table, the rest as Other", () => {
    // Users per location: Berlin 3, Paris 2, Rome 2, then 1 each: Athens Dublin Lisbon Madrid Oslo Prague
    // Vienna Zurich. Top 8 (ties by name): Berlin Paris Rome Athens Dublin Lisbon Madrid Oslo → Prague,
    // Vienna, Zurich are Other. Sessions: Rome U5 U6 → 6/0; Berlin U1 U3 → 4/2; Paris U2 U7 → 3/3;
    // Oslo U8 → 1/0; Other: U9 (Vienna) + U11 (Zurich) → 2/0; Unknown: U4 → 2/0.
    expect(breakdown(out.session_funnel.breakdowns, "location").values.map((v) => [v.value, v.units, v.converted])).toEqual([
      ["Rome", 6, 0],
      ["Berlin", 4, 2],
      ["Paris", 3, 3],
      ["Oslo", 1, 0],
      ["Other", 2, 0],
      ["Unknown", 2, 0],
    ]);
  });

  it("chi-squared tests are BH-adjusted across every breakdown of both funnels", () => {
    const tests = [...out.session_funnel.breakdowns, ...out.user_funnel.breakdowns].flatMap((b) => b.chi_squared ?? []);
    expect(tests.length).toBe(8);
    for (const t of tests) {
      expect(t.p_adjusted).toBeGreaterThanOrEqual(t.p_value);
      expect(t.significant).toBe(t.p_adjusted < 0.05);
    }
  });
});

describe("output shape", () => {
  it("has the metrics.md §7 fields and only plain JSON numbers", () => {
    // A window without a zone is cut by UTC's calendar, and the output says so.
    expect(out.window).toEqual({ start: "2025-01-01T00:00:00.000Z", end: "2025-03-01T00:00:00.000Z", timezone: "UTC" });
    expect(Object.keys(out.session_funnel.steps[0]!)).toEqual(
      expect.arrayContaining(["step", "count", "rate_from_previous", "rate_from_first", "ci_low", "ci_high"]),
    );
    expect(nonPlainValues(out)).toEqual([]);
    expect(JSON.parse(JSON.stringify(out))).toEqual(out);
  });

  it("omits a breakdown whose attribute is NULL for everyone", async () => {
    const other = await openTinyDatabase(FUNNEL_DATA);
    try {
      await other.connection.run("UPDATE users SET segment = NULL");
      const result = await computeFunnels(other.connection, FUNNEL_WINDOW);
      expect(result.session_funnel.breakdowns.map((b) => b.attribute)).toEqual(["gender", "age_band", "location"]);
      expect(result.user_funnel.breakdowns.map((b) => b.attribute)).toEqual(["gender", "age_band", "location"]);
    } finally {
      other.close();
    }
  });
});
