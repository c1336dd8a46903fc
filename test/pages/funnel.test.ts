// The Funnel page's builder on hand-made funnels whose right words were worked out by hand: bars and
// their labels, drawn time bins, category shares and ranks (the Overview's rule: ties share a rank and
// no "most" is named on a tie), the missing-data explanations, money and the time zone.
import { type RichText, plainText } from "../../lib/pages/richText";
import { describe, expect, test } from "vitest";
import type { FunnelOutput } from "../../lib/analysis/funnels";
import { SqlTrace } from "../../lib/db/sqlTrace";
import { interestVersusPurchase } from "../../lib/analysis/insights";
import { summarizeSteps } from "../../lib/funnel/summarizeSteps";
import type { ProductQueryRow } from "../../lib/funnel/productInterest";
import type { TimeToConvert } from "../../lib/funnel/types";
import { type FunnelPageInputs, binsInUse, buildFunnelPage, stepBars } from "../../lib/pages/funnel";

const SESSION = ["session_start", "product_view", "add_to_cart", "purchase"];
const CATEGORY = ["product_view", "add_to_cart", "purchase"];

function trace(): SqlTrace {
  const t = new SqlTrace();
  for (const unit of ["session", "user"]) {
    t.record(`funnel_${unit}_steps`, "CREATE TEMP TABLE steps AS SELECT 1");
    for (const what of ["step_counts", "time_to_convert", "trend.week", "trend.month", "breakdowns"]) t.record(`funnel.${unit}.${what}`, "SELECT 1");
  }
  t.record("funnel.category", "SELECT 1");
  t.record("funnel.products", "SELECT 1");
  return t;
}

const bin = (label: string, count: number) => ({ label, lower_seconds: 0, upper_seconds: null, count });

function funnels(sessionCounts: number[], categories: [string, number, number][], userCounts = [40, 10, 4]): FunnelOutput {
  const time: TimeToConvert[] = [
    { from: "product_view", to: "add_to_cart", count: 4, p25_seconds: 30, median_seconds: 60, p75_seconds: 133.2, p90_seconds: 7200, mean_seconds: 90, histogram: [bin("0s", 0), bin("1m", 1), bin("1h", 3), bin("1d", 0)] },
  ];
  return {
    window: { start: "2025-01-01T00:00:00.000Z", end: "2025-04-01T00:00:00.000Z" },
    session_funnel: { unit: "session", steps: summarizeSteps(SESSION, sessionCounts), time_to_convert: time, trend: { week: [], month: [] }, breakdowns: [] },
    user_funnel: { unit: "user", window_days: 7, entry_cutoff: "2025-03-25T00:00:00.000Z", steps: summarizeSteps(CATEGORY, userCounts), time_to_convert: [], trend: { week: [], month: [] }, breakdowns: [] },
    category_funnel: categories.map(([category, viewed, bought]) => ({ category, steps: summarizeSteps(CATEGORY, [viewed, bought, bought]) })),
  };
}

const coverage = (over: Partial<FunnelPageInputs["coverage"]> = {}): FunnelPageInputs["coverage"] => ({
  event_types: { session_start: 200, product_view: 100, add_to_cart: 20, purchase: 10, session_end: 200 },
  span_text: "90 days",
  timezone: "UTC",
  currency: { code: "USD", symbol: "$" },
  notes: [],
  funnel_fit_note: null,
  ...over,
});

const product = (id: string, viewing: number, buying: number, viewRank: number, purchaseRank: number): ProductQueryRow =>
  ({ product_id: id, product_name: `Product ${id}`, category: "Books", viewing_sessions: viewing, buying_sessions: buying, views: viewing, purchases: buying, units: buying, revenue: buying * 10, view_rank: viewRank, purchase_rank: purchaseRank, products: 2, all_viewing_sessions: 30, all_buying_sessions: 3, top: 30 }) as unknown as ProductQueryRow;

function page(f: FunnelOutput, over: Partial<FunnelPageInputs> = {}) {
  return buildFunnelPage({ funnels: f, products: [], configured: null, coverage: coverage(), ...over }, trace());
}

const text = (parts: RichText | null) => plainText(parts ?? []);

describe("step bars", () => {
  test("each bar and its lost part are measured against the first step: 200 → 100 → 10", () => {
    const bars = stepBars(summarizeSteps(["session_start", "product_view", "purchase"], [200, 100, 10]), "sessions", "sessions");
    expect(bars.map((b) => [b.share, b.previous_share])).toEqual([
      [1, 1],
      [0.5, 1],
      [0.05, 0.5],
    ]);
    expect(bars[2]!.lines_wide).toContain("90 lost (90.0%)");
    expect(bars[2]!.lines_wide).toContain("Purchased: 10 sessions (5.0% of sessions)");
    expect(bars[0]!.lines_narrow).toBe("Started a session: 200 sessions\nEntry step (100%)");
  });

  test("one session is '1 session', not '1 sessions'", () => {
    expect(stepBars(summarizeSteps(["session_start"], [1]), "sessions", "sessions")[0]!.lines_wide).toContain("1 session\n");
  });
});

test("binsInUse spans the first to the last bin any distribution uses, keeping gaps", () => {
  const a = { histogram: [bin("a", 0), bin("b", 3), bin("c", 0), bin("d", 1), bin("e", 0)] };
  const b = { histogram: [bin("a", 0), bin("b", 0), bin("c", 2), bin("d", 0), bin("e", 0)] };
  expect(binsInUse([a, b])).toEqual(["b", "c", "d"]);
  expect(binsInUse([{ histogram: [bin("a", 0)] }])).toEqual([]);
});

test("time to convert: shares of the 4 converted per drawn bin (1 of 4 = 25%, 3 of 4 = 75%), quartiles in words", () => {
  const time = page(funnels([200, 100, 20, 10], [])).units.session.time;
  expect(time.bins).toEqual(["1m", "1h"]);
  expect(time.panels[0]!.title).toBe("Viewed → Carted");
  expect(time.panels[0]!.bars.map((b) => [b.bin, b.share, b.bar_label])).toEqual([
    ["1m", 0.25, "25%"],
    ["1h", 0.75, "75%"],
  ]);
  expect(time.panels[0]!.quartiles).toBe("median 1 min (middle half 30 s–2.2 min)");
  expect(time.summary).toBe("Viewed → Carted: 4 sessions, median 1 min (middle half 30 s–2.2 min); 90% within 2 h.");
});

describe("lede", () => {
  test("200 sessions → 100 viewed (50%) → 20 carted (20%) → 10 bought (50%): 5% in all", () => {
    const p = page(funnels([200, 100, 20, 10], []));
    expect(text(p.lede)).toBe(
      "Of the 200 sessions in 2025-01-01 to 2025-03-31 (UTC), 50.0% viewed a product, 20.0% of those added something to the cart, and 50.0% of those bought (95% CI 29.9–70.1%): in all, 5.0% of sessions ended in a purchase (95% CI 2.7–9.0%).",
    );
    expect(text(p.user_lede)).toBe("Counting people rather than visits, of the 40 users whose first product-view event came by 2025-03-25, 10.0% bought within 7 days of it (95% CI 4.0–23.1%).");
  });

  test("the window's days and the last entry day are the data's time zone's", () => {
    const p = page(funnels([200, 100, 20, 10], []), { coverage: coverage({ timezone: "Asia/Shanghai" }) });
    expect(p.window_text).toBe("2025-01-01 to 2025-04-01 (Asia/Shanghai)");
    expect(text(p.user_lede)).toContain("came by 2025-03-25");
    expect(JSON.stringify(p)).not.toContain("(UTC)");
  });

  test("without carts: the lede and every unit card say which events are missing, as nouns", () => {
    const p = page(funnels([200, 100, 0, 0], []), { coverage: coverage({ event_types: { session_start: 200, product_view: 100, add_to_cart: 0, purchase: 0, session_end: 0 } }) });
    expect(text(p.lede)).toContain("but no add-to-cart or purchase events");
    expect(p.units.session.steps.missing).toContain("This data has no add-to-cart or purchase events");
    expect(p.units.session.breakdown_missing?.reason).toBe(p.units.session.steps.missing);
  });

  test("the brought data's notes and the funnel-fit note are carried", () => {
    const p = page(funnels([200, 100, 20, 10], []), { coverage: coverage({ notes: ["12 purchases have no price."], funnel_fit_note: "Most purchases had no cart." }) });
    expect(p.notes).toEqual(["12 purchases have no price."]);
    expect(p.fit_note).toBe("Most purchases had no cart.");
  });
});

describe("categories", () => {
  const three: [string, number, number][] = [
    ["Books", 100, 10],
    ["Toys", 300, 5],
    ["Garden", 100, 25],
  ];

  test("shares over all categories (500 views, 40 buys) and ranks both ways; Books and Garden tie on views", () => {
    const rows = page(funnels([200, 100, 20, 10], three)).categories.interest.rows;
    expect(rows.map((r) => [r.category, r.view_rank?.rank, r.view_rank?.tied, r.purchase_rank?.rank, r.view_share, r.buying_share])).toEqual([
      ["Toys", 1, false, 3, 0.6, 0.125],
      ["Books", 2, true, 2, 0.2, 0.25],
      ["Garden", 2, true, 1, 0.2, 0.625],
    ]);
    expect(rows[1]!.tip_viewed).toBe("100 sessions, 20.0% of all (rank 2, tied)");
  });

  test("the sentence names the Overview's categories: Toys most viewed, Garden most bought", () => {
    const f = funnels([200, 100, 20, 10], three);
    const p = page(f);
    const insight = interestVersusPurchase(f.category_funnel);
    expect(insight).toMatchObject({ most_viewed: "Toys", best_selling: "Garden" });
    expect(text(p.category_sentence)).toBe(
      "What people look at most is not what they buy: Toys is viewed in the most sessions (60.0% of category views) but ranks 3 by sessions that bought from it, behind Garden (62.5% of buying sessions).",
    );
    expect(p.categories.initial).toBe("Toys");
  });

  test("a tie for most viewed names no category, on the Funnel page as on the Overview", () => {
    const tied: [string, number, number][] = [
      ["Books", 100, 10],
      ["Toys", 100, 5],
    ];
    const f = funnels([200, 100, 20, 10], tied);
    expect(interestVersusPurchase(f.category_funnel)).toBeNull();
    const p = page(f);
    expect(p.category_sentence).toBeNull();
    expect(p.categories.interest.rows.map((r) => r.view_rank)).toEqual([
      { rank: 1, tied: true },
      { rank: 1, tied: true },
    ]);
  });

  test("nothing bought: no category 'sells the most'", () => {
    const p = page(funnels([200, 100, 20, 0], [["Books", 100, 0], ["Toys", 50, 0]]));
    expect(p.category_sentence).toBeNull();
  });

  test("without product views the category charts explain why instead", () => {
    const p = page(funnels([200, 0, 0, 0], []), { coverage: coverage({ event_types: { session_start: 200, product_view: 0, add_to_cart: 0, purchase: 0, session_end: 0 } }) });
    expect(p.categories.missing).toContain("no product views");
    expect(p.product_card.missing).toContain("no product views");
  });
});

describe("products", () => {
  test("groups by top lists; revenue's CSV header carries the data's currency", () => {
    const p = page(funnels([200, 100, 20, 10], []), {
      products: [product("a", 20, 1, 1, 2), product("b", 10, 2, 2, 1)],
      coverage: coverage({ currency: { code: "GBP", symbol: "£" } }),
    });
    expect(p.product_card.points.map((x) => x.group)).toEqual(["Top by views and purchases", "Top by views and purchases"]);
    expect(p.product_card.columns).toContain("revenue (£)");
    expect(p.product_card.csv[0]).toMatchObject({ "revenue (£)": 10 });
    expect(p.product_card.summary).toContain("The most-viewed product, Product a, was viewed in 20 sessions and bought in 1.");
  });

  test("four products tied at one buying session: none is named the most bought", () => {
    const p = page(funnels([200, 100, 20, 10], []), { products: ["1", "2", "3", "4"].map((id, i) => product(id, 1, 1, i + 1, i + 1)) });
    expect(p.product_card.summary).not.toMatch(/most-bought|most-viewed/);
  });
});
