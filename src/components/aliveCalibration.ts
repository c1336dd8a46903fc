// P(alive) against the generator's planted truth: per decile of predicted P(alive), the mean predicted
// value (x) against the share truly alive (y); a well-calibrated model sits on the diagonal.
import * as Plot from "@observablehq/plot";
import type { AlivePoint } from "../../lib/pages/predictions";

export function aliveCalibration(rows: readonly AlivePoint[], { width }: { width: number }): SVGSVGElement | HTMLElement {
  const size = Math.min(width, 520);
  return Plot.plot({
    width: size,
    height: size * 0.85,
    marginBottom: 44,
    x: { domain: [0, 1], grid: true, label: "Predicted P(alive), decile mean →", labelAnchor: "right" },
    y: { domain: [0, 1], grid: true, label: "↑ Share truly alive (planted)" },
    marks: [
      Plot.line([[0, 0], [1, 1]], { stroke: "var(--theme-foreground-muted)", strokeDasharray: "4,4" }),
      Plot.dot(rows, { x: "predicted", y: "actual", r: 5, fill: "var(--theme-foreground-focus)" }),
      Plot.tip(rows, Plot.pointer({ x: "predicted", y: "actual", title: "tooltip_text" })),
    ],
  });
}
