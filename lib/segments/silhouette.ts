/**
 * Mean silhouette coefficient (Rousseeuw 1987), exact: every pair of rows is measured, Euclidean
 * distance. Matches scikit-learn's silhouette_score: a row alone in its cluster scores 0, and a row whose
 * a and b are both 0 (duplicates) scores 0.
 *
 * Several labelings of the same rows (one per candidate k) are scored in a single pass over the pairs,
 * because computing the n²/2 distances is the expensive part and it is the same for every k.
 */
import type { DenseMatrix } from "./matrix";

/**
 * Mean silhouette of each labeling, or null where it is undefined (fewer than two non-empty clusters).
 * Each labeling uses labels 0…max; they must all have `matrix.rows` entries.
 */
export function meanSilhouettes(matrix: DenseMatrix, labelings: readonly Int32Array[]): (number | null)[] {
  const { rows: n, cols, data } = matrix;
  const ks = labelings.map((labels) => {
    if (labels.length !== n) throw new RangeError(`labeling has ${labels.length} labels for ${n} rows`);
    let max = -1;
    for (const label of labels) {
      if (label < 0) throw new RangeError("labels must be non-negative");
      if (label > max) max = label;
    }
    return max + 1;
  });
  // sums[l][i * k + c] = total distance from row i to the rows labelled c in labeling l.
  const sums = ks.map((k) => new Float64Array(n * k));
  for (let i = 0; i < n; i++) {
    const iBase = i * cols;
    for (let j = i + 1; j < n; j++) {
      const jBase = j * cols;
      let squared = 0;
      for (let f = 0; f < cols; f++) {
        const diff = data[iBase + f]! - data[jBase + f]!;
        squared += diff * diff;
      }
      const distance = Math.sqrt(squared);
      for (let l = 0; l < labelings.length; l++) {
        const labels = labelings[l]!;
        const k = ks[l]!;
        const s = sums[l]!;
        s[i * k + labels[j]!]! += distance;
        s[j * k + labels[i]!]! += distance;
      }
    }
  }
  return labelings.map((labels, l) => silhouetteFromSums(labels, ks[l]!, sums[l]!));
}

/** Mean silhouette of one labeling. */
export function meanSilhouette(matrix: DenseMatrix, labels: Int32Array): number | null {
  return meanSilhouettes(matrix, [labels])[0]!;
}

function silhouetteFromSums(labels: Int32Array, k: number, sums: Float64Array): number | null {
  const n = labels.length;
  const sizes = new Int32Array(k);
  for (const label of labels) sizes[label]!++;
  let nonEmpty = 0;
  for (const size of sizes) if (size > 0) nonEmpty++;
  if (nonEmpty < 2) return null;
  let total = 0;
  for (let i = 0; i < n; i++) {
    const own = labels[i]!;
    const ownSize = sizes[own]!;
    if (ownSize === 1) continue; // s(i) = 0 by definition
    const a = sums[i * k + own]! / (ownSize - 1);
    let b = Infinity;
    for (let c = 0; c < k; c++) {
      if (c === own || sizes[c] === 0) continue;
      const mean = sums[i * k + c]! / sizes[c]!;
      if (mean < b) b = mean;
    }
    const scale = Math.max(a, b);
    if (scale > 0) total += (b - a) / scale;
  }
  return total / n;
}
