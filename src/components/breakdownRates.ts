// Conversion by a user attribute: each value's rate as a dot with its 95% Wilson interval, the funnel's
// overall rate as a dashed reference, and significance marks as a compact letter display at the right:
// two values that share no letter differ significantly (lib/funnel/claims.ts). Values keep the
// attribute's natural order (segments as planted, age bands ascending, locations largest first). Words
// and letters come built (lib/pages/funnel.ts).
import * as Plot from "@observablehq/plot";
import type { FunnelPage } from "../../lib/pages/funnel.js";

type BreakdownCard = NonNullable<FunnelPage["units"]["session"]["breakdowns"]["segment"]>;
type Row = BreakdownCard["rows"][number];

const ACCENT = "var(--theme-foreground-focus)";

export function breakdownRates(card: Pick<BreakdownCard, "rows" | "overall" | "axis_label">, { width }: { width: number }): SVGSVGElement | HTMLElement {
  const { rows, overall } = card;
  const longest = Math.max(...rows.map((r) => r.label.length));
  const top = Math.max(overall, ...rows.map((r) => r.ci_high));
  return Plot.plot({
    width,
    height: 40 + rows.length * 30,
    marginLeft: Math.min(150, 16 + longest * 7),
    marginRight: 86,
    x: { domain: [0, top * 1.05], grid: true, tickFormat: ".1%", label: card.axis_label, labelAnchor: "right", ticks: width < 480 ? 3 : 6 },
    y: { domain: rows.map((r) => r.label), label: null, tickSize: 0 },
    marks: [
      Plot.ruleX([0]),
      Plot.ruleX([overall], { stroke: "currentColor", strokeDasharray: "4,3", strokeOpacity: 0.7 }),
      Plot.ruleY(rows, { y: "label", x1: "ci_low", x2: "ci_high", stroke: (r: Row) => (r.tested ? ACCENT : "currentColor"), strokeWidth: 2.5, strokeOpacity: 0.55 }),
      Plot.dot(rows, { y: "label", x: "rate", r: 4.5, fill: (r: Row) => (r.tested ? ACCENT : "var(--theme-background)"), stroke: (r: Row) => (r.tested ? ACCENT : "currentColor"), strokeWidth: 1.5 }),
      Plot.text(rows, { y: "label", text: "end_label", frameAnchor: "right", textAnchor: "start", dx: 10, fontSize: 12, fill: "currentColor" }),
      Plot.tip(
        rows,
        Plot.pointerY({
          y: "label",
          x: "rate",
          channels: { Value: (r: Row) => r.label, Rate: (r: Row) => r.tip_rate, Counts: (r: Row) => r.tip_counts, Letters: (r: Row) => r.tip_letters },
          format: { x: false, y: false, fill: false, stroke: false, Value: true, Rate: true, Counts: true, Letters: true },
        }),
      ),
    ],
  });
}
