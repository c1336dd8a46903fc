/**
 * What a fitted BG/NBD says about customers (Fader, Hardie & Lee 2005, eqs. 9–11):
 * P(alive | x, t_x, T), E[X(t)] for a customer just acquired, and E[Y(t) | x, t_x, T], the expected
 * transactions in the next t for a customer with that history.
 */
import type { BgnbdParams } from "./bgnbdLikelihood";
import { hyp2f1 } from "./hyp2f1";

/** P(still alive at T): 1 / (1 + [x > 0] · a/(b+x−1) · ((α+T)/(α+t_x))^(r+x)). */
export function probabilityAlive({ r, alpha, a, b }: BgnbdParams, x: number, tx: number, T: number): number {
  if (x === 0) return 1;
  const logOdds = Math.log(a / (b + x - 1)) + (r + x) * Math.log((alpha + T) / (alpha + tx));
  return 1 / (1 + Math.exp(logOdds));
}

/** E[X(t)]: expected repeat transactions in (0, t] after the first purchase. */
export function expectedTransactions({ r, alpha, a, b }: BgnbdParams, t: number): number {
  if (t <= 0) return 0;
  const z = t / (alpha + t);
  return ((a + b - 1) / (a - 1)) * (1 - Math.pow(alpha / (alpha + t), r) * hyp2f1(r, b, a + b - 1, z));
}

/** E[Y(t) | x, t_x, T]: expected transactions in (T, T + t]. */
export function conditionalExpectedTransactions({ r, alpha, a, b }: BgnbdParams, t: number, x: number, tx: number, T: number): number {
  if (t <= 0) return 0;
  const z = t / (alpha + T + t);
  const numerator = ((a + b + x - 1) / (a - 1)) * (1 - Math.pow((alpha + T) / (alpha + T + t), r + x) * hyp2f1(r + x, b + x, a + b + x - 1, z));
  const denominator = x > 0 ? 1 + (a / (b + x - 1)) * Math.pow((alpha + T) / (alpha + tx), r + x) : 1;
  return numerator / denominator;
}
