import { describe, expect, it } from "vitest";
import { computeSegments } from "../../lib/analysis/segments";
import { nonPlainValues } from "../helpers/plainJson";
import { identicalUsersFixture, realisticGroups, seedDatabase, simulateGroups, wellSeparatedGroups, YEAR_2025 } from "../helpers/segmentFixtures";

describe("computeSegments on realistic, overlapping groups", () => {
  it("finds the engaged-but-never-buys group and names it window shoppers", async () => {
    const fixture = simulateGroups(realisticGroups(800), 3);
    const db = await seedDatabase(fixture);
    try {
      const { summary } = await computeSegments(db.connection, fixture.window, { seed: 42, stabilityResamples: 2 });
      const shoppers = summary.clusters.filter((c) => c.rule === "window_shoppers");
      expect(shoppers.length).toBeGreaterThanOrEqual(1);
      for (const c of shoppers) {
        expect(c.buyer_share.rate).toBeLessThanOrEqual(0.1);
        expect(c.spread.product_views.median).toBeGreaterThanOrEqual(summary.population.spread.product_views.median);
      }
      expect(summary.clusters.some((c) => c.rule === "loyal_high_spenders")).toBe(true);
    } finally {
      db.close();
    }
  });
});

describe("computeSegments on degenerate data", () => {
  it("returns one cluster for users with identical features", async () => {
    const db = await seedDatabase(identicalUsersFixture(12));
    try {
      const { summary, users } = await computeSegments(db.connection, YEAR_2025);
      expect(summary.k).toBe(1);
      expect(summary.silhouette).toBeNull();
      expect(summary.inertia).toBe(0);
      expect(summary.clusters[0]!.size).toBe(12);
      expect([summary.clusters[0]!.name, summary.clusters[0]!.rule]).toEqual(["All active users", "everyone"]);
      expect(summary.feature_definitions.every((f) => f.sd === 0)).toBe(true);
      expect(Array.from(users.standardized.data).every((v) => v === 0)).toBe(true);
      expect(summary.stability.mean_ari).toBeNull();
      expect(nonPlainValues(summary)).toEqual([]);
    } finally {
      db.close();
    }
  });

  it("handles a single active user", async () => {
    const db = await seedDatabase(identicalUsersFixture(1));
    try {
      const { summary } = await computeSegments(db.connection, YEAR_2025);
      expect(summary.k).toBe(1);
      expect(summary.clusters.map((c) => [c.size, c.name])).toEqual([[1, "All active users"]]);
      expect(summary.ari_vs_planted).toBe(1);
      expect(nonPlainValues(summary)).toEqual([]);
    } finally {
      db.close();
    }
  });

  it("has no ARI when the data has no planted segment", async () => {
    const fixture = simulateGroups(wellSeparatedGroups(10).map((g) => ({ ...g, segment: null })), 1);
    const db = await seedDatabase(fixture);
    try {
      const { summary } = await computeSegments(db.connection, fixture.window, { stabilityResamples: 1 });
      expect(summary.ari_vs_planted).toBeNull();
      expect(summary.planted_users).toBe(0);
      expect(summary.clusters.every((c) => c.planted.length === 0)).toBe(true);
    } finally {
      db.close();
    }
  });

  it("refuses a window without any event", async () => {
    const db = await seedDatabase(identicalUsersFixture(3));
    try {
      await expect(computeSegments(db.connection, { start: "2030-01-01T00:00:00.000Z", end: "2030-02-01T00:00:00.000Z" })).rejects.toThrow(
        /nothing to segment/,
      );
    } finally {
      db.close();
    }
  });
});
