/**
 * The BG/NBD log-likelihood (Fader, Hardie & Lee 2005, "Counting Your Customers the Easy Way", eq. 6):
 *
 *   L(r, α, a, b | x, t_x, T) = B(a, b+x)/B(a, b) · Γ(r+x) α^r / (Γ(r) (α+T)^(r+x))
 *                             + [x > 0] B(a+1, b+x−1)/B(a, b) · Γ(r+x) α^r / (Γ(r) (α+t_x)^(r+x))
 *
 * computed on the log scale (log-gamma, log-beta, and a log-sum-exp of the two terms) so that customers
 * with many purchases or long histories neither overflow nor underflow. Terms that depend on x alone are
 * computed once per distinct x, and ln(α+T), ln(α+t_x) once per distinct T and t_x: one evaluation on a
 * million customers costs a pass over the distinct (x, t_x, T) rows with an exp and a log each.
 */
import { logGamma } from "../stats/logGamma";
import type { RfGroups } from "./groups";
import { logBeta } from "./logBeta";

export interface BgnbdParams {
  r: number;
  alpha: number;
  a: number;
  b: number;
}

/** Groups indexed for fast evaluation: each row points at its distinct x, t_x and T. */
export interface PreparedGroups {
  groups: RfGroups;
  xValues: Float64Array;
  txValues: Float64Array;
  TValues: Float64Array;
  xIndex: Int32Array;
  txIndex: Int32Array;
  TIndex: Int32Array;
}

function indexValues(values: Float64Array): { distinct: Float64Array; index: Int32Array } {
  const distinct = Float64Array.from(new Set(values)).sort();
  const position = new Map<number, number>();
  distinct.forEach((v, i) => position.set(v, i));
  return { distinct, index: Int32Array.from(values, (v) => position.get(v)!) };
}

export function prepareGroups(groups: RfGroups): PreparedGroups {
  const x = indexValues(groups.x);
  const tx = indexValues(groups.tx);
  const T = indexValues(groups.T);
  return { groups, xValues: x.distinct, txValues: tx.distinct, TValues: T.distinct, xIndex: x.index, txIndex: tx.index, TIndex: T.index };
}

/** The log-likelihood of one customer (x, t_x, T): the formula above, written out without caches. */
export function bgnbdLogLikelihoodOne({ r, alpha, a, b }: BgnbdParams, x: number, tx: number, T: number): number {
  const common = logGamma(r + x) - logGamma(r) + r * Math.log(alpha) - logBeta(a, b);
  const first = logBeta(a, b + x) - (r + x) * Math.log(alpha + T);
  if (x === 0) return common + first;
  const second = logBeta(a + 1, b + x - 1) - (r + x) * Math.log(alpha + tx);
  return common + logSumExp(first, second);
}

export function logSumExp(u: number, v: number): number {
  const m = Math.max(u, v);
  return m + Math.log(Math.exp(u - m) + Math.exp(v - m));
}

/** Σ count × log-likelihood over the distinct rows. */
export function bgnbdLogLikelihood({ r, alpha, a, b }: BgnbdParams, data: PreparedGroups): number {
  const { xValues, txValues, TValues } = data;
  const base = -logGamma(r) + r * Math.log(alpha) - logBeta(a, b);
  const logGammaRx = new Float64Array(xValues.length);
  const firstX = new Float64Array(xValues.length);
  const secondX = new Float64Array(xValues.length);
  for (let i = 0; i < xValues.length; i++) {
    const x = xValues[i]!;
    logGammaRx[i] = logGamma(r + x);
    firstX[i] = logBeta(a, b + x);
    secondX[i] = x > 0 ? logBeta(a + 1, b + x - 1) : -Infinity;
  }
  const logAlphaT = Float64Array.from(TValues, (T) => Math.log(alpha + T));
  const logAlphaTx = Float64Array.from(txValues, (t) => Math.log(alpha + t));
  const { x, count } = data.groups;
  const { xIndex, txIndex, TIndex } = data;
  let total = 0;
  for (let i = 0; i < count.length; i++) {
    const xi = xIndex[i]!;
    const rx = r + x[i]!;
    const first = firstX[xi]! - rx * logAlphaT[TIndex[i]!]!;
    let term = first;
    if (x[i]! > 0) {
      const second = secondX[xi]! - rx * logAlphaTx[txIndex[i]!]!;
      // log-sum-exp of the two terms: the larger plus log(1 + e^(smaller − larger)).
      term = first > second ? first + Math.log1p(Math.exp(second - first)) : second + Math.log1p(Math.exp(first - second));
    }
    total += count[i]! * (base + logGammaRx[xi]! + term);
  }
  return total;
}
