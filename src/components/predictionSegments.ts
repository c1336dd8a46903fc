// P(alive) and expected purchases by K-means segment: one row per segment, a bar for mean P(alive)
// (0–1) with the expected purchases in the next 90 days and the share of expected value as labels.
import * as Plot from "@observablehq/plot";
import type { SegmentPredictionRow } from "../../lib/pages/predictions";
import { clusterColour } from "./segmentColours.js";

export function predictionSegments(rows: readonly SegmentPredictionRow[], { width }: { width: number }): SVGSVGElement | HTMLElement {
  const narrow = width < 480;
  return Plot.plot({
    width,
    height: 60 + rows.length * 56,
    marginLeft: narrow ? 110 : 170,
    marginRight: 24,
    x: { domain: [0, 1], grid: true, label: "Mean P(alive) at the end of the data →", labelAnchor: "right", ticks: narrow ? 4 : 10 },
    y: { domain: rows.map((r) => r.segment), label: null, tickSize: 0 },
    marks: [
      Plot.barX(rows, { x: "mean_p_alive", y: "segment", fill: (d: SegmentPredictionRow) => clusterColour(d.cluster), insetTop: 4, insetBottom: 18 }),
      // The numbers sit under the bar, in the text colour, so they read on any bar length and theme.
      Plot.text(rows, {
        x: 0,
        y: "segment",
        dy: 17,
        textAnchor: "start",
        text: narrow ? "short_label_text" : "label_text",
        fill: "currentColor",
        fontSize: narrow ? 9 : 11,
      }),
      Plot.ruleX([0]),
    ],
  });
}
