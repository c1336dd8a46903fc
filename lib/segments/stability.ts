/**
 * Stability of the clustering: refit the chosen k on seeded bootstrap resamples drawn from the fit
 * sample, assign every user of the fit sample with each refit's centroids, and compare with the
 * published labels by adjusted Rand index. A mean near 1 means the segments are a property of the data,
 * not of one sample or one start.
 *
 * Each resample has `resampleSize` rows (the selection-sample size), not the fit sample's: with a
 * 20,000-user fit sample, five full-size refits of ten restarts each cost more than everything else
 * together, and a 5,000-row resample already shows whether the partition is reproducible.
 */
import { adjustedRandIndex } from "./ari";
import { assignNearest } from "./assign";
import { fitKMeans, type KMeansOptions } from "./fitKMeans";
import { countDistinctRows, type DenseMatrix, selectRows } from "./matrix";
import { bootstrapIndices, deriveSeed, uniformStream } from "./random";

export interface Stability {
  /** Resamples requested, and those that could be fitted (a resample with < k distinct rows is skipped). */
  resamples: number;
  fitted: number;
  /** Users compared in each resample (the fit sample), and rows drawn into each resample. */
  sample_size: number;
  resample_size: number;
  /** Mean and minimum ARI versus the published labels; null when nothing could be compared (k = 1). */
  mean_ari: number | null;
  min_ari: number | null;
  aris: number[];
}

export function bootstrapStability(
  matrix: DenseMatrix,
  sample: Int32Array,
  labels: Int32Array,
  k: number,
  resamples: number,
  resampleSize: number,
  options: KMeansOptions,
): Stability {
  const base = selectRows(matrix, sample);
  const baseLabels = Int32Array.from(sample, (row) => labels[row]!);
  const aris: number[] = [];
  if (k >= 2) {
    for (let b = 0; b < resamples; b++) {
      const rng = uniformStream(deriveSeed(options.seed, `bootstrap-${b}`));
      const resample = selectRows(base, bootstrapIndices(base.rows, Math.min(resampleSize, base.rows), rng));
      if (countDistinctRows(resample, k) < k) continue;
      const fit = fitKMeans(resample, k, { ...options, seed: deriveSeed(options.seed, `bootstrap-fit-${b}`) });
      const refitLabels = new Int32Array(base.rows).fill(-1);
      assignNearest(base, fit.centroids, k, refitLabels);
      aris.push(adjustedRandIndex(refitLabels, baseLabels));
    }
  }
  return {
    resamples,
    fitted: aris.length,
    sample_size: base.rows,
    resample_size: Math.min(resampleSize, base.rows),
    mean_ari: aris.length > 0 ? aris.reduce((a, b) => a + b, 0) / aris.length : null,
    min_ari: aris.length > 0 ? Math.min(...aris) : null,
    aris,
  };
}
