/**
 * Funnel properties on seeded random, deliberately messy data (steps out of order, repeats, ties,
 * sessions without session_start), with a brute-force oracle of the matching rule written in plain JS
 * straight from metrics.md §4 and compared count for count.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { computeFunnels, type FunnelOutput } from "../../lib/analysis/funnels.js";
import type { Database } from "../../lib/db/duckdb.js";
import type { FunnelStep } from "../../lib/funnel/types.js";
import { nonPlainValues } from "../helpers/plainJson.js";
import { openTinyDatabase, randomTinyDataset, type TinyDataset, type TinyEvent } from "../helpers/tinyDataset.js";

const DAY_US = 86_400_000_000;
function micros(iso: string): number {
  const [, whole, fraction = ""] = /^(.*?:\d{2})(?:\.(\d+))?Z$/.exec(iso)!;
  return Date.parse(`${whole}Z`) * 1000 + Number(fraction.padEnd(6, "0"));
}

/** Earliest time of an event of `type` (optionally in `category`) at or after `after`, up to `until`. */
function earliest(events: TinyEvent[], type: string, after: number | null, until = Infinity, category?: string): number | null {
  if (after === null) return null;
  const times = events
    .filter((e) => e.event_type === type && (category === undefined || e.category === category))
    .map((e) => micros(e.timestamp))
    .filter((t) => t >= after && t <= until);
  return times.length ? Math.min(...times) : null;
}

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return groups;
}

function reached(times: (number | null)[]): number {
  const i = times.indexOf(null);
  return i < 0 ? times.length : i;
}

function countReached(levels: number[], steps: number): number[] {
  return Array.from({ length: steps }, (_, i) => levels.filter((l) => l > i).length);
}

function oracle(data: TinyDataset, window: { start: string; end: string }) {
  const [start, end] = [micros(window.start), micros(window.end)];
  const events = data.events.filter((e) => micros(e.timestamp) >= start && micros(e.timestamp) < end);
  const sessions = [...groupBy(events, (e) => `${e.user_id}\u0000${e.session_id}`).values()];
  const session = sessions.map((ev) => {
    const t1 = Math.min(...ev.map((e) => micros(e.timestamp)));
    const t2 = earliest(ev, "product_view", t1);
    const t3 = earliest(ev, "add_to_cart", t2);
    return reached([t1, t2, t3, earliest(ev, "purchase", t3)]);
  });
  const user = [...groupBy(events, (e) => e.user_id).values()].flatMap((ev) => {
    const t0 = earliest(ev, "product_view", -Infinity);
    if (t0 === null || t0 > end - 7 * DAY_US) return [];
    const t1 = earliest(ev, "add_to_cart", t0, t0 + 7 * DAY_US);
    return [reached([t0, t1, earliest(ev, "purchase", t1, t0 + 7 * DAY_US)])];
  });
  const categories = new Map<string, number[]>();
  for (const ev of sessions) {
    for (const category of new Set(ev.flatMap((e) => (e.category ? [e.category] : [])))) {
      const t1 = earliest(ev, "product_view", -Infinity, Infinity, category);
      if (t1 === null) continue;
      const t2 = earliest(ev, "add_to_cart", t1, Infinity, category);
      categories.set(category, [...(categories.get(category) ?? []), reached([t1, t2, earliest(ev, "purchase", t2, Infinity, category)])]);
    }
  }
  return {
    session: countReached(session, 4),
    user: countReached(user, 3),
    category: Object.fromEntries([...categories].map(([c, levels]) => [c, countReached(levels, 3)])),
  };
}

function expectRateBounds(rate: number | null, low: number, high: number): void {
  expect(low).toBeGreaterThanOrEqual(0);
  expect(high).toBeLessThanOrEqual(1);
  expect(low).toBeLessThanOrEqual(high);
  if (rate === null) return;
  expect(rate).toBeGreaterThanOrEqual(0);
  expect(rate).toBeLessThanOrEqual(1);
  expect(low).toBeLessThanOrEqual(rate);
  expect(rate).toBeLessThanOrEqual(high);
}

function expectStepInvariants(steps: FunnelStep[]): void {
  steps.forEach((s, i) => {
    if (i > 0) expect(s.count).toBeLessThanOrEqual(steps[i - 1]!.count);
    expect(Number.isInteger(s.count)).toBe(true);
    expectRateBounds(s.rate_from_previous, s.ci_low, s.ci_high);
    expectRateBounds(s.rate_from_first, s.ci_from_first_low, s.ci_from_first_high);
  });
}

describe.each([1, 2, 3, 4, 5, 6, 7, 8])("random dataset seed %i", (seed) => {
  // Short windows make the 7-day entry cutoff and horizon bite; long gaps make sessions cross periods.
  const days = seed % 2 === 0 ? 20 : 90;
  const data = randomTinyDataset(seed, { users: 30, start: "2025-12-01T00:00:00Z", days, categories: ["A", "B", "C", "D"] });
  const window = { start: "2025-12-01T00:00:00.000Z", end: new Date(Date.parse("2025-12-01T00:00:00Z") + days * 86_400_000).toISOString() };
  let db: Database;
  let out: FunnelOutput;

  beforeAll(async () => {
    db = await openTinyDatabase(data);
    out = await computeFunnels(db.connection, window);
  });
  afterAll(() => db?.close());

  it("matches the brute-force oracle for session, user and category funnels", () => {
    const expected = oracle(data, window);
    expect(out.session_funnel.steps.map((s) => s.count)).toEqual(expected.session);
    expect(out.user_funnel.steps.map((s) => s.count)).toEqual(expected.user);
    expect(Object.fromEntries(out.category_funnel.map((c) => [c.category, c.steps.map((s) => s.count)]))).toEqual(expected.category);
  });

  it("counts never increase along the steps; every rate and bound lies in [0, 1] around its rate", () => {
    expectStepInvariants(out.session_funnel.steps);
    expectStepInvariants(out.user_funnel.steps);
    out.category_funnel.forEach((c) => expectStepInvariants(c.steps));
    for (const funnel of [out.session_funnel, out.user_funnel]) {
      for (const point of [...funnel.trend.week, ...funnel.trend.month]) {
        expectRateBounds(point.rate, point.ci_low, point.ci_high);
        point.step_counts.forEach((c, i) => i > 0 && expect(c).toBeLessThanOrEqual(point.step_counts[i - 1]!));
      }
      for (const b of funnel.breakdowns) {
        b.values.forEach((v) => expectRateBounds(v.rate, v.ci_low, v.ci_high));
        for (const c of b.comparisons) {
          expect(c.p_value).toBeGreaterThanOrEqual(0);
          expect(c.p_adjusted).toBeLessThanOrEqual(1);
          expect(c.p_adjusted).toBeGreaterThanOrEqual(c.p_value);
          expect(c.significant).toBe(c.p_adjusted < 0.05);
        }
      }
    }
  });

  it("trends, breakdowns and time histograms account for every unit", () => {
    for (const funnel of [out.session_funnel, out.user_funnel]) {
      const entered = funnel.steps[0]!.count;
      const last = funnel.steps.at(-1)!.count;
      for (const points of [funnel.trend.week, funnel.trend.month]) {
        expect(points.reduce((s, p) => s + p.entered, 0)).toBe(entered);
        expect(points.reduce((s, p) => s + p.converted, 0)).toBe(last);
      }
      for (const b of funnel.breakdowns) {
        expect(b.values.reduce((s, v) => s + v.units, 0)).toBe(entered);
        expect(b.values.reduce((s, v) => s + v.converted, 0)).toBe(last);
      }
      funnel.time_to_convert.forEach((t, i) => {
        expect(t.count).toBe(funnel.steps[i + 1]!.count);
        expect(t.histogram.reduce((s, bin) => s + bin.count, 0)).toBe(t.count);
        if (t.count > 0) {
          expect(t.p25_seconds!).toBeLessThanOrEqual(t.median_seconds!);
          expect(t.median_seconds!).toBeLessThanOrEqual(t.p75_seconds!);
          expect(t.p75_seconds!).toBeLessThanOrEqual(t.p90_seconds!);
          expect(t.p25_seconds!).toBeGreaterThanOrEqual(0);
        }
      });
    }
    // No user converts after the 7-day horizon.
    for (const t of out.user_funnel.time_to_convert) expect(t.p90_seconds ?? 0).toBeLessThanOrEqual(7 * 86_400);
  });

  it("contains no BigInt and no numbers as strings", () => {
    expect(nonPlainValues(out)).toEqual([]);
  });

  it("never lets clustering make a test more confident: design effects ≥ 1, and exactly 1 for one unit per user", () => {
    for (const b of out.session_funnel.breakdowns) for (const v of b.values) expect(v.design_effect).toBeGreaterThanOrEqual(1);
    for (const b of out.user_funnel.breakdowns) for (const v of b.values) expect(v.design_effect).toBeCloseTo(1, 9);
  });
});
