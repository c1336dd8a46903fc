// The segments on a map: a seeded sample of users projected on the first two principal components of
// the standardized features, coloured by segment, with each segment's centroid labelled. PCA only
// draws the picture; K-means worked in all dimensions, so clusters that overlap here may be apart
// in the others. Both axes share one unit (aspect ratio 1), so distances on the map are comparable.
import * as Plot from "@observablehq/plot";
import { formatNumber } from "./format.js";
import type { PcaRow } from "./segmentData.js";

export interface PcaMapOptions {
  width: number;
  /** Segment names and colours in cluster order. */
  scale: { domain: string[]; range: string[] };
  centroids: readonly { cluster: number; x: number; y: number; segment: string }[];
  /** The segment drawn in colour on top of the others (greyed), or null for all in colour. */
  highlight: string | null;
  xLabel: string;
  yLabel: string;
}

export function segmentPcaMap(rows: readonly PcaRow[], options: PcaMapOptions): HTMLElement {
  const { width, scale, centroids, highlight, xLabel, yLabel } = options;
  const plotWidth = Math.min(width, 720);
  const front = highlight ? rows.filter((r) => r.segment === highlight) : rows;
  const back = highlight ? rows.filter((r) => r.segment !== highlight) : [];
  const labelled = highlight ? centroids.filter((c) => c.segment === highlight) : centroids;
  const plot = Plot.plot({
    width: plotWidth,
    aspectRatio: 1,
    marginLeft: 40,
    marginRight: 12,
    marginBottom: 40,
    inset: 8,
    style: { fontSize: "12px" },
    x: { label: xLabel, labelAnchor: "right", grid: true, ticks: Math.max(3, Math.floor(plotWidth / 90)) },
    y: { label: yLabel, labelAnchor: "top", grid: true, ticks: Math.max(3, Math.floor(plotWidth / 90)) },
    color: { type: "categorical", domain: scale.domain, range: scale.range },
    marks: [
      Plot.ruleX([0], { strokeOpacity: 0.3 }),
      Plot.ruleY([0], { strokeOpacity: 0.3 }),
      Plot.dot(back, { x: "x", y: "y", r: 2, fill: "currentColor", fillOpacity: 0.1 }),
      Plot.dot(front, { x: "x", y: "y", r: highlight ? 2.5 : 2, fill: "segment", fillOpacity: highlight ? 0.75 : 0.5 }),
      Plot.dot(centroids, {
        x: "x",
        y: "y",
        r: 7,
        fill: "segment",
        stroke: "var(--theme-background)",
        strokeWidth: 2,
        symbol: "diamond2",
      }),
      Plot.text(labelled, {
        x: "x",
        y: "y",
        text: "segment",
        dy: -16,
        fontWeight: 700,
        fontSize: 13,
        fill: "currentColor",
        stroke: "var(--theme-background)",
        strokeWidth: 4,
        paintOrder: "stroke",
        lineWidth: 10,
      }),
      Plot.tip(
        rows,
        Plot.pointer({
          x: "x",
          y: "y",
          channels: { Segment: "segment", PC1: (d: PcaRow) => formatNumber(d.x, 2), PC2: (d: PcaRow) => formatNumber(d.y, 2) },
          format: { x: false, y: false, fill: false, Segment: true, PC1: true, PC2: true },
        }),
      ),
    ],
  });
  const legend = Plot.legend({ color: { type: "categorical", domain: scale.domain, range: scale.range }, swatchSize: 12 });
  const figure = document.createElement("div");
  figure.className = "segment-pca-map";
  figure.append(legend, plot);
  return figure;
}
