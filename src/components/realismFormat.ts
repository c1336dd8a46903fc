// Words and numbers for the realism table (docs/realism.md): each row's measured values, formatted by what
// they are. Pure, so Node tests import it.
import { formatCurrency, formatInteger, formatNumber, formatPercent } from "./format.js";

export interface RealismRow {
  id: number;
  statistic: string;
  values: Record<string, number>;
  target: string;
  benchmark: string;
  pass: boolean;
}

/** How a named value reads in the table; rows with one value print it bare. */
const NAMES: Record<string, string> = {
  events: "events",
  products: "products",
  categories: "categories",
  m1: "M1",
  m6: "M6",
  min: "min",
  max: "max",
  median: "median",
  ln_sd: "sd of ln(price)",
  minutes: "minutes",
};

/** One measured value as text. `id` tells apart values with the same name on different rows. */
export function formatRealismValue(id: number, name: string, value: number): string {
  switch (name) {
    case "rate":
    case "share":
    case "m1":
    case "m6":
      return formatPercent(value, 1);
    case "ratio":
      return formatNumber(value, 2);
    case "products":
    case "categories":
      return formatInteger(value);
    case "events":
      // Row 1 counts every event; row 15's is a median per session.
      return id === 1 ? formatInteger(value) : formatNumber(value, Number.isInteger(value) ? 0 : 1);
    case "min":
    case "max":
    case "median":
      return formatCurrency(value);
    case "ln_sd":
      return formatNumber(value, 2);
    case "minutes":
      return formatNumber(value, 1);
    default:
      return formatNumber(value, Math.abs(value) >= 100 || Number.isInteger(value) ? 0 : 3);
  }
}

/** All of a row's measured values: "39.5%", or "M1 39.5%; M6 14.8%", or "800 products; 10 categories". */
export function formatRealismValues(row: Pick<RealismRow, "id" | "values">): string {
  const entries = Object.entries(row.values);
  if (entries.length === 1) {
    const [name, value] = entries[0]!;
    return formatRealismValue(row.id, name, value);
  }
  return entries
    .map(([name, value]) => {
      const text = formatRealismValue(row.id, name, value);
      const label = NAMES[name] ?? name.replace(/_/g, " ");
      // Counts read "800 products"; other figures read "median $57.31".
      return name === "products" || name === "categories" || (name === "events" && row.id !== 1) || name === "minutes"
        ? `${text} ${label}`
        : `${label} ${text}`;
    })
    .join("; ");
}

/** Rows for the CSV download: one line per check, values flattened into "value_NAME" columns. */
export function realismCsvRows(rows: readonly RealismRow[]): Record<string, string | number | boolean>[] {
  return rows.map((row) => ({
    id: row.id,
    statistic: row.statistic,
    measured: formatRealismValues(row),
    ...Object.fromEntries(Object.entries(row.values).map(([name, value]) => [`value_${name}`, value])),
    target: row.target,
    benchmark: row.benchmark,
    pass: row.pass,
  }));
}
