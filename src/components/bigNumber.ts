// Headline numbers ("KPI cards"): a label, one big value, and the interval or definition beneath it.
// The value comes formatted from the page's builder (lib/format.ts): this component formats nothing.
import type { KpiCard } from "../../lib/pages/overview";
import { uniqueId } from "./a11y.js";

/** A page's KPI card (label, formatted value, interval), with a caption that may also be a node. */
export type BigNumberOptions = Omit<KpiCard, "caption"> & {
  /** A definition or comparison in small print. */
  caption?: string | Node;
  /** Extra class names, e.g. "grid-colspan-2". */
  className?: string;
};

function div(className: string, ...children: (Node | string)[]): HTMLDivElement {
  const node = document.createElement("div");
  node.className = className;
  node.append(...children);
  return node;
}

/** One KPI card. */
export function bigNumber({ label, value, interval, caption, className }: BigNumberOptions): HTMLElement {
  const card = div(["card", "big-number", className].filter(Boolean).join(" "));
  card.setAttribute("role", "group");
  const labelNode = div("big-number-label", label);
  labelNode.id = uniqueId("kpi-label");
  card.setAttribute("aria-labelledby", labelNode.id);
  card.append(labelNode, div("big-number-value big", value));
  if (interval) card.append(div("big-number-interval", interval));
  if (caption) card.append(div("big-number-caption", caption));
  return card;
}

/**
 * A grid of KPI cards that fills the row on wide screens and stacks to one column on phones. The count
 * is on the grid (data-count) so that five cards can sit as three and two rather than four and one.
 */
export function kpiGrid(cards: readonly (Node | BigNumberOptions)[]): HTMLElement {
  const grid = div("kpi-grid", ...cards.map((card) => (card instanceof Node ? card : bigNumber(card))));
  grid.dataset.count = String(cards.length);
  return grid;
}
