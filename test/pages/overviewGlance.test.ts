import { expect, test } from "vitest";
import type { FunnelStep } from "../../lib/funnel/types";
import type { AverageRetentionPoint } from "../../lib/retention/types";
import { GLANCE_MAX_PERIOD, overviewGlance } from "../../lib/pages/overviewGlance";

const step = (name: string, count: number) => ({ step: name, count }) as FunnelStep;
const point = (period: number, cohorts: number, rate: number): AverageRetentionPoint => ({ period, cohorts, cohort_size: 10, active: rate * 10, rate, ci_low: rate / 2, ci_high: (1 + rate) / 2 });

test("the funnel's bars are shares of the first step, labelled at build time: 200 → 50 → 5 gives 100.0%, 25.0%, 2.5%", () => {
  const { funnel } = overviewGlance([step("session_start", 200), step("product_view", 50), step("purchase", 5)], []);
  expect(funnel).toEqual([
    { step: "session_start", count: 200, share_of_first: 1, share_text: "100.0%" },
    { step: "product_view", count: 50, share_of_first: 0.25, share_text: "25.0%" },
    { step: "purchase", count: 5, share_of_first: 0.025, share_text: "2.5%" },
  ]);
});

test("a funnel with no sessions draws nothing rather than dividing by zero", () => {
  expect(overviewGlance([step("session_start", 0), step("purchase", 0)], []).funnel).toEqual([]);
});

test("retention leaves out period 0 (100% by definition), periods no cohort completed, and periods past the last drawn", () => {
  const { retention } = overviewGlance([], [point(0, 3, 1), point(1, 3, 0.4), point(2, 0, 0.3), point(GLANCE_MAX_PERIOD + 1, 1, 0.1)]);
  expect(retention).toEqual([{ period: 1, rate: 0.4, ci_low: 0.2, ci_high: 0.7 }]);
});
