// The Overview's opening row of small charts: each a card whose title links to the page that tells the
// whole story, with a one-line caption saying what is drawn. Wraps to one column on a phone.
import { describeChart } from "./a11y.js";
export interface GlanceCard {
  title: string;
  href: string;
  /** What the chart draws, in a line; also the chart's text alternative. */
  caption: string;
  chart: Node;
}

export function glanceRow(cards: readonly GlanceCard[]): HTMLElement {
  const row = document.createElement("div");
  row.className = "glance-row";
  for (const { title, href, caption, chart } of cards) {
    const card = document.createElement("figure");
    card.className = "card glance";
    const heading = document.createElement("h2");
    const link = document.createElement("a");
    link.href = href;
    link.textContent = `${title} →`;
    heading.append(link);
    const figcaption = document.createElement("figcaption");
    figcaption.textContent = caption;
    // Screen readers hear the chart as one image named by its title and caption (a11y.ts).
    card.append(heading, describeChart(chart, { label: `${title}: ${caption}` }), figcaption);
    row.append(card);
  }
  return row;
}
