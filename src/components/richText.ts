// Built text with emphasised runs (lib/pages/richText.ts) as DOM nodes: strings become text nodes,
// { strong } a <strong>, { em } an <em>. Nothing is parsed as HTML, so a category or product name brought
// with the data can never inject markup.
import type { RichText } from "../../lib/pages/richText.js";

function appendParts(element: HTMLElement, parts: RichText): HTMLElement {
  for (const part of parts) {
    if (typeof part === "string") element.append(part);
    else if ("strong" in part) element.append(Object.assign(document.createElement("strong"), { textContent: part.strong }));
    else element.append(Object.assign(document.createElement("em"), { textContent: part.em }));
  }
  return element;
}

export function richText(parts: RichText, tag: "span" | "p" = "span", className?: string): HTMLElement {
  const element = document.createElement(tag);
  if (className) element.className = className;
  return appendParts(element, parts);
}

/** A paragraph of built text; empty text gives an empty fragment (nothing on the page). */
export function richParagraph(parts: RichText, className?: string): Node {
  return parts.length === 0 ? document.createDocumentFragment() : richText(parts, "p", className);
}
