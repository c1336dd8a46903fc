// The funnel as step bars: each step's bar is the share of the funnel's entrants who reached it, with
// the 95% Wilson interval of that share as a whisker, and a faint extension back to the previous step's
// bar for the units lost in between. Above each bar, in words: the count, the conversion from the
// previous step with its interval, and the drop-off. Labels sit above the bars, not on an axis, so long
// step names need no left margin and the chart reads the same at 375 px as at 1280 px.
import * as Plot from "@observablehq/plot";
import { formatInteger, formatPercent, formatPercentInterval } from "./format.js";
import { stepLabel, type FunnelStep } from "./funnelWords.js";

export interface FunnelStepsOptions {
  width: number;
  /** Plural noun of the unit: "sessions", "users". */
  noun: string;
  /** What the first step's units are called in "x% of …", e.g. "sessions", "users who viewed". */
  entrants?: string;
}

const ACCENT = "var(--theme-foreground-focus)";

interface StepRow extends FunnelStep {
  label: string;
  share: number;
  previous_share: number;
  lines: string;
}

export function stepRows(steps: readonly FunnelStep[], { noun, entrants = noun, narrow = false }: { noun: string; entrants?: string; narrow?: boolean }): StepRow[] {
  const first = steps[0]?.count ?? 0;
  return steps.map((step, i) => {
    const share = first > 0 ? step.count / first : 0;
    const previousShare = i === 0 ? share : first > 0 ? steps[i - 1]!.count / first : 0;
    const ofPrevious = `${formatPercentInterval(step.rate_from_previous ?? Number.NaN, step.ci_low, step.ci_high)} of ${narrow ? "previous" : "the previous step"}`;
    const lost = `${formatInteger(step.drop_off)} lost (${formatPercent(step.drop_off_rate ?? Number.NaN)})`;
    const lines =
      i === 0
        ? [`${stepLabel(step.step)}: ${formatInteger(step.count)} ${noun}`, "Entry step (100%)"]
        : narrow
          ? [`${stepLabel(step.step)}: ${formatInteger(step.count)} ${noun}`, ofPrevious, `${formatPercent(share)} of all · ${lost}`]
          : [`${stepLabel(step.step)}: ${formatInteger(step.count)} ${noun} (${formatPercent(share)} of ${entrants})`, `${ofPrevious} · ${lost}`];
    return { ...step, label: stepLabel(step.step), share, previous_share: previousShare, lines: lines.join("\n") };
  });
}

export function funnelSteps(steps: readonly FunnelStep[], { width, noun, entrants = noun }: FunnelStepsOptions): SVGSVGElement | HTMLElement {
  const narrow = width < 600;
  const rows = stepRows(steps, { noun, entrants, narrow });
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
    x: { domain: [0, 1], tickFormat: ".0%", grid: true, label: `Share of the first step's ${noun} →`, labelAnchor: "right", ticks: width < 480 ? 4 : 10 },
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
        text: "lines",
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
