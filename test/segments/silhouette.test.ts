import { describe, expect, it } from "vitest";
import { denseMatrix } from "../../lib/segments/matrix";
import { meanSilhouette, meanSilhouettes } from "../../lib/segments/silhouette";

const column = (values: number[]) => denseMatrix(values.length, 1, Float64Array.from(values));

describe("meanSilhouette", () => {
  it("matches a tiny example worked by hand", () => {
    // Points 0, 1 | 4, 5 on a line.
    // s(0): a = 1, b = (4 + 5)/2 = 4.5 → 3.5/4.5 = 7/9;   s(1): a = 1, b = (3 + 4)/2 = 3.5 → 2.5/3.5 = 5/7;
    // s(4): a = 1, b = (4 + 3)/2 = 3.5 → 5/7;               s(5): a = 1, b = (5 + 4)/2 = 4.5 → 7/9.
    // Mean = (7/9 + 5/7)/2 = 47/63.
    expect(meanSilhouette(column([0, 1, 4, 5]), Int32Array.from([0, 0, 1, 1]))).toBeCloseTo(47 / 63, 12);
  });

  it("scores a row alone in its cluster 0", () => {
    // 0, 1 | 10: s(0) = (10 − 1)/10 = 0.9; s(1) = (9 − 1)/9 = 8/9; s(10) = 0 (singleton).
    expect(meanSilhouette(column([0, 1, 10]), Int32Array.from([0, 0, 1]))).toBeCloseTo((0.9 + 8 / 9) / 3, 12);
  });

  it("uses Euclidean distance in several dimensions", () => {
    // (0,0), (0,2) | (3,4): distances (0,0)–(0,2) = 2, (0,0)–(3,4) = 5 (a 3-4-5 triangle), (0,2)–(3,4) = √13.
    // s(0,0) = (5 − 2)/5; s(0,2) = (√13 − 2)/√13; s(3,4) = 0 (singleton).
    const m = denseMatrix(3, 2, Float64Array.from([0, 0, 0, 2, 3, 4]));
    const s0 = (5 - 2) / 5;
    const s1 = (Math.sqrt(13) - 2) / Math.sqrt(13);
    expect(meanSilhouette(m, Int32Array.from([0, 0, 1]))).toBeCloseTo((s0 + s1 + 0) / 3, 12);
  });

  it("is null with fewer than two non-empty clusters, and 0 for duplicates", () => {
    expect(meanSilhouette(column([1, 2, 3]), Int32Array.from([0, 0, 0]))).toBeNull();
    // Two identical points per cluster at the same place: a = b = 0 → s = 0, not NaN.
    expect(meanSilhouette(column([1, 1, 1, 1]), Int32Array.from([0, 0, 1, 1]))).toBe(0);
  });

  it("scores several labelings in one pass exactly as one by one", () => {
    const m = column([0, 1, 2, 7, 8, 20, 21, 22]);
    const labelings = [Int32Array.from([0, 0, 0, 1, 1, 1, 1, 1]), Int32Array.from([0, 0, 0, 1, 1, 2, 2, 2]), Int32Array.from([2, 2, 0, 0, 1, 1, 0, 2])];
    const together = meanSilhouettes(m, labelings);
    labelings.forEach((labels, i) => expect(together[i]).toBeCloseTo(meanSilhouette(m, labels)!, 12));
  });
});
