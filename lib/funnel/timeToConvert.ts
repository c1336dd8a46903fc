/** Shapes a timeToConvertSql row into the published distribution. */
import { CONVERSION_TIME_BINS } from "./conversionTimeBins.js";
import type { TimeToConvertRow } from "./timeToConvertSql.js";
import type { TimeToConvert } from "./types.js";

export function toTimeToConvert(from: string, to: string, row: TimeToConvertRow): TimeToConvert {
  const q = row.count > 0 ? row.quantiles : null;
  return {
    from,
    to,
    count: row.count,
    p25_seconds: q?.[0] ?? null,
    median_seconds: q?.[1] ?? null,
    p75_seconds: q?.[2] ?? null,
    p90_seconds: q?.[3] ?? null,
    mean_seconds: row.count > 0 ? row.mean_seconds : null,
    histogram: CONVERSION_TIME_BINS.map((bin, i) => ({
      label: bin.label,
      lower_seconds: bin.lower,
      upper_seconds: bin.upper,
      count: row.bins[i] ?? 0,
    })),
  };
}
