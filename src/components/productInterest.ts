// Interest versus purchase by product: the most-viewed and the most-bought products, each placed by the
// sessions that viewed it (x) and the sessions that bought it (y). The dashed line is the catalogue's
// average (all buying ÷ all viewing product-sessions): products above it sell better than the attention
// they get, products below it are looked at more than bought. Names are drawn as SVG text (never parsed
// as markup) and shortened; the tip and the CSV carry them in full.
import * as Plot from "@observablehq/plot";
import type { FunnelPage } from "../../lib/pages/funnel.js";
import { estimateTextWidth, separateLabels } from "./labelLayout.js";

type ProductCard = FunnelPage["product_card"];
type Point = ProductCard["points"][number];
type ProductGroup = Point["group"];

export interface ProductInterestOptions {
  width: number;
  /** How many of the top products by each measure get a name label. */
  labels?: number;
}

/**
 * The average line y = ratio · x across the frame xDomain × yDomain: from where it enters to where it
 * leaves (two points; a straight line on linear and on log–log axes alike). Empty when it misses the frame.
 */
export function averageLine(ratio: number, xDomain: readonly number[], yDomain: readonly number[]): { x: number; y: number }[] {
  if (!(ratio > 0)) return [];
  const [x0, x1] = xDomain as [number, number];
  const [y0, y1] = yDomain as [number, number];
  const start = Math.max(x0, y0 / ratio);
  const end = Math.min(x1, y1 / ratio);
  if (!(end > start)) return [];
  return [
    { x: start, y: start * ratio },
    { x: end, y: end * ratio },
  ];
}

const GROUPS: ProductGroup[] = ["Top by views and purchases", "Top by views only", "Top by purchases only"];
const SYMBOLS: Record<ProductGroup, string> = {
  "Top by views and purchases": "square",
  "Top by views only": "circle",
  "Top by purchases only": "triangle",
};
const ACCENT = "var(--theme-foreground-focus)";

export function productInterest(card: Pick<ProductCard, "points" | "average_ratio">, { width, labels = width < 560 ? 2 : 3 }: ProductInterestOptions): SVGSVGElement | HTMLElement {
  const data = card.points;
  const averageRatio = card.average_ratio;
  // Popularity is heavy-tailed: on log axes the many products near the bottom of the lists spread out,
  // and the average line stays straight (y = ratio · x has slope 1 on log–log). A product nobody bought
  // cannot sit on a log axis, so then both axes are linear.
  const log = data.every((r) => r.viewing_sessions > 0 && r.buying_sessions > 0);
  const xs = data.map((r) => r.viewing_sessions);
  const ys = data.map((r) => r.buying_sessions);
  const xDomain = log ? [Math.min(...xs) / 1.15, Math.max(...xs) * 1.15] : [0, Math.max(1, ...xs) * 1.04];
  const yDomain = log ? [Math.min(...ys) / 1.25, Math.max(...ys) * 1.25] : [0, Math.max(1, ...ys) * 1.1];
  const labelled = data.filter((r) => r.view_rank <= labels || r.purchase_rank <= labels);
  const present = GROUPS.filter((g) => data.some((r) => r.group === g));
  const fontSize = 11;
  const options = (marks: Plot.Markish[]): Plot.PlotOptions => ({
    width,
    height: Math.max(300, Math.min(440, width * 0.6)),
    marginLeft: 52,
    marginRight: 16,
    marginTop: 24,
    x: {
      type: log ? "log" : "linear",
      domain: xDomain,
      grid: true,
      label: `Sessions that viewed the product${log ? " (log scale)" : ""} →`,
      labelAnchor: "right",
      ticks: width < 480 ? 3 : 6,
      tickFormat: "~s",
    },
    y: { type: log ? "log" : "linear", domain: yDomain, grid: true, label: `↑ Sessions that bought it${log ? " (log scale)" : ""}`, ticks: 5, tickFormat: "~s" },
    symbol: { domain: present, range: present.map((g) => SYMBOLS[g]), legend: true },
    marks: [
      log ? null : Plot.ruleY([0]),
      log ? null : Plot.ruleX([0]),
      Plot.line(averageLine(averageRatio, xDomain, yDomain), { x: "x", y: "y", stroke: "currentColor", strokeDasharray: "4,3", strokeOpacity: 0.6 }),
      Plot.dot(data, {
        x: "viewing_sessions",
        y: "buying_sessions",
        symbol: "group",
        r: width < 560 ? 3.5 : 4.5,
        stroke: ACCENT,
        strokeWidth: 1.25,
        fill: ACCENT,
        fillOpacity: 0.55,
      }),
      ...marks,
      Plot.tip(
        data,
        Plot.pointer({
          x: "viewing_sessions",
          y: "buying_sessions",
          channels: {
            Product: (r: Point) => r.tip_product,
            Category: (r: Point) => r.tip_category,
            Viewed: (r: Point) => r.tip_viewed,
            Bought: (r: Point) => r.tip_bought,
            "Bought ÷ viewed": (r: Point) => r.tip_ratio,
          },
          format: { x: false, y: false, symbol: false, Product: true, Category: true, Viewed: true, Bought: true, "Bought ÷ viewed": true },
        }),
      ),
    ],
  });

  // Names go left of their points (right where the left edge is too near), and move down where they
  // would overlap: the scales of a first rendering place them in pixels.
  const probe = Plot.plot(options([]));
  const x = probe.scale("x")!;
  const y = probe.scale("y")!;
  const named = labelled.map((r) => {
    const text = width < 560 ? r.label_narrow : r.label_wide;
    const px = x.apply(r.viewing_sessions) as number;
    const textWidth = estimateTextWidth(text, fontSize);
    const left = px - 8 - textWidth >= 52;
    return { row: r, text, left, box: left ? { left: px - 8 - textWidth, right: px - 8, y: y.apply(r.buying_sessions) as number } : { left: px + 8, right: px + 8 + textWidth, y: y.apply(r.buying_sessions) as number } };
  });
  const centres = separateLabels(named.map((n) => n.box), fontSize + 3);
  const placed = named.map((n, i) => ({ ...n, label_y: y.invert!(centres[i]!) as number, moved: Math.abs(centres[i]! - n.box.y) > 2 }));
  const text = (side: boolean) =>
    Plot.text(
      placed.filter((p) => p.left === side),
      {
        x: (p: (typeof placed)[number]) => p.row.viewing_sessions,
        y: "label_y",
        text: "text",
        textAnchor: side ? "end" : "start",
        dx: side ? -8 : 8,
        fontSize,
        fill: "currentColor",
        stroke: "var(--theme-background)",
        strokeWidth: 3,
        paintOrder: "stroke",
      },
    );
  return Plot.plot(
    options([
      Plot.link(
        placed.filter((p) => p.moved),
        {
          x1: (p: (typeof placed)[number]) => p.row.viewing_sessions,
          y1: (p: (typeof placed)[number]) => p.row.buying_sessions,
          x2: (p: (typeof placed)[number]) => p.row.viewing_sessions,
          y2: "label_y",
          stroke: "currentColor",
          strokeOpacity: 0.4,
        },
      ),
      text(true),
      text(false),
    ]),
  );
}
