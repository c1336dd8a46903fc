// Interest versus purchase by category: for each category, its share of all category-viewing sessions
// (hollow dot) and its share of all category-buying sessions (filled dot), joined by a line. A category
// whose filled dot sits left of its hollow one sells less than its share of attention. Categories are
// ordered by attention; the category chosen on the page is highlighted.
import * as Plot from "@observablehq/plot";
import { formatInteger, formatPercent, formatPercentInterval } from "./format.js";
import type { FunnelStep } from "./funnelWords.js";

export interface CategoryFunnel {
  category: string;
  steps: FunnelStep[];
  /** Set on the "Other" bucket: how many categories it sums. */
  other_categories?: number;
}

export interface CategoryInterestRow {
  category: string;
  viewing_sessions: number;
  buying_sessions: number;
  /** viewing_sessions ÷ Σ viewing_sessions over the categories. */
  view_share: number;
  buying_share: number;
  /** Sessions that viewed, then bought in the category ÷ sessions that viewed it (the category funnel's end). */
  conversion: number;
  conversion_ci_low: number;
  conversion_ci_high: number;
  /** Ranks among the named categories; the "Other" bucket ranks after them all. */
  view_rank: number;
  purchase_rank: number;
  /** True for the "Other" bucket (the sum over the categories not named). */
  other: boolean;
}

/** Rows ordered by viewing sessions (most first), with each category's rank both ways; "Other" last. */
export function categoryInterestRows(funnels: readonly CategoryFunnel[]): CategoryInterestRow[] {
  const base = funnels.map((f) => {
    const first = f.steps[0]!;
    const last = f.steps.at(-1)!;
    return {
      category: f.category,
      viewing_sessions: first.count,
      buying_sessions: last.count,
      conversion: last.rate_from_first ?? 0,
      conversion_ci_low: last.ci_from_first_low,
      conversion_ci_high: last.ci_from_first_high,
      other: f.other_categories !== undefined,
    };
  });
  const views = base.reduce((sum, r) => sum + r.viewing_sessions, 0);
  const buys = base.reduce((sum, r) => sum + r.buying_sessions, 0);
  const rank = (key: "viewing_sessions" | "buying_sessions") => {
    const order = [...base].sort((a, b) => Number(a.other) - Number(b.other) || b[key] - a[key] || (a.category < b.category ? -1 : 1));
    return new Map(order.map((r, i) => [r.category, i + 1]));
  };
  const viewRank = rank("viewing_sessions");
  const purchaseRank = rank("buying_sessions");
  return base
    .map((r) => ({
      ...r,
      view_share: views > 0 ? r.viewing_sessions / views : 0,
      buying_share: buys > 0 ? r.buying_sessions / buys : 0,
      view_rank: viewRank.get(r.category)!,
      purchase_rank: purchaseRank.get(r.category)!,
    }))
    .sort((a, b) => a.view_rank - b.view_rank);
}

export interface CategoryInterestOptions {
  width: number;
  selected?: string;
}

export function categoryInterest(rows: readonly CategoryInterestRow[], { width, selected }: CategoryInterestOptions): SVGSVGElement | HTMLElement {
  const longest = Math.max(...rows.map((r) => r.category.length));
  // Shares, not amounts: the axis spans the data (with a margin) so that the gaps between dots are visible.
  const shares = rows.flatMap((r) => [r.view_share, r.buying_share]);
  const pad = Math.max(0.005, (Math.max(...shares) - Math.min(...shares)) * 0.12);
  const domain = [Math.max(0, Math.min(...shares) - pad), Math.max(...shares) + pad];
  const x1 = (r: CategoryInterestRow) => Math.min(r.view_share, r.buying_share);
  const x2 = (r: CategoryInterestRow) => Math.max(r.view_share, r.buying_share);
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
          channels: {
            Category: (r: CategoryInterestRow) => r.category,
            Viewed: (r: CategoryInterestRow) => `${formatInteger(r.viewing_sessions)} sessions, ${formatPercent(r.view_share)} of all (rank ${r.view_rank})`,
            Bought: (r: CategoryInterestRow) => `${formatInteger(r.buying_sessions)} sessions, ${formatPercent(r.buying_share)} of all (rank ${r.purchase_rank})`,
            "View → purchase": (r: CategoryInterestRow) => formatPercentInterval(r.conversion, r.conversion_ci_low, r.conversion_ci_high),
          },
          format: { x: false, y: false, Category: true, Viewed: true, Bought: true, "View → purchase": true },
        }),
      ),
    ],
  });
}
