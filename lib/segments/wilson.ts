/**
 * A published rate with its counts and 95% Wilson interval (docs/metrics.md §5), in the snake_case shape of
 * segments.json. The interval itself comes from the shared lib/stats implementation.
 */
import { wilsonInterval } from "../stats/wilsonInterval";

export interface Rate {
  /** successes / trials; null when there are no trials (a rate of nothing is undefined). */
  rate: number | null;
  successes: number;
  trials: number;
  ci_low: number;
  ci_high: number;
}

export function wilsonRate(successes: number, trials: number): Rate {
  const { rate, low, high } = wilsonInterval(successes, trials);
  return { rate, successes, trials, ci_low: low, ci_high: high };
}
