/**
 * Retention on hand-made data. Window [2025-01-01, 2025-03-15): January and February are complete months,
 * March overlaps the window but ends after it, so every March cell is incomplete.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../lib/db/duckdb.js";
import { computeRetention, type RetentionResult } from "../../lib/retention/computeRetention.js";
import type { RetentionCell, RetentionOutput, RetentionVariant } from "../../lib/retention/types.js";
import { wilsonInterval } from "../../lib/stats/wilsonInterval.js";
import { openTinyDatabase, type TinyDataset } from "../helpers/tinyDataset.js";

const window = { start: "2025-01-01T00:00:00.000Z", end: "2025-03-15T00:00:00.000Z" };

const data: TinyDataset = {
  users: [
    // A registers in the last microsecond of January → January cohort.
    { user_id: "A", registration_date: "2025-01-31T23:59:59.999999Z" },
    // B has no event inside the window (its only event is exactly at the window end, which is excluded).
    { user_id: "B", registration_date: "2025-01-15T00:00:00Z" },
    // C has no registration date → cohort = month of the first event (Feb 1, 00:00:00.000000).
    { user_id: "C", registration_date: null },
    { user_id: "D", registration_date: "2025-02-10T00:00:00Z" },
    { user_id: "E", registration_date: "2025-01-05T00:00:00Z" },
    // F has neither a registration date nor events → belongs to no cohort.
    { user_id: "F", registration_date: null },
    { user_id: "G", registration_date: "2025-03-01T00:00:00Z" },
  ],
  events: [
    // A's session spans midnight at the Jan/Feb boundary: active in January AND February.
    { user_id: "A", session_id: "A1", event_type: "session_start", timestamp: "2025-01-31T23:59:59.999999Z" },
    { user_id: "A", session_id: "A1", event_type: "product_view", timestamp: "2025-02-01T00:00:00.000000Z" },
    { user_id: "A", session_id: "A1", event_type: "session_end", timestamp: "2025-02-01T00:10:00Z" },
    { user_id: "A", session_id: "A2", event_type: "purchase", timestamp: "2025-03-10T12:00:00Z", price: 20, quantity: 2 },
    { user_id: "B", session_id: "B1", event_type: "session_start", timestamp: "2025-03-15T00:00:00.000000Z" },
    { user_id: "C", session_id: "C1", event_type: "product_view", timestamp: "2025-02-01T00:00:00.000000Z" },
    { user_id: "C", session_id: "C2", event_type: "purchase", timestamp: "2025-02-03T09:00:00Z", price: 10, quantity: 1 },
    { user_id: "C", session_id: "C3", event_type: "product_view", timestamp: "2025-03-02T08:00:00Z" },
    { user_id: "D", session_id: "D1", event_type: "purchase", timestamp: "2025-03-05T10:00:00Z", price: 30, quantity: 1 },
    { user_id: "E", session_id: "E1", event_type: "product_view", timestamp: "2025-01-06T10:00:00Z" },
    { user_id: "E", session_id: "E1", event_type: "purchase", timestamp: "2025-01-06T10:05:00Z", price: 15, quantity: 1 },
    // The last microsecond of the window still counts (half-open window).
    { user_id: "E", session_id: "E2", event_type: "session_start", timestamp: "2025-03-14T23:59:59.999999Z" },
    { user_id: "G", session_id: "G1", event_type: "product_view", timestamp: "2025-03-03T00:00:00Z" },
  ],
};

let db: Database;
let result: RetentionResult;

beforeAll(async () => {
  db = await openTinyDatabase(data);
  result = await computeRetention(db.connection, window);
});
afterAll(() => db?.close());

function variant(v: RetentionVariant): RetentionOutput {
  const found = result.retention.find(
    (r) => r.cohort_by === v.cohort_by && r.activity === v.activity && r.granularity === v.granularity && r.mode === v.mode,
  );
  if (!found) throw new Error(`variant missing: ${JSON.stringify(v)}`);
  return found;
}

/** [cohort, period, period_label, cohort_size, active, complete] — compact for hand-written tables. */
type Row = [string, number, string, number, number, boolean];
const compact = (cells: RetentionCell[]): Row[] =>
  cells.map((c) => [c.cohort, c.period, c.period_label, c.cohort_size, c.active, c.complete]);

describe("registration × any_event × month", () => {
  it("on: every cell worked by hand", () => {
    expect(compact(variant({ cohort_by: "registration", activity: "any_event", granularity: "month", mode: "on" }).cells)).toEqual([
      // Jan cohort = A, B, E (3; B counts though it has no events in the window).
      ["2025-01", 0, "2025-01", 3, 2, true], // A (Jan 31 23:59:59.999999), E (Jan 6)
      ["2025-01", 1, "2025-02", 3, 1, true], // A (Feb 1 00:00:00.000000, same session)
      ["2025-01", 2, "2025-03", 3, 2, false], // A (Mar 10), E (Mar 14 23:59:59.999999); March ends after the window
      // Feb cohort = C (first event Feb 1), D (registered Feb 10).
      ["2025-02", 0, "2025-02", 2, 1, true], // C only; D's first event is in March
      ["2025-02", 1, "2025-03", 2, 2, false], // C (Mar 2), D (Mar 5)
      ["2025-03", 0, "2025-03", 1, 1, false], // G
    ]);
  });

  it("on_or_after: active in k or any later period", () => {
    const cells = variant({ cohort_by: "registration", activity: "any_event", granularity: "month", mode: "on_or_after" }).cells;
    // Jan: A and E are both active in March, so 2 at every k. Feb: C and D both active in March.
    expect(cells.map((c) => [c.cohort, c.period, c.active])).toEqual([
      ["2025-01", 0, 2],
      ["2025-01", 1, 2],
      ["2025-01", 2, 2],
      ["2025-02", 0, 2],
      ["2025-02", 1, 2],
      ["2025-03", 0, 1],
    ]);
  });

  it("rates carry the Wilson interval of active / cohort_size", () => {
    const cell = variant({ cohort_by: "registration", activity: "any_event", granularity: "month", mode: "on" }).cells[0]!;
    const w = wilsonInterval(2, 3);
    expect(cell.rate).toBeCloseTo(2 / 3, 12);
    expect([cell.ci_low, cell.ci_high]).toEqual([w.low, w.high]);
  });

  it("the average curve pools complete cells only, weighted by cohort size", () => {
    const on = variant({ cohort_by: "registration", activity: "any_event", granularity: "month", mode: "on" }).average;
    // k0: Jan 2/3 and Feb 1/2 → (2 + 1)/(3 + 2) = 0.6; k1: only Jan is complete → 1/3; k2: nothing complete.
    expect(on.map((p) => [p.period, p.cohorts, p.cohort_size, p.active])).toEqual([
      [0, 2, 5, 3],
      [1, 1, 3, 1],
    ]);
    expect(on[0]!.rate).toBeCloseTo(0.6, 12);
    const w = wilsonInterval(3, 5);
    expect([on[0]!.ci_low, on[0]!.ci_high]).toEqual([w.low, w.high]);
    const after = variant({ cohort_by: "registration", activity: "any_event", granularity: "month", mode: "on_or_after" }).average;
    // k0: (2 + 2)/5 = 0.8; k1: Jan 2/3.
    expect(after.map((p) => p.rate)).toEqual([0.8, 2 / 3]);
  });
});

describe("first_purchase × purchase × month", () => {
  it("on: cohorts hold buyers only, k0 is always fully active", () => {
    // First purchases: E Jan 6, C Feb 3, D Mar 5, A Mar 10.
    expect(compact(variant({ cohort_by: "first_purchase", activity: "purchase", granularity: "month", mode: "on" }).cells)).toEqual([
      ["2025-01", 0, "2025-01", 1, 1, true],
      ["2025-01", 1, "2025-02", 1, 0, true],
      ["2025-01", 2, "2025-03", 1, 0, false],
      ["2025-02", 0, "2025-02", 1, 1, true],
      ["2025-02", 1, "2025-03", 1, 0, false], // C only views in March: not a purchase
      ["2025-03", 0, "2025-03", 2, 2, false],
    ]);
  });

  it("on_or_after equals on here (nobody buys again later)", () => {
    const cells = variant({ cohort_by: "first_purchase", activity: "purchase", granularity: "month", mode: "on_or_after" }).cells;
    expect(cells.map((c) => c.active)).toEqual([1, 0, 0, 1, 0, 2]);
  });
});

describe("registration × purchase × month × on", () => {
  it("counts purchasers among all registration-cohort members", () => {
    const cells = variant({ cohort_by: "registration", activity: "purchase", granularity: "month", mode: "on" }).cells;
    // Jan {A,B,E}: E buys in Jan, A in Mar. Feb {C,D}: C in Feb, D in Mar. Mar {G}: none.
    expect(cells.map((c) => [c.cohort, c.period, c.active])).toEqual([
      ["2025-01", 0, 1],
      ["2025-01", 1, 0],
      ["2025-01", 2, 1],
      ["2025-02", 0, 1],
      ["2025-02", 1, 1],
      ["2025-03", 0, 0],
    ]);
  });
});

describe("cumulative LTV", () => {
  it("registration × month: revenue per member, cumulated, averaged over complete cells", () => {
    const ltv = result.ltv.find((l) => l.cohort_by === "registration" && l.granularity === "month")!;
    // Revenue: E 15 (Jan), C 10 (Feb), D 30 (Mar), A 20 × 2 = 40 (Mar).
    // Jan (3 members): 15, 0, 40 → cumulative 15, 15, 55 → per member 5, 5, 18.333…
    // Feb (2 members): 10, 30 → cumulative 10, 40 → 5, 20.  Mar (1): 0.
    expect(ltv.cells.map((c) => [c.cohort, c.period, c.revenue, c.cumulative_revenue])).toEqual([
      ["2025-01", 0, 15, 15],
      ["2025-01", 1, 0, 15],
      ["2025-01", 2, 40, 55],
      ["2025-02", 0, 10, 10],
      ["2025-02", 1, 30, 40],
      ["2025-03", 0, 0, 0],
    ]);
    expect(ltv.cells[2]!.cumulative_revenue_per_member).toBeCloseTo(55 / 3, 12);
    expect(ltv.cells[4]!.revenue_per_member).toBeCloseTo(15, 12);
    // Average: k0 over Jan + Feb (complete) = (15 + 10)/5 = 5; k1 over Jan only = 15/3 = 5.
    expect(ltv.average.map((p) => [p.period, p.cohorts, p.cohort_size, p.cumulative_revenue_per_member])).toEqual([
      [0, 2, 5, 5],
      [1, 1, 3, 5],
    ]);
  });

  it("first_purchase × month: only buyers in the denominator", () => {
    const ltv = result.ltv.find((l) => l.cohort_by === "first_purchase" && l.granularity === "month")!;
    // Jan {E}: 15 → 15, 15, 15. Feb {C}: 10, 10. Mar {A, D}: 70 / 2 = 35.
    expect(ltv.cells.map((c) => [c.cohort, c.period, c.cumulative_revenue_per_member])).toEqual([
      ["2025-01", 0, 15],
      ["2025-01", 1, 15],
      ["2025-01", 2, 15],
      ["2025-02", 0, 10],
      ["2025-02", 1, 10],
      ["2025-03", 0, 35],
    ]);
    // k0: (15 + 10)/2 = 12.5; k1: Jan only (Feb k1 is March, incomplete) = 15.
    expect(ltv.average.map((p) => p.cumulative_revenue_per_member)).toEqual([12.5, 15]);
  });
});
