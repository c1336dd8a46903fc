/**
 * What every built sentence must satisfy on any data (issue 10 item 7), as reusable checks: no template
 * leak, singular and plural agree, and the numbers it prints are the ones in the typed parts it was built
 * from (in any of the ways lib/format spells a number).
 */
import { formatInteger, formatInterval, formatMoney, formatNumber, formatPercent, formatShare } from "../../../lib/format.js";

export const LEAK = /undefined|NaN|\bnull\b|\[object Object\]|Infinity/;

/** Nouns that are never used as adjectives in the built text (so "3 user" is always wrong, unlike "3 purchase events"). */
export const PLURAL_NOUNS = ["event", "user", "session", "product", "comparison", "day", "row", "hour", "minute", "purchase event", "active user", "registered user"];

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
    // formatShare: shares in prose ("25%", "0.4%"); 1–3 decimals: means, z-scores, lifts, silhouettes.
    for (const text of [formatInteger(x), formatInteger(Math.round(x)), formatPercent(x), formatShare(x), formatNumber(x * 100, 1), formatNumber(x, 1), formatNumber(x, 2), formatNumber(x, 3), formatMoney(x), String(x)]) {
      out.add(text.replace(/[%$]/g, ""));
    }
  }
  // A share of two parts (buyers / active users) and an interval's ends.
  for (const a of numbers) for (const b of numbers) if (b > 0) out.add(formatPercent(a / b).replace("%", ""));
  for (const a of numbers) for (const b of numbers) for (const t of formatInterval(a, b).match(/\d[\d.]*/g) ?? []) out.add(t);
  return out;
}

/** The numbers of a text that are counts or rates: dates, times, spans, quoted names and seeds removed. */
export function countedNumbers(text: string): string[] {
  const words = text
    .replace(/“[^”]*”/g, "")
    .replace(/\d{4}-\d{2}-\d{2}( \d{2}:\d{2})?|\d{2}:\d{2}|\(\d+ (hours?|minutes?)( \d+ minutes?)?\)|\d+ days?\)|month \d+|seed \d+/g, "");
  return words.match(/\d[\d\u202F]*(\.\d+)?/g) ?? [];
}
