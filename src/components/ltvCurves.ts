// Cumulative revenue per cohort member by period: each cohort's curve faintly, and the average over the
// cohorts that have lived through k (cohort-size weighted: pooled revenue / pooled members) in the
// accent colour. Where fewer than `minCohorts` cohorts reach k the average is drawn dotted: it then
// rests on the oldest one or two cohorts and may even fall, which is a change of cohorts, not of money.
import * as Plot from "@observablehq/plot";
import { describeVariant, splitByCohorts, type CohortBy, type Granularity, type LtvRow } from "./cohortCells.js";
import { formatCurrency, formatInteger } from "./format.js";

export interface LtvAveragePoint {
  period: number;
  cohorts: number;
  cohort_size: number;
  cumulative_revenue: number;
  cumulative_revenue_per_member: number;
}

export interface LtvCurvesOptions {
  width: number;
  granularity: Granularity;
  cohortBy: CohortBy;
  minCohorts?: number;
}

const ACCENT = "var(--theme-foreground-focus)";

export function ltvCurves(rows: readonly LtvRow[], average: readonly LtvAveragePoint[], options: LtvCurvesOptions): SVGSVGElement | HTMLElement {
  const { width, granularity, cohortBy, minCohorts = 3 } = options;
  const words = describeVariant(cohortBy, granularity, "on");
  const monthly = granularity === "month";
  const complete = rows.filter((row) => row.complete);
  const { solid, thin } = splitByCohorts(average, minCohorts);
  // The average first, so that it wins a tie with a cohort's point.
  const tipPoints = [
    ...average.map((d) => ({
      period: d.period,
      value: d.cumulative_revenue_per_member,
      curve: `Average of ${formatInteger(d.cohorts)} ${d.cohorts === 1 ? "cohort" : "cohorts"}`,
      members: formatInteger(d.cohort_size),
    })),
    ...complete.map((d) => ({
      period: d.period,
      value: d.cumulative_revenue_per_member,
      curve: `Cohort ${d.cohort}`,
      members: formatInteger(d.cohort_size),
    })),
  ].map((d) => ({ ...d, periodText: `${words.unit} ${d.period}`, valueText: formatCurrency(d.value) }));
  const member = cohortBy === "registration" ? "registered user" : "buyer";

  return Plot.plot({
    width,
    height: Math.max(260, Math.min(400, width * 0.5)),
    marginLeft: 56,
    marginRight: 16,
    x: {
      label: `${words.unit}s since the cohort's ${monthly ? "month" : "week"} (k) →`,
      labelAnchor: "right",
      ticks: monthly ? Math.min(13, (average.at(-1)?.period ?? 0) + 1) : Math.max(4, Math.floor(width / 80)),
      tickFormat: "d",
    },
    y: { grid: true, label: `↑ Revenue per ${member}, cumulative ($)`, tickFormat: (d: number) => formatCurrency(d, { digits: 0 }) },
    marks: [
      Plot.ruleY([0]),
      Plot.lineY(complete, {
        x: "period",
        y: "cumulative_revenue_per_member",
        z: "cohort",
        stroke: "currentColor",
        strokeOpacity: monthly ? 0.25 : 0.14,
        strokeWidth: 1,
      }),
      Plot.lineY(solid, { x: "period", y: "cumulative_revenue_per_member", stroke: ACCENT, strokeWidth: 2.5 }),
      Plot.lineY(thin, { x: "period", y: "cumulative_revenue_per_member", stroke: ACCENT, strokeWidth: 1.5, strokeDasharray: "2,3" }),
      Plot.dot(average, { x: "period", y: "cumulative_revenue_per_member", fill: ACCENT, r: monthly ? 3.5 : 2 }),
      // One tip for both the cohorts' curves and the average: the point nearest the pointer.
      Plot.tip(
        tipPoints,
        Plot.pointer({
          x: "period",
          y: "value",
          channels: { Curve: "curve", Period: "periodText", "Revenue per member": "valueText", Members: "members" },
          format: { x: false, y: false, Curve: true, Period: true, "Revenue per member": true, Members: true },
        }),
      ),
    ],
  });
}
