/** funnel.json: the Funnel page's data (lib/pages/funnel.ts), from the build's shared funnel analysis. */
import { type FunnelPage, buildFunnelPage } from "../lib/pages/funnel";
import { funnelAnalysis, overviewAnalysis } from "../lib/warehouse/analyses";

export async function funnelData(): Promise<FunnelPage> {
  // One after another: each may compute its analysis, and DuckDB already uses every core for one.
  const { result, trace } = await funnelAnalysis();
  const { coverage } = (await overviewAnalysis()).result;
  return buildFunnelPage({ ...result, coverage }, trace);
}
