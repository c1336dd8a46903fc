/**
 * Time from step i to step i + 1 over the units that reached step i + 1, in seconds (microsecond
 * precision): quantiles, mean and histogram counts for every consecutive pair in one scan of the unit
 * table. Exact quantiles need a sort per pair; sharing the scan is what can be shared.
 */
import { CONVERSION_TIME_BINS } from "./conversionTimeBins.js";

export interface TimeToConvertRow {
  count: number;
  quantiles: number[] | null;
  mean_seconds: number | null;
  bins: number[];
}

/** Index of the CONVERSION_TIME_BINS bin holding `seconds` (NULL stays NULL): one CASE, not a filter per bin. */
function binIndexSql(seconds: string): string {
  const cases = CONVERSION_TIME_BINS.slice(0, -1).map((bin, i) => `WHEN ${seconds} < ${bin.upper} THEN ${i}`);
  return `CASE WHEN ${seconds} IS NULL THEN NULL ${cases.join(" ")} ELSE ${CONVERSION_TIME_BINS.length - 1} END`;
}

/** One row holding count_<i>, quantiles_<i>, mean_<i> and bins_<i> for i = 1 … stepCount − 1. */
export function timeToConvertSql(stepsTable: string, stepCount: number): string {
  const pairs = Array.from({ length: stepCount - 1 }, (_, k) => k + 1);
  if (pairs.length === 0) return "SELECT 1 AS no_pairs";
  const gaps = pairs.map((i) => `epoch_us(step_${i + 1}) - epoch_us(step_${i}) AS gap_us_${i}, (epoch_us(step_${i + 1}) - epoch_us(step_${i})) / 1e6 AS gap_${i}`);
  const columns = pairs.flatMap((i) => [
    `CAST(count(gap_${i}) AS INTEGER) AS count_${i}`,
    `quantile_cont(gap_${i}, [0.25, 0.5, 0.75, 0.9]) AS quantiles_${i}`,
    // The mean of whole microseconds: an integer sum is exact in any order, a sum of doubles is not
    // (the same data gave means differing in the last digit between runs).
    `avg(gap_us_${i}) / 1e6 AS mean_${i}`,
    `histogram(${binIndexSql(`gap_${i}`)}) AS bins_${i}`,
  ]);
  return `SELECT ${columns.join(",\n      ")}
    FROM (SELECT ${gaps.join(", ")} FROM ${stepsTable})`;
}

/** The pair (step i → i + 1) of a timeToConvertSql row; histogram maps arrive as [{key, value}]. */
export function timeToConvertRowOf(row: Record<string, unknown>, i: number): TimeToConvertRow {
  const histogram = (row[`bins_${i}`] as { key: number; value: number }[] | null) ?? [];
  const bins = CONVERSION_TIME_BINS.map((_, b) => Number(histogram.find((entry) => entry.key === b)?.value ?? 0));
  return {
    count: Number(row[`count_${i}`] ?? 0),
    quantiles: (row[`quantiles_${i}`] as number[] | null) ?? null,
    mean_seconds: (row[`mean_${i}`] as number | null) ?? null,
    bins,
  };
}
