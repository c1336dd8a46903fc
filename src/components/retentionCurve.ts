// The average retention curve: at each period k, the share of all cohort members active in k, pooled
// over the cohorts whose period k is complete (so weighted by cohort size), with its 95% Wilson band.
// Each cohort's own curve is drawn faintly behind it, to show how far cohorts stray from the average.
// After the view's `solid_until` the average rests on one or two cohorts and is drawn dotted.
import * as Plot from "@observablehq/plot";
import type { AveragePoint, Axis, HeatmapCell, RetentionView } from "../../lib/pages/cohorts";

const ACCENT = "var(--theme-foreground-focus)";

/** `cells`: the view's cells as rows, drawn as faint per-cohort curves (complete cells only). */
export function retentionCurve(view: RetentionView, axis: Axis, cells: readonly HeatmapCell[], { width }: { width: number }): SVGSVGElement | HTMLElement {
  const { average, solid_until: solidUntil } = view;
  const monthly = view.variant.granularity === "month";
  const solid = average.filter((p) => p.period <= solidUntil);
  const thin = average.filter((p) => p.period >= solidUntil);
  const complete = cells.filter((cell) => cell.complete);

  return Plot.plot({
    width,
    height: Math.max(260, Math.min(400, width * 0.5)),
    marginLeft: 48,
    marginRight: 16,
    x: {
      label: axis.x_label,
      labelAnchor: "right",
      ticks: monthly ? Math.min(13, (average.at(-1)?.period ?? 0) + 1) : Math.max(4, Math.floor(width / 80)),
      tickFormat: "d",
    },
    y: { domain: [0, 1], grid: true, tickFormat: ".0%", label: view.curve.y_label },
    marks: [
      Plot.ruleY([0]),
      Plot.lineY(complete, { x: "period", y: "rate", z: "cohort", stroke: "currentColor", strokeOpacity: monthly ? 0.22 : 0.12, strokeWidth: 1 }),
      Plot.areaY(average, { x: "period", y1: "ci_low", y2: "ci_high", fill: ACCENT, fillOpacity: 0.22, curve: "linear" }),
      Plot.lineY(solid, { x: "period", y: "rate", stroke: ACCENT, strokeWidth: 2.5 }),
      Plot.lineY(thin.length > 1 ? thin : [], { x: "period", y: "rate", stroke: ACCENT, strokeWidth: 1.5, strokeDasharray: "2,3" }),
      Plot.dot(average, { x: "period", y: "rate", fill: ACCENT, r: monthly ? 3.5 : 2 }),
      Plot.tip(
        average,
        Plot.pointerX({
          x: "period",
          y: "rate",
          channels: { Period: "period_text", Rate: "rate_text", Active: "active_text", Cohorts: "cohorts_text" } satisfies Record<string, keyof AveragePoint>,
          format: { x: false, y: false, Period: true, Rate: true, Active: true, Cohorts: true },
        }),
      ),
    ],
  });
}
