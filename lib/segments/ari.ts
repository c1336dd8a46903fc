/**
 * Adjusted Rand index (Hubert & Arabie 1985) between two labelings of the same items: 1 for identical
 * partitions (whatever the label names), about 0 for independent ones, negative when worse than chance.
 * Labels may be any strings or numbers. As in scikit-learn, when the index is 0/0 (both labelings
 * put everything in one cluster, or everything in its own cluster) the partitions are identical and the
 * result is 1.
 */
export function adjustedRandIndex(a: ArrayLike<string | number>, b: ArrayLike<string | number>): number {
  const n = a.length;
  if (b.length !== n) throw new RangeError(`labelings differ in length: ${n} vs ${b.length}`);
  const codesA = encode(a);
  const codesB = encode(b);
  const contingency = new Map<number, number>();
  const rowTotals = new Float64Array(codesA.count);
  const columnTotals = new Float64Array(codesB.count);
  for (let i = 0; i < n; i++) {
    const x = codesA.codes[i]!;
    const y = codesB.codes[i]!;
    const key = x * codesB.count + y;
    contingency.set(key, (contingency.get(key) ?? 0) + 1);
    rowTotals[x]!++;
    columnTotals[y]!++;
  }
  let sumCells = 0;
  for (const count of contingency.values()) sumCells += pairs(count);
  let sumRows = 0;
  for (const count of rowTotals) sumRows += pairs(count);
  let sumColumns = 0;
  for (const count of columnTotals) sumColumns += pairs(count);
  const totalPairs = pairs(n);
  const expected = totalPairs > 0 ? (sumRows * sumColumns) / totalPairs : 0;
  const maximum = (sumRows + sumColumns) / 2;
  if (maximum === expected) return 1;
  return (sumCells - expected) / (maximum - expected);
}

function pairs(count: number): number {
  return (count * (count - 1)) / 2;
}

function encode(labels: ArrayLike<string | number>): { codes: Int32Array; count: number } {
  const index = new Map<string | number, number>();
  const codes = new Int32Array(labels.length);
  for (let i = 0; i < labels.length; i++) {
    const label = labels[i]!;
    let code = index.get(label);
    if (code === undefined) {
      code = index.size;
      index.set(label, code);
    }
    codes[i] = code;
  }
  return { codes, count: index.size };
}
