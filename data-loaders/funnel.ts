/** funnel.json: the Funnel page's data (lib/pages/funnel.ts), from the build's shared funnel analysis. */
import { type FunnelPageData, buildFunnelPage } from "../lib/pages/funnel";
import { funnelAnalysis } from "../lib/warehouse/analyses";

export async function funnelData(): Promise<FunnelPageData> {
  const { result, trace } = await funnelAnalysis();
  return buildFunnelPage(result, trace);
}
