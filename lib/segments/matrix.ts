/**
 * A dense row-major matrix of doubles: one row per user, one column per feature. Typed arrays keep the
 * million-user path (assignment, refinement) free of per-row allocations.
 */
export interface DenseMatrix {
  rows: number;
  cols: number;
  data: Float64Array;
}

export function denseMatrix(rows: number, cols: number, data = new Float64Array(rows * cols)): DenseMatrix {
  if (data.length !== rows * cols) throw new RangeError(`matrix data has ${data.length} values, expected ${rows}×${cols}`);
  return { rows, cols, data };
}

/** The rows at `indices` (in that order, repeats allowed) as a new matrix. */
export function selectRows(matrix: DenseMatrix, indices: ArrayLike<number>): DenseMatrix {
  const { cols } = matrix;
  const out = new Float64Array(indices.length * cols);
  for (let r = 0; r < indices.length; r++) {
    const from = indices[r]! * cols;
    out.set(matrix.data.subarray(from, from + cols), r * cols);
  }
  return denseMatrix(indices.length, cols, out);
}

/** Rows as plain arrays: the shape ml-kmeans and ml-pca accept. Only used on samples. */
export function toRowArrays(matrix: DenseMatrix): number[][] {
  const out: number[][] = new Array(matrix.rows);
  for (let r = 0; r < matrix.rows; r++) out[r] = Array.from(matrix.data.subarray(r * matrix.cols, (r + 1) * matrix.cols));
  return out;
}

/** Number of distinct rows, counting only up to `limit` (enough to know how many clusters are possible). */
export function countDistinctRows(matrix: DenseMatrix, limit: number): number {
  const { rows, cols, data } = matrix;
  const distinct: number[] = [];
  for (let r = 0; r < rows && distinct.length < limit; r++) {
    const isNew = distinct.every((other) => {
      for (let c = 0; c < cols; c++) if (data[r * cols + c] !== data[other * cols + c]) return true;
      return false;
    });
    if (isNew) distinct.push(r);
  }
  return distinct.length;
}
