/**
 * Properties of the retention engine on seeded random, deliberately messy data, including a brute-force
 * oracle written straight from metrics.md §3 in plain JS (no SQL), compared cell by cell.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { computeRetention, type RetentionResult } from "../../lib/retention/computeRetention.js";
import type { Granularity } from "../../lib/db/periodSql.js";
import type { RetentionVariant } from "../../lib/retention/types.js";
import { nonPlainValues } from "../helpers/plainJson.js";
import { openTinyDatabase, randomTinyDataset, type TinyDataset } from "../helpers/tinyDataset.js";

const DAY_MS = 86_400_000;
/** Microseconds since the epoch from an ISO string with up to six fractional digits. */
function micros(iso: string): number {
  const [, whole, fraction = ""] = /^(.*?:\d{2})(?:\.(\d+))?Z$/.exec(iso)!;
  return Date.parse(`${whole}Z`) * 1000 + Number(fraction.padEnd(6, "0"));
}
function dayOf(us: number): Date {
  return new Date(Math.floor(us / 1000 / DAY_MS) * DAY_MS);
}
function periodIndex(granularity: Granularity, day: Date): number {
  if (granularity === "month") return day.getUTCFullYear() * 12 + day.getUTCMonth();
  return Math.floor((day.getTime() - Date.UTC(1970, 0, 5)) / (7 * DAY_MS));
}
function periodStartMs(granularity: Granularity, index: number): number {
  if (granularity === "month") return Date.UTC(Math.floor(index / 12), index % 12, 1);
  return Date.UTC(1970, 0, 5) + index * 7 * DAY_MS;
}

interface OracleCell {
  cohort_start: number;
  period: number;
  cohort_size: number;
  active: number;
  complete: boolean;
}

function oracle(data: TinyDataset, window: { start: string; end: string }, v: RetentionVariant): OracleCell[] {
  const [start, end] = [micros(window.start), micros(window.end)];
  const events = data.events.filter((e) => micros(e.timestamp) >= start && micros(e.timestamp) < end);
  const users = new Set([...data.users.map((u) => u.user_id), ...events.map((e) => e.user_id)]);
  const cohortOf = new Map<string, number>();
  for (const user of users) {
    const own = events.filter((e) => e.user_id === user).map((e) => micros(e.timestamp));
    const bought = events.filter((e) => e.user_id === user && e.event_type === "purchase").map((e) => micros(e.timestamp));
    const registration = data.users.find((u) => u.user_id === user)?.registration_date;
    const anchor =
      v.cohort_by === "registration"
        ? registration
          ? micros(registration)
          : own.length
            ? Math.min(...own)
            : null
        : bought.length
          ? Math.min(...bought)
          : null;
    if (anchor !== null) cohortOf.set(user, periodIndex(v.granularity, dayOf(anchor)));
  }
  const lastIndex = periodIndex(v.granularity, dayOf(end - 1));
  const cells: OracleCell[] = [];
  for (const c of [...new Set(cohortOf.values())].sort((a, b) => a - b)) {
    const members = [...cohortOf].filter(([, cohort]) => cohort === c).map(([u]) => u);
    for (let k = 0; k <= lastIndex - c; k++) {
      const active = members.filter((u) => {
        const periods = events
          .filter((e) => e.user_id === u && (v.activity === "any_event" || e.event_type === "purchase"))
          .map((e) => periodIndex(v.granularity, dayOf(micros(e.timestamp))));
        return v.mode === "on" ? periods.includes(c + k) : periods.some((p) => p >= c + k);
      }).length;
      cells.push({
        cohort_start: periodStartMs(v.granularity, c),
        period: k,
        cohort_size: members.length,
        active,
        complete: periodStartMs(v.granularity, c + k + 1) * 1000 <= end,
      });
    }
  }
  return cells;
}

const WINDOWS = [
  { start: "2025-01-01T00:00:00Z", days: 100 },
  { start: "2025-11-20T00:00:00Z", days: 60 },
];

describe.each([1, 2, 3, 4, 5, 6])("random dataset seed %i", (seed) => {
  const shape = WINDOWS[seed % WINDOWS.length]!;
  const data = randomTinyDataset(seed, { users: 30, start: shape.start, days: shape.days });
  const window = { start: shape.start, end: new Date(Date.parse(shape.start) + shape.days * DAY_MS).toISOString() };
  let result: RetentionResult;

  beforeAll(async () => {
    const db = await openTinyDatabase(data);
    try {
      result = await computeRetention(db.connection, window);
    } finally {
      db.close();
    }
  });

  it("matches the brute-force oracle cell by cell", () => {
    for (const output of result.retention) {
      const expected = oracle(data, window, output);
      const label = (ms: number) => new Date(ms).toISOString().slice(0, output.granularity === "month" ? 7 : 10);
      expect(output.cells.map((c) => [c.cohort, c.period, c.cohort_size, c.active, c.complete])).toEqual(
        expected.map((c) => [label(c.cohort_start), c.period, c.cohort_size, c.active, c.complete]),
      );
    }
  });

  it("keeps every rate and bound in [0, 1] with ci_low ≤ rate ≤ ci_high, counts as integers", () => {
    for (const output of result.retention) {
      for (const cell of output.cells) {
        expect(Number.isInteger(cell.cohort_size) && Number.isInteger(cell.active)).toBe(true);
        expect(cell.active).toBeLessThanOrEqual(cell.cohort_size);
        expect(cell.ci_low).toBeGreaterThanOrEqual(0);
        expect(cell.ci_low).toBeLessThanOrEqual(cell.rate);
        expect(cell.rate).toBeLessThanOrEqual(cell.ci_high);
        expect(cell.ci_high).toBeLessThanOrEqual(1);
      }
      for (const point of output.average) {
        expect(point.ci_low).toBeLessThanOrEqual(point.rate);
        expect(point.rate).toBeLessThanOrEqual(point.ci_high);
      }
    }
  });

  it("cohort sizes add up to the users (registration) and to the buyers (first purchase)", () => {
    const withEvents = new Set(data.events.map((e) => e.user_id));
    const expectedUsers = data.users.filter((u) => u.registration_date || withEvents.has(u.user_id)).length;
    const buyers = new Set(data.events.filter((e) => e.event_type === "purchase").map((e) => e.user_id)).size;
    for (const output of [...result.retention, ...result.ltv]) {
      const sizes = new Map(output.cells.map((c) => [c.cohort, c.cohort_size]));
      const total = [...sizes.values()].reduce((a, b) => a + b, 0);
      expect(total).toBe(output.cohort_by === "registration" ? expectedUsers : buyers);
    }
  });

  it("on_or_after ≥ on in every cell", () => {
    const ons = result.retention.filter((r) => r.mode === "on");
    for (const on of ons) {
      const after = result.retention.find(
        (r) => r.mode === "on_or_after" && r.cohort_by === on.cohort_by && r.activity === on.activity && r.granularity === on.granularity,
      );
      if (!after) continue;
      expect(after.cells.length).toBe(on.cells.length);
      on.cells.forEach((cell, i) => expect(after.cells[i]!.active).toBeGreaterThanOrEqual(cell.active));
    }
    expect(ons.length).toBeGreaterThan(0);
  });

  it("cumulative LTV never decreases along k and equals the purchase revenue of the cohort members", () => {
    const revenue = data.events
      .filter((e) => e.event_type === "purchase")
      .reduce((sum, e) => sum + (e.price ?? 0) * (e.quantity ?? 1), 0);
    for (const ltv of result.ltv) {
      const last = new Map<string, number>();
      for (const cell of ltv.cells) {
        expect(cell.cumulative_revenue).toBeGreaterThanOrEqual(last.get(cell.cohort) ?? 0);
        last.set(cell.cohort, cell.cumulative_revenue);
      }
      // Every purchase happens in or after its buyer's first-purchase period, so those cohorts hold all of it.
      if (ltv.cohort_by === "first_purchase") {
        expect([...last.values()].reduce((a, b) => a + b, 0)).toBeCloseTo(revenue, 6);
      }
    }
  });

  it("contains no BigInt and no numbers as strings", () => {
    expect(nonPlainValues(result)).toEqual([]);
  });
});
