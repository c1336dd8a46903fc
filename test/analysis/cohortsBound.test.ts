// Issue 15, case 7: two plausible events 110 years apart among 1,074 made cohorts.json 70 MB. The grids
// are bounded: analyze's output stays a few hundred kilobytes, the Cohorts page's data under 1 MB, and a
// window of ordinary length is not bounded at all.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildCohortsPage, PAGE_COHORT_LIMITS } from "../../lib/pages/cohorts";
import { stopTracing, traceConnection } from "../../lib/db/sqlTrace";
import { computeCohorts, type CohortsOutput } from "../../lib/analysis/cohorts";
import type { Database } from "../../lib/db/duckdb";
import { coverageFixture } from "../helpers/coverageFixture";
import { openTinyDatabase, type TinyEvent } from "../helpers/tinyDataset";

const WINDOW = { start: "1915-03-01T00:00:00.000Z", end: "2025-03-02T00:00:00.000Z" };
/** 134 users × 8 events over January–February 2025, and one of them also seen once in March 1915: 1,074 events. */
function events(): TinyEvent[] {
  const out: TinyEvent[] = [];
  for (let u = 0; u < 134; u++) {
    for (let e = 0; e < 8; e++) {
      const day = String(1 + ((u + e * 7) % 28)).padStart(2, "0");
      const month = e < 4 ? "01" : "02";
      out.push({ user_id: `U${u}`, session_id: `U${u}-${e}`, event_type: e % 4 === 3 ? "purchase" : "product_view", timestamp: `2025-${month}-${day}T12:00:00Z`, product_id: "P1", category: "Books", price: 10, quantity: 1 });
    }
  }
  out.push({ user_id: "U0", session_id: "U0-old", event_type: "product_view", timestamp: "1915-03-01T12:00:00Z", product_id: "P1", category: "Books", price: 10, quantity: 1 });
  out.push({ user_id: "U0", session_id: "U0-new", event_type: "product_view", timestamp: "2025-03-01T12:00:00Z", product_id: "P1", category: "Books", price: 10, quantity: 1 });
  return out;
}

let db: Database;
let analyzeOutput: CohortsOutput;
beforeAll(async () => {
  db = await openTinyDatabase({ users: Array.from({ length: 134 }, (_, u) => ({ user_id: `U${u}` })), events: events() });
  analyzeOutput = await computeCohorts(db.connection, WINDOW);
}, 120_000);
afterAll(() => db?.close());

const bytes = (value: unknown, indent?: number) => Buffer.byteLength(JSON.stringify(value, null, indent));

describe("cohort grids over a window of 110 years", () => {
  it("keeps analyze's cohorts.json small, and says what it left out", () => {
    expect(bytes(analyzeOutput, 1)).toBeLessThan(2_000_000);
    const weekly = analyzeOutput.retention.find((v) => v.cohort_by === "registration" && v.activity === "any_event" && v.granularity === "week" && v.mode === "on")!;
    // Registration cohorts (no registration dates: first event): U0 in the week of 1915-03-01, the others
    // in the first week of January 2025 or the week before (each user's first four events fall on days
    // d, d + 7, d + 14, d + 21 mod 28, so one is in 1–7 January): 3 cohorts, all shown, but the 1915
    // one's 5,740 weeks (to the week of 2025-03-01) are cut at k = 104.
    expect(weekly.bound.cohorts).toBe(3);
    expect(weekly.bound.users_omitted).toBe(0);
    expect(weekly.bound.periods).toBe(5_740);
    expect(weekly.bound.cells_omitted).toBe(5_740 - 105);
    expect(weekly.cells.every((c) => c.period < 105)).toBe(true);
  });

  it("keeps the Cohorts page's data under 1 MB", () => {
    // The page's own bounds, on the same data.
    const trace = traceConnection(db.connection);
    return computeCohorts(db.connection, WINDOW, PAGE_COHORT_LIMITS).then((page) => {
      stopTracing(db.connection);
      const data = buildCohortsPage(page, coverageFixture(WINDOW), trace);
      expect(bytes(data)).toBeLessThan(1_000_000);
      for (const axis of Object.values(data.axes)) expect(axis.grid.cohort.length).toBeLessThanOrEqual(54 * 54);
    });
  }, 120_000);
});

describe("a window of ordinary length", () => {
  it("is not bounded", async () => {
    const cohorts = await computeCohorts(db.connection, { start: "2025-01-01T00:00:00.000Z", end: "2025-03-02T00:00:00.000Z" });
    for (const v of [...cohorts.retention, ...cohorts.ltv]) {
      expect(v.bound.cells_omitted).toBe(0);
      expect(v.bound.cohorts_shown).toBe(v.bound.cohorts);
    }
  }, 120_000);
});
