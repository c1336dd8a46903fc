/**
 * SQL that turns a source value into a seed-schema value, or NULL when it does not convert. Each
 * column is read in two steps: `*Text` normalises the source value (text trimmed, null markers made
 * NULL; typed Parquet values passed through), then `parse*` converts that. A value that was present
 * after the first step and is NULL after the second is a bad value.
 *
 * Text is strict on purpose: DuckDB's own casts accept "1.5" as the integer 2, and "0x10" or "1_000"
 * as numbers; exports do not mean those.
 */
import { sqlString } from "../db/duckdb";

export type SourceKind = "text" | "integer" | "float" | "timestamp" | "timestamptz" | "date" | "other";

export function sourceKind(duckdbType: string): SourceKind {
  const t = duckdbType.toUpperCase();
  if (t === "VARCHAR" || t.startsWith("VARCHAR(")) return "text";
  if (/^(U?(TINY|SMALL|BIG|HUGE)?INT(EGER)?|UHUGEINT)$/.test(t)) return "integer";
  if (/^(DOUBLE|FLOAT|REAL|DECIMAL.*|NUMERIC.*)$/.test(t)) return "float";
  if (t === "TIMESTAMP WITH TIME ZONE" || t === "TIMESTAMPTZ") return "timestamptz";
  if (t.startsWith("TIMESTAMP")) return "timestamp";
  if (t === "DATE") return "date";
  return "other";
}

/** Values that exports write for "no value": treated as missing in ids and typed columns. */
export const NULL_MARKERS = ["", "null", "na", "n/a", "nan", "none", "nat", "nil"];
const MARKER_LENGTH = Math.max(...NULL_MARKERS.map((m) => m.length));
const WHITESPACE_CHARS = [" ", "\t", "\r", "\n"];
const WHITESPACE = sqlString(WHITESPACE_CHARS.join(""));

/**
 * Whether a value holds any character that trimming removes. A gate before trim(): contains() is a
 * memchr, while trim() with a character set walks every character; on 10M ids the gate saved ~1 s per
 * pass. Values that hold an inner blank just take the slower path to the same answer.
 */
function mayNeedTrim(x: string): string {
  return `(${WHITESPACE_CHARS.map((ch) => `contains(${x}, chr(${ch.charCodeAt(0)}))`).join(" OR ")})`;
}
const NUMBER = sqlString("[+-]?([0-9]+[.]?[0-9]*|[.][0-9]+)([eE][+-]?[0-9]+)?");
const WHOLE = sqlString("[+-]?[0-9]+([.]0*)?");

/**
 * Ids, event types and typed columns: trimmed; blank or a null marker is NULL. Typed values pass through.
 * Written so that the usual value (no surrounding blanks, longer than a marker) costs one trim and one
 * comparison: a regular expression per value cost seconds per million rows.
 */
export function keyText(ref: string, kind: SourceKind): string {
  if (kind !== "text" && kind !== "other") return ref;
  const x = kind === "other" ? `${ref}::VARCHAR` : ref;
  const trimmed = `trim(${x}, ${WHITESPACE})`;
  // list_contains, not IN: DuckDB plans an IN list this long as a join, one per column.
  const markers = `[${NULL_MARKERS.map(sqlString).join(", ")}]`;
  return `CASE WHEN ${mayNeedTrim(x)} AND ${trimmed} <> ${x} THEN (CASE WHEN list_contains(${markers}, lower(${trimmed})) THEN NULL ELSE ${trimmed} END)
    WHEN length(${x}) <= ${MARKER_LENGTH} AND list_contains(${markers}, lower(${x})) THEN NULL ELSE ${x} END`;
}

/** Free text (names, categories, places): kept exactly as written; only a blank value is NULL. */
export function freeText(ref: string, kind: SourceKind): string {
  const x = kind === "text" ? ref : `${ref}::VARCHAR`;
  return `CASE WHEN ${x} = '' OR (${mayNeedTrim(x)} AND trim(${x}, ${WHITESPACE}) = '') THEN NULL ELSE ${x} END`;
}

/** The first non-missing of several source columns (a mapping's list of sources). */
export function firstOf(parts: string[]): string {
  return parts.length === 1 ? parts[0]! : `coalesce(${parts.join(", ")})`;
}

export function parseVarchar(ref: string, kind: SourceKind): string {
  return kind === "text" ? ref : `${ref}::VARCHAR`;
}

/**
 * An id as text. A numeric id column stored as floating point (pandas writes 541312001.0 when the
 * column had a missing value) would become "541312001.0" and never match the "541312001" of another
 * file: an integral float becomes its integer text. Text ids are never touched ("007", "1.0" stay).
 */
export function idText(ref: string, kind: SourceKind): string {
  if (kind !== "float") return parseVarchar(ref, kind);
  return `CASE WHEN isfinite(${ref}::DOUBLE) AND ${ref} = trunc(${ref}) AND abs(${ref}) < 1e18 THEN ${ref}::HUGEINT::VARCHAR ELSE ${ref}::VARCHAR END`;
}

/** A DOUBLE; may be infinite ("1e400", or a Parquet float), which the caller treats as bad. */
export function parseDouble(ref: string, kind: SourceKind): string {
  if (kind === "integer" || kind === "float") return `${ref}::DOUBLE`;
  const text = parseVarchar(ref, kind);
  return `CASE WHEN regexp_full_match(${text}, ${NUMBER}) THEN TRY_CAST(${text} AS DOUBLE) END`;
}

/** A whole number that fits an INTEGER ("2.0" and "1E+03" are whole numbers; "1.5" is not). */
export function parseInteger(ref: string, kind: SourceKind): string {
  if (kind === "integer") return `TRY_CAST(${ref} AS INTEGER)`;
  if (kind === "float") return `CASE WHEN ${ref} = trunc(${ref}) THEN TRY_CAST(${ref} AS INTEGER) END`;
  const text = parseVarchar(ref, kind);
  // Scientific notation (Excel writes 1E+03) is read as a number first, then must be whole.
  const number = `TRY_CAST(${text} AS DOUBLE)`;
  return `CASE WHEN regexp_full_match(${text}, ${WHOLE}) THEN TRY_CAST(${text} AS INTEGER)
    WHEN regexp_full_match(${text}, ${NUMBER}) AND ${number} = trunc(${number}) THEN TRY_CAST(${number} AS INTEGER) END`;
}

const NAIVE = sqlString("[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}([T ][0-9]{1,2}:[0-9]{2}(:[0-9]{2}([.][0-9]+)?)?)?");

/**
 * A numeric UTC offset after a time (`+02:00`, `-0530`, `+05`). DuckDB accepts any two digits
 * (`+99:00` moved times by four days); offsets in use run from -12:00 to +14:00, minutes below 60.
 */
const OFFSET = sqlString("[0-9]:[0-9]{2}(:[0-9]{2}([.][0-9]+)?)? ?[+-][0-9]{2}(:?[0-9]{2})?$");
const REAL_OFFSET = sqlString("([+](0[0-9]|1[0-4])|-(0[0-9]|1[0-2]))(:?[0-5][0-9])?$");

/**
 * "auto" timestamps. Zone-less and UTC-marked times (' UTC', 'Z': the REES46 files, the generator's
 * CSV) are cast directly; only other zones go through TIMESTAMPTZ, whose time zone lookup costs about
 * five times as much per row. Casting a zoned string straight to TIMESTAMP would drop its offset, so
 * the direct casts only see text that has none.
 */
function autoTimestamp(text: string): string {
  return `CASE
    WHEN ends_with(${text}, ' UTC') AND regexp_full_match(left(${text}, -4), ${NAIVE}) THEN TRY_CAST(left(${text}, -4) AS TIMESTAMP)
    WHEN ends_with(${text}, 'Z') AND regexp_full_match(left(${text}, -1), ${NAIVE}) THEN TRY_CAST(left(${text}, -1) AS TIMESTAMP)
    WHEN regexp_full_match(${text}, ${NAIVE}) THEN TRY_CAST(${text} AS TIMESTAMP)
    WHEN regexp_matches(${text}, ${OFFSET}) AND NOT regexp_matches(${text}, ${REAL_OFFSET}) THEN NULL
    ELSE timezone('UTC', TRY_CAST(${text} AS TIMESTAMPTZ)) END`;
}

const WHOLE_NUMBER = sqlString("[+-]?[0-9]{1,19}");

/**
 * Microseconds or nanoseconds since 1970 (GA4's event_timestamp, warehouse exports). Whole numbers are
 * read as integers: a DOUBLE holds 15–16 digits, and a nanosecond time today has 19. Nanoseconds are
 * floored to the microsecond, the TIMESTAMP's precision. A number with a fraction or an exponent goes
 * through DOUBLE like the coarser formats.
 */
function epochFineTimestamp(ref: string, kind: SourceKind, perMicro: number): string {
  const whole =
    kind === "integer"
      ? `TRY_CAST(${ref} AS BIGINT)`
      : kind === "float"
        ? "NULL::BIGINT"
        : `CASE WHEN regexp_full_match(${parseVarchar(ref, kind)}, ${WHOLE_NUMBER}) THEN TRY_CAST(${parseVarchar(ref, kind)} AS BIGINT) END`;
  const micros = perMicro === 1 ? `(${whole})` : `(${whole} // ${perMicro})`;
  const n = `(${parseDouble(ref, kind)})`;
  // make_timestamp takes any BIGINT but DuckDB's TIMESTAMP ends in 294247; the plausibility rule judges the rest.
  return `CASE WHEN ${whole} IS NOT NULL THEN make_timestamp(${micros})
    WHEN abs(${n}) < ${9e18 * perMicro} THEN make_timestamp((${n} / ${perMicro})::BIGINT) END`;
}

/**
 * A UTC TIMESTAMP. Text in "auto" format: ISO 8601 and 'YYYY-MM-DD HH:MM:SS', with Z, an offset or a
 * zone name (' UTC') converted to UTC through TIMESTAMPTZ; without one, read as UTC (the connection's
 * zone is UTC). "epoch_s" / "epoch_ms" / "epoch_us" / "epoch_ns": numbers since 1970. Anything else is a strptime format.
 */
export function parseTimestamp(ref: string, kind: SourceKind, format: string): string {
  if (kind === "timestamp" || kind === "date") return `${ref}::TIMESTAMP`;
  if (kind === "timestamptz") return `timezone('UTC', ${ref})`;
  if (format === "epoch_s" || format === "epoch_ms") {
    const n = `(${parseDouble(ref, kind)})`;
    const micros = format === "epoch_s" ? 1_000_000 : 1_000;
    // Guarded so the multiplication cannot overflow; out-of-range numbers are simply not timestamps.
    return `CASE WHEN abs(${n}) < ${9e18 / micros} THEN make_timestamp((${n} * ${micros})::BIGINT) END`;
  }
  if (format === "epoch_us" || format === "epoch_ns") return epochFineTimestamp(ref, kind, format === "epoch_us" ? 1 : 1_000);
  const text = parseVarchar(ref, kind);
  if (format === "auto") return autoTimestamp(text);
  const parsed = `TRY_STRPTIME(${text}, ${sqlString(format)})`;
  return /%[zZ]/.test(format) ? `timezone('UTC', ${parsed})` : parsed;
}
