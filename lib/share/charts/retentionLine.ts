/** A card's retention curve: the average share still active by period, with its 95% band. */
import * as Plot from "@observablehq/plot";
import { CARD_ACCENT, plotSvg } from "../plotSvg";

export interface RetentionPoint {
  period: number;
  rate: number;
  ci_low: number;
  ci_high: number;
}

export function retentionLine(points: readonly RetentionPoint[], { width, height, unit }: { width: number; height: number; unit: string }): string {
  return plotSvg({
    width,
    height,
    marginLeft: 60,
    marginBottom: 50,
    marginRight: 20,
    x: { label: `${unit}s since registration →`, labelAnchor: "right", ticks: 6, tickFormat: "d" },
    y: { domain: [0, 1], grid: true, tickFormat: ".0%", label: null, ticks: 5 },
    marks: [
      Plot.areaY(points, { x: "period", y1: "ci_low", y2: "ci_high", fill: CARD_ACCENT, fillOpacity: 0.2 }),
      Plot.lineY(points, { x: "period", y: "rate", stroke: CARD_ACCENT, strokeWidth: 4 }),
      Plot.dot(points, { x: "period", y: "rate", fill: CARD_ACCENT, r: 5 }),
    ],
  });
}
