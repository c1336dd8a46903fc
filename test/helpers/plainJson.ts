/**
 * Walks an output and reports every value that would not survive as a plain JSON number where a number
 * is expected: BigInts anywhere, and numeric-looking strings (the classic "count": "412" leak).
 */
export function nonPlainValues(value: unknown, path = "$"): string[] {
  if (typeof value === "bigint") return [`${path}: bigint`];
  if (typeof value === "number") return Number.isFinite(value) ? [] : [`${path}: ${value}`];
  if (typeof value === "string") return /^-?\d+(\.\d+)?(e[+-]?\d+)?$/i.test(value) ? [`${path}: numeric string "${value}"`] : [];
  if (Array.isArray(value)) return value.flatMap((v, i) => nonPlainValues(v, `${path}[${i}]`));
  if (value !== null && typeof value === "object") {
    if (value instanceof Date) return [`${path}: Date`];
    return Object.entries(value).flatMap(([k, v]) => nonPlainValues(v, `${path}.${k}`));
  }
  return [];
}
