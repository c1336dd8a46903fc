// What sets each segment apart: its K-means centroid, i.e. the mean z-score of every feature over its
// users, as a heatmap with one column per segment and one row per feature. 0 is the average active user;
// +1 is one standard deviation above (on the log1p scale for the heavy-tailed features).
//
// Colour: a diverging ramp centred on 0, symmetric, so equal distances above and below read alike;
// printed values take black or white, whichever stands out from the cell.
import * as Plot from "@observablehq/plot";
import type { SegmentsPage } from "../../lib/pages/segments";
import { compactNumber } from "./axisTicks.js";
import { textColourOn } from "./segmentColours.js";

type ProfileRow = SegmentsPage["profile"]["rows"][number];

export interface ProfileHeatmapOptions {
  width: number;
  /** Segment names in cluster order: the columns. */
  segments: readonly string[];
  /** Feature labels in row order. */
  features: readonly string[];
  /** A segment to outline, or null. */
  highlight?: string | null;
}

/** The colour ramp's end: the largest |z| rounded up to a half, so the scale is symmetric and round. */
export function zExtent(rows: readonly Pick<ProfileRow, "z">[]): number {
  const largest = Math.max(0.5, ...rows.map((row) => Math.abs(row.z)).filter(Number.isFinite));
  return Math.ceil(largest * 2) / 2;
}

export function segmentProfileHeatmap(rows: readonly ProfileRow[], options: ProfileHeatmapOptions): HTMLElement {
  const { width, segments, features, highlight = null } = options;
  const labels = features;
  const extent = zExtent(rows);
  const colour = { type: "linear", domain: [-extent, extent], scheme: "rdbu", clamp: true } as const;
  const scale = Plot.scale({ color: colour });

  const narrow = width < 480;
  const fontSize = narrow ? 11 : 12;
  const marginLeft = narrow ? 112 : 170;
  const column = Math.max(28, (width - marginLeft - 8) / segments.length);
  // Segment names wrap to the column's width (Plot's lineWidth is in ems); the margin fits three lines.
  const headerWidth = (column - 10) / fontSize;
  const marginTop = narrow ? 52 : 40;
  const plotWidth = Math.round(marginLeft + 8 + column * segments.length);
  const rowHeight = narrow ? 30 : 26;
  const printValues = column >= 44;

  const plot = Plot.plot({
    width: plotWidth,
    height: marginTop + 8 + rowHeight * labels.length,
    marginLeft,
    marginRight: 8,
    marginTop,
    marginBottom: 8,
    style: { fontSize: `${fontSize}px` },
    x: { type: "band", domain: segments, label: null, axis: null },
    y: { type: "band", domain: labels, label: null, axis: null },
    color: colour,
    marks: [
      Plot.axisX({ anchor: "top", tickSize: 0, lineWidth: headerWidth, label: null, fontWeight: 600 }),
      Plot.axisY({ tickSize: 0, lineWidth: (marginLeft - 12) / fontSize, label: null }),
      Plot.cell(rows, { x: "segment", y: "feature_label", fill: "z", inset: 1 }),
      highlight
        ? Plot.cell([highlight], { x: (d: string) => d, fill: "none", stroke: "currentColor", strokeWidth: 2.5, inset: -1 })
        : null,
      printValues
        ? Plot.text(rows, {
            x: "segment",
            y: "feature_label",
            text: "label",
            fill: (d: ProfileRow) => textColourOn(String(scale.apply(d.z))),
            fontVariant: "tabular-nums",
          })
        : null,
      Plot.tip(
        rows,
        Plot.pointer({
          x: "segment",
          y: "feature_label",
          channels: {
            Segment: "segment",
            Feature: "feature_label",
            "Mean z-score": "tip_z",
            "Mean in segment": "tip_mean",
            "Median in segment": "tip_median",
            "Mean, all active users": "tip_population",
          },
          format: { x: false, y: false, fill: false, Segment: true, Feature: true, "Mean z-score": true, "Mean in segment": true, "Median in segment": true, "Mean, all active users": true },
        }),
      ),
    ],
  });
  const legend = Plot.legend({
    color: colour,
    label: "Mean z-score (sd from the average user)",
    tickFormat: (z: number) => (z > 0 ? `+${compactNumber(z)}` : compactNumber(z)),
    width: Math.min(340, width),
    marginLeft: 20,
    marginRight: 20,
  });
  const figure = document.createElement("div");
  figure.className = "segment-profile-heatmap";
  figure.append(legend, plot);
  return figure;
}
