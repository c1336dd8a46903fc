/** The holdout checks of a calibration fit (Fader, Hardie & Lee 2005, §4) and the planted-truth check. */
import type { BgnbdParams } from "./bgnbdLikelihood";
import { conditionalExpectedTransactions, expectedTransactions } from "./bgnbdExpectations";
import type { Customers } from "./readCustomers";
import type { AliveDecile, FrequencyRow, TrackingRow } from "./types";
import { dayDate, type Periods } from "./periods";

export const TOP_FREQUENCY = 7;
export const HOLDS_WITHIN = 0.2;

/** E[Y(t*) | x, t_x, T] for every calibration customer, t* the holdout's length, cached per distinct history. */
export function holdoutPredictions(params: BgnbdParams, customers: Customers, holdoutLength: number): Float64Array {
  const cache = new Map<string, number>();
  return Float64Array.from(customers.x, (x, i) => {
    const key = `${x}|${customers.txDays[i]}|${customers.TDays[i]}`;
    let value = cache.get(key);
    if (value === undefined) {
      value = conditionalExpectedTransactions(params, holdoutLength, x, customers.tx[i]!, customers.T[i]!);
      cache.set(key, value);
    }
    return value;
  });
}

export function byFrequency(customers: Customers, predicted: Float64Array): FrequencyRow[] {
  const rows = Array.from({ length: TOP_FREQUENCY + 1 }, (_, x) => ({ x: x === TOP_FREQUENCY ? `${x}+` : String(x), customers: 0, actual: 0, predicted: 0 }));
  customers.x.forEach((x, i) => {
    const row = rows[Math.min(x, TOP_FREQUENCY)]!;
    row.customers++;
    row.actual += customers.holdoutX[i]!;
    row.predicted += predicted[i]!;
  });
  return rows.filter((r) => r.customers > 0).map((r) => ({ ...r, actual: r.actual / r.customers, predicted: r.predicted / r.customers }));
}

/**
 * Cumulative repeat purchases by the end of each week, actual against Σ E[X(t − birth)] over the
 * calibration customers (the papers' tracking plot). `repeatsByDay[d]`: repeat purchase days on day d.
 */
export function tracking(params: BgnbdParams, customers: Customers, repeatsByDay: Float64Array, periods: Periods, unitDays: number): TrackingRow[] {
  const births = new Float64Array(periods.days);
  customers.birth.forEach((b) => births[b]!++);
  const expectedByAge = Float64Array.from({ length: periods.days }, (_, age) => expectedTransactions(params, age / unitDays));
  const rows: TrackingRow[] = [];
  let actual = 0;
  for (let week = 0; week * 7 < periods.days; week++) {
    const last = Math.min(week * 7 + 6, periods.days - 1);
    for (let d = week * 7; d <= last; d++) actual += repeatsByDay[d]!;
    let predicted = 0;
    for (let b = 0; b <= Math.min(last, periods.calibrationEndDay); b++) if (births[b]) predicted += births[b]! * expectedByAge[last - b]!;
    rows.push({ week, end: dayDate(periods.startDate, last), actual, predicted });
  }
  return rows;
}

/** Pearson correlation (null with fewer than 3 points or no spread). */
export function pearson(a: ArrayLike<number>, b: ArrayLike<number>): number | null {
  const n = a.length;
  if (n < 3) return null;
  let ma = 0;
  let mb = 0;
  for (let i = 0; i < n; i++) {
    ma += a[i]! / n;
    mb += b[i]! / n;
  }
  let sab = 0;
  let saa = 0;
  let sbb = 0;
  for (let i = 0; i < n; i++) {
    sab += (a[i]! - ma) * (b[i]! - mb);
    saa += (a[i]! - ma) ** 2;
    sbb += (b[i]! - mb) ** 2;
  }
  return saa > 0 && sbb > 0 ? sab / Math.sqrt(saa * sbb) : null;
}

/**
 * Customers split into ten equal groups by predicted P(alive) (ties broken by their order, which is by
 * user id), each with its mean predicted P(alive) and the share the truth says is alive.
 */
export function aliveCalibration(userIds: readonly string[], pAlive: Float64Array, truth: Map<string, boolean>): AliveDecile[] | null {
  const known = userIds.map((id, i) => i).filter((i) => truth.has(userIds[i]!));
  if (known.length < 10) return null;
  known.sort((i, j) => pAlive[i]! - pAlive[j]! || i - j);
  return Array.from({ length: 10 }, (_, d) => {
    const group = known.slice(Math.floor((d * known.length) / 10), Math.floor(((d + 1) * known.length) / 10));
    const predicted = group.reduce((s, i) => s + pAlive[i]!, 0) / group.length;
    const actual = group.filter((i) => truth.get(userIds[i]!)).length / group.length;
    return { decile: d + 1, customers: group.length, predicted, actual };
  });
}
