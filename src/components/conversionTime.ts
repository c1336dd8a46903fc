// Time to convert: for each pair of consecutive steps, how long the units that made it took, as the
// share of them in each time bin (seconds to days, bins growing roughly ×2–×3 so no log axis is needed).
// One small chart per step pair, side by side on wide screens and stacked on narrow ones; each is
// headed by its median and quartiles, since a bin's share cannot show where the median falls inside it.
import * as Plot from "@observablehq/plot";
import { formatInteger, formatPercent } from "./format.js";
import { binsInUse, formatDuration, stepShortLabel, type TimeToConvert } from "./funnelWords.js";

export interface ConversionTimeOptions {
  width: number;
  /** Plural noun of the unit: "sessions", "users". */
  noun: string;
}

export interface ConversionTimeRow {
  transition: string;
  bin: string;
  lower_seconds: number;
  upper_seconds: number | null;
  count: number;
  /** count ÷ the units that reached the later step. */
  share: number;
}

export function transitionLabel(d: Pick<TimeToConvert, "from" | "to">): string {
  return `${stepShortLabel(d.from)} → ${stepShortLabel(d.to)}`;
}

/** One row per step pair and drawn bin (see binsInUse). */
export function conversionTimeRows(distributions: readonly TimeToConvert[]): ConversionTimeRow[] {
  const bins = new Set(binsInUse(distributions));
  return distributions.flatMap((d) =>
    d.histogram
      .filter((bin) => bins.has(bin.label))
      .map((bin) => ({
        transition: transitionLabel(d),
        bin: bin.label,
        lower_seconds: bin.lower_seconds,
        upper_seconds: bin.upper_seconds,
        count: bin.count,
        share: d.count > 0 ? bin.count / d.count : 0,
      })),
  );
}

export function quartilesText(d: TimeToConvert): string {
  if (d.count === 0) return "nobody converted";
  return `median ${formatDuration(d.median_seconds)} (middle half ${formatDuration(d.p25_seconds)}–${formatDuration(d.p75_seconds)})`;
}

export function conversionTime(distributions: readonly TimeToConvert[], { width, noun }: ConversionTimeOptions): HTMLElement {
  const bins = binsInUse(distributions);
  const rows = conversionTimeRows(distributions);
  const columns = width >= 720 ? Math.max(1, distributions.length) : 1;
  const gap = 24;
  const panelWidth = Math.floor((width - gap * (columns - 1)) / columns);
  const top = Math.max(0.05, ...rows.map((r) => r.share));
  const container = document.createElement("div");
  container.className = "conversion-time";
  container.style.display = "grid";
  container.style.gridTemplateColumns = `repeat(${columns}, minmax(0, 1fr))`;
  container.style.gap = `1rem ${gap}px`;
  for (const d of distributions) {
    const panel = document.createElement("div");
    const title = document.createElement("div");
    title.className = "conversion-time-title";
    const name = document.createElement("strong");
    name.textContent = transitionLabel(d);
    title.append(name, ` · ${formatInteger(d.count)} ${noun}`, document.createElement("br"), quartilesText(d));
    const own = rows.filter((r) => r.transition === transitionLabel(d));
    panel.append(
      title,
      Plot.plot({
        width: panelWidth,
        height: 24 + bins.length * 20,
        marginTop: 8,
        marginLeft: 52,
        marginRight: 40,
        marginBottom: 38,
        x: { domain: [0, top], tickFormat: ".0%", grid: true, label: `Share of ${noun} →`, labelAnchor: "right", ticks: Math.max(2, Math.floor(panelWidth / 90)) },
        y: { domain: bins, label: null, tickSize: 0 },
        marks: [
          Plot.barX(own, { y: "bin", x: "share", fill: "var(--theme-foreground-focus)", insetTop: 1.5, insetBottom: 1.5 }),
          Plot.text(own, {
            y: "bin",
            x: "share",
            text: (r: ConversionTimeRow) => (r.count === 0 ? "" : r.share < 0.0005 ? "<0.1%" : formatPercent(r.share, r.share < 0.1 ? 1 : 0)),
            textAnchor: "start",
            dx: 3,
            fontSize: 10.5,
            fill: "currentColor",
          }),
          Plot.ruleX([0]),
          Plot.tip(
            own,
            Plot.pointerY({
              y: "bin",
              x: "share",
              channels: {
                Time: (r: ConversionTimeRow) => r.bin,
                Share: (r: ConversionTimeRow) => formatPercent(r.share),
                Count: (r: ConversionTimeRow) => `${formatInteger(r.count)} ${noun}`,
              },
              format: { x: false, y: false, Time: true, Share: true, Count: true },
            }),
          ),
        ],
      }),
    );
    container.append(panel);
  }
  return container;
}
