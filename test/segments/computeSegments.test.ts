import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows, type Database } from "../../lib/db/duckdb";
import { computeSegments, FEATURE_NAMES, type SegmentsResult, writeUserSegmentsParquet } from "../../lib/analysis/segments";
import { nonPlainValues } from "../helpers/plainJson";
import { seedDatabase, simulateGroups, wellSeparatedGroups, YEAR_2025 } from "../helpers/segmentFixtures";

/** Inertia recomputed from the published assignment and standardized matrix, without the code under test. */
function independentInertia(result: SegmentsResult): number {
  const { standardized, clusters } = result.users;
  const d = standardized.cols;
  const sums = new Map<number, { n: number; sum: number[] }>();
  for (let r = 0; r < standardized.rows; r++) {
    const entry = sums.get(clusters[r]!) ?? { n: 0, sum: new Array<number>(d).fill(0) };
    entry.n++;
    for (let c = 0; c < d; c++) entry.sum[c]! += standardized.data[r * d + c]!;
    sums.set(clusters[r]!, entry);
  }
  let total = 0;
  for (let r = 0; r < standardized.rows; r++) {
    const { n, sum } = sums.get(clusters[r]!)!;
    for (let c = 0; c < d; c++) total += (standardized.data[r * d + c]! - sum[c]! / n) ** 2;
  }
  return total;
}

describe("computeSegments on well-separated planted groups", () => {
  let db: Database;
  let result: SegmentsResult;
  beforeAll(async () => {
    const fixture = simulateGroups(wellSeparatedGroups(100), 7);
    db = await seedDatabase(fixture);
    result = await computeSegments(db.connection, fixture.window, { seed: 42, kMin: 2, kMax: 8 });
  });
  afterAll(() => db.close());

  it("chooses k = 4 and recovers the planted segments (ARI ≥ 0.9)", () => {
    expect(result.summary.k).toBe(4);
    expect(result.summary.ari_vs_planted).toBeGreaterThanOrEqual(0.9);
    expect(result.summary.planted_users).toBe(400);
    expect(result.summary.n_users).toBe(400);
  });

  it("reports the inertia its published assignment gives on the published matrix", () => {
    expect(result.summary.inertia).toBeCloseTo(independentInertia(result), 6);
  });

  it("publishes inertia and silhouette for every k, and the chosen k has the best silhouette", () => {
    const rows = result.summary.k_selection;
    expect(rows.map((r) => r.k)).toEqual([2, 3, 4, 5, 6, 7, 8]);
    const best = Math.max(...rows.map((r) => r.silhouette ?? -1));
    expect(rows.find((r) => r.k === 4)!.silhouette).toBe(best);
    expect(result.summary.silhouette).toBeCloseTo(best, 12);
  });

  it("names the groups by rules, uniquely, with the window shoppers among them", () => {
    const names = result.summary.clusters.map((c) => c.name);
    expect(new Set(names).size).toBe(names.length);
    const shoppers = result.summary.clusters.find((c) => c.rule === "window_shoppers");
    expect(shoppers?.planted).toEqual([{ segment: "Regular", users: 100 }]);
    // Every planted browser has ≥ 10 views and no purchase: realism.md's window-shopper definition.
    expect(shoppers?.window_shoppers.rate).toBe(1);
    expect(shoppers?.window_shoppers.successes).toBe(100);
    expect(result.summary.clusters.find((c) => c.rule === "loyal_high_spenders")?.planted).toEqual([{ segment: "High Value", users: 100 }]);
    expect(result.summary.clusters.every((c) => c.meaning.length > 20)).toBe(true);
  });

  it("profiles clusters in raw units that add up to the population", () => {
    const { clusters, population } = result.summary;
    expect(clusters.reduce((n, c) => n + c.size, 0)).toBe(400);
    expect(clusters.reduce((s, c) => s + c.share, 0)).toBeCloseTo(1, 12);
    expect(clusters.reduce((s, c) => s + c.revenue_share, 0)).toBeCloseTo(1, 12);
    const weightedViews = clusters.reduce((s, c) => s + c.profile.product_views * c.size, 0) / 400;
    expect(weightedViews).toBeCloseTo(population.profile.product_views, 8);
    for (const c of clusters) {
      expect(Object.keys(c.profile)).toEqual(FEATURE_NAMES);
      expect(c.spread.sessions.q1).toBeLessThanOrEqual(c.spread.sessions.median);
      expect(c.buyer_share.ci_low).toBeLessThanOrEqual(c.buyer_share.rate!);
      expect(c.buyer_share.ci_high).toBeGreaterThanOrEqual(c.buyer_share.rate!);
    }
  });

  it("standardizes every feature to mean 0 and population sd 1", () => {
    const { standardized } = result.users;
    const d = standardized.cols;
    for (let c = 0; c < d; c++) {
      let sum = 0;
      let squares = 0;
      for (let r = 0; r < standardized.rows; r++) sum += standardized.data[r * d + c]!;
      const mean = sum / standardized.rows;
      for (let r = 0; r < standardized.rows; r++) squares += (standardized.data[r * d + c]! - mean) ** 2;
      expect(mean).toBeCloseTo(0, 10);
      expect(Math.sqrt(squares / standardized.rows)).toBeCloseTo(1, 10);
    }
  });

  it("validates with bootstrap stability, a PCA sample and category preferences", () => {
    const { stability, pca, category_preferences: prefs, k } = result.summary;
    expect(stability.fitted).toBe(5);
    expect(stability.mean_ari).toBeGreaterThan(0.9);
    expect(pca.points.length).toBe(400); // ≤ 3,000: everyone
    expect(pca.explained_variance[0]).toBeGreaterThan(pca.explained_variance[1]);
    expect(pca.explained_variance[0] + pca.explained_variance[1]).toBeLessThanOrEqual(1 + 1e-12);
    expect(pca.centroids.length).toBe(k);
    expect(prefs.length).toBe(k * 8);
    const loyal = result.summary.clusters.find((c) => c.rule === "loyal_high_spenders")!;
    const electronics = prefs.find((p) => p.cluster === loyal.cluster && p.category === "Electronics")!;
    expect(electronics.view_lift).toBeGreaterThan(1.5); // the High Value group favours Electronics and Home
  });

  it("serialises to plain JSON (finite numbers, integer counts)", () => {
    expect(nonPlainValues(result.summary)).toEqual([]);
    expect(JSON.parse(JSON.stringify(result.summary))).toEqual(result.summary); // nothing lost or changed
    for (const c of result.summary.clusters) expect(Number.isInteger(c.size)).toBe(true);
    expect(Number.isInteger(result.summary.k)).toBe(true);
  });

  it("writes user_segments.parquet with the standardized values K-means saw", async () => {
    const dir = mkdtempSync(join(tmpdir(), "segments-"));
    try {
      const path = join(dir, "user_segments.parquet");
      await writeUserSegmentsParquet(db.connection, result, path);
      const columns = await queryRows<{ column_name: string; column_type: string }>(
        db.connection,
        `SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM read_parquet('${path}'))`,
      );
      expect(columns.map((c) => c.column_name)).toEqual(["user_id", "cluster", ...FEATURE_NAMES]);
      expect(columns.slice(2).every((c) => c.column_type === "DOUBLE")).toBe(true);
      const rows = await queryRows<Record<string, number | string>>(db.connection, `SELECT * FROM read_parquet('${path}')`);
      expect(rows.length).toBe(400);
      const r = 123;
      expect(rows[r]!.user_id).toBe(result.users.userIds[r]);
      expect(rows[r]!.cluster).toBe(result.users.clusters[r]);
      FEATURE_NAMES.forEach((name, c) => expect(rows[r]![name]).toBe(result.users.standardized.data[r * FEATURE_NAMES.length + c]));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("gives identical results for the same seed", async () => {
    const again = await computeSegments(db.connection, YEAR_2025, { seed: 42 });
    expect(again.summary).toEqual(result.summary);
    expect(Array.from(again.users.clusters)).toEqual(Array.from(result.users.clusters));
  });

  it("gives a valid result for another seed", async () => {
    const other = await computeSegments(db.connection, YEAR_2025, { seed: 2024, stabilityResamples: 2 });
    expect(other.summary.k).toBe(4);
    expect(other.summary.ari_vs_planted).toBeGreaterThanOrEqual(0.9);
    expect(other.summary.inertia).toBeCloseTo(independentInertia(other), 6);
  });
});
