// The key insights as a list of cards. Their words are built at build time (lib/pages/overview.ts); this
// only places them. Text nodes throughout: names from brought data may contain markup, and must show as text.
import type { InsightCard } from "../../lib/pages/overview";

export function insightList(insights: readonly InsightCard[]): HTMLElement {
  const list = document.createElement("ol");
  list.className = "insight-list";
  for (const { title, sentence, link, href } of insights) {
    const item = document.createElement("li");
    item.className = "card insight";
    const heading = document.createElement("h2");
    heading.textContent = title;
    const text = document.createElement("p");
    text.textContent = sentence + " ";
    const anchor = document.createElement("a");
    anchor.href = href;
    anchor.textContent = `${link} →`;
    text.append(anchor);
    item.append(heading, text);
    list.append(item);
  }
  return list;
}
