// Brought data's daily volume: events per calendar day of the data's time zone, every day from the
// first event to the last (days without events at 0), as built in lib/pages/dataMethods.ts.
import * as Plot from "@observablehq/plot";
import type { DataProfilePart } from "../../lib/pages/dataMethods";

type DayRow = DataProfilePart["daily"]["rows"][number];

export function dailyVolumeChart(rows: readonly DayRow[], { width }: { width: number }): SVGSVGElement | HTMLElement {
  // "YYYY-MM-DD" read as UTC midnight and drawn on a UTC scale: the tick is the data's own calendar day.
  const days = rows.map((r) => ({ date: new Date(`${r.day}T00:00:00Z`), events: r.events }));
  const few = days.length <= 45;
  return Plot.plot({
    width,
    height: Math.max(180, Math.min(260, width * 0.35)),
    marginLeft: 48,
    marginRight: 16,
    x: { type: "utc", label: null, ticks: width < 480 ? 3 : 6 },
    y: { grid: true, label: "↑ Events per day" },
    marks: [
      few
        ? Plot.rectY(days, { x: "date", y: "events", interval: "day", fill: "var(--theme-foreground-focus)", inset: 0.5 })
        : Plot.areaY(days, { x: "date", y: "events", fill: "var(--theme-foreground-focus)", fillOpacity: 0.25, curve: "step" }),
      few ? null : Plot.lineY(days, { x: "date", y: "events", stroke: "var(--theme-foreground-focus)", strokeWidth: 1.25, curve: "step" }),
      Plot.ruleY([0]),
    ],
  });
}
