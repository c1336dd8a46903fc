/** segments.json: the Segments page's data (lib/pages/segments.ts), from the build's shared segmentation. */
import { type SegmentsPage, buildSegmentsPage } from "../lib/pages/segments";
import { overviewAnalysis, segmentsAnalysis } from "../lib/warehouse/analyses";

export async function segmentsData(): Promise<SegmentsPage> {
  const { result, trace } = await segmentsAnalysis();
  // What the data holds (currency, zone, data notes) is measured once, for the Overview; the page reads it.
  const { coverage } = (await overviewAnalysis()).result;
  return buildSegmentsPage(result.summary, trace, coverage);
}
