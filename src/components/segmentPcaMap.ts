// The segments on a map: a seeded sample of users projected on the first two principal components of
// the standardized features, coloured by segment, with each segment's centroid labelled. PCA only
// draws the picture; K-means worked in all dimensions, so clusters that overlap here may be apart
// in the others. Both axes share one unit (aspect ratio 1), so distances on the map are comparable.
import * as Plot from "@observablehq/plot";
import type { SegmentsPage } from "../../lib/pages/segments";
import { clusterScale } from "./segmentColours.js";

/** One sampled user on the map: its two coordinates and its segment. */
export interface PcaRow {
  x: number;
  y: number;
  cluster: number;
  segment: string;
}

/**
 * The scatter's points as rows: the data file sends them as columns (x, y, cluster) to stay small, so
 * this zips them and names each point's segment (`segments` in cluster order). No formatting.
 */
export function pcaRows(points: SegmentsPage["pca"]["points"], segments: readonly string[]): PcaRow[] {
  return points.x.map((x, i) => ({ x, y: points.y[i]!, cluster: points.cluster[i]!, segment: segments[points.cluster[i]!]! }));
}

export interface PcaMapOptions {
  width: number;
  /** Segment names in cluster order. */
  segments: readonly string[];
  centroids: SegmentsPage["map"]["centroids"];
  /** The cluster drawn in colour on top of the others (greyed), or null for all in colour. */
  highlight: number | null;
  xLabel: string;
  yLabel: string;
}

export function segmentPcaMap(rows: readonly PcaRow[], options: PcaMapOptions): HTMLElement {
  const { width, segments, centroids, highlight, xLabel, yLabel } = options;
  const scale = clusterScale(segments);
  const plotWidth = Math.min(width, 720);
  const front = highlight !== null ? rows.filter((r) => r.cluster === highlight) : rows;
  const back = highlight !== null ? rows.filter((r) => r.cluster !== highlight) : [];
  const labelled = highlight !== null ? centroids.filter((c) => c.cluster === highlight) : centroids;
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
      Plot.dot(front, { x: "x", y: "y", r: highlight !== null ? 2.5 : 2, fill: "segment", fillOpacity: highlight !== null ? 0.75 : 0.5 }),
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
          channels: { Segment: "segment", PC1: "x", PC2: "y" },
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
