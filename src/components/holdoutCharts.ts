// The papers' holdout checks: (a) mean holdout purchases by calibration purchases, actual against
// predicted; (b) cumulative repeat purchases week by week, actual against predicted, with the end of
// calibration marked.
import * as Plot from "@observablehq/plot";
import type { FrequencyPoint, TrackingPoint } from "../../lib/pages/predictions";

const SERIES = { domain: ["Actual", "Predicted"], range: ["var(--theme-foreground)", "var(--theme-foreground-focus)"] };

export function holdoutByFrequency(rows: readonly FrequencyPoint[], { width }: { width: number }): SVGSVGElement | HTMLElement {
  const long = rows.flatMap((r) => [
    { x: r.x, series: "Actual", value: r.actual, tip: r.actual_text },
    { x: r.x, series: "Predicted", value: r.predicted, tip: r.predicted_text },
  ]);
  return Plot.plot({
    width,
    height: 280,
    marginBottom: 44,
    color: { ...SERIES, legend: true },
    x: { type: "point", domain: rows.map((r) => r.x), label: "Repeat purchase days in calibration", labelAnchor: "center", padding: 0.3 },
    y: { grid: true, label: "↑ Mean repeat purchase days in the holdout" },
    marks: [
      Plot.lineY(long, { filter: (d: { series: string }) => d.series === "Actual", x: "x", y: "value", stroke: "series" }),
      Plot.lineY(long, { filter: (d: { series: string }) => d.series === "Predicted", x: "x", y: "value", stroke: "series", strokeDasharray: "5,3" }),
      Plot.dot(long, { x: "x", y: "value", fill: "series", r: 3.5 }),
      Plot.tip(long, Plot.pointer({ x: "x", y: "value", title: "tip" })),
      Plot.ruleY([0]),
    ],
  });
}

export function holdoutTracking(rows: readonly TrackingPoint[], calibrationEnd: string, { width }: { width: number }): SVGSVGElement | HTMLElement {
  const long = rows.flatMap((r) => [
    { date: new Date(r.end), series: "Actual", value: r.actual, tip: r.actual_text },
    { date: new Date(r.end), series: "Predicted", value: r.predicted, tip: r.predicted_text },
  ]);
  return Plot.plot({
    width,
    height: 300,
    color: { ...SERIES, legend: true },
    x: { type: "utc", label: null },
    y: { grid: true, label: "↑ Cumulative repeat purchase days" },
    marks: [
      Plot.ruleX([new Date(calibrationEnd)], { stroke: "var(--theme-foreground-muted)", strokeDasharray: "4,4" }),
      Plot.text([new Date(calibrationEnd)], { x: (d: Date) => d, frameAnchor: "top", dx: -4, textAnchor: "end", text: () => "calibration ends", fill: "var(--theme-foreground-muted)" }),
      Plot.lineY(long, { filter: (d: { series: string }) => d.series === "Actual", x: "date", y: "value", stroke: "series" }),
      Plot.lineY(long, { filter: (d: { series: string }) => d.series === "Predicted", x: "date", y: "value", stroke: "series", strokeDasharray: "5,3" }),
      Plot.tip(long, Plot.pointerX({ x: "date", y: "value", stroke: "series", title: "tip" })),
      Plot.ruleY([0]),
    ],
  });
}
