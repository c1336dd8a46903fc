/**
 * What a funnel breakdown lets the page claim. Claims are "protected": a pairwise difference is claimed
 * only when the breakdown's χ² test is significant after Benjamini–Hochberg across every breakdown on the
 * page AND the pair's z test is significant after Benjamini–Hochberg across the pairs of that breakdown
 * (the engine's `significant` flags). A pair that passes its own test inside a breakdown whose overall
 * test does not is not claimed.
 */
import type { Breakdown, BreakdownValue, PairwiseComparison } from "./types.js";

export interface Difference {
  higher: BreakdownValue;
  lower: BreakdownValue;
  comparison: PairwiseComparison;
}

/** True when the breakdown's overall test allows claims about its values. */
export function overallSignificant(breakdown: Pick<Breakdown, "chi_squared">): boolean {
  return breakdown.chi_squared?.significant === true;
}

/** The pairs the page may claim differ, each oriented higher → lower, largest difference first. */
export function claimableDifferences(breakdown: Breakdown): Difference[] {
  if (!overallSignificant(breakdown)) return [];
  const byValue = new Map(breakdown.values.map((v) => [v.value, v]));
  return breakdown.comparisons
    .filter((c) => c.significant && byValue.get(c.a)?.tested && byValue.get(c.b)?.tested)
    .map((comparison) => {
      const a = byValue.get(comparison.a)!;
      const b = byValue.get(comparison.b)!;
      return comparison.difference >= 0 ? { higher: a, lower: b, comparison } : { higher: b, lower: a, comparison };
    })
    .sort((x, y) => Math.abs(y.comparison.difference) - Math.abs(x.comparison.difference));
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

/**
 * Compact letter display (Piepho 2004, insert-and-absorb): every tested value gets one or more letters
 * so that two values share a letter exactly when the page does not claim they differ. "a" is the group
 * holding the highest rate. When nothing may be claimed every tested value is "a"; untested values get "".
 */
export function compactLetters(breakdown: Breakdown): Map<string, string> {
  const tested = breakdown.values.filter((v) => v.tested);
  const index = new Map(tested.map((v, i) => [v.value, i]));
  let columns: Set<number>[] = tested.length > 0 ? [new Set(tested.map((_, i) => i))] : [];
  for (const { higher, lower } of claimableDifferences(breakdown)) {
    const i = index.get(higher.value)!;
    const j = index.get(lower.value)!;
    const next: Set<number>[] = [];
    for (const column of columns) {
      if (column.has(i) && column.has(j)) {
        next.push(new Set([...column].filter((k) => k !== i)), new Set([...column].filter((k) => k !== j)));
      } else next.push(column);
    }
    // Absorb: a column contained in another adds no information.
    columns = next.filter(
      (column, c) =>
        column.size > 0 &&
        !next.some((other, o) => o !== c && other.size >= column.size && [...column].every((k) => other.has(k)) && (other.size > column.size || o < c)),
    );
  }
  const best = (column: Set<number>) => Math.max(...[...column].map((k) => tested[k]!.rate));
  const first = (column: Set<number>) => Math.min(...column);
  columns.sort((x, y) => best(y) - best(x) || first(x) - first(y));
  const letters = new Map(breakdown.values.map((v) => [v.value, ""]));
  columns.forEach((column, c) => {
    for (const k of [...column].sort((x, y) => x - y)) {
      const value = tested[k]!.value;
      letters.set(value, letters.get(value)! + letterName(c));
    }
  });
  return letters;
}

/** For each value, the values the page may claim it converts more often than, highest rate first. */
export function groupDifferences(breakdown: Breakdown): { higher: BreakdownValue; lower: BreakdownValue[] }[] {
  const groups = new Map<string, { higher: BreakdownValue; lower: BreakdownValue[] }>();
  for (const { higher, lower } of claimableDifferences(breakdown)) {
    const group = groups.get(higher.value) ?? { higher, lower: [] };
    group.lower.push(lower);
    groups.set(higher.value, group);
  }
  return [...groups.values()]
    .map((g) => ({ ...g, lower: g.lower.sort((x, y) => y.rate - x.rate) }))
    .sort((x, y) => y.higher.rate - x.higher.rate);
}
