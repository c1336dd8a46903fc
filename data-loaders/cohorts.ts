/** cohorts.json: the Cohorts page's data (lib/pages/cohorts.ts), from the build's shared retention analysis and what the data holds. */
import { type CohortsPage, buildCohortsPage } from "../lib/pages/cohorts";
import { cohortsAnalysis, overviewAnalysis } from "../lib/warehouse/analyses";

export async function cohortsData(): Promise<CohortsPage> {
  // One after another: each may compute its analysis, and DuckDB already uses every core for one.
  const { result, trace } = await cohortsAnalysis();
  const overview = await overviewAnalysis();
  return buildCohortsPage(result, overview.result.coverage, trace);
}
