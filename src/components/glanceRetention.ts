// The Overview's small retention curve: the average share of users active n months after registering.
import * as Plot from "@observablehq/plot";
import type { GlanceRetentionPoint } from "../../lib/pages/overviewGlance";

export function glanceRetention(points: readonly GlanceRetentionPoint[], { width }: { width: number }): SVGSVGElement | HTMLElement {
  return Plot.plot({
    width,
    height: 176,
    marginLeft: 40,
    marginRight: 12,
    marginTop: 12,
    marginBottom: 32,
    style: { fontSize: "12px" },
    x: { label: "Months since registration →", labelAnchor: "right", ticks: 4, tickFormat: "d" },
    y: { domain: [0, Math.max(0.5, ...points.map((p) => p.ci_high))], grid: true, tickFormat: ".0%", label: null, ticks: 4 },
    marks: [
      Plot.areaY(points, { x: "period", y1: "ci_low", y2: "ci_high", fill: "var(--theme-foreground-focus)", fillOpacity: 0.2 }),
      Plot.lineY(points, { x: "period", y: "rate", stroke: "var(--theme-foreground-focus)", strokeWidth: 2.5 }),
      Plot.dot(points, { x: "period", y: "rate", fill: "var(--theme-foreground-focus)", r: 3 }),
    ],
  });
}
