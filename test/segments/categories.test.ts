import { describe, expect, it } from "vitest";
import { preferencesFromCounts } from "../../lib/segments/categories";

describe("preferencesFromCounts", () => {
  // Cluster 0 viewed Books 30, Toys 10; cluster 1 viewed Books 10, Toys 50 and bought only Toys (4).
  // Population views: Books 40 / 100 = 0.4, Toys 60 / 100 = 0.6.
  const counts = [
    { cluster: 0, category: "Books", views: 30, purchases: 0 },
    { cluster: 0, category: "Toys", views: 10, purchases: 0 },
    { cluster: 1, category: "Books", views: 10, purchases: 0 },
    { cluster: 1, category: "Toys", views: 50, purchases: 4 },
  ];
  const prefs = preferencesFromCounts(counts, 2);
  const find = (cluster: number, category: string) => prefs.find((p) => p.cluster === cluster && p.category === category)!;

  it("gives shares within each cluster and lifts over the population", () => {
    expect(find(0, "Books").view_share).toBeCloseTo(0.75, 12); // 30 / 40
    expect(find(0, "Books").view_lift).toBeCloseTo(0.75 / 0.4, 12);
    expect(find(1, "Toys").view_share).toBeCloseTo(50 / 60, 12);
    expect(find(1, "Toys").view_lift).toBeCloseTo(50 / 60 / 0.6, 12);
    expect(find(1, "Toys").purchase_share).toBe(1);
    expect(find(1, "Toys").purchase_lift).toBe(1); // all purchases are Toys anyway
  });

  it("uses null, not NaN, where a share has no denominator", () => {
    expect(find(0, "Books").purchase_share).toBeNull(); // cluster 0 bought nothing
    expect(find(0, "Books").purchase_lift).toBeNull();
    expect(find(1, "Books").purchase_lift).toBeNull(); // nobody bought Books: population share 0
  });

  it("lists every cluster × category pair, sorted", () => {
    expect(prefs.map((p) => `${p.cluster}:${p.category}`)).toEqual(["0:Books", "0:Toys", "1:Books", "1:Toys"]);
  });
});
