/**
 * Rounding of what the site's data files carry: far below anything a page prints, and it keeps the
 * files small. Integers, strings and booleans pass through unchanged.
 */

/** Rounds to `digits` decimals, without producing -0. */
export function round(x: number, digits = 6): number {
  const value = Math.round(x * 10 ** digits) / 10 ** digits;
  return value === 0 ? 0 : value;
}

export type Rounded<T> = T extends number ? number : T extends (infer U)[] ? Rounded<U>[] : T extends object ? { [K in keyof T]: Rounded<T[K]> } : T;

/** Every non-integer in a JSON-like value rounded to `digits` decimals. */
export function roundDeep<T>(value: T, digits = 6): Rounded<T> {
  if (typeof value === "number") return (Number.isInteger(value) ? value : round(value, digits)) as Rounded<T>;
  if (Array.isArray(value)) return value.map((v) => roundDeep(v, digits)) as Rounded<T>;
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, roundDeep(v, digits)])) as Rounded<T>;
  }
  return value as Rounded<T>;
}

/** Every non-integer in a JSON-like value kept to `digits` significant digits. */
export function roundNumbers<T>(value: T, digits = 6): T {
  if (typeof value === "number") return (Number.isInteger(value) || !Number.isFinite(value) ? value : Number(value.toPrecision(digits))) as T;
  if (Array.isArray(value)) return value.map((v) => roundNumbers(v, digits)) as T;
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, roundNumbers(v, digits)])) as T;
  }
  return value;
}
