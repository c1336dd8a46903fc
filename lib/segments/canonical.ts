/**
 * Canonical cluster numbering: K-means labels are arbitrary, so the same partition found from another
 * start would otherwise be published with other numbers. Clusters are numbered by size (largest first),
 * then by centroid (lexicographic), and empty clusters are dropped.
 */
export interface Relabelling {
  /** old label → new label (-1 for a dropped, empty cluster). */
  mapping: Int32Array;
  k: number;
}

export function canonicalOrder(sizes: Int32Array, centroids: Float64Array, cols: number): Relabelling {
  const k = sizes.length;
  const order = Array.from({ length: k }, (_, c) => c)
    .filter((c) => sizes[c]! > 0)
    .sort((a, b) => {
      if (sizes[a] !== sizes[b]) return sizes[b]! - sizes[a]!;
      for (let j = 0; j < cols; j++) {
        const diff = centroids[a * cols + j]! - centroids[b * cols + j]!;
        if (diff !== 0) return diff;
      }
      return a - b;
    });
  const mapping = new Int32Array(k).fill(-1);
  order.forEach((old, index) => (mapping[old] = index));
  return { mapping, k: order.length };
}

/** Applies a relabelling to labels and reorders the centroid rows to match. */
export function relabel(
  labels: Int32Array,
  centroids: Float64Array,
  cols: number,
  { mapping, k }: Relabelling,
): { labels: Int32Array; centroids: Float64Array } {
  const newLabels = new Int32Array(labels.length);
  for (let i = 0; i < labels.length; i++) {
    const to = mapping[labels[i]!]!;
    if (to < 0) throw new Error("a labelled row points to a cluster dropped as empty");
    newLabels[i] = to;
  }
  const newCentroids = new Float64Array(k * cols);
  mapping.forEach((to, from) => {
    if (to >= 0) newCentroids.set(centroids.subarray(from * cols, (from + 1) * cols), to * cols);
  });
  return { labels: newLabels, centroids: newCentroids };
}
