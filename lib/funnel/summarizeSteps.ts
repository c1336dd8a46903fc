/**
 * Per-step rates of a funnel from its counts. The Wilson interval in ci_low/ci_high is that of
 * rate_from_previous (the step's own conversion, the number a reader compares between steps); the
 * interval of rate_from_first is given alongside. The first step's rates are 1 by definition, not
 * estimates, hence the degenerate interval [1, 1] (as in docs/metrics.md §7).
 */
import { wilsonInterval } from "../stats/wilsonInterval.js";
import type { FunnelStep } from "./types.js";

export function summarizeSteps(names: readonly string[], counts: readonly number[]): FunnelStep[] {
  if (names.length !== counts.length) throw new RangeError("one count per step");
  const first = counts[0] ?? 0;
  return counts.map((count, i) => {
    if (i === 0) {
      const defined = count > 0;
      return {
        step: names[0]!,
        count,
        rate_from_previous: defined ? 1 : null,
        rate_from_first: defined ? 1 : null,
        ci_low: defined ? 1 : 0,
        ci_high: 1,
        ci_from_first_low: defined ? 1 : 0,
        ci_from_first_high: 1,
        drop_off: 0,
        drop_off_rate: defined ? 0 : null,
      };
    }
    const previous = counts[i - 1]!;
    if (count > previous) throw new RangeError(`step ${names[i]} has more units (${count}) than the step before (${previous})`);
    const fromPrevious = wilsonInterval(count, previous);
    const fromFirst = wilsonInterval(count, first);
    return {
      step: names[i]!,
      count,
      rate_from_previous: fromPrevious.rate,
      rate_from_first: fromFirst.rate,
      ci_low: fromPrevious.low,
      ci_high: fromPrevious.high,
      ci_from_first_low: fromFirst.low,
      ci_from_first_high: fromFirst.high,
      drop_off: previous - count,
      drop_off_rate: fromPrevious.rate === null ? null : 1 - fromPrevious.rate,
    };
  });
}
