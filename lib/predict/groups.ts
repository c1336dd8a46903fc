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
  const counts = new Map<string, { x: number; tx: number; T: number; n: number }>();
  for (let i = 0; i < x.length; i++) {
    const key = `${x[i]}|${tx[i]}|${T[i]}`;
    const row = counts.get(key);
    if (row) row.n++;
    else counts.set(key, { x: x[i]!, tx: tx[i]!, T: T[i]!, n: 1 });
  }
  const rows = [...counts.values()].sort((a, b) => a.x - b.x || a.tx - b.tx || a.T - b.T);
  return {
    x: Float64Array.from(rows, (r) => r.x),
    tx: Float64Array.from(rows, (r) => r.tx),
    T: Float64Array.from(rows, (r) => r.T),
    count: Float64Array.from(rows, (r) => r.n),
  };
}

/** Customers in the groups. */
export function customerCount(groups: RfGroups): number {
  let n = 0;
  for (let i = 0; i < groups.count.length; i++) n += groups.count[i]!;
  return n;
}
