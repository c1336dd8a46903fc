/**
 * K-means by ml-kmeans (docs/metrics.md §6): k-means++ initialisation, several seeded restarts, the lowest
 * inertia kept. ml-kmeans stops when every centroid moves less than `tolerance` (squared distance), so a
 * tiny tolerance and a generous iteration cap give a full Lloyd convergence, which is what puts the
 * inertia within reach of scikit-learn's KMeans(n_init=10).
 */
import { kmeans } from "ml-kmeans";
import { clusterMeans, inertiaOf } from "./assign";
import { type DenseMatrix, toRowArrays } from "./matrix";
import { deriveSeed } from "./random";

export interface KMeansOptions {
  seed: number;
  /** Independent k-means++ starts; the lowest inertia wins. */
  restarts: number;
  maxIterations: number;
  /** Convergence threshold on the squared distance each centroid moves in one iteration. */
  tolerance: number;
}

export const DEFAULT_KMEANS_OPTIONS: KMeansOptions = { seed: 42, restarts: 10, maxIterations: 500, tolerance: 1e-10 };

export interface KMeansFit {
  k: number;
  labels: Int32Array;
  /** Row-major k × cols: the means of the rows of each label (recomputed, not ml-kmeans' own). */
  centroids: Float64Array;
  sizes: Int32Array;
  /** Recomputed from labels and centroids, never taken from the library. */
  inertia: number;
  /** Restart that won, its iteration count and whether ml-kmeans reported convergence. */
  bestRestart: number;
  iterations: number;
  converged: boolean;
}

/**
 * Fits k clusters to the rows of `matrix`. The caller must make sure k ≤ the number of distinct rows
 * (k-means++ cannot pick k different centres otherwise).
 */
export function fitKMeans(matrix: DenseMatrix, k: number, options: KMeansOptions): KMeansFit {
  if (!Number.isInteger(k) || k < 1 || k > matrix.rows) {
    throw new RangeError(`cannot fit k=${k} clusters to ${matrix.rows} rows`);
  }
  if (!Number.isInteger(options.restarts) || options.restarts < 1) throw new RangeError("restarts must be a positive integer");
  const rows = toRowArrays(matrix);
  let best: KMeansFit | undefined;
  for (let restart = 0; restart < options.restarts; restart++) {
    const result = kmeans(rows, k, {
      initialization: "kmeans++",
      seed: deriveSeed(options.seed, `kmeans-k${k}-restart${restart}`),
      maxIterations: options.maxIterations,
      tolerance: options.tolerance,
    });
    const labels = Int32Array.from(result.clusters);
    // ml-kmeans' centroids are one update ahead of its labels when it stops on the iteration cap;
    // the means of the labels are the centroids that the inertia definition refers to.
    const { centroids, sizes } = clusterMeans(matrix, labels, k);
    const inertia = inertiaOf(matrix, labels, centroids);
    // Strictly lower only, so ties keep the earliest restart and the result never depends on float noise order.
    if (!best || inertia < best.inertia) {
      best = { k, labels, centroids, sizes, inertia, bestRestart: restart, iterations: result.iterations, converged: result.converged };
    }
  }
  return best!;
}
