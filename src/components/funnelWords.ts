// Pure helpers for the funnel charts and prose: the words for steps, units and attributes, durations,
// the histogram bins worth drawing, and the data shapes the charts share. No DOM, so Node tests import it.

export type FunnelUnit = "session" | "user";
export type BreakdownAttribute = "segment" | "gender" | "age_band" | "location";

export interface FunnelStep {
  step: string;
  count: number;
  rate_from_previous: number | null;
  rate_from_first: number | null;
  ci_low: number;
  ci_high: number;
  ci_from_first_low: number;
  ci_from_first_high: number;
  drop_off: number;
  drop_off_rate: number | null;
}

export interface TimeHistogramBin {
  label: string;
  lower_seconds: number;
  upper_seconds: number | null;
  count: number;
}

export interface TimeToConvert {
  from: string;
  to: string;
  count: number;
  p25_seconds: number | null;
  median_seconds: number | null;
  p75_seconds: number | null;
  p90_seconds: number | null;
  mean_seconds: number | null;
  histogram: TimeHistogramBin[];
}

export interface TrendPoint {
  period: string;
  period_start: string;
  entered: number;
  converted: number;
  rate: number;
  ci_low: number;
  ci_high: number;
  step_counts: number[];
  complete: boolean;
}

const STEP_WORDS: Record<string, { past: string; short: string }> = {
  session_start: { past: "Started a session", short: "Start" },
  product_view: { past: "Viewed a product", short: "Viewed" },
  add_to_cart: { past: "Added to cart", short: "Carted" },
  purchase: { past: "Purchased", short: "Bought" },
};

/** "Viewed a product" for product_view; an unknown event type is shown as it is. */
export function stepLabel(step: string): string {
  return STEP_WORDS[step]?.past ?? step;
}

/** "Viewed" for product_view: for compact labels such as "Viewed → Carted". */
export function stepShortLabel(step: string): string {
  return STEP_WORDS[step]?.short ?? step;
}

export const ATTRIBUTE_LABELS: Record<BreakdownAttribute, string> = {
  segment: "Segment",
  gender: "Gender",
  age_band: "Age band",
  location: "Location",
};

export function attributeLabel(attribute: string): string {
  return ATTRIBUTE_LABELS[attribute as BreakdownAttribute] ?? attribute;
}

/** A breakdown value as a reader says it: gender codes spelled out, everything else as stored. */
export function valueLabel(attribute: string, value: string): string {
  if (attribute === "gender") return value === "F" ? "Female" : value === "M" ? "Male" : value;
  if (attribute === "age_band" && /^\d/.test(value)) return `Aged ${value}`;
  return value;
}

function trimNumber(x: number): string {
  return x >= 10 ? x.toFixed(0) : x.toFixed(1).replace(/\.0$/, "");
}

/**
 * A duration in the largest unit that keeps it readable: 0.4 → "0.4 s", 40 → "40 s", 133 → "2.2 min",
 * 74 467 → "21 h", 281 048 → "3.3 days". Not a number → "—".
 */
export function formatDuration(seconds: number | null | undefined): string {
  if (typeof seconds !== "number" || !Number.isFinite(seconds)) return "\u2014";
  const s = Math.max(0, seconds);
  if (s < 60) return `${trimNumber(s)} s`;
  if (s < 3600) return `${trimNumber(s / 60)} min`;
  if (s < 86_400) return `${trimNumber(s / 3600)} h`;
  const days = s / 86_400;
  return `${trimNumber(days)} ${days < 1.05 ? "day" : "days"}`;
}

/**
 * The bins worth drawing for a set of time-to-convert distributions: from the first bin any of them
 * uses to the last one any of them uses, so empty bins inside the range stay (gaps are information)
 * and the long empty tail of "≥7d" and beyond does not. Empty when nothing converted.
 */
export function binsInUse(distributions: readonly Pick<TimeToConvert, "histogram">[]): string[] {
  const labels = distributions[0]?.histogram.map((bin) => bin.label) ?? [];
  const used = labels.map((_, i) => distributions.some((d) => (d.histogram[i]?.count ?? 0) > 0));
  const first = used.indexOf(true);
  const last = used.lastIndexOf(true);
  return first < 0 ? [] : labels.slice(first, last + 1);
}

/** A period starting before the window holds only the window's first days (e.g. the ISO week of Jan 1). */
export function startsBeforeWindow(point: Pick<TrendPoint, "period_start">, window: { start: string }): boolean {
  return Date.parse(point.period_start) < Date.parse(window.start);
}

/** Shortens text to `max` characters with an ellipsis, for labels drawn beside marks. */
export function truncate(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : `${chars.slice(0, Math.max(1, max - 1)).join("").trimEnd()}…`;
}

/** a, b, …, z, aa, ab, …: the letters of a compact letter display. */
export function letterName(index: number): string {
  let name = "";
  let i = index;
  do {
    name = String.fromCharCode(97 + (i % 26)) + name;
    i = Math.floor(i / 26) - 1;
  } while (i >= 0);
  return name;
}

const STEP_VERBS: Record<string, string> = {
  session_start: "started a session",
  product_view: "viewed a product",
  add_to_cart: "added something to the cart",
  purchase: "bought",
};

/** The step as a verb phrase in running text: "viewed a product". */
export function stepVerb(step: string): string {
  return STEP_VERBS[step] ?? `reached ${step}`;
}
