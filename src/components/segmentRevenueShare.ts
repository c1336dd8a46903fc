// Who brings the money: each segment's share of active users (ring) against its share of revenue
// (filled dot), joined by an arrow from the one to the other. A segment whose arrow points right earns
// more than its headcount; one pointing left, less.
import * as Plot from "@observablehq/plot";
import type { RevenueRow as RevenueShareRow } from "../../lib/pages/segments";
import { clusterColour } from "./segmentColours.js";

export interface RevenueShareOptions {
  width: number;
}


export function segmentRevenueShare(rows: readonly RevenueShareRow[], { width }: RevenueShareOptions): SVGSVGElement | HTMLElement {
  const narrow = width < 480;
  const colour = (d: RevenueShareRow) => clusterColour(d.cluster);
  // Labels sit on their dot: centred in the middle, ending at it near the right edge and starting at it
  // near the left one, so a label is never cut whatever its length.
  const edge = narrow ? 0.3 : 0.15;
  const anchor = (share: number) => (share > 1 - edge ? "end" : share < edge ? "start" : "middle");
  // Plot's textAnchor is one per mark: one mark per anchor.
  const labels = (data: readonly RevenueShareRow[], x: "user_share" | "revenue_share", text: "user_label" | "revenue_label", style: Plot.TextOptions) =>
    (["start", "middle", "end"] as const).map((textAnchor) =>
      Plot.text(
        data.filter((d) => anchor(d[x]) === textAnchor),
        { x, y: "segment", text, fill: "currentColor", stroke: "var(--theme-background)", strokeWidth: 3, paintOrder: "stroke", textAnchor, ...style },
      ),
    );
  return Plot.plot({
    width,
    height: 60 + rows.length * 56,
    marginLeft: narrow ? 110 : 160,
    marginRight: 24,
    marginTop: 16,
    marginBottom: 40,
    style: { fontSize: "12px" },
    x: { domain: [0, 1], tickFormat: ".0%", grid: true, label: "Share of active users (ring) and of revenue (dot) →", labelAnchor: "right", ticks: narrow ? 5 : 10 },
    y: { type: "band", domain: rows.map((r) => r.segment), label: null, axis: null, padding: 0.4 },
    marks: [
      Plot.axisY({ tickSize: 0, lineWidth: ((narrow ? 110 : 160) - 10) / 12, label: null }),
      Plot.arrow(rows, {
        x1: "user_share",
        x2: "revenue_share",
        y: "segment",
        stroke: colour,
        strokeWidth: 2.5,
        headLength: 8,
        insetStart: 7,
        insetEnd: 7,
        filter: (d: RevenueShareRow) => Math.abs(d.revenue_share - d.user_share) > 0.02,
      }),
      Plot.dot(rows, { x: "user_share", y: "segment", r: 6, stroke: colour, strokeWidth: 2.5, fill: "var(--theme-background)" }),
      Plot.dot(rows, { x: "revenue_share", y: "segment", r: 6, fill: colour, stroke: "currentColor", strokeWidth: 1 }),
      labels(rows, "user_share", "user_label", { dy: -15 }),
      labels(rows, "revenue_share", "revenue_label", { dy: 17, fontWeight: 600 }),
      Plot.tip(
        rows,
        Plot.pointerY({
          x: "revenue_share",
          y: "segment",
          channels: {
            Segment: "segment",
            Users: "tip_users",
            Revenue: "tip_revenue",
            "Revenue per user": "tip_revenue_per_user",
          },
          format: { x: false, y: false, Segment: true, Users: true, Revenue: true, "Revenue per user": true },
        }),
      ),
    ],
  });
}
