/**
 * Customer lifetime value over a horizon: discounted expected transactions × expected spend per
 * transaction. Discounting: the horizon is cut into weeks (the last one may be shorter); the expected
 * transactions falling in each week, E[Y(t_k)] − E[Y(t_{k−1})], are discounted to the end of the data at
 * the yearly rate d as if they happened at the week's end: × (1 + d)^(−t_k / 365 days).
 */
import type { BgnbdParams } from "./bgnbdLikelihood";
import { conditionalExpectedTransactions } from "./bgnbdExpectations";

const STEP_DAYS = 7;

export function discountedExpectedTransactions(
  params: BgnbdParams,
  history: { x: number; tx: number; T: number },
  horizonDays: number,
  unitDays: number,
  yearlyRate: number,
): number {
  let total = 0;
  let previous = 0;
  for (let end = Math.min(STEP_DAYS, horizonDays); ; end = Math.min(end + STEP_DAYS, horizonDays)) {
    const expected = conditionalExpectedTransactions(params, end / unitDays, history.x, history.tx, history.T);
    total += (expected - previous) * Math.pow(1 + yearlyRate, -end / 365);
    previous = expected;
    if (end >= horizonDays) return total;
  }
}
