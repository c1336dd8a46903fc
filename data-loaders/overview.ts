/** overview.json: the Overview's data (lib/pages/overview.ts), from the build's shared analyses. */
import { type OverviewPage, buildOverviewPage } from "../lib/pages/overview";
import { siteUrlFromEnv } from "../lib/share/post";
import { cohortsAnalysis, funnelAnalysis, overviewAnalysis } from "../lib/warehouse/analyses";

export async function overviewData(): Promise<OverviewPage> {
  // One after another: each may compute its analysis, and DuckDB already uses every core for one.
  const overview = await overviewAnalysis();
  const funnel = await funnelAnalysis();
  const cohorts = await cohortsAnalysis();
  return buildOverviewPage(overview.result, funnel.result.funnels, cohorts.result, overview.trace, siteUrlFromEnv(process.env));
}
