// Built text with emphasised parts (lib/pages' RichText) as DOM: strings become text, {strong} a <strong>.
// Nothing is parsed as HTML, so a name in the data cannot inject markup.
import type { RichText } from "../../lib/pages/cohorts";

export function richText(parts: RichText): DocumentFragment {
  const fragment = document.createDocumentFragment();
  for (const part of parts) {
    if (typeof part === "string") fragment.append(part);
    else {
      const strong = document.createElement("strong");
      strong.textContent = part.strong;
      fragment.append(strong);
    }
  }
  return fragment;
}
