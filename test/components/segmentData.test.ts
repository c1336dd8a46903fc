import { describe, expect, test } from "vitest";
import {
  ariWords,
  axisFeatures,
  categoryRows,
  clusterColour,
  compactNumber,
  clusterScale,
  contingencyRows,
  describeAxis,
  featureRows,
  formatFeatureValue,
  formatShare,
  formatZ,
  kRows,
  ledeFacts,
  listWords,
  pcaRows,
  plantedSentence,
  plantedSplits,
  profileRows,
  segmentTableRows,
  shortLabel,
  singleSegmentReason,
  spacedLog1pTicks,
  textColourOn,
  type Cluster,
  type FeatureInfo,
  type Group,
} from "../../src/components/segmentData";


const THIN = "\u202F";
const MINUS = "\u2212";

const rate = (successes: number, trials: number) => ({ rate: trials > 0 ? successes / trials : null, successes, trials, ci_low: 0, ci_high: 1 });
const spread = (median: number) => ({ sd: 1, q1: median / 2, median, q3: median * 2 });

function group(size: number, views: number, revenue: number): Group {
  return {
    size,
    share: size / 100,
    profile: { product_views: views, revenue },
    spread: { product_views: spread(views), revenue: spread(revenue) },
    revenue: revenue * size,
    revenue_share: 0,
    revenue_per_user: revenue,
    session_conversion: rate(1, 10),
    buyer_share: rate(revenue > 0 ? size : 0, size),
    cart_abandonment: rate(0, 0),
    window_shoppers: rate(0, size),
  };
}

function cluster(n: number, name: string, rule: string, size: number, extra: Partial<Cluster> = {}): Cluster {
  return {
    ...group(size, 10 * (n + 1), n),
    cluster: n,
    name,
    rule,
    meaning: `${name} means something.`,
    centroid: { product_views: n - 1, revenue: 1 - n },
    planted: [],
    ...extra,
  };
}

const features: FeatureInfo[] = [
  { name: "product_views", label: "Product views", unit: "views", transform: "log1p", why: "", mean: 0, sd: 1 },
  { name: "revenue", label: "Revenue (price × quantity)", unit: "currency", transform: "log1p", why: "", mean: 0, sd: 1 },
];

const clusters = [
  cluster(0, "New / one-visit", "new_one_visit", 60, { revenue_share: 0.01, share: 0.6 }),
  cluster(1, "Loyal high spenders", "loyal_high_spenders", 25, { revenue_share: 0.99, share: 0.25 }),
  cluster(2, "Window shoppers", "window_shoppers", 15, { revenue_share: 0, share: 0.15 }),
];

test("clusterScale(clusters) lists names and colours in cluster order, whatever the input order", () => {
  const scale = clusterScale([clusters[2]!, clusters[0]!, clusters[1]!]);
  expect(scale.domain).toEqual(["New / one-visit", "Loyal high spenders", "Window shoppers"]);
  expect(scale.range).toEqual([clusterColour(0), clusterColour(1), clusterColour(2)]);
});

test("clusterColour(n) cycles through the palette", () => {
  expect(clusterColour(10)).toBe(clusterColour(0));
});

test("shortLabel(feature) drops the parenthetical definition", () => {
  expect(shortLabel({ label: "Orders (sessions with a purchase)" })).toBe("Orders");
  expect(shortLabel({ label: "Sessions" })).toBe("Sessions");
});

test("formatFeatureValue(value, unit) prints money, shares, days and counts by unit", () => {
  expect(formatFeatureValue(1234.5, "currency")).toBe(`$1${THIN}234.50`);
  expect(formatFeatureValue(95.4, "currency per order")).toBe("$95.40");
  expect(formatFeatureValue(0.0317, "share of sessions")).toBe("3.2%");
  expect(formatFeatureValue(175.75, "days")).toBe("176 days");
  expect(formatFeatureValue(3.6, "sessions")).toBe("3.6");
  expect(formatFeatureValue(4, "views")).toBe("4");
  expect(formatFeatureValue(1917.9, "views")).toBe(`1${THIN}918`);
  expect(formatFeatureValue(Number.NaN, "views")).toBe("\u2014");
});

test("formatZ(z) signs positive values and uses the true minus", () => {
  expect(formatZ(1.443)).toBe("+1.44");
  expect(formatZ(-0.65)).toBe(`${MINUS}0.65`);
  expect(formatZ(0.001)).toBe("0.00");
});

test("profileRows(page) gives one row per feature × cluster with z, mean, median and the population mean", () => {
  const rows = profileRows({ clusters, feature_definitions: features, population: group(100, 20, 1) });
  expect(rows).toHaveLength(6);
  expect(rows[0]).toMatchObject({ cluster: 0, segment: "New / one-visit", feature: "product_views", feature_label: "Product views", z: -1, mean: 10, median: 10, population_mean: 20 });
  expect(rows[5]).toMatchObject({ cluster: 2, feature: "revenue", feature_label: "Revenue", z: -1 });
});

test("featureRows(page, feature) lists every cluster then all active users, and refuses an unknown feature", () => {
  const rows = featureRows({ clusters, population: group(100, 20, 1) }, "product_views");
  expect(rows.map((r) => r.group)).toEqual(["New / one-visit", "Loyal high spenders", "Window shoppers", "All active users"]);
  expect(rows[3]).toMatchObject({ cluster: null, users: 100, mean: 20, q1: 10, median: 20, q3: 40 });
  expect(() => featureRows({ clusters, population: group(100, 20, 1) }, "nope")).toThrow(/nope/);
});

test("pcaRows(page) zips the point columns and names each point's segment", () => {
  const rows = pcaRows({ clusters, pca: { explained_variance: [0.5, 0.2], loadings: [[], []], centroids: [], points: { x: [1, 2], y: [3, 4], cluster: [2, 0] } } });
  expect(rows).toEqual([
    { x: 1, y: 3, cluster: 2, segment: "Window shoppers" },
    { x: 2, y: 4, cluster: 0, segment: "New / one-visit" },
  ]);
  expect(() => pcaRows({ clusters, pca: { explained_variance: [0, 0], loadings: [[], []], centroids: [], points: { x: [1], y: [], cluster: [0] } } })).toThrow();
});

test("axisFeatures(loadings) keeps salient loadings, strongest first, and describeAxis words them", () => {
  const f = ["A", "B", "C", "D"].map((label) => ({ label }));
  expect(axisFeatures([0.3, -0.6, 0.5, 0.1], f)).toEqual({ rises: ["c", "a"], falls: ["b"] });
  expect(describeAxis([0.3, -0.6, 0.5, 0.1], f)).toBe("rises with c and a; falls with b");
  expect(describeAxis([0.1, 0.1, 0.1, 0.1], f)).toBe("no single feature dominates it");
});

test("listWords(words) joins with commas and a final 'and'", () => {
  expect(listWords([])).toBe("");
  expect(listWords(["a"])).toBe("a");
  expect(listWords(["a", "b", "c"])).toBe("a, b and c");
});

describe("contingency with planted segments", () => {
  const planted = [
    cluster(0, "New / one-visit", "new_one_visit", 60, { planted: [{ segment: "Occasional", users: 40 }, { segment: "Regular", users: 20 }] }),
    cluster(1, "Loyal high spenders", "loyal_high_spenders", 40, { planted: [{ segment: "High Value", users: 30 }, { segment: "Regular", users: 10 }] }),
  ];

  test("contingencyRows(clusters) fills every cluster × planted pair, zeros included, with both shares", () => {
    const rows = contingencyRows(planted);
    expect(rows).toHaveLength(6);
    expect(rows.find((r) => r.cluster === 0 && r.planted === "High Value")).toMatchObject({ users: 0, share_of_planted: 0, share_of_cluster: 0 });
    expect(rows.find((r) => r.cluster === 0 && r.planted === "Regular")).toMatchObject({ users: 20, share_of_planted: 20 / 30, share_of_cluster: 20 / 60 });
    for (const name of ["High Value", "Occasional", "Regular"]) {
      expect(rows.filter((r) => r.planted === name).reduce((s, r) => s + r.share_of_planted, 0)).toBeCloseTo(1);
    }
  });

  test("plantedSplits(rows) finds where most of each planted segment went; plantedSentence words it", () => {
    const splits = plantedSplits(contingencyRows(planted));
    expect(splits).toEqual([
      { planted: "High Value", users: 30, segment: "Loyal high spenders", share: 1 },
      { planted: "Occasional", users: 40, segment: "New / one-visit", share: 1 },
      { planted: "Regular", users: 30, segment: "New / one-visit", share: 20 / 30 },
    ]);
    expect(plantedSentence(splits)).toBe(
      "Most of the planted Occasional (100%) and Regular (67%) users are in New / one-visit; most of the planted High Value (100%) users in Loyal high spenders.",
    );
  });

  test("contingencyRows of data without planted segments is empty", () => {
    expect(contingencyRows(clusters)).toEqual([]);
    expect(plantedSentence([])).toBe("");
  });
});

test("categoryRows(page, measure) picks the measure's counts, shares and lifts, with each cluster's total", () => {
  const prefs = [
    { cluster: 0, category: "Books", views: 3, view_share: 0.75, view_lift: 1.5, purchases: 0, purchase_share: null, purchase_lift: null },
    { cluster: 0, category: "Toys", views: 1, view_share: 0.25, view_lift: 0.5, purchases: 0, purchase_share: null, purchase_lift: null },
  ];
  const views = categoryRows({ clusters, category_preferences: prefs }, "views");
  expect(views[0]).toEqual({ cluster: 0, segment: "New / one-visit", category: "Books", measure: "views", count: 3, cluster_total: 4, share: 0.75, lift: 1.5 });
  const purchases = categoryRows({ clusters, category_preferences: prefs }, "purchases");
  expect(purchases.map((r) => [r.count, r.cluster_total, r.share, r.lift])).toEqual([
    [0, 0, null, null],
    [0, 0, null, null],
  ]);
});

test("kRows(page) marks the chosen k", () => {
  const rows = kRows({ k: 3, k_selection: [2, 3, 4].map((k) => ({ k, inertia: 10 / k, silhouette: 0.3 })) });
  expect(rows.map((r) => r.chosen)).toEqual([false, true, false]);
});

test("textColourOn(colour) picks the text colour with more contrast", () => {
  expect(textColourOn("#ffffff")).toBe("black");
  expect(textColourOn("rgb(5, 48, 97)")).toBe("white");
  expect(textColourOn("#efb118")).toBe("black");
});

test("ledeFacts(page) finds the largest, the top earners and the window shoppers, each once", () => {
  const facts = ledeFacts({ clusters });
  expect(facts.largest.name).toBe("New / one-visit");
  expect(facts.earners?.name).toBe("Loyal high spenders");
  expect(facts.windowShoppers?.name).toBe("Window shoppers");
  // When the largest segment also earns most, it is not quoted twice.
  const single = ledeFacts({ clusters: [cluster(0, "Regular customers", "regular_customers", 10, { revenue_share: 1 })] });
  expect(single.earners).toBeUndefined();
  expect(single.windowShoppers).toBeUndefined();
});

test("ariWords(ari) words agreement beyond chance", () => {
  expect(ariWords(0.06)).toBe("little agreement beyond chance");
  expect(ariWords(0.4)).toBe("partial agreement");
  expect(ariWords(0.9)).toBe("strong agreement");
});

test("segmentTableRows(clusters) flattens rates with their bounds, largest segment first", () => {
  const rows = segmentTableRows(clusters);
  expect(rows.map((r) => r.segment)).toEqual(["New / one-visit", "Loyal high spenders", "Window shoppers"]);
  expect(rows[0]).toMatchObject({ users: 60, cart_abandonment: null, cart_abandonment_ci_low: 0, session_conversion: 0.1 });
});

test("spacedLog1pTicks(max, pixels) gives 0 and 1-2-5 steps up to max, none closer than the gap", () => {
  expect(spacedLog1pTicks(30, 1000)).toEqual([0, 1, 2, 5, 10, 20]);
  expect(spacedLog1pTicks(0.5, 1000)).toEqual([0]);
  const narrow = spacedLog1pTicks(3000, 170);
  expect(narrow[0]).toBe(0);
  const position = (t: number) => (Math.log1p(t) / Math.log1p(3000)) * 170;
  for (let i = 1; i < narrow.length; i++) expect(position(narrow[i]!) - position(narrow[i - 1]!)).toBeGreaterThanOrEqual(36);
  expect(narrow.length).toBeLessThan(spacedLog1pTicks(3000, 1000).length);
});

test("compactNumber(value) shortens thousands and millions", () => {
  expect(compactNumber(0)).toBe("0");
  expect(compactNumber(0.5)).toBe("0.5");
  expect(compactNumber(200)).toBe("200");
  expect(compactNumber(2000)).toBe("2k");
  expect(compactNumber(1500)).toBe("1.5k");
  expect(compactNumber(30_000)).toBe("30k");
  expect(compactNumber(2_000_000)).toBe("2M");
});

test("formatShare(p) never rounds a share to 0% or 100% unless it is exactly that", () => {
  expect(formatShare(0)).toBe("0%");
  expect(formatShare(1)).toBe("100%");
  expect(formatShare(0.00026)).toBe("0.03%");
  expect(formatShare(0.99974)).toBe("99.97%");
  expect(formatShare(0.607204)).toBe("60.7%");
});

describe("singleSegmentReason", () => {
  test("is null when there are segments to compare", () => {
    expect(singleSegmentReason({ k: 2, n_users: 3 })).toBeNull();
  });

  test("says why one or two users cannot be split", () => {
    expect(singleSegmentReason({ k: 1, n_users: 2 })).toBe(
      "Comparing even two segments needs three active users (the silhouette that picks k needs more users than segments), and this data has two: the two active users form a single segment, and there is nothing to compare.",
    );
    expect(singleSegmentReason({ k: 1, n_users: 1 })).toContain("this data has one: the only active user forms a single segment");
  });

  test("says when many users all look the same", () => {
    expect(singleSegmentReason({ k: 1, n_users: 1500 })).toBe(
      "All 1\u202F500 active users have exactly the same feature values, so K-means has nothing to tell them apart by: the 1\u202F500 active users form a single segment, and there is nothing to compare.",
    );
  });
});
