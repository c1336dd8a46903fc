// How many segments? The elbow (inertia falls as k grows, ever more slowly) beside the mean silhouette
// (how much closer users are to their own cluster than to the next), which chooses k: the highest wins.
// Two small panels in one figure, side by side when there is room, stacked on a phone.
import * as Plot from "@observablehq/plot";
import type { KRow } from "../../lib/pages/segments";
import { compactNumber } from "./axisTicks.js";

export interface KSelectionOptions {
  width: number;
}

const ACCENT = "var(--theme-foreground-focus)";

function panel(rows: readonly KRow[], width: number, y: "inertia" | "silhouette"): SVGSVGElement | HTMLElement {
  const drawn = rows.filter((row) => row[y] !== null);
  const chosen = drawn.filter((row) => row.chosen);
  const isInertia = y === "inertia";
  return Plot.plot({
    width,
    height: 240,
    marginLeft: isInertia ? 56 : 44,
    marginRight: 16,
    marginTop: 28,
    x: { label: "Number of segments (k) →", labelAnchor: "right", ticks: rows.map((row) => row.k), tickFormat: "d" },
    y: {
      label: isInertia ? "↑ Inertia (sum of squared distances)" : "↑ Mean silhouette",
      grid: true,
      zero: true,
      tickFormat: isInertia ? compactNumber : (v: number) => v.toFixed(2),
      ...(isInertia ? {} : { domain: [Math.min(0, ...drawn.map((r) => r.silhouette ?? 0)), Math.max(...drawn.map((r) => r.silhouette ?? 0)) * 1.15] }),
    },
    marks: [
      Plot.ruleY([0]),
      Plot.ruleX(chosen, { x: "k", stroke: ACCENT, strokeDasharray: "3,3" }),
      Plot.lineY(drawn, { x: "k", y, stroke: "currentColor", strokeOpacity: 0.6 }),
      Plot.dot(drawn, { x: "k", y, fill: (d: KRow) => (d.chosen ? ACCENT : "currentColor"), r: (d: KRow) => (d.chosen ? 6 : 3.5) }),
      Plot.text(chosen, {
        x: "k",
        y,
        text: isInertia ? "inertia_label" : "silhouette_label",
        dy: -14,
        fill: "currentColor",
        stroke: "var(--theme-background)",
        strokeWidth: 4,
        paintOrder: "stroke",
        fontWeight: 600,
        textAnchor: "start",
        dx: -8,
      }),
      Plot.tip(
        drawn,
        Plot.pointerX({
          x: "k",
          y,
          channels: {
            k: "tip_k",
            Inertia: "tip_inertia",
            Silhouette: "tip_silhouette",
          },
          format: { x: false, y: false, k: true, Inertia: true, Silhouette: true },
        }),
      ),
    ],
  });
}

export function kSelectionChart(rows: readonly KRow[], { width }: KSelectionOptions): HTMLElement {
  const gap = 24;
  const sideBySide = width >= 640;
  const panelWidth = sideBySide ? Math.floor((width - gap) / 2) : width;
  const figure = document.createElement("div");
  figure.className = "segment-k-selection";
  figure.style.display = "flex";
  figure.style.flexWrap = "wrap";
  figure.style.gap = `${gap}px`;
  figure.append(panel(rows, panelWidth, "inertia"), panel(rows, panelWidth, "silhouette"));
  return figure;
}
