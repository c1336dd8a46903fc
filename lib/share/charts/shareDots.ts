/** A card's segments: each segment's share of users (ring) and of revenue (filled dot), joined by a line. */
import * as Plot from "@observablehq/plot";
import { CARD_ACCENT, CARD_INK, CARD_MUTED, plotSvg } from "../plotSvg";

export interface ShareRow {
  /** Empty when the card's font cannot draw the name. */
  label: string;
  user_share: number;
  revenue_share: number;
}

export function shareDots(rows: readonly ShareRow[], { width, height }: { width: number; height: number }): string {
  const indexed = rows.map((row, index) => ({ ...row, index }));
  return plotSvg({
    width,
    height,
    marginLeft: 220,
    marginRight: 30,
    marginBottom: 50,
    x: { domain: [0, 1], tickFormat: ".0%", grid: true, label: "○ users   ● revenue", labelAnchor: "right", ticks: 5 },
    y: { type: "band", domain: indexed.map((r) => r.index), tickFormat: (i: number) => indexed[i]?.label ?? "", tickSize: 0, tickPadding: 24, label: null },
    marks: [
      Plot.link(indexed, { x1: "user_share", x2: "revenue_share", y1: "index", y2: "index", stroke: CARD_MUTED, strokeWidth: 3 }),
      Plot.dot(indexed, { x: "user_share", y: "index", r: 11, stroke: CARD_ACCENT, strokeWidth: 4, fill: "white" }),
      Plot.dot(indexed, { x: "revenue_share", y: "index", r: 11, fill: CARD_INK }),
    ],
  });
}
