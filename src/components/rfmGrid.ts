// The RFM grid: recency × frequency quintiles, each cell coloured by its customers' mean CLV and
// labelled with it (text built by lib/pages/predictions.ts): iso-value contours show as bands of equal colour.
import * as Plot from "@observablehq/plot";
import type { RfmCell } from "../../lib/pages/predictions";

export function rfmGrid(cells: readonly RfmCell[], { width }: { width: number }): SVGSVGElement | HTMLElement {
  const size = Math.min(width, 560);
  // Labels are white on the darker half of the colour ramp (above the geometric midpoint), dark on the rest.
  const values = cells.map((c) => Math.max(c.mean_clv, 0.01));
  const midpoint = Math.sqrt(Math.min(...values) * Math.max(...values));
  return Plot.plot({
    width: size,
    height: size * 0.8 + 40,
    marginLeft: 56,
    marginBottom: 48,
    x: { type: "band", domain: [1, 2, 3, 4, 5], label: "Recency quintile (5 = bought most recently) →", labelAnchor: "right" },
    y: { type: "band", domain: [5, 4, 3, 2, 1], label: "↑ Frequency quintile (5 = most purchase days)" },
    // No legend: every cell prints its own mean CLV, and a log ramp's legend ticks crowd into a smear.
    color: { type: "log", scheme: "blues" },
    marks: [
      Plot.cell(cells, { x: "recency", y: "frequency", fill: (d: RfmCell) => Math.max(d.mean_clv, 0.01), inset: 1 }),
      Plot.text(cells, {
        x: "recency",
        y: "frequency",
        text: (d: RfmCell) => (size < 400 ? d.value_text : `${d.value_text}\n${d.customers_text}`),
        fill: (d: RfmCell) => (Math.max(d.mean_clv, 0.01) > midpoint ? "white" : "black"),
        fontSize: size < 400 ? 9 : 11,
      }),
    ],
  });
}
