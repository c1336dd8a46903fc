/** segments.json: the Segments page's data (lib/pages/segments.ts), from the build's shared segmentation. */
import { type SegmentsPageData, buildSegmentsPage } from "../lib/pages/segments";
import { segmentsAnalysis } from "../lib/warehouse/analyses";

export async function segmentsData(): Promise<SegmentsPageData> {
  const { result, trace } = await segmentsAnalysis();
  return buildSegmentsPage(result.summary, trace);
}
