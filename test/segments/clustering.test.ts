import { describe, expect, it } from "vitest";
import { assignNearest, lloydFromCentroids } from "../../lib/segments/assign";
import { canonicalOrder, relabel } from "../../lib/segments/canonical";
import { clusterUsers, type ClusteringOptions, DEFAULT_CLUSTERING_OPTIONS } from "../../lib/segments/clustering";
import { DEFAULT_KMEANS_OPTIONS, fitKMeans } from "../../lib/segments/fitKMeans";
import { type DenseMatrix, denseMatrix } from "../../lib/segments/matrix";
import { uniformStream } from "../../lib/segments/random";

/** Seeded Gaussian blobs in `cols` dimensions; returns the matrix and each row's blob. */
function blobs(centres: number[][], perBlob: number, spread: number, seed: number): { matrix: DenseMatrix; truth: number[] } {
  const rng = uniformStream(seed);
  const gaussian = () => Math.sqrt(-2 * Math.log(1 - rng())) * Math.cos(2 * Math.PI * rng());
  const cols = centres[0]!.length;
  const data: number[] = [];
  const truth: number[] = [];
  centres.forEach((centre, b) => {
    for (let i = 0; i < perBlob; i++) {
      for (const value of centre) data.push(value + spread * gaussian());
      truth.push(b);
    }
  });
  return { matrix: denseMatrix(truth.length, cols, Float64Array.from(data)), truth };
}

/** Inertia recomputed from scratch, independent of the code under test: group rows, take means, sum squares. */
function independentInertia(matrix: DenseMatrix, labels: ArrayLike<number>): number {
  const groups = new Map<number, number[][]>();
  for (let r = 0; r < matrix.rows; r++) {
    const row = Array.from(matrix.data.slice(r * matrix.cols, (r + 1) * matrix.cols));
    groups.set(labels[r]!, [...(groups.get(labels[r]!) ?? []), row]);
  }
  let total = 0;
  for (const rows of groups.values()) {
    const mean = rows[0]!.map((_, c) => rows.reduce((sum, row) => sum + row[c]!, 0) / rows.length);
    for (const row of rows) total += row.reduce((sum, value, c) => sum + (value - mean[c]!) ** 2, 0);
  }
  return total;
}

const options = (overrides: Partial<ClusteringOptions> = {}): ClusteringOptions => ({ ...DEFAULT_CLUSTERING_OPTIONS, ...overrides });

describe("fitKMeans (ml-kmeans, k-means++, seeded restarts)", () => {
  const { matrix, truth } = blobs([[0, 0], [10, 0], [0, 10]], 30, 0.5, 1);

  it("finds well-separated blobs and reports the inertia its labels give", () => {
    const fit = fitKMeans(matrix, 3, DEFAULT_KMEANS_OPTIONS);
    const pairs = new Set(truth.map((t, i) => `${t}-${fit.labels[i]}`));
    expect(pairs.size).toBe(3); // a one-to-one map between blobs and clusters
    expect(fit.inertia).toBeCloseTo(independentInertia(matrix, fit.labels), 8);
  });

  it("is deterministic for a seed", () => {
    const a = fitKMeans(matrix, 4, { ...DEFAULT_KMEANS_OPTIONS, seed: 9 });
    const b = fitKMeans(matrix, 4, { ...DEFAULT_KMEANS_OPTIONS, seed: 9 });
    expect(Array.from(a.labels)).toEqual(Array.from(b.labels));
    expect(a.inertia).toBe(b.inertia);
  });

  it("refuses k larger than the number of rows", () => {
    expect(() => fitKMeans(denseMatrix(2, 1, Float64Array.from([1, 2])), 3, DEFAULT_KMEANS_OPTIONS)).toThrow(RangeError);
  });
});

describe("assignment and canonical numbering", () => {
  it("assigns each row to its nearest centroid, ties to the lower cluster", () => {
    const m = denseMatrix(3, 1, Float64Array.from([0, 5, 9]));
    const labels = new Int32Array(3).fill(-1);
    expect(assignNearest(m, Float64Array.from([0, 10]), 2, labels)).toBe(3);
    expect(Array.from(labels)).toEqual([0, 0, 1]); // 5 is equidistant: cluster 0
  });

  it("orders clusters by size, then centroid, and drops empty ones", () => {
    const sizes = Int32Array.from([2, 0, 5, 5]);
    const centroids = Float64Array.from([9, 1, 3, 2]);
    const order = canonicalOrder(sizes, centroids, 1);
    expect(order.k).toBe(3);
    expect(Array.from(order.mapping)).toEqual([2, -1, 1, 0]); // sizes 5 (centroid 2), 5 (centroid 3), 2
    const { labels, centroids: moved } = relabel(Int32Array.from([0, 2, 3]), centroids, 1, order);
    expect(Array.from(labels)).toEqual([2, 1, 0]);
    expect(Array.from(moved)).toEqual([2, 3, 9]);
  });

  it("Lloyd from given centroids ends on centroids that are the means of its labels", () => {
    const { matrix } = blobs([[0], [6]], 20, 1, 3);
    const result = lloydFromCentroids(matrix, Float64Array.from([1, 2]), 2, 100);
    for (let c = 0; c < 2; c++) {
      let sum = 0;
      let n = 0;
      for (let r = 0; r < matrix.rows; r++) if (result.labels[r] === c) (sum += matrix.data[r]!), n++;
      expect(result.centroids[c]).toBeCloseTo(sum / n, 12);
    }
  });
});

describe("clusterUsers (k selection + fit + assignment)", () => {
  const { matrix, truth } = blobs([[0, 0, 0], [8, 0, 0], [0, 8, 0], [0, 0, 8]], 40, 0.7, 5);

  it("chooses the planted k by silhouette and publishes a consistent inertia", () => {
    const result = clusterUsers(matrix, options());
    expect(result.k).toBe(4);
    expect(result.kSelection.map((row) => row.k)).toEqual([2, 3, 4, 5, 6, 7, 8]);
    const best = result.kSelection.reduce((a, b) => ((b.silhouette ?? -1) > (a.silhouette ?? -1) ? b : a));
    expect(best.k).toBe(4);
    expect(result.inertia).toBeCloseTo(independentInertia(matrix, result.labels), 8);
    // All users were in the selection sample, so the chosen k's row is the published fit.
    expect(best.inertia).toBeCloseTo(result.inertia, 8);
    expect(result.silhouette).toBeCloseTo(best.silhouette!, 12);
    expect(new Set(truth.map((t, i) => `${t}-${result.labels[i]}`)).size).toBe(4);
  });

  it("numbers clusters by size, largest first", () => {
    const uneven = blobs([[0, 0], [9, 9]], 10, 0.5, 2);
    const big = blobs([[0, 9]], 30, 0.5, 4);
    const data = Float64Array.from([...uneven.matrix.data, ...big.matrix.data]);
    const result = clusterUsers(denseMatrix(50, 2, data), options({ kMax: 3 }));
    expect(result.k).toBe(3);
    expect(Array.from(result.sizes)).toEqual([30, 10, 10]);
    expect(result.labels[49]).toBe(0);
  });

  it("gives identical results for a seed and a valid result for another", () => {
    const a = clusterUsers(matrix, options({ seed: 7 }));
    const b = clusterUsers(matrix, options({ seed: 7 }));
    expect(Array.from(a.labels)).toEqual(Array.from(b.labels));
    expect(a.kSelection).toEqual(b.kSelection);
    const c = clusterUsers(matrix, options({ seed: 8 }));
    expect(c.k).toBe(4);
    expect(c.inertia).toBeCloseTo(independentInertia(matrix, c.labels), 8);
  });

  it("fits on samples and assigns everyone when there are more users than the samples", () => {
    const large = blobs([[0, 0], [7, 0], [0, 7]], 400, 0.8, 6);
    const result = clusterUsers(large.matrix, options({ sampleSize: 150, fitSampleSize: 400 }));
    expect(result.selectionSample.length).toBe(150);
    expect(result.fitSample.length).toBe(400);
    expect(result.labels.length).toBe(1200);
    expect(result.k).toBe(3);
    expect(result.inertia).toBeCloseTo(independentInertia(large.matrix, result.labels), 6);
    // Lloyd converged on all users: every user sits with its nearest published centroid.
    const nearest = new Int32Array(1200).fill(-1);
    assignNearest(large.matrix, result.centroids, result.k, nearest);
    expect(Array.from(nearest)).toEqual(Array.from(result.labels));
    // The selection sample is nested in the fit sample.
    const fit = new Set(result.fitSample);
    expect(Array.from(result.selectionSample).every((row) => fit.has(row))).toBe(true);
  });
});

describe("clusterUsers on degenerate data", () => {
  it("puts users with identical features (zero variance) in one cluster", () => {
    const result = clusterUsers(denseMatrix(20, 3), options());
    expect(result.k).toBe(1);
    expect(result.inertia).toBe(0);
    expect(result.silhouette).toBeNull();
    expect(result.kSelection).toEqual([]);
    expect(Array.from(result.labels).every((label) => label === 0)).toBe(true);
    expect(result.notes.join(" ")).toMatch(/one cluster/);
  });

  it("handles a single active user", () => {
    const result = clusterUsers(denseMatrix(1, 3, Float64Array.from([1, 2, 3])), options());
    expect(result.k).toBe(1);
    expect(Array.from(result.labels)).toEqual([0]);
    expect(result.inertia).toBe(0);
  });

  it("only tries k below the number of users, and falls back to one cluster when none is possible", () => {
    const three = denseMatrix(3, 1, Float64Array.from([0, 1, 10]));
    const result = clusterUsers(three, options());
    expect(result.kSelection.map((row) => row.k)).toEqual([2]); // silhouette needs k ≤ n − 1
    expect(result.k).toBe(2);
    const none = clusterUsers(three, options({ kMin: 5, kMax: 8 }));
    expect(none.k).toBe(1);
    expect(none.kSelection).toEqual([]);
  });

  it("caps k at the number of distinct feature vectors", () => {
    const twoKinds = denseMatrix(10, 1, Float64Array.from([0, 0, 0, 0, 0, 5, 5, 5, 5, 5]));
    const result = clusterUsers(twoKinds, options());
    expect(result.kSelection.map((row) => row.k)).toEqual([2]);
    expect(result.k).toBe(2);
    expect(result.inertia).toBe(0);
  });

  it("refuses no users and invalid options with clear errors", () => {
    expect(() => clusterUsers(denseMatrix(0, 3), options())).toThrow(/at least one active user/);
    expect(() => clusterUsers(denseMatrix(5, 1), options({ kMin: 1 }))).toThrow(/kMin/);
    expect(() => clusterUsers(denseMatrix(5, 1), options({ kMin: 4, kMax: 3 }))).toThrow(/kMax/);
  });
});
