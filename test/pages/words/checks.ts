/**
 * What every built sentence must satisfy on any data (issue 10 item 7), as reusable checks: no template
 * leak, singular and plural agree, and the numbers it prints are the ones in the typed parts it was built
 * from (in any of the ways lib/format spells a number).
 */
import { formatInteger, formatMoney, formatNumber, formatPart, formatPercent, formatShare } from "../../../lib/format.js";

export const LEAK = /undefined|NaN|\bnull\b|\[object Object\]|Infinity/;

/** Nouns that are never used as adjectives in the built text (so "3 user" is always wrong, unlike "3 purchase events"). */
export const PLURAL_NOUNS = ["event", "user", "session", "product", "comparison", "day", "row", "hour", "minute", "purchase event", "active user", "registered user", "customer", "decile", "repeat buyer", "purchase day", "calibration customer", "segment"];

/** The noun-number disagreements in a text ("1 events", "3 user"), empty when there are none. */
export function numberDisagreements(text: string, nouns: readonly string[] = PLURAL_NOUNS): string[] {
  const found: string[] = [];
  for (const noun of nouns) {
    const many = noun.endsWith("y") ? `${noun.slice(0, -1)}ies` : `${noun}s`;
    for (const m of text.matchAll(new RegExp(`(^|[^\\d\\u202F.,])1 ${many}\\b`, "g"))) found.push(m[0].trim());
    for (const m of text.matchAll(new RegExp(`(^|[^\\d.,\\u2212-])(0|[2-9]|\\d[\\d\\u202F]+) ${noun}\\b(?![s'’-]|ies)`, "g"))) found.push(m[0].trim());
  }
  return found;
}

export function numbersIn(value: unknown): number[] {
  if (typeof value === "number") return [value];
  if (Array.isArray(value)) return value.flatMap(numbersIn);
  if (value !== null && typeof value === "object") return Object.values(value).flatMap(numbersIn);
  return [];
}

/** Every way the pages format a number of the typed parts (a count, a share, a percent, money). */
export function spellings(parts: unknown): Set<string> {
  const out = new Set<string>(["95", "1", "0"]);
  // A negative number prints as "−0.18": its digits are those of its magnitude.
  const numbers = numbersIn(parts).flatMap((x) => (x < 0 ? [x, -x] : [x]));
  for (const x of numbers) {
    // formatShare and formatPart: shares in prose ("25%", "0.4%"); 1–3 decimals: means, z-scores, lifts, silhouettes.
    for (const text of [formatInteger(x), formatInteger(Math.round(x)), formatPercent(x), formatShare(x), formatPart(x), formatNumber(x * 100, 1), formatNumber(x, 1), formatNumber(x, 2), formatNumber(x, 3), formatMoney(x), String(x)]) {
      // The sign is not part of the number a reader's eye (or countedNumbers) picks out: "−0.04" → "0.04".
      out.add(text.replace(/[%$<\u2212]/g, ""));
    }
  }
  // A share of two counts (buyers / active users). An interval's ends are spelled as single numbers above.
  const counts = [...new Set(numbers.filter((x) => Number.isInteger(x) && x >= 0))];
  for (const a of counts) for (const b of counts) if (b > 0) out.add(formatPercent(a / b).replace("%", ""));
  return out;
}

const spelled = new WeakMap<object, Set<string>>();
/** spellings(parts), computed once per parts object (pages share one parts object among their sentences). */
export function spellingsOnce(parts: unknown): Set<string> {
  if (parts === null || typeof parts !== "object") return spellings(parts);
  let out = spelled.get(parts);
  if (!out) spelled.set(parts, (out = spellings(parts)));
  return out;
}

/** The numbers of a text that are counts or rates: dates and calendar months (cohort labels), times, spans, quoted names and seeds removed. */
export function countedNumbers(text: string): string[] {
  const words = text
    .replace(/“[^”]*”/g, "")
    .replace(/\d{4}-\d{2}(-\d{2})?( \d{2}:\d{2})?|\d{2}:\d{2}|\(\d+ (hours?|minutes?)( \d+ minutes?)?\)|\d+ days?\)|month \d+|seed \d+/g, "");
  return words.match(/\d[\d\u202F]*(\.\d+)?/g) ?? [];
}
