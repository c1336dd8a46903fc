// The average retention curve: at each period k, the share of all cohort members active in k, pooled
// over the cohorts whose period k is complete (so weighted by cohort size), with its 95% Wilson band.
// Each cohort's own curve is drawn faintly behind it, to show how far cohorts stray from the average.
// Where fewer than `minCohorts` cohorts have lived through k, the average rests on one or two cohorts
// and is drawn dotted.
import * as Plot from "@observablehq/plot";
import { describeVariant, splitByCohorts, type CohortBy, type Granularity, type RetentionMode, type RetentionRow } from "./cohortCells.js";
import { formatInteger, formatPercentInterval } from "./format.js";

export interface AverageRetentionPoint {
  period: number;
  cohorts: number;
  cohort_size: number;
  active: number;
  rate: number;
  ci_low: number;
  ci_high: number;
}

export interface RetentionCurveOptions {
  width: number;
  granularity: Granularity;
  cohortBy: CohortBy;
  mode: RetentionMode;
  /** The cohort × period cells, drawn as faint per-cohort curves (complete cells only). */
  cells?: readonly RetentionRow[];
  minCohorts?: number;
}

const ACCENT = "var(--theme-foreground-focus)";

export function retentionCurve(average: readonly AverageRetentionPoint[], options: RetentionCurveOptions): SVGSVGElement | HTMLElement {
  const { width, granularity, cohortBy, mode, cells = [], minCohorts = 3 } = options;
  const words = describeVariant(cohortBy, granularity, mode);
  const monthly = granularity === "month";
  const { solid, thin } = splitByCohorts(average, minCohorts);
  const complete = cells.filter((cell) => cell.complete);

  return Plot.plot({
    width,
    height: Math.max(260, Math.min(400, width * 0.5)),
    marginLeft: 48,
    marginRight: 16,
    x: {
      label: `${words.unit}s since the cohort's ${monthly ? "month" : "week"} (k) →`,
      labelAnchor: "right",
      ticks: monthly ? Math.min(13, (average.at(-1)?.period ?? 0) + 1) : Math.max(4, Math.floor(width / 80)),
      tickFormat: "d",
    },
    y: { domain: [0, 1], grid: true, tickFormat: ".0%", label: "↑ Share of cohort active" },
    marks: [
      Plot.ruleY([0]),
      Plot.lineY(complete, { x: "period", y: "rate", z: "cohort", stroke: "currentColor", strokeOpacity: monthly ? 0.22 : 0.12, strokeWidth: 1 }),
      Plot.areaY(average, { x: "period", y1: "ci_low", y2: "ci_high", fill: ACCENT, fillOpacity: 0.22, curve: "linear" }),
      Plot.lineY(solid, { x: "period", y: "rate", stroke: ACCENT, strokeWidth: 2.5 }),
      Plot.lineY(thin, { x: "period", y: "rate", stroke: ACCENT, strokeWidth: 1.5, strokeDasharray: "2,3" }),
      Plot.dot(average, { x: "period", y: "rate", fill: ACCENT, r: monthly ? 3.5 : 2 }),
      Plot.tip(
        average,
        Plot.pointerX({
          x: "period",
          y: "rate",
          channels: {
            Period: (d: AverageRetentionPoint) => `${words.unit} ${d.period} after the cohort's own`,
            Rate: (d: AverageRetentionPoint) => formatPercentInterval(d.rate, d.ci_low, d.ci_high),
            Active: (d: AverageRetentionPoint) => `${formatInteger(d.active)} of ${formatInteger(d.cohort_size)}`,
            Cohorts: (d: AverageRetentionPoint) => `${formatInteger(d.cohorts)} with a complete ${monthly ? "month" : "week"} ${d.period}`,
          },
          format: { x: false, y: false, Period: true, Rate: true, Active: true, Cohorts: true },
        }),
      ),
    ],
  });
}
