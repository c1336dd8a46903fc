// Conversion by a user attribute: each value's rate as a dot with its 95% Wilson interval, the funnel's
// overall rate as a dashed reference, and significance marks as a compact letter display at the right:
// two values that share no letter differ significantly (see breakdownSignificance). Values keep the
// attribute's natural order (segments as planted, age bands ascending, locations largest first).
import * as Plot from "@observablehq/plot";
import { compactLetters, type Breakdown, type BreakdownValue } from "./breakdownSignificance.js";
import { formatInteger, formatPercent, formatPercentInterval } from "./format.js";
import { valueLabel } from "./funnelWords.js";

export interface BreakdownRatesOptions {
  width: number;
  /** The funnel's overall conversion, drawn as a reference line. */
  overall: number;
  /** Plural noun of the unit: "sessions", "users". */
  noun: string;
}

const ACCENT = "var(--theme-foreground-focus)";

export interface BreakdownRow extends BreakdownValue {
  label: string;
  letters: string;
}

export function breakdownRows(breakdown: Breakdown): BreakdownRow[] {
  const letters = compactLetters(breakdown);
  return breakdown.values.map((v) => ({ ...v, label: valueLabel(breakdown.attribute, v.value), letters: letters.get(v.value) ?? "" }));
}

export function breakdownRates(breakdown: Breakdown, { width, overall, noun }: BreakdownRatesOptions): SVGSVGElement | HTMLElement {
  const rows = breakdownRows(breakdown);
  const longest = Math.max(...rows.map((r) => r.label.length));
  const top = Math.max(overall, ...rows.map((r) => r.ci_high));
  return Plot.plot({
    width,
    height: 40 + rows.length * 30,
    marginLeft: Math.min(150, 16 + longest * 7),
    marginRight: 86,
    x: { domain: [0, top * 1.05], grid: true, tickFormat: ".1%", label: `Conversion of ${noun} →`, labelAnchor: "right", ticks: width < 480 ? 3 : 6 },
    y: { domain: rows.map((r) => r.label), label: null, tickSize: 0 },
    marks: [
      Plot.ruleX([0]),
      Plot.ruleX([overall], { stroke: "currentColor", strokeDasharray: "4,3", strokeOpacity: 0.7 }),
      Plot.ruleY(rows, { y: "label", x1: "ci_low", x2: "ci_high", stroke: (r: BreakdownRow) => (r.tested ? ACCENT : "currentColor"), strokeWidth: 2.5, strokeOpacity: 0.55 }),
      Plot.dot(rows, { y: "label", x: "rate", r: 4.5, fill: (r: BreakdownRow) => (r.tested ? ACCENT : "var(--theme-background)"), stroke: (r: BreakdownRow) => (r.tested ? ACCENT : "currentColor"), strokeWidth: 1.5 }),
      Plot.text(rows, {
        y: "label",
        text: (r: BreakdownRow) => `${formatPercent(r.rate)}${r.tested ? `  ${r.letters}` : "  untested"}`,
        frameAnchor: "right",
        textAnchor: "start",
        dx: 10,
        fontSize: 12,
        fill: "currentColor",
      }),
      Plot.tip(
        rows,
        Plot.pointerY({
          y: "label",
          x: "rate",
          channels: {
            Value: (r: BreakdownRow) => r.label,
            Rate: (r: BreakdownRow) => formatPercentInterval(r.rate, r.ci_low, r.ci_high),
            Counts: (r: BreakdownRow) => `${formatInteger(r.converted)} of ${formatInteger(r.units)} ${noun}`,
            Letters: (r: BreakdownRow) => (r.tested ? r.letters : r.untested_reason === "too_few_users" ? `not tested (${formatInteger(r.users ?? 0)} users; fewer than ${formatInteger(breakdown.min_group_users ?? 0)})` : "not tested (attribute missing)"),
          },
          format: { x: false, y: false, fill: false, stroke: false, Value: true, Rate: true, Counts: true, Letters: true },
        }),
      ),
    ],
  });
}
