/**
 * The validation report: for every table read, how many rows were read, loaded and set aside, why, and a
 * few examples. It is published (validation.json, the Data page), so it holds no personal data: file
 * names without their folder, column names, and only the offending value of an example (user ids
 * pseudonymised when that is asked for, emails never read).
 */
import type { TableName } from "../dataset/schema";
import type { UserAttribute } from "./userAttributes";
import type { ReasonCode } from "./reasons";
import type { ValidationWarning } from "./warnings";
import type { DedupePolicy } from "./dedupe";
import type { TimestampPrecision } from "./timestampPrecision";

/** One set-aside row, as the user can find it in their file. */
export interface RejectExample {
  /** Data row number: the first row after the header is 1 (Parquet: the file's row number + 1). */
  row: number;
  /** The column in the file (a mapping's source column), or null when the row as a whole is at fault. */
  column: string | null;
  /** The offending value as text, cut to 80 characters; null when it was empty or cannot be shown. */
  value: string | null;
  /** The reader's own explanation, for rows it could not parse. */
  detail?: string;
}

export interface ReasonTally {
  reason: ReasonCode;
  label: string;
  count: number;
  /** Up to three, the earliest rows first. */
  examples: RejectExample[];
}

export interface TableValidation {
  table: TableName;
  /** File name without its folder. */
  file: string;
  format: "csv" | "parquet";
  read: number;
  loaded: number;
  set_aside: number;
  /** Most frequent first. */
  reasons: ReasonTally[];
  /** Columns of the file that no part of the report reads (never loaded). */
  ignored_columns: string[];
}

export interface DerivedFacts {
  /** Tables the input did not have, built from the events. */
  tables: TableName[];
  /** Users seen only in the events, added with registration_date = their first event. */
  users_added_from_events: number;
  /**
   * User attributes a mapping reads from the events file (each user's first non-empty value, see
   * userAttributes.ts), and how many users have a registration date from it; null when it reads none.
   */
  user_attributes_from_events: { columns: UserAttribute[]; registered_users: number } | null;
  /** Products derived from the events (first row naming each: its category, price and name). */
  products_added_from_events: number;
  event_ids: "source" | "row_number";
  sessions: "source" | "inactivity";
  quantity: "source" | "default";
  /** Personal columns present in the input and never read (e.g. email). */
  personal_columns_dropped: string[];
  /** Id columns stored as floating point ("users.parquet user_id"): 541312001.0 was read as the id 541312001. */
  float_ids_normalized: string[];
  /** Without event ids: events identical in every column read to an earlier one, set aside ("exact") or kept ("none"); null with event ids. */
  duplicate_rows: { policy: DedupePolicy; count: number } | null;
  /** "date_only" when every loaded timestamp is a date without a time of day (see timestampPrecision.ts). */
  timestamps: TimestampPrecision;
}

export interface ValidationRules {
  plausible_time: { from: string; to: string };
  max_price: number;
  /** The highest max_price a mapping may set, and the highest quantity kept: what exact money sums can carry. */
  max_price_ceiling: number;
  max_quantity: number;
  /** Amounts are kept to 10^-money_decimals of the currency unit. */
  money_decimals: number;
  max_text_length: number;
  session_timeout_minutes: number;
  /** The window events must lie in, when the dataset states one (generated data's dataset.json). */
  window: { start: string; end: string } | null;
}

export interface ValidationReport {
  input: { schema: "seed" | "mapping"; preset: string | null; mapping_file: string | null };
  tables: TableValidation[];
  derived: DerivedFacts;
  rules: ValidationRules;
  pseudonymized: boolean;
  totals: { read: number; loaded: number; set_aside: number };
  /** What a reader should look at before trusting the report (lib/ingest/warnings.ts); empty when nothing. */
  warnings: ValidationWarning[];
}

/** Throws when a table's rows do not add up: read = loaded + every set-aside reason. A bug, never bad data. */
export function assertAccounting(table: TableValidation): void {
  const byReason = table.reasons.reduce((sum, r) => sum + r.count, 0);
  if (table.set_aside !== byReason || table.read !== table.loaded + table.set_aside) {
    throw new Error(
      `row accounting failed for ${table.file}: read ${table.read}, loaded ${table.loaded}, set aside ${table.set_aside} (by reason ${byReason})`,
    );
  }
}

export function totalsOf(tables: readonly TableValidation[]): ValidationReport["totals"] {
  return {
    read: tables.reduce((s, t) => s + t.read, 0),
    loaded: tables.reduce((s, t) => s + t.loaded, 0),
    set_aside: tables.reduce((s, t) => s + t.set_aside, 0),
  };
}
