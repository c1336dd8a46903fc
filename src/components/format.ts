// Number formatting for the report's prose, KPI cards and tables. Pure (no DOM, no locale lookups)
// so that Node tests and every browser print the same text.
//
// Conventions: digits are grouped by threes with a narrow no-break space (SI style, never wraps inside
// a number), negatives use the true minus sign, proportions come in as fractions (0.042 → "4.2%"),
// and anything that is not a finite number prints as an em dash rather than "NaN".

/** U+202F NARROW NO-BREAK SPACE: the thin space that groups digits. */
export const THIN_SPACE = "\u202F";
/** U+2212 MINUS SIGN. */
export const MINUS = "\u2212";
/** Shown for missing or non-finite values. */
export const MISSING = "\u2014";

function isNumber(x: unknown): x is number {
  return typeof x === "number" && Number.isFinite(x);
}

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, THIN_SPACE);
}

/** Rounds to `digits` decimals and groups the integer part; "−" only when the rounded value is not 0. */
export function formatNumber(x: number, digits = 0): string {
  if (!isNumber(x)) return MISSING;
  const fixed = Math.abs(x).toFixed(digits);
  const [whole = "0", fraction] = fixed.split(".");
  const magnitude = fraction === undefined ? groupThousands(whole) : `${groupThousands(whole)}.${fraction}`;
  return x < 0 && /[1-9]/.test(fixed) ? MINUS + magnitude : magnitude;
}

/** A whole number with thin grouping: 1234567 → "1 234 567". */
export function formatInteger(x: number): string {
  return formatNumber(x, 0);
}

/** A proportion as a percentage: 0.0423 → "4.2%". */
export function formatPercent(p: number, digits = 1): string {
  return isNumber(p) ? `${formatNumber(p * 100, digits)}%` : MISSING;
}

export interface IntervalOptions {
  digits?: number;
  /** Confidence level as a fraction, printed as "95% CI". */
  level?: number;
}

/**
 * A proportion with its confidence interval: (0.042, 0.039, 0.045) → "4.2% (95% CI 3.9–4.5%)".
 * When a bound is negative (a difference), "to" replaces the en dash so the minus signs stay readable.
 */
export function formatPercentInterval(p: number, lower: number, upper: number, options: IntervalOptions = {}): string {
  const { digits = 1, level = 0.95 } = options;
  if (!isNumber(p)) return MISSING;
  const point = formatPercent(p, digits);
  if (!isNumber(lower) || !isNumber(upper)) return point;
  const levelText = formatPercent(level, Number.isInteger(Math.round(level * 1e6) / 1e4) ? 0 : 1);
  const separator = lower < 0 || upper < 0 ? " to " : "\u2013";
  const lo = formatNumber(lower * 100, digits);
  const hi = formatNumber(upper * 100, digits);
  return `${point} (${levelText} CI ${lo}${separator}${hi}%)`;
}

/** A difference of two proportions in percentage points, always signed: 0.012 → "+1.2 pp". */
export function formatPercentPoints(difference: number, digits = 1): string {
  if (!isNumber(difference)) return MISSING;
  const text = formatNumber(difference * 100, digits);
  return `${text.startsWith(MINUS) || !/[1-9]/.test(text) ? text : `+${text}`} pp`;
}

export interface CurrencyOptions {
  /** Printed before the amount. */
  symbol?: string;
  digits?: number;
}

/** Money with thin grouping: 1234.5 → "$1 234.50", −12 → "−$12.00". */
export function formatCurrency(x: number, options: CurrencyOptions = {}): string {
  const { symbol = "$", digits = 2 } = options;
  if (!isNumber(x)) return MISSING;
  const text = formatNumber(x, digits);
  return text.startsWith(MINUS) ? `${MINUS}${symbol}${text.slice(1)}` : `${symbol}${text}`;
}
