/**
 * Customers as the BG/NBD likelihood sees them: distinct (x, t_x, T) with how many customers share each.
 * Purchase days make t_x and T whole days, so a million customers collapse to far fewer distinct rows,
 * and the likelihood's cost follows the distinct rows, not the customers.
 */
export interface RfGroups {
  /** Repeat transactions (purchase days after the first) in the period. */
  x: Float64Array;
  /** Time from the first to the last purchase, in the model's time unit. */
  tx: Float64Array;
  /** Time from the first purchase to the end of the period, in the model's time unit. */
  T: Float64Array;
  /** Customers with this (x, t_x, T). */
  count: Float64Array;
}

/** Groups per-customer (x, t_x, T) into distinct rows with counts, sorted by x, then t_x, then T. */
export function groupCustomers(x: ArrayLike<number>, tx: ArrayLike<number>, T: ArrayLike<number>): RfGroups {
  // Sorting an index beats hashing string keys by an order of magnitude at a million customers.
  const order = Uint32Array.from({ length: x.length }, (_, i) => i).sort((i, j) => x[i]! - x[j]! || tx[i]! - tx[j]! || T[i]! - T[j]!);
  const gx: number[] = [];
  const gtx: number[] = [];
  const gT: number[] = [];
  const count: number[] = [];
  for (let k = 0; k < order.length; k++) {
    const i = order[k]!;
    const last = gx.length - 1;
    if (last >= 0 && gx[last] === x[i] && gtx[last] === tx[i] && gT[last] === T[i]) count[last]!++;
    else {
      gx.push(x[i]!);
      gtx.push(tx[i]!);
      gT.push(T[i]!);
      count.push(1);
    }
  }
  return { x: Float64Array.from(gx), tx: Float64Array.from(gtx), T: Float64Array.from(gT), count: Float64Array.from(count) };
}

/** Customers in the groups. */
export function customerCount(groups: RfGroups): number {
  let n = 0;
  for (let i = 0; i < groups.count.length; i++) n += groups.count[i]!;
  return n;
}
