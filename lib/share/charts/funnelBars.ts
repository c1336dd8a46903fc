/** A card's funnel: one bar per step, its length the share of the first step, labelled with that share. */
import * as Plot from "@observablehq/plot";
import { CARD_ACCENT, CARD_INK, plotSvg } from "../plotSvg";
import { formatPart } from "../../format";

export interface FunnelBar {
  label: string;
  share: number;
}

export function funnelBars(bars: readonly FunnelBar[], { width, height }: { width: number; height: number }): string {
  const rows = bars.map((bar, index) => ({ ...bar, index }));
  return plotSvg({
    width,
    height,
    marginLeft: 170,
    marginRight: 90,
    x: { domain: [0, 1], axis: null },
    y: { type: "band", domain: rows.map((r) => r.index), tickFormat: (i: number) => rows[i]?.label ?? "", tickSize: 0, label: null, padding: 0.25 },
    marks: [
      Plot.barX(rows, { x: "share", y: "index", fill: CARD_ACCENT }),
      Plot.text(rows, { x: "share", y: "index", text: (r) => formatPart(r.share), textAnchor: "start", dx: 8, fill: CARD_INK, fontWeight: "bold" }),
    ],
  });
}
