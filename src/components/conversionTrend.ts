// Conversion by entry period: of the units that entered the funnel in a UTC month or ISO week, the share
// that reached its last step, with the 95% Wilson band. Periods flagged incomplete (they, plus any
// conversion horizon, run past the window's end) are drawn hollow and joined by a dotted line, and
// they are not part of the solid line: their rate is not comparable yet.
import * as Plot from "@observablehq/plot";
import { formatInteger, formatPercentInterval } from "./format.js";
import type { TrendPoint } from "./funnelWords.js";

export interface ConversionTrendOptions {
  width: number;
  granularity: "month" | "week";
  /** Plural noun of the unit: "sessions", "users". */
  noun: string;
  /** What reaching the last step is called: "purchased", "bought within 7 days". */
  outcome: string;
}

const ACCENT = "var(--theme-foreground-focus)";

interface Row extends TrendPoint {
  date: Date;
}

export function conversionTrend(points: readonly TrendPoint[], { width, granularity, noun, outcome }: ConversionTrendOptions): SVGSVGElement | HTMLElement {
  const rows: Row[] = points.map((p) => ({ ...p, date: new Date(p.period_start) }));
  const complete = rows.filter((p) => p.complete);
  const lastComplete = complete.at(-1);
  const tail = rows.filter((p) => !p.complete || p === lastComplete);
  const monthly = granularity === "month";
  const top = Math.max(0.01, ...rows.map((p) => p.ci_high));
  return Plot.plot({
    width,
    height: Math.max(240, Math.min(360, width * 0.45)),
    marginLeft: 48,
    marginRight: 16,
    x: { type: "utc", label: null, ticks: width < 480 ? 4 : monthly ? 12 : 8 },
    y: { domain: [0, top * 1.08], grid: true, tickFormat: ".1%", label: `↑ Share of entering ${noun} who ${outcome}` },
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
          channels: {
            [monthly ? "Month" : "Week of"]: (p: Row) => p.period,
            Rate: (p: Row) => formatPercentInterval(p.rate, p.ci_low, p.ci_high),
            Counts: (p: Row) => `${formatInteger(p.converted)} of ${formatInteger(p.entered)} ${noun}`,
            Status: (p: Row) => (p.complete ? "complete" : "incomplete: runs past the window's end"),
          },
          format: { x: false, y: false, fill: false, [monthly ? "Month" : "Week of"]: true, Rate: true, Counts: true, Status: true },
        }),
      ),
    ],
  });
}
