// One card per segment: its name and size, its share of users and of revenue, its key rates with 95%
// Wilson intervals, what it means for the business, and the naming rule's conditions with the segment's
// own values (why it is called what it is). Plain HTML: these are facts to read, not a chart. Every text
// is built at build time (lib/pages/segments.ts).
import type { SegmentCard } from "../../lib/pages/segments";
import { richText } from "./richText.js";
import { clusterColour } from "./segmentColours.js";

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, ...children: (Node | string)[]) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  node.append(...children);
  return node;
}

function card(segment: SegmentCard): HTMLElement {
  const swatch = element("span", "segment-swatch");
  swatch.style.background = clusterColour(segment.cluster);
  swatch.setAttribute("aria-hidden", "true");
  const title = element("h3", "segment-card-title", swatch, segment.name);
  const size = element("p", "segment-card-size", richText(segment.size));
  const rates = element(
    "dl",
    "segment-card-rates",
    ...segment.rates.flatMap((rate) => [element("dt", undefined, rate.term), element("dd", undefined, rate.value, element("span", "segment-card-count", ` ${rate.count}`))]),
  );
  const meaning = element("p", "segment-card-meaning", element("strong", undefined, "What it means: "), segment.meaning);
  const why = element(
    "details",
    "segment-card-rule",
    element("summary", undefined, "Why this name"),
    element("p", undefined, "Rule ", element("code", undefined, segment.rule), `: ${segment.evidence}`),
  );
  const article = element("article", "card segment-card", title, size, rates, meaning, why);
  article.style.borderTopColor = clusterColour(segment.cluster);
  return article;
}

export function segmentCards(cards: readonly SegmentCard[]): HTMLElement {
  return element("div", "segment-cards", ...cards.map(card));
}
