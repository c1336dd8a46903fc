/**
 * Issue 15, case 2: one frequent visitor must not manufacture significance. 400 users, one city each, 8
 * sessions per user, every 5th user buying in every session. Before the fix, the top-8 cities (one user
 * each) were tested against each other: 8 of 8 against 0 of 8 with design effect 1 gave 15 "significant"
 * differences and an Overview claim.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { computeFunnels, type FunnelOutput } from "../../lib/analysis/funnels.js";
import { segmentDifference } from "../../lib/analysis/insights.js";
import type { Database } from "../../lib/db/duckdb.js";
import { DEFAULT_FUNNEL_CONFIG } from "../../lib/funnel/config.js";
import { MIN_GROUP_USERS } from "../../lib/funnel/minGroupUsers.js";
import type { Breakdown } from "../../lib/funnel/types.js";
import { openTinyDatabase, type TinyDataset, type TinyEvent } from "../helpers/tinyDataset.js";

const WINDOW = { start: "2025-01-01T00:00:00.000Z", end: "2025-03-01T00:00:00.000Z" };

/** `users` users, each with 8 sessions on days 1–8 of January; `buys(i)` users buy in every session. */
function dataset(users: number, city: (i: number) => string, buys: (i: number) => boolean): TinyDataset {
  const events: TinyEvent[] = [];
  const pad = (n: number) => String(n).padStart(2, "0");
  for (let i = 0; i < users; i++) {
    for (let s = 1; s <= 8; s++) {
      const at = (minute: number) => `2025-01-${pad(s)}T10:${pad(minute)}:00Z`;
      const base = { user_id: `U${i}`, session_id: `U${i}-S${s}` };
      const product = { product_id: "P1", category: "Books", price: 10, quantity: 1 };
      events.push({ ...base, event_type: "session_start", timestamp: at(0) });
      events.push({ ...base, ...product, quantity: null, event_type: "product_view", timestamp: at(1) });
      if (buys(i)) {
        events.push({ ...base, ...product, event_type: "add_to_cart", timestamp: at(2) });
        events.push({ ...base, ...product, event_type: "purchase", timestamp: at(3) });
      }
    }
  }
  return {
    users: Array.from({ length: users }, (_, i) => ({ user_id: `U${i}`, location: city(i) })),
    products: [{ product_id: "P1", category: "Books", price: 10 }],
    events,
  };
}

const location = (breakdowns: readonly Breakdown[]) => breakdowns.find((b) => b.attribute === "location")!;

describe("one city per user, every 5th user buying in all 8 sessions (issue 15, case 2)", () => {
  let db: Database;
  let out: FunnelOutput;
  let pooledOnly: FunnelOutput;
  beforeAll(async () => {
    db = await openTinyDatabase(dataset(400, (i) => `City ${String(i).padStart(3, "0")}`, (i) => i % 5 === 0));
    out = await computeFunnels(db.connection, WINDOW);
    pooledOnly = await computeFunnels(db.connection, WINDOW, null, { minGroupUsers: 1 });
  }, 60_000);
  afterAll(() => db?.close());

  it("tests no city of one user, so no difference is significant", () => {
    const b = location(out.session_funnel.breakdowns);
    // Top 8 by users, ties by name: City 000 … City 007 (users 0 and 5 buy 8 of 8); the other 392 are Other.
    expect(b.values.map((v) => [v.value, v.units, v.converted, v.users, v.tested, v.untested_reason])).toEqual([
      ["City 000", 8, 8, 1, false, "too_few_users"],
      ...["001", "002", "003", "004"].map((c) => [`City ${c}`, 8, 0, 1, false, "too_few_users"]),
      ["City 005", 8, 8, 1, false, "too_few_users"],
      ...["006", "007"].map((c) => [`City ${c}`, 8, 0, 1, false, "too_few_users"]),
      // Users 8 … 399: 392 users, 78 of them buyers (10, 15, …, 395) → 624 of 3,136 sessions.
      ["Other", 3136, 624, 392, true, null],
    ]);
    expect(b.chi_squared).toBeNull();
    expect(b.comparisons).toEqual([]);
    expect(b.min_group_users).toBe(MIN_GROUP_USERS);
    expect(MIN_GROUP_USERS).toBe(30);
  });

  it("makes no Overview claim", () => {
    // No group is large enough to test: no comparison, so nothing is claimed, not even "no difference".
    expect(segmentDifference(out.session_funnel.breakdowns)).toBeNull();
    expect(segmentDifference(out.user_funnel.breakdowns)).toBeNull();
  });

  it("borrows the pooled design effect for one-user cities, which alone removes the false significance", () => {
    // Pooled: 400 users, 80 buy in all 8 sessions; r = 0.2; Σ(y − r·n)² = 80·6.4² + 320·1.6² = 4096,
    // V = 4096/3200², binomial 0.16/3200 → 4096/(3200·0.16) = 8 (a user's sessions are all alike).
    const b = location(pooledOnly.session_funnel.breakdowns);
    for (const v of b.values) expect(v.design_effect).toBeCloseTo(8, 10);
    // City 000 (8/8) against City 001 (0/8): pooled 0.5, var 0.25·(8/8 + 8/8) = 0.5, z = 1/√0.5 = 1.414214.
    const pair = b.comparisons.find((c) => c.a === "City 000" && c.b === "City 001")!;
    expect(pair.z).toBeCloseTo(1.414214, 5);
    expect(b.comparisons.filter((c) => c.significant)).toEqual([]);
    expect(segmentDifference(pooledOnly.session_funnel.breakdowns)?.kind).toBe("no_segment_difference");
  });
});

describe("a real difference between cities of at least the minimum size is still found", () => {
  it("40 users who always buy against 40 of whom 1 in 5 does", async () => {
    const db = await openTinyDatabase(dataset(80, (i) => (i < 40 ? "Aachen" : "Bremen"), (i) => i < 40 || i % 5 === 0));
    try {
      const b = location((await computeFunnels(db.connection, WINDOW)).session_funnel.breakdowns);
      // Aachen 320/320 (rate 1: own design effect not estimable → pooled); Bremen 64/320, own estimate 8.
      // Pooled: r = 384/640 = 0.6; Σ(y − r·n)² = 48·3.2² + 32·4.8² = 1228.8, V = 1228.8/640²,
      // binomial 0.24/640 → 8. z = 0.8/√(0.24·(8/320 + 8/320)) = 0.8/√0.012 = 7.302967.
      expect(b.values.map((v) => [v.value, v.users, v.tested])).toEqual([["Aachen", 40, true], ["Bremen", 40, true]]);
      expect(b.values[0]!.design_effect).toBeCloseTo(8, 10);
      expect(b.values[1]!.design_effect).toBeCloseTo(8, 10);
      expect(b.comparisons[0]!.z).toBeCloseTo(7.302967, 5);
      expect(b.comparisons[0]!.significant).toBe(true);
    } finally {
      db.close();
    }
  }, 60_000);
});
