// One card per segment: its name and size, its share of users and of revenue, its key rates with 95%
// Wilson intervals, what it means for the business, and the naming rule's conditions with the segment's
// own values (why it is called what it is). Plain HTML: these are facts to read, not a chart.
import { formatCurrency, formatInteger } from "./format.js";
import { clusterColour, formatRate, formatShare, type Cluster, type Rate } from "./segmentData.js";

export interface SegmentCardsOptions {
  /** Why each cluster got its name, by cluster number. */
  evidence: ReadonlyMap<number, string>;
  /** Product views from which a non-buyer counts as a window shopper. */
  windowShopperMinViews: number;
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, ...children: (Node | string)[]) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  node.append(...children);
  return node;
}


function rateItem(term: string, rate: Rate, count: string): HTMLElement[] {
  return [element("dt", undefined, term), element("dd", undefined, formatRate(rate), element("span", "segment-card-count", ` ${count}`))];
}

function card(cluster: Cluster, options: SegmentCardsOptions): HTMLElement {
  const swatch = element("span", "segment-swatch");
  swatch.style.background = clusterColour(cluster.cluster);
  swatch.setAttribute("aria-hidden", "true");
  const title = element("h3", "segment-card-title", swatch, cluster.name);
  const size = element(
    "p",
    "segment-card-size",
    element("strong", undefined, formatInteger(cluster.size)),
    ` users: ${formatShare(cluster.share)} of active users, `,
    element("strong", undefined, formatShare(cluster.revenue_share)),
    ` of revenue (${formatCurrency(cluster.revenue_per_user)} per user)`,
  );
  const rates = element(
    "dl",
    "segment-card-rates",
    ...rateItem("Session conversion", cluster.session_conversion, `(${formatInteger(cluster.session_conversion.successes)} of ${formatInteger(cluster.session_conversion.trials)} sessions)`),
    ...rateItem("Bought at least once", cluster.buyer_share, `(${formatInteger(cluster.buyer_share.successes)} of ${formatInteger(cluster.buyer_share.trials)} users)`),
    ...rateItem(
      "Cart abandonment",
      cluster.cart_abandonment,
      cluster.cart_abandonment.trials > 0
        ? `(${formatInteger(cluster.cart_abandonment.successes)} of ${formatInteger(cluster.cart_abandonment.trials)} carted sessions)`
        : "(no carted session)",
    ),
    ...rateItem(
      `Window shoppers (≥ ${formatInteger(options.windowShopperMinViews)} views, no purchase)`,
      cluster.window_shoppers,
      `(${formatInteger(cluster.window_shoppers.successes)} users)`,
    ),
  );
  const meaning = element("p", "segment-card-meaning", element("strong", undefined, "What it means: "), cluster.meaning);
  const why = element(
    "details",
    "segment-card-rule",
    element("summary", undefined, "Why this name"),
    element("p", undefined, `Rule `, element("code", undefined, cluster.rule), `: ${options.evidence.get(cluster.cluster) ?? ""}`),
  );
  const article = element("article", "card segment-card", title, size, rates, meaning, why);
  article.style.borderTopColor = clusterColour(cluster.cluster);
  return article;
}

export function segmentCards(clusters: readonly Cluster[], options: SegmentCardsOptions): HTMLElement {
  return element("div", "segment-cards", ...[...clusters].sort((a, b) => b.size - a.size).map((c) => card(c, options)));
}
