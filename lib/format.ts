/**
 * The report's one formatting module: numbers, percents, money, durations, plurals, lists and ties, as
 * the engines and the page builders (lib/pages) word them at build time. Pure (no DOM, no locale
 * lookups), so every machine prints the same text.
 *
 * Conventions: digits are grouped by threes with a narrow no-break space (SI style, never wraps inside a
 * number), negatives use the true minus sign, proportions come in as fractions (0.042 → "4.2%"), and
 * anything that is not a finite number prints as an em dash rather than "NaN".
 */
import { formatLocale } from "d3";

/** U+202F NARROW NO-BREAK SPACE: the thin space that groups digits. */
export const THIN_SPACE = "\u202F";
/** U+2212 MINUS SIGN. */
export const MINUS = "\u2212";
/** Shown for missing or non-finite values. */
export const MISSING = "\u2014";

function isNumber(x: unknown): x is number {
  return typeof x === "number" && Number.isFinite(x);
}

// d3-format with the conventions above: it rounds as toFixed does and drops the sign of a value that
// rounds to 0 ("0", never "−0"), so only the grouping and the minus sign are ours.
const locale = formatLocale({ decimal: ".", thousands: THIN_SPACE, grouping: [3], currency: ["$", ""], minus: MINUS });
const fixed = new Map<number, (x: number) => string>();

// ---- numbers ----

/** Rounds to `digits` decimals and groups the integer part; "−" only when the rounded value is not 0. */
export function formatNumber(x: number, digits = 0): string {
  if (!isNumber(x)) return MISSING;
  let format = fixed.get(digits);
  if (!format) fixed.set(digits, (format = locale.format(`,.${digits}f`)));
  return format(x);
}

/** A whole number with thin grouping: 1234567 → "1 234 567". */
export function formatInteger(x: number): string {
  return formatNumber(x, 0);
}

/** A signed number: 0.5 → "+0.50", −0.5 → "−0.50". */
export function formatSigned(x: number, digits = 2): string {
  const text = formatNumber(x, digits);
  return x > 0 && /[1-9]/.test(text) ? `+${text}` : text;
}

// ---- percents ----

/** A proportion as a percentage: 0.0423 → "4.2%". */
export function formatPercent(p: number, digits = 1): string {
  return isNumber(p) ? `${formatNumber(p * 100, digits)}%` : MISSING;
}

/**
 * A part of a whole as a percentage that never reads as all or nothing when it is not: 0.99974 →
 * "99.97%" (not "100.0%"), 0.0004 → "<0.1%" (not "0.0%"); 0 and 1 print as "0.0%" and "100.0%".
 * For text that travels without its context (the post, the social cards).
 */
export function formatPart(p: number): string {
  if (!isNumber(p)) return MISSING;
  const text = formatPercent(p, 1);
  if (p < 1 && text === "100.0%") return formatPercent(Math.min(p, 0.9999), 2);
  if (p > 0 && text === "0.0%") return "<0.1%";
  return text;
}

/**
 * A share in prose: whole percents, one decimal below 1% and above 99%, and never a rounded "0%" or
 * "100%" for a share that is not exactly that ("more than 99.9%": 99.97% of revenue is not all of it).
 */
export function formatShare(share: number): string {
  if (!isNumber(share)) return MISSING;
  const value = share * 100;
  if (value > 0 && value < 0.1) return "less than 0.1%";
  if (value > 99.9 && value < 100) return "more than 99.9%";
  return `${(value > 0 && value < 1) || (value > 99 && value < 100) ? value.toFixed(1) : Math.round(value)}%`;
}

/** "95% CI 3.9–4.5%". */
export function formatInterval(low: number, high: number, digits = 1): string {
  return `95% CI ${formatNumber(low * 100, digits)}–${formatNumber(high * 100, digits)}%`;
}

/**
 * A proportion with its confidence interval: (0.042, 0.039, 0.045) → "4.2% (95% CI 3.9–4.5%)".
 * When a bound is negative (a difference), "to" replaces the en dash so the minus signs stay readable.
 */
export function formatPercentInterval(p: number, lower: number, upper: number, digits = 1): string {
  if (!isNumber(p)) return MISSING;
  const point = formatPercent(p, digits);
  if (!isNumber(lower) || !isNumber(upper)) return point;
  const separator = lower < 0 || upper < 0 ? " to " : "\u2013";
  return `${point} (95% CI ${formatNumber(lower * 100, digits)}${separator}${formatNumber(upper * 100, digits)}%)`;
}

/** A difference of two proportions in percentage points, always signed: 0.012 → "+1.2 pp". */
export function formatPercentPoints(difference: number, digits = 1): string {
  if (!isNumber(difference)) return MISSING;
  return `${formatSigned(difference * 100, digits)} pp`;
}

/** A p-value as the pages print it: "< 0.001" below a thousandth, else three decimals. */
export function formatPValue(p: number): string {
  if (!isNumber(p)) return MISSING;
  return p < 0.001 ? "< 0.001" : p.toFixed(3);
}

// ---- money ----

/** Money with thin grouping: 1234.5 → "$1 234.50", −12 → "−$12.00". */
export function formatMoney(x: number, digits = 2, symbol = "$"): string {
  if (!isNumber(x)) return MISSING;
  const text = formatNumber(x, digits);
  return text.startsWith(MINUS) ? `${MINUS}${symbol}${text.slice(1)}` : `${symbol}${text}`;
}

// ---- durations ----

function trimNumber(x: number): string {
  return x >= 10 ? x.toFixed(0) : x.toFixed(1).replace(/\.0$/, "");
}

/**
 * A duration in the largest unit that keeps it readable: 0.4 → "0.4 s", 40 → "40 s", 133 → "2.2 min",
 * 74 467 → "21 h", 281 048 → "3.3 days". Not a number → "—".
 */
export function formatDuration(seconds: number | null | undefined): string {
  if (typeof seconds !== "number" || !Number.isFinite(seconds)) return MISSING;
  const s = Math.max(0, seconds);
  if (s < 60) return `${trimNumber(s)} s`;
  if (s < 3600) return `${trimNumber(s / 60)} min`;
  if (s < 86_400) return `${trimNumber(s / 3600)} h`;
  const days = s / 86_400;
  return `${trimNumber(days)} ${days < 1.05 ? "day" : "days"}`;
}

/**
 * How long a stretch of time is, in words: "2 hours 10 minutes", "1 day", "365 days". Whole minutes
 * under two days (a 2 h 10 min slice is not "24 hours"), whole days from there.
 */
export function formatSpan(milliseconds: number): string {
  if (!isNumber(milliseconds)) return MISSING;
  const minutes = Math.max(0, Math.round(milliseconds / 60_000));
  if (minutes < 48 * 60) {
    const hours = Math.floor(minutes / 60);
    const rest = minutes % 60;
    const parts = [hours > 0 ? countOf(hours, "hour") : "", rest > 0 || hours === 0 ? countOf(rest, "minute") : ""];
    return parts.filter(Boolean).join(" ");
  }
  return countOf(Math.round(minutes / 1440), "day");
}

// ---- plurals ----

/** The noun for `count` things: plural("event", 1) → "event", plural("event", 2) → "events". */
export function plural(noun: string, count: number, many = `${noun}s`): string {
  return count === 1 ? noun : many;
}

/** A count with its noun, agreeing: countOf(1, "event") → "1 event", countOf(1234, "user") → "1 234 users". */
export function countOf(count: number, noun: string, many = `${noun}s`): string {
  return `${formatInteger(count)} ${plural(noun, count, many)}`;
}

// ---- lists ----

/** "a", "a and b", "a, b and c" (`conjunction` "or" for alternatives). */
export function formatList(items: readonly string[], conjunction = "and"): string {
  if (items.length <= 1) return items[0] ?? "";
  return `${items.slice(0, -1).join(", ")} ${conjunction} ${items.at(-1)}`;
}

/** A name from the data, cut to `max` characters (with "…") so one long name cannot crowd out the rest. */
export function shortName(name: string, max = 40): string {
  const chars = [...name.replace(/\s+/g, " ").trim()];
  return chars.length <= max ? chars.join("") : `${chars.slice(0, max - 1).join("").trimEnd()}…`;
}

/** Text in typographic quotes: “name”. */
export function quoted(text: string): string {
  return `“${text}”`;
}

// ---- ties ----

/**
 * The items holding the largest value, in the order given: one item is a leader, several are a tie,
 * and none (empty input, or a largest value of 0 when `positive`) means there is no leader to name.
 * A sentence names every tied item or says nothing: a tie is never broken by an id or a name.
 */
export function leaders<T>(items: readonly T[], value: (item: T) => number, positive = true): T[] {
  let best = -Infinity;
  for (const item of items) best = Math.max(best, value(item));
  if (!Number.isFinite(best) || (positive && best <= 0)) return [];
  return items.filter((item) => value(item) === best);
}

// ---- calendar days in the data's time zone ----

const dayFormatters = new Map<string, Intl.DateTimeFormat>();

/** The calendar day of an instant in an IANA time zone, "YYYY-MM-DD" ("UTC" is the default zone). */
export function calendarDay(instant: string | number, timezone = "UTC"): string {
  let formatter = dayFormatters.get(timezone);
  if (!formatter) {
    // en-CA writes dates as YYYY-MM-DD; the zone's own rules (daylight saving) come from ICU.
    formatter = new Intl.DateTimeFormat("en-CA", { timeZone: timezone, year: "numeric", month: "2-digit", day: "2-digit" });
    dayFormatters.set(timezone, formatter);
  }
  const date = new Date(instant);
  return Number.isNaN(date.getTime()) ? MISSING : formatter.format(date);
}

const minuteFormatters = new Map<string, Intl.DateTimeFormat>();

/** An instant to the minute in an IANA time zone: "2025-03-01 10:30". */
export function calendarMinute(instant: string | number, timezone = "UTC"): string {
  let formatter = minuteFormatters.get(timezone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-CA", { timeZone: timezone, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
    minuteFormatters.set(timezone, formatter);
  }
  const date = new Date(instant);
  if (Number.isNaN(date.getTime())) return MISSING;
  const parts = formatter.formatToParts(date);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  return `${part("year")}-${part("month")}-${part("day")} ${part("hour")}:${part("minute")}`;
}

/** The first and last calendar day of a half-open window [start, end), in the zone its days are cut in. */
export function windowDays(window: { start: string; end: string }, timezone = "UTC"): { first: string; last: string } {
  return { first: calendarDay(window.start, timezone), last: calendarDay(Date.parse(window.end) - 1, timezone) };
}

/** "2025-01-01 to 2025-12-31 (UTC)": the window's days and the zone they are days of. */
export function windowText(window: { start: string; end: string }, timezone = "UTC"): string {
  const { first, last } = windowDays(window, timezone);
  return first === last ? `${first} (${timezone})` : `${first} to ${last} (${timezone})`;
}
