import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../lib/db/duckdb";
import { FEATURE_NAMES } from "../../lib/segments/features";
import { readUserFeatures, type UserFeatures } from "../../lib/segments/readFeatures";
import { type Fixture, type FixtureEvent, catalogue, seedDatabase } from "../helpers/segmentFixtures";

/**
 * A ten-day window and three users whose features are worked out by hand below.
 * Window: [2025-01-01, 2025-01-11), so "window end" is 2025-01-11T00:00Z.
 */
const WINDOW = { start: "2025-01-01T00:00:00.000Z", end: "2025-01-11T00:00:00.000Z" };

function ev(user: string, session: string, type: FixtureEvent["event_type"], time: string, extra: Partial<FixtureEvent> = {}): FixtureEvent {
  return { user_id: user, session_id: session, event_type: type, timestamp: time, ...extra };
}
const books = { product_id: "P0001", category: "Books", price: 20 };
const toys = { product_id: "P0002", category: "Toys", price: 50 };
const home = { product_id: "P0003", category: "Home", price: 30 };

const FIXTURE: Fixture = {
  window: WINDOW,
  users: [
    { user_id: "U1", segment: "High Value" },
    { user_id: "U2", segment: null },
    { user_id: "U3", segment: "Regular" }, // no events at all: not in the population
    { user_id: "U4", segment: "New" }, // only an event before the window: not in the population
  ],
  products: catalogue(),
  events: [
    // U1, session S1 on Jan 2, 10:00–10:10: two views, carts and buys 2 × 50 → revenue 100.
    ev("U1", "S1", "session_start", "2025-01-02T10:00:00Z"),
    ev("U1", "S1", "product_view", "2025-01-02T10:01:00Z", books),
    ev("U1", "S1", "product_view", "2025-01-02T10:02:00Z", toys),
    ev("U1", "S1", "add_to_cart", "2025-01-02T10:03:00Z", { ...toys, quantity: 2 }),
    ev("U1", "S1", "purchase", "2025-01-02T10:05:00Z", { ...toys, quantity: 2 }),
    ev("U1", "S1", "session_end", "2025-01-02T10:10:00Z"),
    // U1, session S2 on Jan 9, 12:00–12:04: one view, carts, leaves without buying (an abandoned cart).
    ev("U1", "S2", "session_start", "2025-01-09T12:00:00Z"),
    ev("U1", "S2", "product_view", "2025-01-09T12:01:00Z", books),
    ev("U1", "S2", "add_to_cart", "2025-01-09T12:02:00Z", { ...books, quantity: 1 }),
    ev("U1", "S2", "session_end", "2025-01-09T12:04:00Z"),
    // U2 reuses the session id "S1": sessions are user_id + session_id, so this is a different session.
    // Jan 10, 23:00–23:02, one view.
    ev("U2", "S1", "session_start", "2025-01-10T23:00:00Z"),
    ev("U2", "S1", "product_view", "2025-01-10T23:00:30Z", home),
    ev("U2", "S1", "session_end", "2025-01-10T23:02:00Z"),
    // U4: only before the window.
    ev("U4", "S9", "session_start", "2024-12-31T10:00:00Z"),
    ev("U4", "S9", "product_view", "2024-12-31T10:01:00Z", home),
  ],
};

describe("userFeaturesSql on a hand-made dataset", () => {
  let db: Database;
  let features: UserFeatures;
  beforeAll(async () => {
    db = await seedDatabase(FIXTURE);
    features = await readUserFeatures(db.connection, WINDOW);
  });
  afterAll(() => db.close());

  const row = (user: string): Record<string, number> => {
    const r = features.userIds.indexOf(user);
    expect(r).toBeGreaterThanOrEqual(0);
    return Object.fromEntries(FEATURE_NAMES.map((name, c) => [name, features.raw.data[r * features.raw.cols + c]!]));
  };

  it("keeps exactly the users with an event in the window, in user_id order", () => {
    expect(features.userIds).toEqual(["U1", "U2"]);
    expect(features.planted).toEqual(["High Value", null]);
  });

  it("computes U1's features as worked out by hand", () => {
    const u1 = row("U1");
    // Last event Jan 9 12:04 → window end Jan 11 00:00 is 1 day 11 h 56 min = (1440 + 716) / 1440 days.
    expect(u1.recency_days).toBeCloseTo(2156 / 1440, 10);
    // First event Jan 2 10:00 → 8 days 14 h = 8 + 14/24 days.
    expect(u1.tenure_days).toBeCloseTo(8 + 14 / 24, 10);
    expect(u1.sessions).toBe(2);
    expect(u1.product_views).toBe(3); // 2 in S1 + 1 in S2
    expect(u1.add_to_carts).toBe(2); // one per session
    expect(u1.orders).toBe(1); // only S1 has a purchase
    expect(u1.revenue).toBe(100); // 50 × 2
    expect(u1.avg_order_value).toBe(100); // 100 / 1 order
    expect(u1.distinct_categories).toBe(2); // Books, Toys
    expect(u1.views_per_session).toBe(1.5); // 3 views / 2 sessions
    expect(u1.abandoned_carts).toBe(1); // S2 carted and did not buy
    expect(u1.session_conversion).toBe(0.5); // 1 of 2 sessions bought
    expect(u1.avg_session_minutes).toBeCloseTo(7, 10); // (10 + 4) / 2
    expect(features.cartedSessions[0]).toBe(2);
  });

  it("computes U2's features as worked out by hand (a one-view visitor)", () => {
    const u2 = row("U2");
    expect(u2.recency_days).toBeCloseTo(58 / 1440, 10); // 23:02 → midnight
    expect(u2.tenure_days).toBeCloseTo(60 / 1440, 10); // 23:00 → midnight
    expect(u2.sessions).toBe(1); // its "S1" is not U1's "S1"
    expect(u2.product_views).toBe(1);
    expect(u2.add_to_carts).toBe(0);
    expect(u2.orders).toBe(0);
    expect(u2.revenue).toBe(0);
    expect(u2.avg_order_value).toBe(0); // no orders → 0, not NaN
    expect(u2.distinct_categories).toBe(1);
    expect(u2.views_per_session).toBe(1);
    expect(u2.abandoned_carts).toBe(0);
    expect(u2.session_conversion).toBe(0);
    expect(u2.avg_session_minutes).toBeCloseTo(2, 10);
    expect(features.cartedSessions[1]).toBe(0);
  });
});
