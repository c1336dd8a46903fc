// Time to convert: for each pair of consecutive steps, how long the units that made it took, as the
// share of them in each time bin (seconds to days, bins growing roughly ×2–×3 so no log axis is needed).
// One small chart per step pair, side by side on wide screens and stacked on narrow ones; each is
// headed by its median and quartiles, since a bin's share cannot show where the median falls inside it.
// Every word comes built (lib/pages/funnel.ts).
import * as Plot from "@observablehq/plot";
import type { FunnelPage } from "../../lib/pages/funnel.js";

type TimeCard = FunnelPage["units"]["session"]["time"];
type Bar = TimeCard["panels"][number]["bars"][number];

export function conversionTime(card: Pick<TimeCard, "bins" | "panels" | "axis_label">, { width }: { width: number }): HTMLElement {
  const { bins, panels } = card;
  const columns = width >= 720 ? Math.max(1, panels.length) : 1;
  const gap = 24;
  const panelWidth = Math.floor((width - gap * (columns - 1)) / columns);
  const top = Math.max(0.05, ...panels.flatMap((p) => p.bars.map((b) => b.share)));
  const container = document.createElement("div");
  container.className = "conversion-time";
  container.style.display = "grid";
  container.style.gridTemplateColumns = `repeat(${columns}, minmax(0, 1fr))`;
  container.style.gap = `1rem ${gap}px`;
  for (const p of panels) {
    const panel = document.createElement("div");
    const title = document.createElement("div");
    title.className = "conversion-time-title";
    const name = document.createElement("strong");
    name.textContent = p.title;
    title.append(name, p.subtitle, document.createElement("br"), p.quartiles);
    panel.append(
      title,
      Plot.plot({
        width: panelWidth,
        height: 24 + bins.length * 20,
        marginTop: 8,
        marginLeft: 52,
        marginRight: 40,
        marginBottom: 38,
        x: { domain: [0, top], tickFormat: ".0%", grid: true, label: card.axis_label, labelAnchor: "right", ticks: Math.max(2, Math.floor(panelWidth / 90)) },
        y: { domain: bins, label: null, tickSize: 0 },
        marks: [
          Plot.barX(p.bars, { y: "bin", x: "share", fill: "var(--theme-foreground-focus)", insetTop: 1.5, insetBottom: 1.5 }),
          Plot.text(p.bars, { y: "bin", x: "share", text: "bar_label", textAnchor: "start", dx: 3, fontSize: 10.5, fill: "currentColor" }),
          Plot.ruleX([0]),
          Plot.tip(
            p.bars,
            Plot.pointerY({
              y: "bin",
              x: "share",
              channels: { Time: (b: Bar) => b.bin, Share: (b: Bar) => b.tip_share, Count: (b: Bar) => b.tip_count },
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
