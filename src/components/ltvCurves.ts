// Cumulative revenue per cohort member by period: each cohort's curve faintly, and the average over the
// cohorts that have lived through k (cohort-size weighted: pooled revenue / pooled members) in the
// accent colour. After the view's `solid_until` the average is drawn dotted: it then rests on the
// oldest one or two cohorts and may even fall, which is a change of cohorts, not of money.
import * as Plot from "@observablehq/plot";
import type { Axis, LtvPoint, LtvView } from "../../lib/pages/cohorts";

const ACCENT = "var(--theme-foreground-focus)";

/** `rows`: the view's cells as rows; `currencySymbol` prefixes the y axis's ticks. */
export function ltvCurves(rows: readonly LtvPoint[], view: LtvView, axis: Axis, { width, currencySymbol }: { width: number; currencySymbol: string }): SVGSVGElement | HTMLElement {
  const { average, solid_until: solidUntil } = view;
  const monthly = axis.granularity === "month";
  const complete = rows.filter((row) => row.complete);
  const solid = average.filter((p) => p.period <= solidUntil);
  const thin = average.filter((p) => p.period >= solidUntil);
  // The average first, so that it wins a tie with a cohort's point.
  const tipPoints = [
    ...average.map((d) => ({ period: d.period, value: d.cumulative_revenue_per_member, curve: d.curve_text, valueText: d.value_text })),
    ...complete.map((d) => ({ period: d.period, value: d.cumulative_revenue_per_member, curve: axis.cohort_text[d.cohort] ?? d.cohort, valueText: d.value_text })),
  ].map((d) => ({ ...d, periodText: axis.period_text[d.period] ?? "" }));

  return Plot.plot({
    width,
    height: Math.max(260, Math.min(400, width * 0.5)),
    marginLeft: 56,
    marginRight: 16,
    x: {
      label: axis.x_label,
      labelAnchor: "right",
      ticks: monthly ? Math.min(13, (average.at(-1)?.period ?? 0) + 1) : Math.max(4, Math.floor(width / 80)),
      tickFormat: "d",
    },
    y: { grid: true, label: view.card.y_label, tickFormat: (d: number) => `${currencySymbol}${d}` },
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
      Plot.lineY(thin.length > 1 ? thin : [], { x: "period", y: "cumulative_revenue_per_member", stroke: ACCENT, strokeWidth: 1.5, strokeDasharray: "2,3" }),
      Plot.dot(average, { x: "period", y: "cumulative_revenue_per_member", fill: ACCENT, r: monthly ? 3.5 : 2 }),
      // One tip for both the cohorts' curves and the average: the point nearest the pointer.
      Plot.tip(
        tipPoints,
        Plot.pointer({
          x: "period",
          y: "value",
          channels: { Curve: "curve", Period: "periodText", "Revenue per member": "valueText" },
          format: { x: false, y: false, Curve: true, Period: true, "Revenue per member": true },
        }),
      ),
    ],
  });
}
