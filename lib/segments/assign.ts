/**
 * The typed-array core of K-means outside ml-kmeans: nearest-centroid assignment, cluster means and
 * inertia. These run on every user (up to millions), so they avoid allocations inside the loops.
 */
import type { DenseMatrix } from "./matrix";

/**
 * Assigns each row to its nearest centroid (squared Euclidean; ties go to the lower cluster number,
 * as in ml-kmeans). `centroids` is row-major k × cols. Writes into `labels` and returns how many changed.
 */
export function assignNearest(matrix: DenseMatrix, centroids: Float64Array, k: number, labels: Int32Array): number {
  const { rows, cols, data } = matrix;
  let changed = 0;
  for (let r = 0; r < rows; r++) {
    const base = r * cols;
    let best = 0;
    let bestDistance = Infinity;
    for (let c = 0; c < k; c++) {
      const cBase = c * cols;
      let distance = 0;
      for (let j = 0; j < cols; j++) {
        const diff = data[base + j]! - centroids[cBase + j]!;
        distance += diff * diff;
      }
      if (distance < bestDistance) {
        bestDistance = distance;
        best = c;
      }
    }
    if (labels[r] !== best) {
      labels[r] = best;
      changed++;
    }
  }
  return changed;
}

export interface ClusterMeans {
  centroids: Float64Array;
  sizes: Int32Array;
}

/**
 * The mean of each cluster's rows. An empty cluster keeps its row of `fallback` (the previous centroid,
 * as Lloyd's algorithm in ml-kmeans does), or zeros when there is none.
 */
export function clusterMeans(matrix: DenseMatrix, labels: Int32Array, k: number, fallback?: Float64Array): ClusterMeans {
  const { rows, cols, data } = matrix;
  const sums = new Float64Array(k * cols);
  const sizes = new Int32Array(k);
  for (let r = 0; r < rows; r++) {
    const c = labels[r]!;
    sizes[c]!++;
    const base = r * cols;
    const cBase = c * cols;
    for (let j = 0; j < cols; j++) sums[cBase + j]! += data[base + j]!;
  }
  for (let c = 0; c < k; c++) {
    const size = sizes[c]!;
    for (let j = 0; j < cols; j++) {
      const at = c * cols + j;
      sums[at] = size > 0 ? sums[at]! / size : (fallback?.[at] ?? 0);
    }
  }
  return { centroids: sums, sizes };
}

/** Sum of squared Euclidean distances from each row to the centroid of its label. */
export function inertiaOf(matrix: DenseMatrix, labels: Int32Array, centroids: Float64Array): number {
  const { rows, cols, data } = matrix;
  let total = 0;
  for (let r = 0; r < rows; r++) {
    const base = r * cols;
    const cBase = labels[r]! * cols;
    for (let j = 0; j < cols; j++) {
      const diff = data[base + j]! - centroids[cBase + j]!;
      total += diff * diff;
    }
  }
  return total;
}

export interface LloydResult {
  labels: Int32Array;
  centroids: Float64Array;
  sizes: Int32Array;
  iterations: number;
}

/**
 * Lloyd iterations on all rows, starting from given centroids: assign, recompute means, repeat until no
 * label changes (or `maxIterations`). Used after fitting on a sample, so that the published assignment
 * and centroids are a Lloyd fixed point on the whole population rather than on the sample only.
 * The returned centroids are always the means of the returned labels, so inertia is well defined.
 */
export function lloydFromCentroids(
  matrix: DenseMatrix,
  initialCentroids: Float64Array,
  k: number,
  maxIterations: number,
): LloydResult {
  const labels = new Int32Array(matrix.rows).fill(-1);
  assignNearest(matrix, initialCentroids, k, labels);
  let means = clusterMeans(matrix, labels, k, initialCentroids);
  let iterations = 0;
  while (iterations < maxIterations) {
    iterations++;
    const changed = assignNearest(matrix, means.centroids, k, labels);
    if (changed === 0) break;
    means = clusterMeans(matrix, labels, k, means.centroids);
  }
  return { labels, centroids: means.centroids, sizes: means.sizes, iterations };
}
