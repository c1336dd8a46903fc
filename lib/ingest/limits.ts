/**
 * The plausibility limits of validation. None depends on today's date, so the same input always gives
 * the same report: a timestamp is plausible from 1990-01-01 (inclusive) to 2100-01-01 (exclusive).
 */
export const PLAUSIBLE_FROM = "1990-01-01T00:00:00.000Z";
export const PLAUSIBLE_TO = "2100-01-01T00:00:00.000Z";
/** Prices above this are set aside; a mapping may raise it (max_price) for currencies with large units. */
export const DEFAULT_MAX_PRICE = 1_000_000_000;

/**
 * What exact money arithmetic can carry. Amounts are summed as DECIMAL(38, 6) (lib/db/exactAmountSql.ts):
 * kept to a millionth, with room for sums below 10^32. A line is price × quantity; with prices at most
 * MAX_PRICE_CEILING and quantities at most MAX_QUANTITY a line is at most 10^20, and even 10^12 lines
 * (a trillion events, beyond what one machine reads) sum below 10^32. A mapping may not raise max_price
 * or quantity_default above these, and quantities above MAX_QUANTITY are set aside.
 */
export const MONEY_DECIMALS = 6;
export const MAX_PRICE_CEILING = 1e14;
export const MAX_QUANTITY = 1_000_000;
/** Ids, categories, names: longer text is set aside rather than carried into the site's data. */
export const MAX_TEXT_LENGTH = 1000;
/** docs/metrics.md: without session ids, a new session starts after this much inactivity. */
export const DEFAULT_SESSION_TIMEOUT_MINUTES = 30;
/** The CSV reader's longest row, in bytes (DuckDB's default, stated so the report can say it). */
export const MAX_LINE_BYTES = 2_000_000;
/** Examples kept per reason. */
export const EXAMPLES_PER_REASON = 3;
/** Example values are cut to this many characters. */
export const EXAMPLE_VALUE_LENGTH = 80;

/**
 * SQL: the text `column` is longer than MAX_TEXT_LENGTH characters. strlen (bytes, stored with the
 * string) gates length (characters, a walk over the string): a string of more characters has more bytes.
 */
export function tooLongSql(column: string): string {
  return `(strlen(${column}) > ${MAX_TEXT_LENGTH} AND length(${column}) > ${MAX_TEXT_LENGTH})`;
}
