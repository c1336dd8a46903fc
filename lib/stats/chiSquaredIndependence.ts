/**
 * Pearson's chi-squared test of independence for an r×c table of counts (used as 2×k: converted /
 * not converted by k attribute values). No continuity correction, so a 2×2 table gives exactly the
 * square of the pooled two-proportion z statistic.
 */
import { chiSquaredSurvival } from "./chiSquaredSurvival.js";

export interface ChiSquaredTest {
  statistic: number;
  df: number;
  pValue: number;
}

/**
 * Rows or columns whose total is 0 carry no information and would make expected counts 0, so they are
 * dropped before computing df = (rows − 1)(columns − 1). When fewer than two rows or columns remain
 * (e.g. nobody converted anywhere) there is nothing to test: statistic 0, df 0, p = 1.
 */
export function chiSquaredIndependence(table: readonly (readonly number[])[]): ChiSquaredTest {
  const width = table[0]?.length ?? 0;
  for (const row of table) {
    if (row.length !== width) throw new RangeError("chiSquaredIndependence needs a rectangular table");
    for (const v of row) if (!(v >= 0) || !Number.isFinite(v)) throw new RangeError(`counts must be finite and >= 0, got ${v}`);
  }
  const columnTotals = Array.from({ length: width }, (_, j) => table.reduce((s, row) => s + row[j]!, 0));
  const keptColumns = columnTotals.flatMap((total, j) => (total > 0 ? [j] : []));
  const rows = table.filter((row) => keptColumns.some((j) => row[j]! > 0));
  if (rows.length < 2 || keptColumns.length < 2) return { statistic: 0, df: 0, pValue: 1 };

  const rowTotals = rows.map((row) => keptColumns.reduce((s, j) => s + row[j]!, 0));
  const grandTotal = rowTotals.reduce((s, v) => s + v, 0);
  let statistic = 0;
  rows.forEach((row, i) => {
    for (const j of keptColumns) {
      const expected = (rowTotals[i]! * columnTotals[j]!) / grandTotal;
      statistic += (row[j]! - expected) ** 2 / expected;
    }
  });
  const df = (rows.length - 1) * (keptColumns.length - 1);
  return { statistic, df, pValue: chiSquaredSurvival(statistic, df) };
}
