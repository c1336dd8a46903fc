/**
 * Choosing k and fitting the published clustering (docs/metrics.md §6):
 * 1. one seeded permutation of the users gives nested samples: the selection sample (≤ sampleSize,
 *    default 5,000) and the fit sample (≤ fitSampleSize, default 20,000) that contains it;
 * 2. for every k in kMin…kMax, ml-kmeans (k-means++, `restarts` seeded starts, lowest inertia) on the
 *    selection sample, and the exact mean silhouette of each fit on that sample; highest silhouette wins
 *    (ties → smaller k);
 * 3. the chosen k is refitted on the fit sample (unless it is the selection sample itself), then
 *    Lloyd iterations on all users from those centroids assign everyone, so the published labels and
 *    centroids are a fixed point on the whole population;
 * 4. clusters are renumbered canonically and the inertia is recomputed from the final labels.
 *
 * Degenerate data has a defined result instead of a crash: k must be ≤ the number of distinct feature
 * vectors (k-means++ cannot pick more distinct centres) and < the number of sampled users (silhouette
 * needs 2 ≤ k ≤ n − 1); when no k in the range qualifies, every user is put in one cluster (k = 1,
 * silhouette null) and a note says why.
 */
import { clusterMeans, inertiaOf, lloydFromCentroids } from "./assign";
import { canonicalOrder, relabel } from "./canonical";
import { fitKMeans, type KMeansOptions } from "./fitKMeans";
import { countDistinctRows, type DenseMatrix, selectRows } from "./matrix";
import { deriveSeed, samplePrefix, seededPermutation } from "./random";
import { meanSilhouette, meanSilhouettes } from "./silhouette";

export interface ClusteringOptions extends KMeansOptions {
  kMin: number;
  kMax: number;
  /** Users in the selection sample (silhouette is exact on it). */
  sampleSize: number;
  /** Users in the sample the chosen k is fitted on. */
  fitSampleSize: number;
  /** Cap on the Lloyd iterations over all users after the sample fit. */
  refineIterations: number;
}

export const DEFAULT_CLUSTERING_OPTIONS: ClusteringOptions = {
  seed: 42,
  restarts: 10,
  maxIterations: 500,
  tolerance: 1e-10,
  kMin: 2,
  kMax: 8,
  sampleSize: 5_000,
  fitSampleSize: 20_000,
  refineIterations: 50,
};

export interface KSelectionRow {
  k: number;
  /** Inertia of the best of `restarts` fits on the selection sample. */
  inertia: number;
  /** Mean silhouette of that fit on the selection sample; null when undefined. */
  silhouette: number | null;
}

export interface Clustering {
  k: number;
  /** Canonical label of every user (row of the input matrix). */
  labels: Int32Array;
  /** Row-major k × cols, the mean standardized vector of each cluster. */
  centroids: Float64Array;
  sizes: Int32Array;
  inertia: number;
  /** Mean silhouette of the published labels on the selection sample (null for k = 1). */
  silhouette: number | null;
  kSelection: KSelectionRow[];
  /** Row indices of the samples (ascending). */
  selectionSample: Int32Array;
  fitSample: Int32Array;
  refineIterations: number;
  notes: string[];
}

export function validateClusteringOptions(options: ClusteringOptions): void {
  const { kMin, kMax, sampleSize, fitSampleSize, restarts } = options;
  if (!Number.isInteger(kMin) || kMin < 2) throw new RangeError(`kMin must be an integer ≥ 2, got ${kMin}`);
  if (!Number.isInteger(kMax) || kMax < kMin) throw new RangeError(`kMax must be an integer ≥ kMin, got ${kMax}`);
  if (!Number.isInteger(sampleSize) || sampleSize < 2) throw new RangeError(`sampleSize must be an integer ≥ 2, got ${sampleSize}`);
  if (!Number.isInteger(fitSampleSize) || fitSampleSize < 2) throw new RangeError(`fitSampleSize must be an integer ≥ 2`);
  if (!Number.isInteger(restarts) || restarts < 1) throw new RangeError(`restarts must be a positive integer`);
  if (!Number.isInteger(options.seed)) throw new RangeError(`seed must be an integer, got ${options.seed}`);
}

export function clusterUsers(matrix: DenseMatrix, options: ClusteringOptions): Clustering {
  validateClusteringOptions(options);
  if (matrix.rows === 0) throw new RangeError("segmentation needs at least one active user");
  const notes: string[] = [];
  const permutation = seededPermutation(matrix.rows, deriveSeed(options.seed, "samples"));
  const selectionSample = samplePrefix(permutation, options.sampleSize);
  const fitSample = samplePrefix(permutation, Math.max(options.sampleSize, options.fitSampleSize));
  const selection = selectRows(matrix, selectionSample);

  const distinct = countDistinctRows(selection, options.kMax + 1);
  const candidates: number[] = [];
  for (let k = options.kMin; k <= options.kMax; k++) if (k <= distinct && k < selection.rows) candidates.push(k);

  const fits = candidates.map((k) => fitKMeans(selection, k, options));
  const silhouettes = meanSilhouettes(selection, fits.map((fit) => fit.labels));
  const kSelection = fits.map((fit, i) => ({ k: fit.k, inertia: fit.inertia, silhouette: silhouettes[i]! }));

  let chosen = -1;
  kSelection.forEach((row, i) => {
    const best = chosen >= 0 ? kSelection[chosen]!.silhouette : null;
    if (row.silhouette !== null && (best === null || row.silhouette > best)) chosen = i;
  });

  let startCentroids: Float64Array;
  let k: number;
  if (chosen < 0) {
    k = 1;
    startCentroids = clusterMeans(matrix, new Int32Array(matrix.rows), 1).centroids;
    notes.push(
      `No k in ${options.kMin}…${options.kMax} is possible with ${selection.rows} sampled user(s) and ` +
        `${distinct >= options.kMax + 1 ? "many" : distinct} distinct feature vector(s): all users form one cluster.`,
    );
  } else {
    k = kSelection[chosen]!.k;
    const sameSample = fitSample.length === selectionSample.length;
    startCentroids = sameSample ? fits[chosen]!.centroids : fitKMeans(selectRows(matrix, fitSample), k, options).centroids;
  }

  const refined = lloydFromCentroids(matrix, startCentroids, k, options.refineIterations);
  if (refined.iterations >= options.refineIterations && options.refineIterations > 0) {
    notes.push(`Lloyd refinement on all users stopped at the cap of ${options.refineIterations} iterations.`);
  }
  const order = canonicalOrder(refined.sizes, refined.centroids, matrix.cols);
  if (order.k < k) notes.push(`${k - order.k} cluster(s) ended empty and were dropped.`);
  const { labels } = relabel(refined.labels, refined.centroids, matrix.cols, order);
  // Centroids are recomputed as the means of the final labels: the inertia definition's "centroid of its cluster".
  const { centroids, sizes } = clusterMeans(matrix, labels, order.k);
  const inertia = inertiaOf(matrix, labels, centroids);
  const silhouette = order.k >= 2 ? meanSilhouette(selection, pick(labels, selectionSample)) : null;

  return {
    k: order.k,
    labels,
    centroids,
    sizes,
    inertia,
    silhouette,
    kSelection,
    selectionSample,
    fitSample,
    refineIterations: refined.iterations,
    notes,
  };
}

function pick(labels: Int32Array, indices: Int32Array): Int32Array {
  const out = new Int32Array(indices.length);
  for (let i = 0; i < indices.length; i++) out[i] = labels[indices[i]!]!;
  return out;
}
