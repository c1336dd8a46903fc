// The headline numbers on a hand-made dataset whose answers are counted below by hand.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../lib/db/duckdb";
import { type Headline, computeHeadline } from "../../lib/analysis/headline";
import { openTinyDatabase } from "../helpers/tinyDataset";

const at = (minute: number) => `2025-03-04T10:${String(minute).padStart(2, "0")}:00Z`;

let db: Database;
let headline: Headline;
beforeAll(async () => {
  db = await openTinyDatabase({
    users: [{ user_id: "U1" }, { user_id: "U2" }, { user_id: "U3" }],
    products: [{ product_id: "P1", price: 10 }, { product_id: "P2", price: 5.5 }],
    events: [
      // U1, session S1: buys 2 × 10.
      { user_id: "U1", session_id: "S1", event_type: "session_start", timestamp: at(0) },
      { user_id: "U1", session_id: "S1", event_type: "product_view", timestamp: at(1), product_id: "P1", price: 10 },
      { user_id: "U1", session_id: "S1", event_type: "add_to_cart", timestamp: at(2), product_id: "P1", price: 10, quantity: 2 },
      { user_id: "U1", session_id: "S1", event_type: "purchase", timestamp: at(3), product_id: "P1", price: 10, quantity: 2 },
      // U1, session S2: only looks.
      { user_id: "U1", session_id: "S2", event_type: "session_start", timestamp: at(10) },
      { user_id: "U1", session_id: "S2", event_type: "product_view", timestamp: at(11), product_id: "P2", price: 5.5 },
      // U1 and U2 both have a session called S9: two sessions, and only U2's converts (1 × 5.5 and 3 × 1).
      { user_id: "U1", session_id: "S9", event_type: "session_start", timestamp: at(20) },
      { user_id: "U2", session_id: "S9", event_type: "session_start", timestamp: at(20) },
      { user_id: "U2", session_id: "S9", event_type: "purchase", timestamp: at(21), product_id: "P2", price: 5.5, quantity: 1 },
      { user_id: "U2", session_id: "S9", event_type: "purchase", timestamp: at(22), product_id: "P3", price: 1, quantity: 3 },
    ],
  });
  headline = await computeHeadline(db.connection);
});
afterAll(() => db.close());

describe("computeHeadline", () => {
  it("counts users, active users, products, events, sessions, buyers and purchases", () => {
    const { session_conversion, revenue, revenue_coverage, ...counts } = headline;
    expect(counts).toEqual({ users: 3, active_users: 2, products: 2, events: 10, sessions: 4, buyers: 2, purchases: 3 });
  });

  it("sums revenue as price × quantity over purchases: 20 + 5.5 + 3", () => {
    expect(headline.revenue).toBe(28.5);
    expect(headline.revenue_coverage).toEqual({ purchases: 3, priced_purchases: 3, unpriced_purchases: 0, measurable: true });
  });

  it("reports session conversion (2 of 4) with a Wilson interval around it", () => {
    const c = headline.session_conversion;
    expect(c.converting_sessions).toBe(2);
    expect(c.rate).toBe(0.5);
    // Wilson, n = 4, p = 0.5, z = 1.959964: centre 0.5, half-width z·√(0.0625 + z²/64)/(1 + z²/4)
    // = 1.959964 × √0.1225228 / 1.960365 = 0.349961.
    expect(c.ci_low).toBeCloseTo(0.150039, 5);
    expect(c.ci_high).toBeCloseTo(0.849961, 5);
  });
});
