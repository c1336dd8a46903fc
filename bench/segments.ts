/**
 * Benchmark (not a test): segmentation of 1,000,000 users on this machine's 2 cores.
 * Builds a seeded synthetic standardized matrix (a Gaussian mixture, 1M users × the real feature count)
 * and times the whole clustering path — k selection over 2…8 on the 5,000-user selection sample (exact
 * silhouette), the fit of the chosen k on the 20,000-user fit sample, then assignment and Lloyd
 * refinement of everyone with typed-array loops — beside baselines measured in the same process:
 *   1. one pass over the matrix computing the feature means (the memory-bound floor of any method);
 *   2. one Lloyd iteration of ml-kmeans on the full matrix (what fitting naively on everyone costs per
 *      iteration, before its k-means++ start and the tens of iterations a fit needs).
 * Target: ≤ 60 s for the clustering path at 1M users.
 * Wire it as `segments: (quick) => benchSegments({ quick })` in bench/run.ts.
 */
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { kmeans } from "ml-kmeans";
import { clusterUsers, DEFAULT_CLUSTERING_OPTIONS } from "../lib/segments/clustering";
import { FEATURE_NAMES } from "../lib/segments/features";
import { type DenseMatrix, denseMatrix, toRowArrays } from "../lib/segments/matrix";
import { uniformStream } from "../lib/segments/random";
import { columnMoments, zScores } from "../lib/segments/standardize";

const USERS = 1_000_000;
/** `--quick`: a tenth of the users, for a fast smoke run. */
const QUICK_USERS = 100_000;
const TARGET_SECONDS = 60;

/** A seeded mixture of six Gaussian blobs of unequal size, z-scored like the real features. */
export function syntheticStandardizedMatrix(rows: number, cols: number, seed: number): DenseMatrix {
  const rng = uniformStream(seed);
  const gaussian = () => Math.sqrt(-2 * Math.log(1 - rng())) * Math.cos(2 * Math.PI * rng());
  const weights = [0.35, 0.25, 0.15, 0.1, 0.1, 0.05];
  const centres = weights.map(() => Array.from({ length: cols }, () => 1.5 * gaussian()));
  const data = new Float64Array(rows * cols);
  for (let r = 0; r < rows; r++) {
    let u = rng();
    let blob = 0;
    while (blob < weights.length - 1 && u >= weights[blob]!) u -= weights[blob++]!;
    const centre = centres[blob]!;
    for (let c = 0; c < cols; c++) data[r * cols + c] = centre[c]! + gaussian();
  }
  const raw = denseMatrix(rows, cols, data);
  return zScores(raw, columnMoments(raw));
}

function seconds(startMs: number): number {
  return (performance.now() - startMs) / 1000;
}

function peakRssMb(): number {
  return process.resourceUsage().maxRSS / 1024;
}

export async function benchSegments(options: { quick?: boolean } = {}): Promise<void> {
  const users = options.quick ? QUICK_USERS : USERS;
  const cols = FEATURE_NAMES.length;
  let t = performance.now();
  const matrix = syntheticStandardizedMatrix(users, cols, 20250101);
  console.log(`synthetic matrix: ${users.toLocaleString("en-US")} users × ${cols} features in ${seconds(t).toFixed(1)} s`);

  // Baseline 1: a single pass computing the feature means.
  t = performance.now();
  const means = new Float64Array(cols);
  for (let i = 0; i < matrix.data.length; i++) means[i % cols]! += matrix.data[i]!;
  for (let c = 0; c < cols; c++) means[c]! /= matrix.rows;
  const meansSeconds = seconds(t);

  // The path under test.
  const rssBefore = peakRssMb();
  t = performance.now();
  const result = clusterUsers(matrix, DEFAULT_CLUSTERING_OPTIONS);
  const pathSeconds = seconds(t);
  const rssAfter = peakRssMb();

  // Baseline 2: one ml-kmeans Lloyd iteration on everyone (from the fitted centroids, so no k-means++).
  const rows = toRowArrays(matrix);
  const start = Array.from({ length: result.k }, (_, c) => Array.from(result.centroids.subarray(c * cols, (c + 1) * cols)));
  t = performance.now();
  kmeans(rows, result.k, { initialization: start, maxIterations: 1 });
  const naiveIterationSeconds = seconds(t);

  const selected = result.kSelection.map((row) => `k=${row.k}: silhouette ${row.silhouette?.toFixed(3)}`).join(", ");
  console.log(`k selection (selection sample ${result.selectionSample.length}): ${selected}`);
  console.log(
    `chosen k = ${result.k}, fit sample ${result.fitSample.length}, ${result.refineIterations} Lloyd iteration(s) on all users, ` +
      `inertia ${result.inertia.toFixed(0)}, silhouette ${result.silhouette?.toFixed(3)}`,
  );
  console.log(`segments (k selection + fit + assignment): ${pathSeconds.toFixed(2)} s (target ≤ ${TARGET_SECONDS} s) ${pathSeconds <= TARGET_SECONDS ? "OK" : "TOO SLOW"}`);
  console.log(`baseline, one pass of feature means: ${meansSeconds.toFixed(3)} s → ratio ${(pathSeconds / meansSeconds).toFixed(0)}×`);
  console.log(`baseline, one naive ml-kmeans iteration on all users: ${naiveIterationSeconds.toFixed(2)} s → ratio ${(pathSeconds / naiveIterationSeconds).toFixed(1)}×`);
  console.log(`peak RSS: ${rssBefore.toFixed(0)} MB before the path, ${rssAfter.toFixed(0)} MB after it, ${peakRssMb().toFixed(0)} MB at the end (naive baseline's arrays included)`);
}

// Also runnable on its own: `npx tsx bench/segments.ts`.
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await benchSegments();
}
