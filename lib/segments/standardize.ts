/**
 * From raw features to what K-means sees: log1p on the heavy-tailed columns, then z-scores with the
 * population standard deviation (divide by n, as docs/metrics.md §6 says).
 *
 * Zero variance: a column on which every user is equal carries no information, so every user gets
 * z = 0 there (rather than 0/0 = NaN); its recorded sd is 0. Such a column then adds nothing to any
 * distance, which is exactly "ignore it".
 */
import { FEATURES } from "./features";
import { type DenseMatrix, denseMatrix } from "./matrix";

export interface Standardization {
  /** Mean and population sd of each transformed column, in column order. */
  means: number[];
  sds: number[];
}

export interface Standardized extends Standardization {
  matrix: DenseMatrix;
}

/** Applies each column's transform (log1p or none), returning a new matrix. */
export function transformFeatures(raw: DenseMatrix, transforms = FEATURES.map((f) => f.transform as string)): DenseMatrix {
  if (transforms.length !== raw.cols) throw new RangeError(`${transforms.length} transforms for ${raw.cols} columns`);
  const out = new Float64Array(raw.data);
  for (let r = 0; r < raw.rows; r++) {
    for (let c = 0; c < raw.cols; c++) {
      if (transforms[c] === "log1p") {
        const value = out[r * raw.cols + c]!;
        // log1p is only defined above -1; our counts and money are ≥ 0, anything else is a data bug.
        if (value < 0) throw new RangeError(`log1p of negative value ${value} in column ${c}`);
        out[r * raw.cols + c] = Math.log1p(value);
      }
    }
  }
  return denseMatrix(raw.rows, raw.cols, out);
}

/** Column means and population standard deviations (two-pass, for accuracy). */
export function columnMoments(matrix: DenseMatrix): Standardization {
  const { rows, cols, data } = matrix;
  const means = new Array<number>(cols).fill(0);
  const sds = new Array<number>(cols).fill(0);
  if (rows === 0) return { means, sds };
  for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) means[c]! += data[r * cols + c]!;
  for (let c = 0; c < cols; c++) means[c]! /= rows;
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const diff = data[r * cols + c]! - means[c]!;
      sds[c]! += diff * diff;
    }
  }
  for (let c = 0; c < cols; c++) {
    const sd = Math.sqrt(sds[c]! / rows);
    // Float noise on a constant column (e.g. 1e-17) must still count as zero variance.
    sds[c] = sd <= 1e-12 * Math.max(1, Math.abs(means[c]!)) ? 0 : sd;
  }
  return { means, sds };
}

/** z = (x − mean) / sd per column; 0 on zero-variance columns. */
export function zScores(matrix: DenseMatrix, { means, sds }: Standardization): DenseMatrix {
  const { rows, cols, data } = matrix;
  const out = new Float64Array(rows * cols);
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const sd = sds[c]!;
      out[r * cols + c] = sd === 0 ? 0 : (data[r * cols + c]! - means[c]!) / sd;
    }
  }
  return denseMatrix(rows, cols, out);
}

export function standardizeFeatures(raw: DenseMatrix): Standardized {
  const transformed = transformFeatures(raw);
  const moments = columnMoments(transformed);
  return { ...moments, matrix: zScores(transformed, moments) };
}
