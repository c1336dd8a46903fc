// Brought data's daily volume: events per calendar day of the data's time zone, every day from the
// first event to the last (days without events at 0), as built in lib/pages/dataMethods.ts.
import * as Plot from "@observablehq/plot";
import type { DataProfilePart } from "../../lib/pages/dataMethods";

type DayRow = DataProfilePart["daily"]["rows"][number];

/** Up to this many days are drawn as one bar each, labelled by their date; longer data as a stepped area. */
const BARS = 45;

export function dailyVolumeChart(rows: readonly DayRow[], { width: available }: { width: number }): SVGSVGElement | HTMLElement {
  const width = Math.max(available, 260);
  const height = Math.max(180, Math.min(260, width * 0.35));
  const y = { grid: true, label: "↑ Events per day" };
  if (rows.length <= BARS) {
    // The days as they were counted ("YYYY-MM-DD" of the data's zone), every nth labelled so they never overlap.
    const every = Math.max(1, Math.ceil(rows.length / Math.max(1, Math.floor((width - 60) / 90))));
    return Plot.plot({
      width,
      height,
      marginLeft: 48,
      marginRight: 16,
      x: { type: "band", domain: rows.map((r) => r.day), label: null, padding: 0.1, tickFormat: (day: string, i: number) => (i % every === 0 ? day : "") },
      y,
      marks: [Plot.barY(rows, { x: "day", y: "events", fill: "var(--theme-foreground-focus)" }), Plot.ruleY([0])],
    });
  }
  // "YYYY-MM-DD" read as UTC midnight and drawn on a UTC scale: the tick is the data's own calendar day.
  const days = rows.map((r) => ({ date: new Date(`${r.day}T00:00:00Z`), events: r.events }));
  return Plot.plot({
    width,
    height,
    marginLeft: 48,
    marginRight: 16,
    x: { type: "utc", label: null, ticks: width < 480 ? 3 : 6 },
    y,
    marks: [
      Plot.areaY(days, { x: "date", y: "events", fill: "var(--theme-foreground-focus)", fillOpacity: 0.25, curve: "step-after" }),
      Plot.lineY(days, { x: "date", y: "events", stroke: "var(--theme-foreground-focus)", strokeWidth: 1.25, curve: "step-after" }),
      Plot.ruleY([0]),
    ],
  });
}
