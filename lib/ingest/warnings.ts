/**
 * Warnings: the data loaded, but a reader should look before trusting the report. A run that warns still
 * succeeds (exit 0); the warnings go to stderr, to validation.json (`warnings`) and to the Data page.
 * They are raised when 10% or more of a table's rows are set aside for one reason, when the data
 * contradicts itself (most users of the users table match no event, registrations after every event of
 * the user), when ids differ only by invisible characters (kept apart, never merged), when amounts lie
 * below the millionth money is kept to, when a few events lie far from the rest (they stretch the
 * window), and when a folder holds a table twice (events.parquet beside events.csv).
 *
 * Messages name files, columns, row numbers and counts; ids are shown only as counts, since they may be
 * personal (the report is published).
 */
import type { DuckDBConnection } from "@duckdb/node-api";
import { queryRows } from "../db/duckdb";
import type { TableName } from "../dataset/schema";
import { MONEY_DECIMALS } from "./limits";
import { printable } from "./printable";
import type { ReasonCode } from "./reasons";
import type { TableValidation } from "./validationReport";

export const WARNING_CODES = [
  "many_set_aside",
  "users_without_events",
  "registered_after_events",
  "invisible_id_variants",
  "amounts_below_precision",
  "outlying_events",
  "table_given_twice",
] as const;
export type WarningCode = (typeof WARNING_CODES)[number];

export interface ValidationWarning {
  code: WarningCode;
  /** The table concerned, or null for the input as a whole. */
  table: TableName | null;
  /** How many rows (or ids) the warning is about. */
  count: number;
  /** One sentence: what was found and what to check. */
  message: string;
}

/** A share of a table's rows set aside for one reason from which a run warns. */
export const WARN_SHARE = 0.1;

const percent = (part: number, whole: number) => `${((100 * part) / whole).toFixed(part * 1000 < whole ? 1 : 0)}%`;

/** What to check, for the reasons whose mass usually means a mismatch between files rather than bad rows. */
const ADVICE: Partial<Record<ReasonCode, string>> = {
  unknown_product: "do the events' product ids match the products file's (e.g. 0001 vs P001)?",
  duplicate_event_id: "are the event ids unique, or is the file read twice?",
  duplicate_row: "is the file (or part of it) repeated?",
  outside_window: "does the dataset.json window match the events?",
  bad_timestamp: "does the timestamp format match (timestamp_format in a mapping)?",
  unknown_event_type: "map the file's event types (event_types in a mapping)",
};

/** 10% or more of a table's rows set aside for one reason. */
export function setAsideWarnings(tables: readonly Omit<TableValidation, "ignored_columns">[]): ValidationWarning[] {
  const warnings: ValidationWarning[] = [];
  for (const t of tables) {
    if (t.read === 0) continue;
    for (const r of t.reasons) {
      if (r.count < WARN_SHARE * t.read) continue;
      const advice = ADVICE[r.reason];
      warnings.push({
        code: "many_set_aside",
        table: t.table,
        count: r.count,
        message: `${t.file}: ${r.count} of ${t.read} rows (${percent(r.count, t.read)}) set aside as ${r.label}${advice ? `; ${advice}` : ""}`,
      });
    }
  }
  return warnings;
}

async function one<T>(connection: DuckDBConnection, sql: string): Promise<T> {
  return (await queryRows<T>(connection, sql))[0]!;
}

/**
 * The users table against the events, run after both are loaded and before users are derived from the
 * events (so `users` holds exactly the rows of the users file).
 */
export async function usersWarnings(connection: DuckDBConnection, usersFile: string): Promise<ValidationWarning[]> {
  const warnings: ValidationWarning[] = [];
  const { n, unmatched, late, matched } = await one<{ n: number; unmatched: number; late: number; matched: number }>(
    connection,
    `SELECT count(*)::BIGINT AS n, count(*) FILTER (WHERE e.user_id IS NULL)::BIGINT AS unmatched,
       count(*) FILTER (WHERE u.registration_date > e.last)::BIGINT AS late, count(e.user_id)::BIGINT AS matched
     FROM users u LEFT JOIN (SELECT user_id, max("timestamp") AS last FROM events GROUP BY user_id) e USING (user_id)`,
  );
  if (n > 0 && unmatched * 2 > n) {
    warnings.push({
      code: "users_without_events",
      table: "users",
      count: unmatched,
      message: `${usersFile}: ${unmatched} of its ${n} users (${percent(unmatched, n)}) match no event; they count in cohort sizes as users who never did anything. Do the user ids of the two files match (e.g. 541312001.0 vs 541312001, or a prefix)?`,
    });
  }
  if (matched > 0 && late >= WARN_SHARE * matched) {
    warnings.push({
      code: "registered_after_events",
      table: "users",
      count: late,
      message: `${usersFile}: ${late} of the ${matched} users with events (${percent(late, matched)}) registered after their last event; cohorts by registration date would be wrong. Is registration_date another date (or in another time zone)?`,
    });
  }
  return warnings;
}

/** Characters that do not show: no-break spaces and zero-width characters. */
const INVISIBLE = "[\\x{00A0}\\x{2007}\\x{202F}\\x{200B}-\\x{200D}\\x{2060}\\x{FEFF}]";

/**
 * Ids (of `column` over `relation`) that become equal once invisible characters are removed. They stay
 * apart (they may be different ids); the count says how many ids have such a twin.
 */
export async function invisibleIdWarning(
  connection: DuckDBConnection,
  relation: string,
  column: string,
  table: TableName,
  file: string,
): Promise<ValidationWarning | undefined> {
  const { n } = await one<{ n: number }>(
    connection,
    `SELECT coalesce(sum(k), 0)::BIGINT AS n FROM (
       SELECT count(*) AS k FROM (SELECT DISTINCT ${column} AS id FROM ${relation} WHERE ${column} IS NOT NULL)
       GROUP BY regexp_replace(id, '${INVISIBLE}', '', 'g') HAVING count(*) > 1)`,
  );
  if (n === 0) return undefined;
  return {
    code: "invisible_id_variants",
    table,
    count: n,
    message: `${file}: ${n} ${column} values differ from another only by invisible characters (no-break or zero-width spaces); they are kept as different ids. Clean the ids if they are the same`,
  };
}

/** Events whose amount (price × quantity) is above 0 but below the millionth money is kept to. */
export async function precisionWarning(connection: DuckDBConnection, file: string): Promise<ValidationWarning | undefined> {
  const unit = 10 ** -MONEY_DECIMALS;
  const { n } = await one<{ n: number }>(
    connection,
    // Quantities are whole and positive, so such an amount has a price below the unit: that gate is cheap.
    `SELECT count(*)::BIGINT AS n FROM events WHERE price > 0 AND price < ${unit} AND price * coalesce(quantity, 1) < ${unit}`,
  );
  if (n === 0) return undefined;
  return {
    code: "amounts_below_precision",
    table: "events",
    count: n,
    message: `${file}: ${n} events have an amount above 0 but below a millionth (money is kept to ${MONEY_DECIMALS} decimals), so they add 0 to revenue. Is the price in the right unit?`,
  };
}

/**
 * A few events far from the rest stretch the window (and every grid over it). "Far": before the day of
 * the 1st percentile of the times, or after the day of the 99th, by more than the span between the two
 * (at least a day). At most about 1% of the events can be named so; the warning names the first rows.
 */
export async function outlyingEventsWarning(connection: DuckDBConnection, stage: string, file: string): Promise<ValidationWarning | undefined> {
  // The percentiles come from a count of events per day (a hash aggregate; an exact quantile sorted
  // 9.5M timestamps for 10 s), to the day, which is all a window needs.
  const days = await queryRows<{ day: string; n: number }>(
    connection,
    `SELECT strftime(day, '%Y-%m-%d') AS day, n FROM (
       SELECT "timestamp"::DATE AS day, count(*)::BIGINT AS n FROM ${stage} WHERE __rule IS NULL GROUP BY 1) ORDER BY 1`,
  );
  const total = days.reduce((sum, d) => sum + d.n, 0);
  if (total === 0) return undefined;
  const dayAt = (share: number) => {
    let seen = 0;
    for (const d of days) if ((seen += d.n) >= share * total) return Date.parse(`${d.day}T00:00:00Z`);
    return Date.parse(`${days[days.length - 1]!.day}T00:00:00Z`);
  };
  const DAY = 86_400_000;
  const lo = dayAt(0.01);
  const hi = dayAt(0.99) + DAY;
  const margin = Math.max(hi - lo, DAY);
  const iso = (ms: number) => new Date(ms).toISOString().replace("T", " ").replace("Z", "");
  const found = await one<{ n: number; rows: { row: number; at: string }[] | null }>(
    connection,
    `SELECT count(*)::BIGINT AS n,
       (list({'row': __row::BIGINT, 'at': strftime("timestamp", '%Y-%m-%d %H:%M:%S')} ORDER BY __row))[1:5] AS rows
     FROM ${stage} WHERE __rule IS NULL AND ("timestamp" < TIMESTAMP '${iso(lo - margin)}' OR "timestamp" >= TIMESTAMP '${iso(hi + margin)}')`,
  );
  if (found.n === 0) return undefined;
  const named = (found.rows ?? []).map((r) => `row ${r.row} (${r.at})`).join(", ");
  const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  return {
    code: "outlying_events",
    table: "events",
    count: found.n,
    message: `${file}: ${found.n} events lie far from the others (which run from ${day(lo)} to ${day(hi - DAY)}): ${named}${found.n > 5 ? ", …" : ""}. They stretch the window and every chart over it; check or remove them`,
  };
}

/** One line per warning, for stderr. */
export function warningLines(warnings: readonly ValidationWarning[]): string[] {
  return warnings.map((w) => `warning: ${printable(w.message)}`);
}
