// The Segments page's builder (lib/pages/segments.ts) and its wording rules (lib/pages/segmentsWords.ts)
// on a small segmentation summary written by hand: three segments of 60, 25 and 15 users, two features,
// revenue in pounds. Every expected text below was worked out from those numbers, not read off the code.
import { describe, expect, test } from "vitest";
import type { SegmentCluster, SegmentsSummary } from "../../lib/analysis/segments.js";
import { SqlTrace } from "../../lib/db/sqlTrace.js";
import { type SegmentsCoverage, type SegmentsPage, buildSegmentsPage } from "../../lib/pages/segments.js";
import {
  ariWords,
  axisFeatures,
  contingencyCells,
  describeAxis,
  formatFeatureValue,
  plantedSentence,
  plantedSplits,
  shortLabel,
  singleSegmentReason,
} from "../../lib/pages/segmentsWords.js";

const THIN = "\u202F";
const MINUS = "\u2212";

const rate = (successes: number, trials: number) => ({ rate: trials > 0 ? successes / trials : null, successes, trials, ci_low: 0.01, ci_high: 0.5 });
const spread = (median: number) => ({ sd: 1, q1: median / 2, median, q3: median * 2 });

function group(size: number, views: number, revenuePerUser: number, revenueShare: number) {
  return {
    size,
    share: size / 100,
    profile: { product_views: views, revenue: revenuePerUser },
    spread: { product_views: spread(views), revenue: spread(revenuePerUser) },
    revenue: revenuePerUser * size,
    revenue_share: revenueShare,
    revenue_per_user: revenuePerUser,
    session_conversion: rate(1, 10),
    buyer_share: rate(revenuePerUser > 0 ? size : 0, size),
    cart_abandonment: rate(0, 0),
    window_shoppers: rate(0, size),
  };
}

function cluster(n: number, name: string, rule: string, size: number, views: number, revenuePerUser: number, revenueShare: number, extra: Partial<SegmentCluster> = {}) {
  return {
    ...group(size, views, revenuePerUser, revenueShare),
    cluster: n,
    name,
    rule,
    meaning: `${name} means something.`,
    evidence: `${name}: the rule held.`,
    centroid: { product_views: n - 1, revenue: 1 - n },
    planted: [],
    ...extra,
  } as unknown as SegmentCluster;
}

const FEATURES = [
  { name: "product_views", label: "Product views", unit: "views", transform: "log1p", why: "How much they browse.", mean: 0, sd: 1 },
  { name: "revenue", label: "Revenue (price × quantity)", unit: "currency", transform: "log1p", why: "What they spend.", mean: 0, sd: 1 },
];

// Revenue: 60 × £1 = £60, 25 × £100 = £2 500, 15 × £0 = 0; all £2 560.
const CLUSTERS = [
  cluster(0, "One-visit users", "new_one_visit", 60, 2, 1, 60 / 2560),
  cluster(1, "Loyal high spenders", "loyal_high_spenders", 25, 20, 100, 2500 / 2560),
  cluster(2, "Window shoppers", "window_shoppers", 15, 30, 0, 0),
];

function summary(overrides: Partial<SegmentsSummary> = {}): SegmentsSummary {
  return {
    k: 3,
    inertia: 123.4,
    silhouette: 0.41,
    features: ["product_views", "revenue"],
    clusters: CLUSTERS,
    ari_vs_planted: null,
    planted_users: 0,
    k_selection: [
      { k: 2, inertia: 2000, silhouette: 0.3 },
      { k: 3, inertia: 1200, silhouette: 0.41 },
      { k: 4, inertia: 900, silhouette: 0.3 },
    ],
    stability: { resamples: 5, fitted: 5, sample_size: 100, resample_size: 100, mean_ari: 0.9, min_ari: 0.8, aris: [0.9] },
    pca: {
      explained_variance: [0.6, 0.3],
      loadings: [
        [0.7, 0.7],
        [0.7, -0.7],
      ],
      points: [
        { user_id: "U1", x: 1, y: 2, cluster: 0 },
        { user_id: "U2", x: -1, y: 0.5, cluster: 2 },
      ],
      centroids: [
        { cluster: 0, x: -1, y: 0 },
        { cluster: 1, x: 2, y: 1 },
        { cluster: 2, x: 0, y: -1 },
      ],
    },
    category_preferences: [
      { cluster: 0, category: "Books", views: 90, view_share: 0.75, view_lift: 1.5, purchases: 1, purchase_share: 1, purchase_lift: 2 },
      { cluster: 0, category: "Toys", views: 30, view_share: 0.25, view_lift: 0.5, purchases: 0, purchase_share: 0, purchase_lift: 0 },
      { cluster: 1, category: "Books", views: 50, view_share: 0.5, view_lift: 1, purchases: 1, purchase_share: 0.5, purchase_lift: 1 },
      { cluster: 1, category: "Toys", views: 50, view_share: 0.5, view_lift: 1, purchases: 1, purchase_share: 0.5, purchase_lift: 1 },
      { cluster: 2, category: "Books", views: 0, view_share: null, view_lift: null, purchases: 0, purchase_share: null, purchase_lift: null },
      { cluster: 2, category: "Toys", views: 0, view_share: null, view_lift: null, purchases: 0, purchase_share: null, purchase_lift: null },
    ],
    window: { start: "2025-01-01T00:00:00.000Z", end: "2025-02-01T00:00:00.000Z" },
    n_users: 100,
    population: group(100, 10, 25.6, 1) as unknown as SegmentsSummary["population"],
    feature_definitions: FEATURES as SegmentsSummary["feature_definitions"],
    method: { k_min: 2, k_max: 4, seed: 42, restarts: 10, max_iterations: 500, tolerance: 1e-10, selection_sample_size: 5000, fit_sample_size: 20000, refine_iterations: 3 },
    notes: [],
    ...overrides,
  } as SegmentsSummary;
}

function trace(): SqlTrace {
  const t = new SqlTrace();
  t.record("segments.features", "SELECT user_id, count(*) AS product_views FROM events GROUP BY user_id");
  return t;
}

const REVENUE_NOTE = "Revenue covers the 3 purchases with a price only.";
const FUNNEL_NOTE = "The funnel misses most buyers.";

function coverage(overrides: Partial<SegmentsCoverage> = {}): SegmentsCoverage {
  return {
    currency: { code: "GBP", symbol: "£" },
    timezone: "UTC",
    notes: [FUNNEL_NOTE, REVENUE_NOTE],
    revenue: { purchases: 4, priced_purchases: 3, unpriced_purchases: 1, measurable: true },
    funnel_fit_note: FUNNEL_NOTE,
    ...overrides,
  };
}

/** Rich text as the reader sees it. */
const plain = (parts: SegmentsPage["lede"]) => parts.map((p) => (typeof p === "string" ? p : "strong" in p ? p.strong : p.em)).join("");

describe("wording rules", () => {
  test("shortLabel drops the parenthetical definition", () => {
    expect(shortLabel({ label: "Orders (sessions with a purchase)" })).toBe("Orders");
    expect(shortLabel({ label: "Sessions" })).toBe("Sessions");
  });

  test("formatFeatureValue prints money in the data's currency, shares, days and counts by unit", () => {
    expect(formatFeatureValue(1234.5, "currency", "£")).toBe(`£1${THIN}234.50`);
    expect(formatFeatureValue(12, "currency per order", "€")).toBe("€12.00");
    expect(formatFeatureValue(0.256, "share of sessions", "£")).toBe("25.6%");
    expect(formatFeatureValue(1, "days", "£")).toBe("1 day");
    expect(formatFeatureValue(3.25, "days", "£")).toBe("3.3 days");
    expect(formatFeatureValue(2.5, "minutes", "£")).toBe("2.5 min");
    expect(formatFeatureValue(150.4, "views", "£")).toBe("150");
    expect(formatFeatureValue(Number.NaN, "views", "£")).toBe("—");
  });

  test("axisFeatures keeps salient loadings, strongest first, and describeAxis words them", () => {
    const f = ["A", "B", "C", "D"].map((label) => ({ label }));
    expect(axisFeatures([0.3, -0.6, 0.5, 0.1], f)).toEqual({ rises: ["c", "a"], falls: ["b"] });
    expect(describeAxis([0.3, -0.6, 0.5, 0.1], f)).toBe("rises with c and a; falls with b");
    expect(describeAxis([0.1, 0.1, 0.1, 0.1], f)).toBe("no single feature dominates it");
  });

  test("ariWords words agreement beyond chance", () => {
    expect(ariWords(0.05)).toBe("little agreement beyond chance");
    expect(ariWords(0.4)).toBe("partial agreement");
    expect(ariWords(0.8)).toBe("strong agreement");
  });

  describe("planted segments", () => {
    const planted = [
      cluster(0, "New / one-visit", "new_one_visit", 60, 1, 0, 0, { planted: [{ segment: "Occasional", users: 40 }, { segment: "Regular", users: 20 }] }),
      cluster(1, "Loyal high spenders", "loyal_high_spenders", 40, 1, 0, 0, { planted: [{ segment: "High Value", users: 30 }, { segment: "Regular", users: 10 }] }),
    ];

    test("contingencyCells fills every cluster × planted pair, zeros included, with both shares", () => {
      const cells = contingencyCells(planted);
      expect(cells).toHaveLength(6);
      expect(cells.find((r) => r.cluster === 0 && r.planted === "High Value")).toMatchObject({ users: 0, share_of_planted: 0, share_of_cluster: 0 });
      expect(cells.find((r) => r.cluster === 0 && r.planted === "Regular")).toMatchObject({ users: 20, share_of_planted: 20 / 30, share_of_cluster: 20 / 60 });
    });

    test("plantedSplits finds where most of each planted segment went; plantedSentence words it", () => {
      const splits = plantedSplits(contingencyCells(planted));
      expect(splits).toEqual([
        { planted: "High Value", users: 30, segments: ["Loyal high spenders"], share: 1 },
        { planted: "Occasional", users: 40, segments: ["New / one-visit"], share: 1 },
        { planted: "Regular", users: 30, segments: ["New / one-visit"], share: 20 / 30 },
      ]);
      expect(plantedSentence(splits)).toBe(
        "Most of the planted Occasional (100%) and Regular (67%) users are in New / one-visit; most of the planted High Value (100%) users in Loyal high spenders.",
      );
    });

    test("a planted segment split evenly names both segments instead of breaking the tie", () => {
      const even = [
        cluster(0, "A", "new_one_visit", 10, 1, 0, 0, { planted: [{ segment: "Regular", users: 5 }] }),
        cluster(1, "B", "new_one_visit", 10, 1, 0, 0, { planted: [{ segment: "Regular", users: 5 }] }),
      ];
      expect(plantedSentence(plantedSplits(contingencyCells(even)))).toBe("The planted Regular users are split evenly between A and B (50% each).");
    });

    test("no planted segments: no cells and no sentence", () => {
      expect(contingencyCells(CLUSTERS)).toEqual([]);
      expect(plantedSentence([])).toBe("");
    });
  });

  test("singleSegmentReason is null with segments to compare, and says why with one", () => {
    expect(singleSegmentReason(3, 100)).toBeNull();
    expect(singleSegmentReason(1, 1)).toBe(
      "Comparing even two segments needs three active users (the silhouette that picks k needs more users than segments), and this data has one: the only active user forms a single segment, and there is nothing to compare.",
    );
    expect(singleSegmentReason(1, 2)).toContain("this data has two: the two active users form a single segment");
    expect(singleSegmentReason(1, 1200)).toBe(
      `All 1${THIN}200 active users have exactly the same feature values, so K-means has nothing to tell them apart by: the 1${THIN}200 active users form a single segment, and there is nothing to compare.`,
    );
  });
});

describe("buildSegmentsPage", () => {
  const page = buildSegmentsPage(summary(), trace(), coverage());

  test("the lede names k, the users, the largest segment, the top earners in pounds and the window shoppers", () => {
    expect(plain(page.lede)).toBe(
      "K-means finds 3 groups among the 100 users who were active from 2025-01-01 to 2025-01-31 (UTC). " +
        "The largest, One-visit users, holds 60% of them and 2% of the revenue. " +
        "Loyal high spenders are 25% of users but bring 98% of the revenue, £100.00 per user against £25.60 for everyone. " +
        "And 15% are Window shoppers: they view 30 products on average (median 30, against 10 for all users) and not one of them has ever bought.",
    );
  });

  test("a tie for the largest segment names every tied segment", () => {
    const tied = [cluster(0, "A", "new_one_visit", 50, 2, 1, 0.5), cluster(1, "B", "new_one_visit", 50, 2, 1, 0.5)];
    const lede = plain(buildSegmentsPage(summary({ k: 2, clusters: tied }), trace(), coverage()).lede);
    expect(lede).toContain("The largest segments are tied: A and B hold 50% of them each.");
    expect(lede).not.toContain("The largest,");
    // The earners tie as well: no segment is said to bring the most.
    expect(lede).not.toContain("bring");
  });

  test("the data notes that concern segments are shown; the funnel's is not", () => {
    expect(page.data_notes).toEqual([REVENUE_NOTE]);
  });

  test("money in CSV headers, captions and tooltips is in the data's currency", () => {
    expect(Object.keys(page.revenue.csv[0]!)).toEqual(expect.arrayContaining(["revenue (GBP)", "revenue_per_user (GBP)"]));
    expect(plain(page.revenue.caption)).toContain("in GBP");
    const loyal = page.revenue.rows.find((r) => r.cluster === 1)!;
    expect(loyal.tip_revenue).toBe(`£2${THIN}500 (98%)`);
    expect(loyal.tip_revenue_per_user).toBe("£100.00");
    expect(page.profile.rows.find((r) => r.cluster === 2 && r.feature === "revenue")).toMatchObject({ unit: "GBP", tip_mean: "£0.00", label: `${MINUS}1.00` });
    expect(page.profile.rows.find((r) => r.cluster === 1 && r.feature === "revenue")).toMatchObject({ tip_mean: "£100.00", tip_population: "£25.60", label: "0.00" });
    expect(page.feature.by["revenue"]!.axis_label).toBe("Revenue (price × quantity) (GBP) (log1p axis) →");
    expect(page.feature.by["revenue"]!.ticks).toBe("money");
  });

  test("the cards come largest first, with their counts agreeing in number", () => {
    expect(page.cards.map((c) => c.name)).toEqual(["One-visit users", "Loyal high spenders", "Window shoppers"]);
    expect(plain(page.cards[1]!.size)).toBe("25 users: 25% of active users, 98% of revenue (£100.00 per user)");
    expect(page.cards[0]!.rates[0]).toEqual({ term: "Session conversion", value: "10.0% (95% CI 1.0–50.0%)", count: "(1 of 10 sessions)" });
    expect(page.cards[2]!.rates[2]!.count).toBe("(no carted session)");
    expect(page.cards[2]!.evidence).toBe("Window shoppers: the rule held.");
  });

  test("every input choice has its text: each feature, each highlight, each measure", () => {
    expect(page.feature.options).toEqual([
      { key: "product_views", label: "Product views" },
      { key: "revenue", label: "Revenue" },
    ]);
    expect(page.feature.initial).toBe("product_views");
    expect(page.feature.by["product_views"]!.title).toBe("How do the segments compare on product views?");
    expect(page.feature.by["product_views"]!.rows.map((r) => r.group)).toEqual(["One-visit users", "Loyal high spenders", "Window shoppers", "All active users"]);
    expect(page.feature.by["product_views"]!.rows[1]).toMatchObject({ median_label: "20", tip_middle: "10 to 40" });
    expect(page.map.options.map((o) => o.key)).toEqual(["all", "0", "1", "2"]);
    expect(Object.keys(page.map.by).sort()).toEqual(["0", "1", "2", "all"]);
    expect(page.map.by["1"]!.title).toBe("Where do Loyal high spenders sit among everyone?");
    expect(page.map.by["all"]!.title).toBe("How far apart are the segments?");
    expect(page.map.x_label).toBe("PC1 (60%) →");
    expect(page.categories.by.views.title).toBe("Which categories does each segment lean towards, by product views?");
    expect(page.categories.by.purchases.title).toBe("Which categories does each segment lean towards, by purchases?");
  });

  test("the category heatmap's headers, cells and summary", () => {
    const views = page.categories.by.views;
    expect(views.columns_order).toEqual([`One-visit users\n120 views`, `Loyal high spenders\n100 views`, `Window shoppers\n0 views`]);
    expect(page.categories.order).toEqual(["Books", "Toys"]);
    expect(views.rows.find((r) => r.cluster === 0 && r.category === "Books")).toMatchObject({ label: "75%", tip_share: "75.0% (90 of 120)", tip_lift: "1.50×" });
    expect(views.rows.find((r) => r.cluster === 2 && r.category === "Books")).toMatchObject({ label: "—", tip_share: "none: the segment has no product views" });
    // Cluster 1's two categories tie on lift: no category is named as its favourite.
    expect(views.summary).toBe(
      "One-visit users leans most towards “Books” (75.0% of its product views, lift 1.50). Loyal high spenders leans towards no single category. Window shoppers has no product views.",
    );
    expect(page.categories.by.purchases.columns_order[0]).toBe("One-visit users\n1 purchase");
  });

  test("the k chart marks the chosen k and names a tied runner-up fully", () => {
    expect(page.k_chart.rows.map((r) => [r.k, r.chosen, r.tip_k])).toEqual([
      [2, false, "2"],
      [3, true, "3 (chosen)"],
      [4, false, "4"],
    ]);
    expect(page.k_chart.summary).toBe(
      `The silhouette peaks at k = 3 (0.410); the next best is k = 2 and k = 4 (0.300 each). Inertia falls from 2${THIN}000 at k = 2 to 900 at k = 4.`,
    );
  });

  test("without planted segments the agreement paragraph says so and there is no planted chart", () => {
    expect(page.planted).toBeNull();
    expect(plain(page.agreement)).toMatch(/^The data has no planted segments, so there is nothing to compare the segments with\. Refitting k = 3 on 5 bootstrap resamples of 100 users/);
  });

  test("with planted segments the paragraph quotes the ARI and where each planted segment went", () => {
    const planted = CLUSTERS.map((c, i) => ({ ...c, planted: [{ segment: i === 1 ? "High Value" : "Occasional", users: c.size }] }));
    const built = buildSegmentsPage(summary({ clusters: planted, ari_vs_planted: 0.45, planted_users: 100 }), trace(), coverage());
    expect(plain(built.agreement)).toContain("adjusted Rand index of 0.45: partial agreement");
    expect(plain(built.agreement)).toContain("Most of the planted High Value (100%) users are in Loyal high spenders; most of the planted Occasional (80%) users in One-visit users.");
    expect(built.planted!.rows).toHaveLength(6);
    expect(built.planted!.rows.find((r) => r.cluster === 0 && r.planted === "Occasional")!.label).toBe("60\n80%");
  });

  test("revenue that cannot be measured leaves the revenue chart out and the lede says nothing of revenue", () => {
    const unpriced = coverage({ revenue: { purchases: 4, priced_purchases: 0, unpriced_purchases: 4, measurable: false } });
    const built = buildSegmentsPage(summary(), trace(), unpriced);
    expect(built.revenue.missing).toContain("No purchase in the data has a price");
    expect(plain(built.lede)).not.toMatch(/revenue|£/);
    expect(plain(built.cards[0]!.size)).toBe("60 users: 60% of active users");
  });

  test("one segment: the lede says why, every comparison is left out", () => {
    const one = [cluster(0, "Everyone", "new_one_visit", 2, 1, 0, 0)];
    const built = buildSegmentsPage(summary({ k: 1, n_users: 2, clusters: one, silhouette: null }), trace(), coverage());
    expect(built.single).toContain("this data has two");
    expect(plain(built.lede)).toMatch(/^The 2 users active from 2025-01-01 to 2025-01-31 \(UTC\) cannot be split into segments\./);
    for (const chart of [built.profile, built.k_chart, built.map, built.categories]) expect(chart.missing).toContain("One segment only");
    expect(built.agreement).toEqual([]);
    expect(built.planted).toBeNull();
  });

  test("the page's SQL is the engine's trace, and no user id reaches the page", () => {
    expect(page.sql.features).toBe("SELECT user_id, count(*) AS product_views FROM events GROUP BY user_id");
    expect(page.revenue.sql).toContain(page.sql.features);
    expect(page.sql.categories).toBe("-- The category counts were not computed by SQL on this data.");
    expect(JSON.stringify(page)).not.toContain('"U1"');
    expect(page.pca.points).toEqual({ x: [1, -1], y: [2, 0.5], cluster: [0, 2] });
  });
});
