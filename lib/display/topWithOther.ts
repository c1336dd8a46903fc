/**
 * The first `n` items of a long list by weight, and the rest, for charts and pickers that show a top N
 * plus one "Other" bucket (issue 11: thousands of categories made a chart 300,000 px tall).
 *
 * Order, and so the cut-off: weight descending, ties by name in code-point order (not the locale's, so
 * every machine cuts at the same item). A list of n + 1 items or fewer is not cut: an "Other" bucket
 * standing for a single item would hide it for nothing.
 */
export function topWithOther<T>(items: readonly T[], n: number, weight: (item: T) => number, name: (item: T) => string): { top: T[]; rest: T[] } {
  const ranked = [...items].sort((a, b) => weight(b) - weight(a) || compareCodePoints(name(a), name(b)));
  if (ranked.length <= n + 1) return { top: ranked, rest: [] };
  return { top: ranked.slice(0, n), rest: ranked.slice(n) };
}

function compareCodePoints(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
