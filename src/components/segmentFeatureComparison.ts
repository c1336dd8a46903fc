// One feature across the segments, in its own units: the middle half of each segment's users (first
// to third quartile) as a bar, the median as a tick, the mean as a ring, and all active users below for
// reference. Heavy-tailed features (those K-means saw after log1p) are drawn on a symlog axis, which
// with constant 1 is exactly log1p: the spacing the clustering worked with.
import * as Plot from "@observablehq/plot";
import type { FeatureChart } from "../../lib/pages/segments";
import { compactNumber, spacedLog1pTicks } from "./axisTicks.js";
import { clusterColour } from "./segmentColours.js";

type FeatureRow = FeatureChart["rows"][number];

export interface FeatureComparisonOptions {
  width: number;
  /** The chart's axis: its label, whether it is log1p, and how its ticks read. */
  axis: Pick<FeatureChart, "axis_label" | "logged" | "ticks">;
  /** The data's currency symbol, for money ticks. */
  symbol: string;
}

const FONT_SIZE = 12;

export function segmentFeatureComparison(rows: readonly FeatureRow[], { width, axis, symbol }: FeatureComparisonOptions): SVGSVGElement | HTMLElement {
  const logged = axis.logged;
  const narrow = width < 480;
  const marginLeft = narrow ? 96 : 150;
  const marginRight = narrow ? 76 : 130;
  const max = Math.max(...rows.flatMap((r) => [r.q3, r.mean]).filter(Number.isFinite), 0);
  const min = Math.min(0, ...rows.flatMap((r) => [r.q1, r.mean]).filter(Number.isFinite));
  const top = max > 0 ? max * (logged ? 1.3 : 1.05) : 1;
  const colour = (d: FeatureRow) => (d.cluster === null ? "currentColor" : clusterColour(d.cluster));
  const tickFormat = (v: number) => (axis.ticks === "share" ? `${compactNumber(v * 100)}%` : axis.ticks === "money" ? `${symbol}${compactNumber(v)}` : compactNumber(v));
  return Plot.plot({
    width,
    height: 66 + rows.length * 44,
    marginLeft,
    marginRight,
    marginTop: 26,
    marginBottom: 40,
    style: { fontSize: `${FONT_SIZE}px` },
    x: {
      type: logged ? "symlog" : "linear",
      constant: 1,
      domain: [min, top],
      ...(logged ? { ticks: spacedLog1pTicks(top, width - marginLeft - marginRight) } : { ticks: Math.max(3, Math.floor((width - marginLeft - marginRight) / 60)) }),
      tickFormat,
      grid: true,
      label: axis.axis_label,
      labelAnchor: "right",
    },
    y: { type: "band", domain: rows.map((r) => r.group), label: null, axis: null, padding: 0.35 },
    marks: [
      Plot.axisY({ tickSize: 0, lineWidth: (marginLeft - 10) / FONT_SIZE, label: null }),
      Plot.barX(rows, { x1: "q1", x2: "q3", y: "group", fill: colour, fillOpacity: (d: FeatureRow) => (d.cluster === null ? 0.25 : 0.55) }),
      Plot.tickX(rows, { x: "median", y: "group", stroke: "currentColor", strokeWidth: 3 }),
      Plot.dot(rows, { x: "mean", y: "group", r: 5, stroke: "currentColor", strokeWidth: 2, fill: "var(--theme-background)" }),
      // The medians as a column in the right margin, where they can never collide with a bar.
      Plot.text(rows, {
        y: "group",
        frameAnchor: "right",
        text: "median_label",
        dx: 12,
        textAnchor: "start",
        fill: "currentColor",
        fontVariant: "tabular-nums",
      }),
      Plot.text(["Median"], { frameAnchor: "top-right", dx: 12, dy: -14, textAnchor: "start", fontWeight: 600, fill: "currentColor" }),
      Plot.tip(
        rows,
        Plot.pointerY({
          x: "median",
          y: "group",
          channels: {
            Group: "group",
            Users: "tip_users",
            "Middle half": "tip_middle",
            Median: "tip_median",
            Mean: "tip_mean",
            "Standard deviation": "tip_sd",
          },
          format: { x: false, y: false, Group: true, Users: true, "Middle half": true, Median: true, Mean: true, "Standard deviation": true },
        }),
      ),
    ],
  });
}
