// Does the funnel fit the data? Purchases with and without an earlier cart in their session, counted by hand.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type Database, openDatabase } from "../../lib/db/duckdb";
import { createTableSql } from "../../lib/dataset/schema";
import { funnelFit, funnelFitSentence } from "../../lib/analysis/funnelFit";

let db: Database;
beforeEach(async () => {
  db = await openDatabase();
  await db.connection.run(createTableSql("events"));
});
afterEach(() => db.close());

async function events(rows: [user: string, session: string, type: string, minute: number][]): Promise<void> {
  const values = rows.map(([u, s, t, m], i) => `('${i}', '${u}', '${s}', '${t}', TIMESTAMP '2025-03-04 10:00:00' + INTERVAL ${m} MINUTE, NULL, NULL, NULL, NULL)`);
  await db.connection.run(`INSERT INTO events VALUES ${values.join(", ")}`);
}

describe("funnelFit", () => {
  it("counts purchases with no cart at or before them in their session; more than half is a misfit", async () => {
    await events([
      ["a", "s1", "product_view", 0], ["a", "s1", "add_to_cart", 1], ["a", "s1", "purchase", 2], // carted first: fits
      ["b", "s1", "product_view", 0], ["b", "s1", "purchase", 1], ["b", "s1", "add_to_cart", 2], // cart after: no earlier cart
      ["c", "s1", "add_to_cart", 0], ["c", "s2", "purchase", 5], // cart in another session: no earlier cart
      ["d", "s1", "purchase", 0], // no cart at all
    ]);
    const fit = await funnelFit(db.connection, null);
    expect(fit).toEqual({ purchases: 4, without_cart: 3, share_without_cart: 0.75, misfit: true, suggested: ["product_view", "purchase"] });
    expect(funnelFitSentence(fit)).toBe(
      '75.0% of the purchases (3 of 4) have no cart before them in their session, so a funnel through the cart misses most buyers here. The funnel that fits this data is view → purchase: "funnel": ["product_view","purchase"] in the mapping, --funnel product_view,purchase for analyze, or EVENT_KIT_FUNNEL=product_view,purchase for the build.',
    );
    // A configured funnel without the cart fits: nothing to say.
    expect((await funnelFit(db.connection, ["product_view", "purchase"])).misfit).toBe(false);
  });

  it("exactly half is not a misfit, one more purchase without a cart is", async () => {
    await events([["a", "s1", "product_view", 0], ["a", "s1", "add_to_cart", 1], ["a", "s1", "purchase", 2], ["b", "s1", "purchase", 0]]);
    expect(await funnelFit(db.connection, null)).toMatchObject({ share_without_cart: 0.5, misfit: false, suggested: null });
    await events([["c", "s1", "purchase", 0]]);
    expect(await funnelFit(db.connection, null)).toMatchObject({ without_cart: 2, purchases: 3, misfit: true, suggested: ["product_view", "purchase"] });
  });

  it("does not judge data without views (an order export): it has no funnel to fit", async () => {
    await events([["a", "s1", "purchase", 0], ["b", "s1", "purchase", 0]]);
    expect(await funnelFit(db.connection, null)).toMatchObject({ purchases: 2, without_cart: 2, share_without_cart: 1, misfit: false, suggested: null });
  });
});
