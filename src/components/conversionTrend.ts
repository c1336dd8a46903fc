// Conversion by entry period: of the units that entered the funnel in a month or ISO week, the share
// that reached its last step, with the 95% Wilson band. Periods flagged incomplete (they, plus any
// conversion horizon, run past the window's end) are drawn hollow and joined by a dotted line, and
// they are not part of the solid line: their rate is not comparable yet. Words come built (lib/pages/funnel.ts).
import * as Plot from "@observablehq/plot";
import type { FunnelPage } from "../../lib/pages/funnel.js";

type TrendCard = FunnelPage["units"]["session"]["trend"]["month"];
type Row = TrendCard["points"][number] & { date: Date };

const ACCENT = "var(--theme-foreground-focus)";

export function conversionTrend(card: Pick<TrendCard, "points" | "period_label" | "axis_label">, { width, monthly }: { width: number; monthly: boolean }): SVGSVGElement | HTMLElement {
  const rows: Row[] = card.points.map((p) => ({ ...p, date: new Date(p.period_start) }));
  const complete = rows.filter((p) => p.complete);
  const lastComplete = complete.at(-1);
  const tail = rows.filter((p) => !p.complete || p === lastComplete);
  const top = Math.max(0.01, ...rows.map((p) => p.ci_high));
  const period = card.period_label;
  return Plot.plot({
    width,
    height: Math.max(240, Math.min(360, width * 0.45)),
    marginLeft: 48,
    marginRight: 16,
    x: { type: "utc", label: null, ticks: width < 480 ? 4 : monthly ? 12 : 8 },
    y: { domain: [0, top * 1.08], grid: true, tickFormat: ".1%", label: card.axis_label },
    marks: [
      Plot.ruleY([0]),
      Plot.areaY(complete, { x: "date", y1: "ci_low", y2: "ci_high", fill: ACCENT, fillOpacity: 0.18 }),
      Plot.lineY(complete, { x: "date", y: "rate", stroke: ACCENT, strokeWidth: 2 }),
      Plot.lineY(tail.length > 1 ? tail : [], { x: "date", y: "rate", stroke: ACCENT, strokeWidth: 1.5, strokeDasharray: "2,3" }),
      Plot.ruleX(rows.filter((p) => !p.complete), { x: "date", y1: "ci_low", y2: "ci_high", stroke: ACCENT, strokeOpacity: 0.6 }),
      Plot.dot(rows, {
        x: "date",
        y: "rate",
        r: monthly ? 3.5 : 2.5,
        stroke: ACCENT,
        fill: (p: Row) => (p.complete ? "var(--theme-foreground-focus)" : "var(--theme-background)"),
        strokeWidth: 1.5,
      }),
      Plot.tip(
        rows,
        Plot.pointerX({
          x: "date",
          y: "rate",
          channels: { [period]: (p: Row) => p.period, Rate: (p: Row) => p.tip_rate, Counts: (p: Row) => p.tip_counts, Status: (p: Row) => p.tip_status },
          format: { x: false, y: false, fill: false, [period]: true, Rate: true, Counts: true, Status: true },
        }),
      ),
    ],
  });
}
