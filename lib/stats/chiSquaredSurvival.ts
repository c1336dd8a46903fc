/** P(X ≥ statistic) for X ~ χ²(df): the p-value of a chi-squared statistic. */
import { regularizedGammaQ } from "./regularizedGammaQ.js";

export function chiSquaredSurvival(statistic: number, df: number): number {
  if (!(df > 0)) throw new RangeError(`chiSquaredSurvival needs df > 0, got ${df}`);
  if (statistic <= 0) return 1;
  return regularizedGammaQ(df / 2, statistic / 2);
}
