// Built text with emphasised runs (lib/pages/richText.ts) as DOM nodes: every part becomes a text
// node, so a category or product name brought with the data is never parsed as markup.
import type { RichText } from "../../lib/pages/richText.js";

export function richText(parts: RichText, tag: "span" | "p" = "span", className?: string): HTMLElement {
  const element = document.createElement(tag);
  if (className) element.className = className;
  for (const part of parts) {
    if (typeof part === "string") element.append(part);
    else {
      const strong = document.createElement("strong");
      strong.textContent = part.strong;
      element.append(strong);
    }
  }
  return element;
}
