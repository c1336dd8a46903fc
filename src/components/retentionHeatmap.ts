// The cohort table as a heatmap: one row per cohort, one column per period k since the cohort's own
// period, coloured by the share of the cohort active in that period. Cells whose period had not ended
// when the window closed are hatched (they under-count and never enter averages).
//
// Colour: viridis, whose lightness runs one way, with "no one came back" drawn closest to the page's
// background: light in light mode, dark in dark mode. Printed percentages take black or white, whichever
// stands out from the cell's own colour.
import * as Plot from "@observablehq/plot";
import type { Axis, HeatmapCell, RetentionView } from "../../lib/pages/cohorts";

export interface RetentionHeatmapOptions {
  width: number;
  /** Is the page dark? Flips the colour ramp so that 0% sits near the background. */
  dark?: boolean;
}

let patternCount = 0;

/** WCAG relative luminance of an "rgb(r, g, b)" or "#rrggbb" colour. */
function luminance(colour: string): number {
  const hex = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(colour);
  const rgb = /rgba?\((\d+),\s*(\d+),\s*(\d+)/.exec(colour);
  const parts = hex ? hex.slice(1).map((h) => parseInt(h, 16)) : rgb ? rgb.slice(1).map(Number) : [128, 128, 128];
  const [r = 0, g = 0, b = 0] = parts.map((c) => (c / 255 <= 0.04045 ? c / 255 / 12.92 : ((c / 255 + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function hatchPattern(id: string): SVGDefsElement {
  const ns = "http://www.w3.org/2000/svg";
  const defs = document.createElementNS(ns, "defs");
  const pattern = document.createElementNS(ns, "pattern");
  pattern.id = id;
  pattern.setAttribute("patternUnits", "userSpaceOnUse");
  pattern.setAttribute("width", "5");
  pattern.setAttribute("height", "5");
  pattern.setAttribute("patternTransform", "rotate(45)");
  // A veil of the page's background fades the cell's colour; the stripes mark it as unfinished.
  const veil = document.createElementNS(ns, "rect");
  veil.setAttribute("width", "5");
  veil.setAttribute("height", "5");
  veil.setAttribute("style", "fill: var(--theme-background); fill-opacity: 0.55");
  const stripe = document.createElementNS(ns, "line");
  stripe.setAttribute("x1", "0");
  stripe.setAttribute("y1", "0");
  stripe.setAttribute("x2", "0");
  stripe.setAttribute("y2", "5");
  stripe.setAttribute("stroke", "currentColor");
  stripe.setAttribute("stroke-width", "1.6");
  stripe.setAttribute("stroke-opacity", "0.75");
  pattern.append(veil, stripe);
  defs.append(pattern);
  return defs;
}

/** A small legend entry for hatched cells, drawn with the same pattern. */
function hatchKey(text: string): HTMLElement {
  const id = `cohort-hatch-key-${++patternCount}`;
  const key = document.createElement("div");
  key.className = "heatmap-hatch-key";
  const ns = "http://www.w3.org/2000/svg";
  const svg = document.createElementNS(ns, "svg");
  svg.setAttribute("width", "22");
  svg.setAttribute("height", "14");
  svg.setAttribute("aria-hidden", "true");
  const cell = document.createElementNS(ns, "rect");
  cell.setAttribute("width", "22");
  cell.setAttribute("height", "14");
  cell.setAttribute("fill", `url(#${id})`);
  cell.setAttribute("stroke", "currentColor");
  cell.setAttribute("stroke-opacity", "0.4");
  svg.append(hatchPattern(id), cell);
  key.append(svg, text);
  return key;
}

/** `rows`: the view's cells as rows; `view` and `axis` give the scale's top and every text. */
export function retentionHeatmap(rows: readonly HeatmapCell[], view: RetentionView, axis: Axis, options: RetentionHeatmapOptions): HTMLElement {
  const { width, dark = false } = options;
  const { heatmap } = view;
  const monthly = view.variant.granularity === "month";
  const cohorts = [...new Set(rows.map((row) => row.cohort))].sort();
  const lastPeriod = Math.max(0, ...rows.map((row) => row.period));
  const periods = Array.from({ length: lastPeriod + 1 }, (_, k) => k);

  // Months fill the width (with a printed percentage when there is room); weeks get at least 9 px a
  // column, and the frame scrolls sideways when the screen is narrower than that.
  const marginLeft = monthly ? 62 : 80;
  const marginRight = 8;
  const marginTop = 40;
  const marginBottom = 8;
  const column = Math.max(monthly ? 16 : 9, (width - marginLeft - marginRight) / periods.length);
  const plotWidth = Math.round(marginLeft + marginRight + column * periods.length);
  const rowHeight = monthly ? Math.min(34, Math.max(22, column * 0.6)) : 12;
  const height = Math.round(marginTop + marginBottom + rowHeight * cohorts.length);
  const printValues = monthly && column >= 34;

  const top = heatmap.colour_top;
  const colour = { type: "linear", domain: [0, top], scheme: "viridis", reverse: !dark, clamp: true } as const;
  const scale = Plot.scale({ color: colour });
  const textFill = (rate: number) => (luminance(String(scale.apply(rate))) > 0.3 ? "black" : "white");

  const every = (n: number) => (_: unknown, i: number) => i % n === 0;
  const periodStep = periods.length > 26 ? 4 : periods.length > 13 ? 2 : 1;
  const cohortStep = cohorts.length > 26 ? 4 : cohorts.length > 13 ? 2 : 1;
  const incomplete = rows.filter((row) => !row.complete);
  const patternId = `cohort-hatch-${++patternCount}`;
  const inset = monthly ? 1 : 0.5;

  const tipChannels = {
    Cohort: (d: HeatmapCell) => axis.cohort_text[d.cohort] ?? d.cohort,
    Period: (d: HeatmapCell) => axis.period_text[d.period] ?? "",
    Calendar: "period_label",
    Active: "active_text",
    Rate: "rate_text",
    Status: (d: HeatmapCell) => (d.complete ? heatmap.status_text.complete : heatmap.status_text.incomplete),
  };

  const plot = Plot.plot({
    width: plotWidth,
    height,
    marginLeft,
    marginRight,
    marginTop,
    marginBottom,
    style: { fontSize: monthly ? "12px" : "11px" },
    x: {
      type: "band",
      domain: periods,
      axis: "top",
      label: axis.x_label,
      labelAnchor: "left",
      ticks: periods.filter(every(periodStep)),
      tickSize: 0,
    },
    y: {
      type: "band",
      domain: cohorts,
      label: null,
      ticks: cohorts.filter(every(cohortStep)),
      tickSize: 0,
    },
    color: colour,
    marks: [
      Plot.cell(rows, { x: "period", y: "cohort", fill: "rate", inset }),
      Plot.cell(incomplete, { x: "period", y: "cohort", fill: `url(#${patternId})`, inset }),
      printValues
        ? Plot.text(rows, {
            x: "period",
            y: "cohort",
            text: "rate_label",
            fill: (d: HeatmapCell) => (d.complete ? textFill(d.rate) : "currentColor"),
            stroke: (d: HeatmapCell) => (d.complete ? "none" : "var(--theme-background)"),
            strokeWidth: 3,
            paintOrder: "stroke",
            fontSize: 11,
          })
        : null,
      Plot.tip(
        rows,
        Plot.pointer({
          x: "period",
          y: "cohort",
          channels: tipChannels,
          format: { x: false, y: false, Cohort: true, Period: true, Calendar: true, Active: true, Rate: true, Status: true },
        }),
      ),
    ],
  });

  const legend = Plot.legend({
    color: colour,
    label: heatmap.legend_label,
    tickFormat: ".0%",
    width: Math.min(320, width),
    marginLeft: 12,
    marginRight: 16,
  });
  const svg = plot.tagName.toLowerCase() === "svg" ? plot : plot.querySelector("svg");
  svg?.prepend(hatchPattern(patternId));
  if (svg instanceof SVGSVGElement && plotWidth > width) {
    // Keep the cells at their size and let the frame scroll, rather than shrink them to specks.
    svg.style.maxWidth = "none";
    svg.style.width = `${plotWidth}px`;
  }
  const figure = document.createElement("div");
  figure.className = "retention-heatmap";
  figure.append(legend, plot);
  if (heatmap.hatch_key) figure.append(hatchKey(heatmap.hatch_key));
  return figure;
}
