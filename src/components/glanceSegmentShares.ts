// The Overview's small segments chart: each segment's share of active users (ring) and of revenue (dot),
// its name written above its row so that long names fit a narrow card.
import * as Plot from "@observablehq/plot";
import type { SegmentsPage } from "../../lib/pages/segments";

export type GlanceSegment = Pick<SegmentsPage["clusters"][number], "cluster" | "name" | "share" | "revenue_share">;

export function glanceSegmentShares(segments: readonly GlanceSegment[], { width }: { width: number }): SVGSVGElement | HTMLElement {
  return Plot.plot({
    width,
    height: 44 + segments.length * 44,
    marginLeft: 12,
    marginRight: 22,
    marginTop: 4,
    marginBottom: 32,
    style: { fontSize: "12px" },
    x: { domain: [0, 1], tickFormat: ".0%", grid: true, ticks: 2, label: "○ users  ● revenue →", labelAnchor: "right" },
    y: { type: "band", domain: segments.map((s) => s.name), axis: null, paddingInner: 0.1 },
    marks: [
      Plot.text(segments, { x: 0, y: "name", text: "name", textAnchor: "start", dy: -13, fill: "currentColor", lineWidth: Math.max(10, (width - 30) / 7) }),
      Plot.link(segments, { x1: "share", x2: "revenue_share", y1: "name", y2: "name", dy: 5, stroke: "var(--theme-foreground-faint)", strokeWidth: 2 }),
      Plot.dot(segments, { x: "share", y: "name", dy: 5, r: 5, stroke: "var(--theme-foreground-focus)", strokeWidth: 2, fill: "var(--theme-background)" }),
      Plot.dot(segments, { x: "revenue_share", y: "name", dy: 5, r: 5, fill: "currentColor" }),
    ],
  });
}
