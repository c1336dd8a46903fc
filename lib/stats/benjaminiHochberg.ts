/**
 * Benjamini–Hochberg adjusted p-values (false discovery rate), in the input order.
 * adjusted(i) = min over j ranked at or above i of p(j) · m / rank(j), capped at 1 — the same values as
 * R's p.adjust(p, "BH"), so "adjusted < 0.05" is exactly the BH step-up rule at q = 0.05.
 */
export function benjaminiHochberg(pValues: readonly number[]): number[] {
  const m = pValues.length;
  for (const p of pValues) if (!(p >= 0 && p <= 1)) throw new RangeError(`p-values must lie in [0, 1], got ${p}`);
  const order = pValues.map((p, i) => ({ p, i })).sort((a, b) => a.p - b.p || a.i - b.i);
  const adjusted = new Array<number>(m);
  let runningMin = 1;
  for (let rank = m; rank >= 1; rank--) {
    const { p, i } = order[rank - 1]!;
    // p · (m / rank) rather than (p · m) / rank: m / rank ≥ 1 exactly, so rounding can never leave an
    // adjusted value below its raw p.
    runningMin = Math.min(runningMin, p * (m / rank));
    adjusted[i] = runningMin;
  }
  return adjusted;
}
