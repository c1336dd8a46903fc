/**
 * Built text with emphasised runs: plain strings and `{ strong }` parts, which components turn into text
 * nodes and <strong> elements (src/components/richText.ts), so a name brought with the data is never
 * parsed as markup. Shared by every page module that emphasises numbers in its sentences.
 */
export type RichText = (string | { strong: string })[];
