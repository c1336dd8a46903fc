import { describe, expect, it } from "vitest";
import { preferencesFromCounts } from "../../lib/segments/categories";
import { topCategoryPreferences } from "../../lib/segments/topCategoryPreferences";

describe("topCategoryPreferences", () => {
  // Two segments. Views over both: A 10, B 6, C 3, D 1.
  const counts = [
    { cluster: 0, category: "A", views: 8, purchases: 2 },
    { cluster: 0, category: "C", views: 2, purchases: 1 },
    { cluster: 1, category: "A", views: 2, purchases: 0 },
    { cluster: 1, category: "B", views: 6, purchases: 3 },
    { cluster: 1, category: "C", views: 1, purchases: 0 },
    { cluster: 1, category: "D", views: 1, purchases: 1 },
  ];
  const { category_preferences, shown } = topCategoryPreferences(preferencesFromCounts(counts, 2), 1);

  it("keeps the top category by views and merges the rest per segment", () => {
    expect(shown).toEqual({ categories: 4, top: 1, other: "Other (3 categories)" });
    const row = (cluster: number, category: string) => category_preferences.find((p) => p.cluster === cluster && p.category === category)!;
    expect([row(0, "Other (3 categories)").views, row(0, "Other (3 categories)").purchases]).toEqual([2, 1]);
    expect([row(1, "Other (3 categories)").views, row(1, "Other (3 categories)").purchases]).toEqual([8, 4]);
    // Segment 1: 8 of its 10 views are in Other; everyone: 10 of 20 → lift 0.8 / 0.5 = 1.6.
    expect(row(1, "Other (3 categories)").view_share).toBeCloseTo(0.8, 12);
    expect(row(1, "Other (3 categories)").view_lift).toBeCloseTo(1.6, 12);
  });

  it("keeps each segment's shares summing to 1", () => {
    for (const cluster of [0, 1]) {
      const sum = category_preferences.filter((p) => p.cluster === cluster).reduce((s, p) => s + (p.view_share ?? 0), 0);
      expect(sum).toBeCloseTo(1, 12);
    }
  });
});
