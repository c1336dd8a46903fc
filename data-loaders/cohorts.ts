/** cohorts.json: the Cohorts page's data (lib/pages/cohorts.ts), from the build's shared retention analysis. */
import { type CohortsPageData, buildCohortsPage } from "../lib/pages/cohorts";
import { cohortsAnalysis } from "../lib/warehouse/analyses";

export async function cohortsData(): Promise<CohortsPageData> {
  const { result, trace } = await cohortsAnalysis();
  return buildCohortsPage(result, trace);
}
