// The funnel as step bars: each step's bar is the share of the funnel's entrants who reached it, with
// the 95% Wilson interval of that share as a whisker, and a faint extension back to the previous step's
// bar for the units lost in between. Above each bar, its words (built in lib/pages/funnel.ts): the count,
// the conversion from the previous step with its interval, and the drop-off. Labels sit above the bars,
// not on an axis, so long step names need no left margin and the chart reads the same at 375 px as at 1280 px.
import * as Plot from "@observablehq/plot";
import type { FunnelPage } from "../../lib/pages/funnel.js";

type StepsCard = FunnelPage["units"]["session"]["steps"];
type Bar = StepsCard["bars"][number];

const ACCENT = "var(--theme-foreground-focus)";

export function funnelSteps(card: Pick<StepsCard, "bars" | "axis_label">, { width }: { width: number }): SVGSVGElement | HTMLElement {
  const narrow = width < 600;
  const rows = card.bars;
  const textLines = narrow ? 3 : 2;
  const lineHeight = 16;
  const barHeight = 18;
  const stepHeight = textLines * lineHeight + barHeight + 22;
  const marginTop = 8;
  const marginBottom = 34;
  const height = marginTop + marginBottom + rows.length * stepHeight;
  // A band scale whose bands are the bars; the padding leaves room above each bar for its words.
  const padding = 1 - barHeight / stepHeight;
  return Plot.plot({
    width,
    height,
    marginTop,
    marginBottom,
    marginLeft: 8,
    marginRight: 16,
    x: { domain: [0, 1], tickFormat: ".0%", grid: true, label: card.axis_label, labelAnchor: "right", ticks: width < 480 ? 4 : 10 },
    y: { domain: rows.map((r) => r.label), axis: null, paddingInner: padding, paddingOuter: padding / 2, align: 1 },
    marks: [
      Plot.barX(rows, { y: "label", x1: "share", x2: "previous_share", fill: "currentColor", fillOpacity: 0.13 }),
      Plot.barX(rows, { y: "label", x1: 0, x2: "share", fill: ACCENT }),
      Plot.ruleY(rows, { y: "label", x1: "ci_from_first_low", x2: "ci_from_first_high", stroke: "currentColor", strokeWidth: 1.5, dy: 0 }),
      Plot.tickX(rows, { y: "label", x: "ci_from_first_low", stroke: "currentColor", strokeWidth: 1.5 }),
      Plot.tickX(rows, { y: "label", x: "ci_from_first_high", stroke: "currentColor", strokeWidth: 1.5 }),
      Plot.text(rows, {
        y: "label",
        x: 0,
        text: (r: Bar) => (narrow ? r.lines_narrow : r.lines_wide),
        textAnchor: "start",
        lineAnchor: "bottom",
        lineHeight: lineHeight / 12,
        fontSize: 12,
        dy: -barHeight / 2 - 5,
        fill: "currentColor",
      }),
      Plot.ruleX([0]),
    ],
  });
}
