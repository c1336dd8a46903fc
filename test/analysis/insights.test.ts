// The Overview's insight rules on hand-made results: what they claim, and what they refuse to claim.
import { describe, expect, it } from "vitest";
import { funnelLeak, interestVersusPurchase, retentionSummary, segmentDifference, windowShoppers } from "../../lib/analysis/insights";
import type { Breakdown, CategoryFunnelOutput, FunnelStep } from "../../lib/funnel/types";
import type { RetentionOutput } from "../../lib/retention/types";

const step = (name: string, count: number, rate: number | null): FunnelStep => ({
  step: name, count, rate_from_previous: rate, rate_from_first: null, ci_low: 0.1, ci_high: 0.2,
  ci_from_first_low: 0, ci_from_first_high: 1, drop_off: 0, drop_off_rate: null,
});

describe("funnelLeak", () => {
  it("names the step with the lowest conversion from the previous one", () => {
    // 1000 → 800 (80%) → 100 (12.5%) → 40 (40%): the leak is view → cart.
    const leak = funnelLeak([step("session_start", 1000, 1), step("product_view", 800, 0.8), step("add_to_cart", 100, 0.125), step("purchase", 40, 0.4)]);
    expect(leak).toMatchObject({ from: "product_view", to: "add_to_cart", reached: 800, continued: 100, rate: { rate: 0.125 } });
  });
  it("calls no step a leak when the data never records a later step's event type", () => {
    // Purchases-only data: views and carts cannot happen, so a 0% "view rate" is not a leak.
    const steps = [step("session_start", 100, 1), step("product_view", 0, 0), step("add_to_cart", 0, null), step("purchase", 0, null)];
    expect(funnelLeak(steps, new Set(["session_start", "purchase"]))).toBeNull();
    const recordedAll = new Set(["session_start", "product_view", "add_to_cart", "purchase"]);
    const full = [step("session_start", 1000, 1), step("product_view", 800, 0.8), step("add_to_cart", 100, 0.125), step("purchase", 40, 0.4)];
    expect(funnelLeak(full, recordedAll)).toEqual(funnelLeak(full));
  });
  it("never draws the biggest drop from a step fewer than 1% of the entrants reached", () => {
    // 10,000 sessions → 9,000 views (90%) → 99 carts (1.1%) → 1 purchase (1.0%): the cart step holds 0.99% of
    // the entrants, so its drop to purchase is not the headline even though its rate is the lowest.
    const steps = [step("session_start", 10_000, 1), step("product_view", 9_000, 0.9), step("add_to_cart", 99, 0.011), step("purchase", 1, 0.0101)];
    expect(funnelLeak(steps)).toMatchObject({ from: "product_view", to: "add_to_cart", rate: { rate: 0.011 } });
    // At exactly 1% (100 of 10,000) it may be.
    const atOnePercent = [step("session_start", 10_000, 1), step("product_view", 9_000, 0.9), step("add_to_cart", 100, 0.0111), step("purchase", 1, 0.01)];
    expect(funnelLeak(atOnePercent)).toMatchObject({ from: "add_to_cart", to: "purchase" });
  });
  it("gives nothing for a funnel nobody entered", () => {
    expect(funnelLeak([step("a", 0, null), step("b", 0, null)])).toBeNull();
  });
});

const comparison = (a: string, b: string, rate_a: number, rate_b: number, significant: boolean, p_adjusted: number) => ({
  a, b, rate_a, rate_b, difference: rate_a - rate_b, z: 0, p_value: p_adjusted, p_adjusted, significant,
});
const breakdown = (attribute: Breakdown["attribute"], comparisons: ReturnType<typeof comparison>[]): Breakdown => ({ attribute, values: [], min_group_users: 30, chi_squared: null, comparisons });

describe("segmentDifference", () => {
  it("claims the largest significant difference, never a larger non-significant one", () => {
    const insight = segmentDifference([
      // The largest gap (10 points) is not significant: it must not be claimed.
      breakdown("location", [comparison("Springfield", "Other", 0.12, 0.02, false, 0.2)]),
      breakdown("segment", [comparison("Occasional", "High Value", 0.01, 0.06, true, 0.001), comparison("Regular", "New", 0.03, 0.031, false, 0.9)]),
    ]);
    expect(insight).toEqual({
      kind: "segment_difference", attribute: "segment", higher: "High Value", lower: "Occasional",
      higher_rate: 0.06, lower_rate: 0.01, p_adjusted: 0.001, comparisons: 3, href: "funnel",
    });
  });
  it("claims nothing from 0 comparisons (not \"survives correction for 0 comparisons\")", () => {
    expect(segmentDifference([])).toBeNull();
    expect(segmentDifference([breakdown("gender", [])])).toBeNull();
  });
  it("says that no difference survives when none is significant", () => {
    expect(segmentDifference([breakdown("gender", [comparison("M", "F", 0.05, 0.04, false, 0.3)])])).toEqual({ kind: "no_segment_difference", comparisons: 1, href: "funnel" });
  });
});

const category = (name: string, views: number, sales: number): CategoryFunnelOutput => ({
  category: name, steps: [step("product_view", views, 1), step("add_to_cart", Math.max(sales, 1), null), step("purchase", sales, null)],
});

describe("interestVersusPurchase", () => {
  it("contrasts the most viewed and the best-selling category and tests their conversion", () => {
    // Electronics: 40/1000 = 4% of viewing sessions buy; Grocery: 60/400 = 15%.
    // Pooled p = 100/1400; z = (0.04 - 0.15) / sqrt(p(1-p)(1/1000 + 1/400)) ≈ -7.3, far beyond 1.96.
    const insight = interestVersusPurchase([category("Electronics", 1000, 40), category("Grocery", 400, 60), category("Books", 100, 5)]);
    expect(insight).toMatchObject({ most_viewed: "Electronics", best_selling: "Grocery", viewed_conversion: 0.04, sold_conversion: 0.15, significant: true });
    expect((insight as { viewed_share: number }).viewed_share).toBeCloseTo(1000 / 1500, 12);
    expect((insight as { sold_share: number }).sold_share).toBeCloseTo(60 / 105, 12);
  });
  it("marks a difference that chance explains as not significant", () => {
    // 10/100 vs 11/90: z ≈ -0.5.
    const insight = interestVersusPurchase([category("A", 100, 10), category("B", 90, 11)]);
    expect(insight).toMatchObject({ most_viewed: "A", best_selling: "B", significant: false });
  });
  it("says nothing when first place is tied: a tie is never broken by name", () => {
    // The defect seen on real data: four products tied at one buying session each, one named the best seller.
    expect(interestVersusPurchase([category("A", 100, 1), category("B", 50, 1), category("C", 40, 1)])).toBeNull();
    expect(interestVersusPurchase([category("A", 100, 3), category("B", 100, 9), category("C", 40, 1)])).toBeNull();
  });
  it("claims no best seller when nothing sold (no superlative on 0)", () => {
    expect(interestVersusPurchase([category("A", 100, 0), category("B", 50, 0)])).toBeNull();
  });
  it("says nothing when the most viewed category also sells most", () => {
    expect(interestVersusPurchase([category("A", 100, 10), category("B", 50, 2)])).toBeNull();
  });
});

const variant = (average: { period: number; cohorts: number; rate: number | null }[]): RetentionOutput =>
  ({ cohort_by: "registration", activity: "any_event", granularity: "month", mode: "on", cells: [],
     average: average.map((p) => ({ ...p, cohort_size: 100, active: 0, ci_low: 0, ci_high: 1 })) }) as unknown as RetentionOutput;

describe("retentionSummary", () => {
  it("reports next-month retention and the furthest period up to 6 that three cohorts reach", () => {
    const insight = retentionSummary(variant([{ period: 0, cohorts: 9, rate: 0.9 }, { period: 1, cohorts: 8, rate: 0.4 }, { period: 4, cohorts: 3, rate: 0.2 }, { period: 6, cohorts: 2, rate: 0.1 }]));
    expect(insight).toMatchObject({ first_period: { rate: 0.4 }, later_period: { period: 4, rate: 0.2 }, cohorts: 8 });
  });
  it("gives nothing when no cohort has a complete next month", () => {
    expect(retentionSummary(variant([{ period: 0, cohorts: 1, rate: 1 }]))).toBeNull();
  });
});

describe("windowShoppers", () => {
  it("gives the share with its Wilson interval", () => {
    const insight = windowShoppers(25, 100, 14.5);
    // Wilson 95% for 25/100: 0.1754 to 0.3430 (standard tables).
    expect(insight).toMatchObject({ users: 25, active_users: 100, median_views: 14.5, share: { rate: 0.25 } });
    const share = (insight as { share: { ci_low: number; ci_high: number } }).share;
    expect(share.ci_low).toBeCloseTo(0.1754, 3);
    expect(share.ci_high).toBeCloseTo(0.3430, 3);
  });
});
