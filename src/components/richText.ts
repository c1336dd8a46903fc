// Built text with emphasis (lib/pages/segments.ts's Rich) as DOM: strings as text, { strong } in bold,
// { em } in italics. Text nodes only, so nothing in the data is read as HTML.
import type { Rich } from "../../lib/pages/segments";

export function richText(parts: Rich): DocumentFragment {
  const fragment = document.createDocumentFragment();
  for (const part of parts) {
    if (typeof part === "string") fragment.append(part);
    else if ("strong" in part) fragment.append(Object.assign(document.createElement("strong"), { textContent: part.strong }));
    else fragment.append(Object.assign(document.createElement("em"), { textContent: part.em }));
  }
  return fragment;
}

/** A paragraph of built text; empty text gives an empty fragment (nothing on the page). */
export function richParagraph(parts: Rich, className?: string): Node {
  if (parts.length === 0) return document.createDocumentFragment();
  const p = document.createElement("p");
  if (className) p.className = className;
  p.append(richText(parts));
  return p;
}
