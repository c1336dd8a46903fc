// How concentrated future value is: customers ranked by CLV into ten equal groups, each bar the
// group's share of all expected value (the first bar is the top decile).
import * as Plot from "@observablehq/plot";
import type { ClvDecileRow } from "../../lib/pages/predictions";

export function clvDeciles(rows: readonly ClvDecileRow[], { width }: { width: number }): SVGSVGElement | HTMLElement {
  return Plot.plot({
    width,
    height: 280,
    marginBottom: 44,
    x: { type: "band", domain: rows.map((r) => r.decile), label: "CLV decile (1 = the tenth with the highest CLV)", labelAnchor: "center" },
    y: { grid: true, tickFormat: ".0%", label: "↑ Share of expected value" },
    marks: [
      Plot.barY(rows, { x: "decile", y: "share", fill: (d: ClvDecileRow) => (d.decile === 1 ? "var(--theme-foreground-focus)" : "var(--theme-foreground-muted)") }),
      Plot.text(rows, { x: "decile", y: "share", dy: -8, text: "share_text", fill: "currentColor", fontSize: width < 480 ? 9 : 11 }),
      Plot.tip(rows, Plot.pointerX({ x: "decile", y: "share", title: "tooltip_text" })),
      Plot.ruleY([0]),
    ],
  });
}
