// Interest versus purchase by category: for each category, its share of all category-viewing sessions
// (hollow dot) and its share of all category-buying sessions (filled dot), joined by a line. A category
// whose filled dot sits left of its hollow one sells less than its share of attention. Categories are
// ordered by attention; the category chosen on the page is highlighted. Rows, ranks and tooltip texts
// come built (lib/pages/funnel.ts, with the Overview's rule for ranks and ties).
import * as Plot from "@observablehq/plot";
import type { FunnelPage } from "../../lib/pages/funnel.js";

type Row = FunnelPage["categories"]["interest"]["rows"][number];

export function categoryInterest(rows: readonly Row[], { width, selected }: { width: number; selected?: string | null }): SVGSVGElement | HTMLElement {
  const longest = Math.max(...rows.map((r) => r.category.length));
  // Shares, not amounts: the axis spans the data (with a margin) so that the gaps between dots are visible.
  const shares = rows.flatMap((r) => [r.view_share, r.buying_share]);
  const pad = Math.max(0.005, (Math.max(...shares) - Math.min(...shares)) * 0.12);
  const domain = [Math.max(0, Math.min(...shares) - pad), Math.max(...shares) + pad];
  const x1 = (r: Row) => Math.min(r.view_share, r.buying_share);
  const x2 = (r: Row) => Math.max(r.view_share, r.buying_share);
  return Plot.plot({
    width,
    height: 48 + rows.length * 28,
    marginLeft: Math.min(150, 14 + longest * 7),
    marginRight: 20,
    x: { domain, grid: true, tickFormat: ".0%", label: "Share of sessions →", labelAnchor: "right", ticks: width < 480 ? 4 : 8 },
    y: { domain: rows.map((r) => r.category), label: null, tickSize: 0 },
    marks: [
      Plot.barX(rows.filter((r) => r.category === selected), { y: "category", x1: domain[0], x2: domain[1], fill: "currentColor", fillOpacity: 0.08 }),
      Plot.ruleY(rows, { y: "category", x1, x2, stroke: "currentColor", strokeOpacity: 0.5, strokeWidth: 2 }),
      Plot.dot(rows, { y: "category", x: "view_share", r: 5, stroke: "currentColor", strokeWidth: 1.5, fill: "var(--theme-background)" }),
      Plot.dot(rows, { y: "category", x: "buying_share", r: 5, fill: "var(--theme-foreground-focus)", stroke: "var(--theme-foreground-focus)" }),
      Plot.tip(
        rows,
        Plot.pointerY({
          y: "category",
          x: "view_share",
          channels: { Category: (r: Row) => r.category, Viewed: (r: Row) => r.tip_viewed, Bought: (r: Row) => r.tip_bought, "View → purchase": (r: Row) => r.tip_conversion },
          format: { x: false, y: false, Category: true, Viewed: true, Bought: true, "View → purchase": true },
        }),
      ),
    ],
  });
}
