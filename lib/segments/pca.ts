/**
 * A 2-D picture of the clusters: principal components (ml-pca) of the standardized features, fitted on
 * the fit sample, with a seeded sample of users (≤ 3,000 points, enough for a readable scatter) and the
 * cluster centroids projected onto the first two. Each axis is oriented so that its largest loading is
 * positive, which makes the picture the same from run to run.
 */
import { PCA } from "ml-pca";
import { type DenseMatrix, selectRows, toRowArrays } from "./matrix";

export interface PcaPoint {
  user_id: string;
  cluster: number;
  x: number;
  y: number;
}

export interface PcaProjection {
  /** Share of the total variance along PC1 and PC2 (0 when there is no variance at all). */
  explained_variance: [number, number];
  /** Feature loadings of PC1 and PC2, in feature order. */
  loadings: [number[], number[]];
  points: PcaPoint[];
  centroids: { cluster: number; x: number; y: number }[];
}

export function pcaProjection(
  matrix: DenseMatrix,
  fitSample: Int32Array,
  pointSample: Int32Array,
  userIds: readonly string[],
  labels: Int32Array,
  centroids: Float64Array,
  k: number,
): PcaProjection {
  const { cols } = matrix;
  const fitRows = selectRows(matrix, fitSample);
  const means = new Array<number>(cols).fill(0);
  for (let r = 0; r < fitRows.rows; r++) for (let c = 0; c < cols; c++) means[c]! += fitRows.data[r * cols + c]! / fitRows.rows;

  let axes: [number[], number[]] = [unit(cols, 0), unit(cols, 1)];
  let explained: [number, number] = [0, 0];
  // With fewer than two users or no variance, there is no principal direction: fall back to the first two features.
  if (fitRows.rows >= 2 && hasVariance(fitRows)) {
    const pca = new PCA(toRowArrays(fitRows), { method: "covarianceMatrix", center: true, scale: false });
    const vectors = pca.getEigenvectors();
    const variance = pca.getExplainedVariance();
    axes = [orient(vectors.getColumn(0)), orient(cols > 1 ? vectors.getColumn(1) : unit(cols, 0))];
    explained = [finiteOr0(variance[0]), finiteOr0(variance[1])];
  }
  const project = (row: ArrayLike<number>): [number, number] => {
    let x = 0;
    let y = 0;
    for (let c = 0; c < cols; c++) {
      const centred = row[c]! - means[c]!;
      x += centred * axes[0][c]!;
      y += centred * axes[1][c]!;
    }
    return [round4(x), round4(y)];
  };
  const points = Array.from(pointSample, (row) => {
    const [x, y] = project(matrix.data.subarray(row * cols, (row + 1) * cols));
    return { user_id: userIds[row]!, cluster: labels[row]!, x, y };
  });
  const centroidPoints = Array.from({ length: k }, (_, cluster) => {
    const [x, y] = project(centroids.subarray(cluster * cols, (cluster + 1) * cols));
    return { cluster, x, y };
  });
  return { explained_variance: explained, loadings: [axes[0].map(round4), axes[1].map(round4)], points, centroids: centroidPoints };
}

/** Whether any row differs from the first (a float mean of a constant column need not equal the constant). */
function hasVariance(matrix: DenseMatrix): boolean {
  for (let i = matrix.cols; i < matrix.data.length; i++) if (matrix.data[i] !== matrix.data[i % matrix.cols]) return true;
  return false;
}

/** Eigenvectors have no sign; fix it so the largest-magnitude loading is positive. */
function orient(vector: number[]): number[] {
  let largest = 0;
  for (const value of vector) if (Math.abs(value) > Math.abs(largest)) largest = value;
  return largest < 0 ? vector.map((v) => -v) : vector.slice();
}

function unit(cols: number, at: number): number[] {
  return Array.from({ length: cols }, (_, c) => (c === at ? 1 : 0));
}

function finiteOr0(value: number | undefined): number {
  return value !== undefined && Number.isFinite(value) ? value : 0;
}

function round4(value: number): number {
  const rounded = Math.round(value * 1e4) / 1e4;
  return rounded === 0 ? 0 : rounded; // no -0 in JSON
}
