// CSV serialisation for the "Download CSV" buttons. Pure (no DOM) so Node tests can import it.
//
// Two concerns beyond RFC 4180 quoting:
// - Formula injection: a spreadsheet treats a cell that starts with =, +, -, @, tab or CR as a formula,
//   and one that splits on ";" or tab would start a cell after those. Such text cells get a leading
//   apostrophe (OWASP's advice), which spreadsheets hide and show as text, and are quoted.
//   Numbers are written as numbers: "-3" from a number is data, not a formula, and prefixing it would
//   corrupt every negative value.
// - Values that are not strings (dates, BigInts, nested objects) get one stable text form.

/** Any object: its own enumerable properties are the cells (an interface type needs no index signature). */
export type CsvRow = object;

export interface CsvOptions {
  /** Columns, in order. Defaults to the union of the rows' keys, in first-seen order. */
  columns?: readonly string[];
  /** Line separator; RFC 4180 says CRLF. */
  newline?: string;
}

const FORMULA_START = /^[=+\-@\t\r]/;
// A spreadsheet that splits on ";" or tab (the usual separators where "," is the decimal mark) would
// make `x;=1+1` two cells, the second a live formula: a formula character after a separator counts too.
const FORMULA_AFTER_SEPARATOR = /[,;\t][=+\-@]/;
const NEEDS_QUOTES = /[",;\t\r\n]/;

/** Prefixes an apostrophe when a spreadsheet would read the text, or a part it may split off, as a formula. */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) || FORMULA_AFTER_SEPARATOR.test(text) ? `'${text}` : text;
}

/** Wraps in double quotes, doubling inner quotes, when the text holds a separator (",", ";", tab), quote or line break. */
export function quoteCsv(text: string): string {
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The text form of one value before quoting; empty for null, undefined and non-finite numbers. */
export function csvText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  if (typeof value === "bigint" || typeof value === "boolean") return String(value);
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? "" : value.toISOString();
  if (typeof value === "string") return neutraliseFormula(value);
  return neutraliseFormula(JSON.stringify(value) ?? "");
}

/** One cell, neutralised and quoted. */
export function csvCell(value: unknown): string {
  return quoteCsv(csvText(value));
}

/** The union of the rows' keys, in the order they are first seen. */
export function csvColumns(rows: readonly CsvRow[]): string[] {
  const seen = new Set<string>();
  for (const row of rows) for (const key of Object.keys(row)) seen.add(key);
  return [...seen];
}

/** A whole CSV document: a header line, then one line per row, each line ended by the newline. */
export function toCsv(rows: readonly CsvRow[], options: CsvOptions = {}): string {
  const columns = options.columns ?? csvColumns(rows);
  const newline = options.newline ?? "\r\n";
  const lines = [columns.map((column) => csvCell(column)).join(",")];
  for (const row of rows) lines.push(columns.map((column) => csvCell((row as Record<string, unknown>)[column])).join(","));
  return lines.join(newline) + newline;
}
