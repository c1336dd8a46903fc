import { describe, expect, it } from "vitest";
import { summarizeSteps } from "../../lib/funnel/summarizeSteps.js";
import { wilsonInterval } from "../../lib/stats/wilsonInterval.js";

describe("summarizeSteps", () => {
  it("first step is 1 by definition with [1, 1]; later steps carry Wilson on rate_from_previous", () => {
    const [a, b, c] = summarizeSteps(["a", "b", "c"], [10, 5, 0]);
    expect(a).toMatchObject({ count: 10, rate_from_previous: 1, rate_from_first: 1, ci_low: 1, ci_high: 1, drop_off: 0, drop_off_rate: 0 });
    // b: 5/10 → Wilson [0.236593, 0.763407]; c: 0/5 → [0, z²/(5 + z²)] = [0, 0.434482].
    expect(b).toMatchObject({ count: 5, rate_from_previous: 0.5, rate_from_first: 0.5, drop_off: 5, drop_off_rate: 0.5 });
    expect(b!.ci_low).toBeCloseTo(0.236593, 6);
    expect(c).toMatchObject({ count: 0, rate_from_previous: 0, rate_from_first: 0, ci_low: 0, drop_off: 5, drop_off_rate: 1 });
    expect(c!.ci_high).toBeCloseTo(3.8414588813 / 8.8414588813, 6);
    expect(c!.ci_from_first_high).toBeCloseTo(wilsonInterval(0, 10).high, 12);
  });

  it("empty funnel: rates are null (no denominator) and intervals the whole [0, 1]", () => {
    const steps = summarizeSteps(["a", "b"], [0, 0]);
    for (const s of steps) expect(s).toMatchObject({ count: 0, rate_from_previous: null, rate_from_first: null, ci_low: 0, ci_high: 1 });
    expect(steps[1]!.drop_off_rate).toBeNull();
  });

  it("refuses counts that grow along the steps", () => {
    expect(() => summarizeSteps(["a", "b"], [1, 2])).toThrow(RangeError);
  });
});
