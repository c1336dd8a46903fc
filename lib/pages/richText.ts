/**
 * Built text with emphasised runs: plain strings, `{ strong }` and `{ em }` parts, which components turn
 * into text nodes, <strong> and <em> elements (src/components/richText.ts), so a name brought with the
 * data is never parsed as markup. Shared by every page module that emphasises parts of its sentences.
 */
export type RichText = (string | { strong: string } | { em: string })[];

/** The text as a reader sees it, emphasis dropped (for text alternatives and tests). */
export function plainText(parts: RichText): string {
  return parts.map((p) => (typeof p === "string" ? p : "strong" in p ? p.strong : p.em)).join("");
}
