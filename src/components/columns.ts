// Rows from a page's columns ({a: [1, 2], b: [3, 4]} → [{a: 1, b: 3}, {a: 2, b: 4}]): page data sends long
// tables as columns to stay small. No DOM, so Node tests import it.
import type { Columns, CsvColumn } from "../../lib/pages/cohorts";

/** Zips equal-length columns into rows; every column must be as long as the first. */
export function rowsFromColumns<Row extends object>(columns: Columns<Row>): Row[] {
  const entries = Object.entries(columns) as [string, readonly unknown[]][];
  const length = entries[0]?.[1].length ?? 0;
  for (const [name, values] of entries) {
    if (values.length !== length) throw new RangeError(`column ${name} has ${values.length} values, expected ${length}`);
  }
  return Array.from({ length }, (_, i) => Object.fromEntries(entries.map(([name, values]) => [name, values[i]])) as Row);
}

/** Rows keyed by the CSV headers the page built (money columns name their currency), in their order. */
export function csvRows(rows: readonly object[], columns: readonly CsvColumn[]): { rows: Record<string, unknown>[]; headers: string[] } {
  return {
    rows: rows.map((row) => Object.fromEntries(columns.map(({ field, header }) => [header, (row as Record<string, unknown>)[field]]))),
    headers: columns.map((c) => c.header),
  };
}
