// Do the segments recover the planted ones? A contingency table of planted segment (row) × segment
// (column): each cell counts the users in both, coloured by the share of the planted segment's users
// that landed in that column, so each row shows where one planted segment went and adds up to 100%.
//
// Colour: viridis, with 0% drawn closest to the page's background (light in light mode, dark in dark
// mode), as on the Cohorts page.
import * as Plot from "@observablehq/plot";
import type { PlantedRow as ContingencyRow } from "../../lib/pages/segments";
import { textColourOn } from "./segmentColours.js";

export interface PlantedHeatmapOptions {
  width: number;
  /** Segment names in cluster order: the columns. */
  segments: readonly string[];
  dark?: boolean;
}

export function segmentPlantedHeatmap(rows: readonly ContingencyRow[], { width, segments, dark = false }: PlantedHeatmapOptions): HTMLElement {
  const planted = [...new Set(rows.map((r) => r.planted))];
  const colour = { type: "linear", domain: [0, 1], scheme: "viridis", reverse: !dark } as const;
  const scale = Plot.scale({ color: colour });
  const narrow = width < 480;
  const fontSize = narrow ? 11 : 12;
  const marginLeft = narrow ? 84 : 130;
  const column = Math.max(44, Math.min(160, (width - marginLeft - 8) / Math.max(1, segments.length)));
  const plotWidth = Math.round(marginLeft + 8 + column * segments.length);
  const marginTop = narrow ? 52 : 44;
  const rowHeight = 44;
  const plot = Plot.plot({
    width: plotWidth,
    height: marginTop + 8 + rowHeight * planted.length,
    marginLeft,
    marginRight: 8,
    marginTop,
    marginBottom: 8,
    style: { fontSize: `${fontSize}px` },
    x: { type: "band", domain: segments, axis: null, label: null },
    y: { type: "band", domain: planted, axis: null, label: null },
    color: colour,
    marks: [
      // Names wrap to their column or margin (Plot's lineWidth is in ems).
      Plot.axisX({ anchor: "top", tickSize: 0, lineWidth: (column - 10) / fontSize, label: null, fontWeight: 600 }),
      Plot.axisY({ tickSize: 0, lineWidth: (marginLeft - 12) / fontSize, label: "Planted ↓", labelAnchor: "top", labelArrow: "none" }),
      Plot.cell(rows, { x: "segment", y: "planted", fill: "share_of_planted", inset: 1 }),
      Plot.text(rows, {
        x: "segment",
        y: "planted",
        text: "label",
        fill: (d: ContingencyRow) => textColourOn(String(scale.apply(d.share_of_planted))),
        lineHeight: 1.25,
        fontVariant: "tabular-nums",
      }),
      Plot.tip(
        rows,
        Plot.pointer({
          x: "segment",
          y: "planted",
          channels: {
            Planted: "planted",
            Segment: "segment",
            Users: "tip_users",
            "Share of the planted segment": "tip_share_of_planted",
            "Share of the segment": "tip_share_of_cluster",
          },
          format: { x: false, y: false, fill: false, Planted: true, Segment: true, Users: true, "Share of the planted segment": true, "Share of the segment": true },
        }),
      ),
    ],
  });
  const legend = Plot.legend({
    color: colour,
    label: "Share of the planted segment's users",
    tickFormat: ".0%",
    width: Math.min(320, width),
    marginLeft: 20,
    marginRight: 20,
  });
  const figure = document.createElement("div");
  figure.className = "segment-planted-heatmap";
  figure.append(legend, plot);
  return figure;
}
