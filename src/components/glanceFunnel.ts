// The Overview's small session funnel: one bar per step, its length the share of sessions that reach it.
import * as Plot from "@observablehq/plot";
import type { GlanceFunnelStep } from "../../lib/pages/overviewGlance";

const STEP_LABELS: Record<string, string> = { session_start: "Session", product_view: "Viewed", add_to_cart: "Carted", purchase: "Bought" };

export function glanceFunnel(steps: readonly GlanceFunnelStep[], { width }: { width: number }): SVGSVGElement | HTMLElement {
  const rows = steps.map((s) => ({ ...s, label: STEP_LABELS[s.step] ?? s.step }));
  return Plot.plot({
    width,
    height: 40 + rows.length * 34,
    marginLeft: 64,
    marginRight: 56,
    marginTop: 8,
    marginBottom: 8,
    style: { fontSize: "12px" },
    x: { domain: [0, 1], axis: null },
    y: { type: "band", domain: rows.map((r) => r.label), label: null, tickSize: 0, padding: 0.2 },
    marks: [
      Plot.barX(rows, { x: "share_of_first", y: "label", fill: "var(--theme-foreground-focus)" }),
      Plot.text(rows, { x: "share_of_first", y: "label", text: "share_text", textAnchor: "start", dx: 4, fill: "currentColor" }),
    ],
  });
}
