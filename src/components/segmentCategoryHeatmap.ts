// Which categories each segment leans towards: for every segment (column) and category (row), the
// category's share of the segment's product views (or purchases), coloured by its lift over all active
// users' share (lift 2: twice as concentrated on the category as everyone; 0.5: half as). The colour
// scale is logarithmic around 1, so "twice" and "half" sit equally far from neutral.
import * as Plot from "@observablehq/plot";
import type { SegmentsPage } from "../../lib/pages/segments";
import { textColourOn } from "./segmentColours.js";

type CategoryChart = SegmentsPage["categories"]["by"]["views"];
type CategoryRow = CategoryChart["rows"][number];

export interface CategoryHeatmapOptions {
  width: number;
  /** The column headers (segment and its total) in cluster order. */
  columns: readonly string[];
  /** The categories in row order ("Other" last when there is one). */
  categories: readonly string[];
}

/** The colour scale's end: the largest lift (or its inverse) rounded up to a half, at least 1.5, at most 4. */
export function liftExtent(rows: readonly Pick<CategoryRow, "lift">[]): number {
  const spread = rows
    .map((r) => r.lift)
    .filter((lift): lift is number => lift !== null && lift > 0 && Number.isFinite(lift))
    .map((lift) => Math.max(lift, 1 / lift));
  return Math.min(4, Math.max(1.5, Math.ceil(Math.max(1, ...spread) * 2) / 2));
}

export function segmentCategoryHeatmap(rows: readonly CategoryRow[], { width, columns, categories }: CategoryHeatmapOptions): HTMLElement {
  const measure = rows[0]?.measure ?? "views";
  const noun = measure === "views" ? "views" : "purchases";
  const extent = liftExtent(rows);
  const colour = { type: "log", domain: [1 / extent, extent], scheme: "puor", clamp: true } as const;
  const scale = Plot.scale({ color: colour });
  // A lift of 0 (no activity in a category the others use) takes the low end of the ramp.
  const fillValue = (d: CategoryRow) => (d.lift === null ? Number.NaN : Math.max(d.lift, 1 / extent));
  const defined = rows.filter((r) => r.share !== null && r.lift !== null);
  const undefinedRows = rows.filter((r) => r.share === null || r.lift === null);

  const narrow = width < 480;
  const fontSize = narrow ? 11 : 12;
  const marginLeft = narrow ? 80 : 140;
  const column = Math.max(28, (width - marginLeft - 8) / columns.length);
  const plotWidth = Math.round(marginLeft + 8 + column * columns.length);
  // Headers wrap to the column's width (Plot's lineWidth is in ems); the margin fits four lines.
  const headerWidth = (column - 10) / fontSize;
  const marginTop = narrow ? 72 : 44;
  const printValues = column >= 44;

  const plot = Plot.plot({
    width: plotWidth,
    height: marginTop + 8 + (narrow ? 30 : 28) * categories.length,
    marginLeft,
    marginRight: 8,
    marginTop,
    marginBottom: 8,
    style: { fontSize: `${fontSize}px` },
    x: { type: "band", domain: columns, axis: null, label: null },
    y: { type: "band", domain: categories, label: null, axis: null },
    color: colour,
    marks: [
      Plot.axisX({ anchor: "top", tickSize: 0, lineWidth: headerWidth, label: null, fontWeight: 600 }),
      Plot.axisY({ tickSize: 0, lineWidth: (marginLeft - 12) / fontSize, label: null }),
      Plot.cell(defined, { x: "column", y: "category", fill: fillValue, inset: 1 }),
      Plot.cell(undefinedRows, {
        x: "column",
        y: "category",
        fill: "currentColor",
        fillOpacity: 0.06,
        inset: 1,
      }),
      printValues
        ? Plot.text(rows, {
            x: "column",
            y: "category",
            text: "label",
            fill: (d: CategoryRow) => (d.share === null || d.lift === null ? "currentColor" : textColourOn(String(scale.apply(fillValue(d))))),
            fontVariant: "tabular-nums",
          })
        : null,
      Plot.tip(
        rows,
        Plot.pointer({
          x: "column",
          y: "category",
          channels: {
            Segment: "segment",
            Category: "category",
            [`Share of the segment's ${noun}`]: "tip_share",
            "Lift over all users": "tip_lift",
          },
          format: { x: false, y: false, fill: false, Segment: true, Category: true, [`Share of the segment's ${noun}`]: true, "Lift over all users": true },
        }),
      ),
    ],
  });
  const legend = Plot.legend({
    color: colour,
    label: `Lift over all users' share (log scale)`,
    ticks: [1 / extent, 1 / Math.sqrt(extent), 1, Math.sqrt(extent), extent],
    tickFormat: (v: number) => `${v.toFixed(v < 1 ? 2 : 1)}×`,
    width: Math.min(340, width),
    marginLeft: 20,
    marginRight: 20,
  });
  const figure = document.createElement("div");
  figure.className = "segment-category-heatmap";
  figure.append(legend, plot);
  return figure;
}
