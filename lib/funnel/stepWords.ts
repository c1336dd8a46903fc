/**
 * The words for funnel steps, units and breakdown attributes, as the Funnel page says them. An event type
 * the kit does not know (a configured step such as "favorite") is shown by its own name.
 */
import type { BreakdownAttribute } from "./types.js";

const STEP_WORDS: Record<string, { past: string; short: string; verb: string; noun: string }> = {
  session_start: { past: "Started a session", short: "Start", verb: "started a session", noun: "session-start" },
  product_view: { past: "Viewed a product", short: "Viewed", verb: "viewed a product", noun: "product-view" },
  add_to_cart: { past: "Added to cart", short: "Carted", verb: "added something to the cart", noun: "add-to-cart" },
  purchase: { past: "Purchased", short: "Bought", verb: "bought", noun: "purchase" },
};

/** "Viewed a product" for product_view: a bar's label. */
export function stepLabel(step: string): string {
  return STEP_WORDS[step]?.past ?? step;
}

/** "Viewed" for product_view: for compact labels such as "Viewed → Carted". */
export function stepShortLabel(step: string): string {
  return STEP_WORDS[step]?.short ?? step;
}

/** The step as a verb phrase in running text: "viewed a product"; "reached favorite" for other types. */
export function stepVerb(step: string): string {
  return STEP_WORDS[step]?.verb ?? `reached ${step}`;
}

/** The event type as a noun before "events": "no product-view or add-to-cart events". */
export function stepEventNoun(step: string): string {
  return STEP_WORDS[step]?.noun ?? step;
}

const ATTRIBUTE_LABELS: Record<BreakdownAttribute, string> = {
  segment: "Segment",
  gender: "Gender",
  age_band: "Age band",
  location: "Location",
};

export function attributeLabel(attribute: string): string {
  return ATTRIBUTE_LABELS[attribute as BreakdownAttribute] ?? attribute;
}

/** A breakdown value as a reader says it: gender codes spelled out, age bands as ages, the rest as stored. */
export function valueLabel(attribute: string, value: string): string {
  if (attribute === "gender") return value === "F" ? "Female" : value === "M" ? "Male" : value;
  if (attribute === "age_band" && /^\d/.test(value)) return `Aged ${value}`;
  return value;
}

/** "Viewed → Carted": the pair of consecutive steps a time to convert runs between. */
export function transitionLabel(d: { from: string; to: string }): string {
  return `${stepShortLabel(d.from)} → ${stepShortLabel(d.to)}`;
}

/** Shortens text to `max` characters with an ellipsis, for labels drawn beside marks (characters, not UTF-16 units). */
export function truncate(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : `${chars.slice(0, Math.max(1, max - 1)).join("").trimEnd()}…`;
}
