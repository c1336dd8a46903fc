// Brought data's event mix: one bar per event type (custom types by their name), its length the type's
// count, labelled with the count and share worded at build time (lib/pages/dataMethods.ts).
import * as Plot from "@observablehq/plot";
import type { DataProfilePart } from "../../lib/pages/dataMethods";

type MixRow = DataProfilePart["mix"]["rows"][number];

export function eventMixChart(rows: readonly MixRow[], { width: available }: { width: number }): SVGSVGElement | HTMLElement {
  // Margins for the type names and the labels must leave the bars room, however narrow the first layout.
  const width = Math.max(available, 260);
  const longest = Math.max(4, ...rows.map((r) => r.event_type.length));
  return Plot.plot({
    width,
    height: 36 + rows.length * 30,
    marginLeft: Math.min(width * 0.4, 12 + longest * 7),
    marginRight: Math.min(width * 0.3, 100),
    marginTop: 8,
    marginBottom: 28,
    style: { fontSize: "12px" },
    x: { grid: true, label: "Events →", ticks: width < 480 ? 3 : 6 },
    y: { type: "band", domain: rows.map((r) => r.event_type), label: null, tickSize: 0, padding: 0.2 },
    marks: [
      Plot.barX(rows, { x: "events", y: "event_type", fill: "var(--theme-foreground-focus)" }),
      Plot.text(rows, { x: "events", y: "event_type", text: "label", textAnchor: "start", dx: 4, fill: "currentColor" }),
      Plot.ruleX([0]),
    ],
  });
}
