/** A card's counts: one bar per kind, labelled with its count. */
import * as Plot from "@observablehq/plot";
import { CARD_ACCENT, CARD_INK, plotSvg } from "../plotSvg";
import { formatInteger } from "../../format";

export interface CountBar {
  label: string;
  count: number;
}

export function countBars(bars: readonly CountBar[], { width, height }: { width: number; height: number }): string {
  const rows = bars.map((bar, index) => ({ ...bar, index }));
  const max = Math.max(1, ...rows.map((r) => r.count));
  return plotSvg({
    width,
    height,
    marginLeft: 170,
    marginRight: 130,
    x: { domain: [0, max], axis: null },
    y: { type: "band", domain: rows.map((r) => r.index), tickFormat: (i: number) => rows[i]?.label ?? "", tickSize: 0, label: null, padding: 0.25 },
    marks: [
      Plot.barX(rows, { x: "count", y: "index", fill: CARD_ACCENT }),
      Plot.text(rows, { x: "count", y: "index", text: (r) => formatInteger(r.count), textAnchor: "start", dx: 8, fill: CARD_INK, fontWeight: "bold" }),
    ],
  });
}
