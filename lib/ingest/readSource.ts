/**
 * Reads one input file (CSV or Parquet) into a temporary table of the columns the reader needs, each
 * row carrying `__row`, its data row number (the first row after the header is 1). CSV rows the reader
 * cannot parse (invalid UTF-8 in a column that is read, too long, wrong number of columns, broken
 * quoting) are not lost: DuckDB's rejects table keeps them, and they come back as set-aside rows.
 *
 * Bytes that are not UTF-8 are found before DuckDB reads the file (see utf8Copy.ts): a row holding
 * them in a column that is read is set aside as invalid UTF-8.
 *
 * Row numbers of a CSV: DuckDB keeps file order, so the k-th accepted row is data row k plus the number
 * of rejected rows before it. Blank lines are not rows (the reader skips them); the reader numbers its
 * rejects by records read, blank ones included, so those are taken off (see blankRecords.ts).
 */
import type { DuckDBConnection } from "@duckdb/node-api";
import { accessSync, constants, existsSync, mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { queryRows, sqlString } from "../db/duckdb";
import { quoteIdentifier } from "../db/quoteIdentifier";
import { DatasetError } from "./datasetError";
import { literalPath } from "../db/literalPath";
import { type CsvLayout, csvLayout } from "./csvLayout";
import type { CsvEncoding } from "./mapping";
import { EXAMPLES_PER_REASON, MAX_LINE_BYTES } from "./limits";
import type { ReasonCode } from "./reasons";
import type { RejectExample } from "./validationReport";
import { INVALID_MARK, scanText, writeUtf8Copy } from "./utf8Copy";
import { blankRecords } from "./blankRecords";
import { gunzipToFile, scanGzipText } from "./gzipInput";

export interface SourceColumn {
  name: string;
  /** DuckDB's type of the column: VARCHAR for every CSV column. */
  type: string;
  /**
   * The name the loaded relation gives the column when its own name could collide with the kit's
   * working names (`__row`, DuckDB's `rowid` and `file_row_number`): see sqlName.
   */
  alias?: string;
}

/**
 * The kit's working names live beside the user's columns in one relation; a user's column named like
 * one of them (`__row`, `rowid`, `file_row_number`, anything starting with `__`) is renamed there to
 * `__source_column_N` (N its position), which no other column can be called since every `__` name is
 * renamed. Messages and the report keep the column's own name.
 */
function withAlias(column: SourceColumn, index: number): SourceColumn {
  const lower = column.name.toLowerCase();
  return lower.startsWith("__") || lower === "rowid" || lower === "file_row_number" ? { ...column, alias: `__source_column_${index + 1}` } : column;
}

/** The column's name in SQL over a loaded source. */
export function sqlName(column: SourceColumn): string {
  return column.alias ?? column.name;
}

/** Nested values (STRUCT, LIST, MAP, …) are not ids, numbers or text: refused rather than loaded as text. */
const NESTED_TYPE = /^(STRUCT|MAP|UNION)\(|\[\d*\]$/i;

export interface InspectedSource {
  file: string;
  name: string;
  format: "csv" | "parquet";
  columns: SourceColumn[];
  layout?: CsvLayout;
}

export interface ReaderRejects {
  reason: ReasonCode;
  count: number;
  examples: RejectExample[];
}

export interface LoadedSource extends InspectedSource {
  /** A relation (table name or subquery) with `__row` and the kept columns. */
  relation: string;
  /** Rows the reader accepted. */
  accepted: number;
  /** Rows the reader could not parse, by reason. */
  rejects: ReaderRejects[];
  drop(): Promise<void>;
}

function firstLine(message: string): string {
  return (message.split("\n")[0] ?? "").slice(0, 200);
}

/** Fails with one line when the file cannot be read at all. */
function checkReadable(file: string): void {
  try {
    accessSync(file, constants.R_OK);
  } catch (error) {
    throw new DatasetError(`${file} cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`, { file });
  }
  if (!statSync(file).isFile()) throw new DatasetError(`${file} is not a file`, { file });
  if (statSync(file).size === 0) throw new DatasetError(`${basename(file)} is empty`, { file });
}

/** The file's columns, without reading its rows. */
export async function inspectSource(
  connection: DuckDBConnection,
  file: string,
  csv: { delimiter?: string; encoding?: CsvEncoding; header?: boolean } = {},
): Promise<InspectedSource> {
  checkReadable(file);
  const name = basename(file);
  if (file.toLowerCase().endsWith(".parquet")) {
    const literal = literalPath(file);
    try {
      const described = await queryRows<{ column_name: string; column_type: string }>(
        connection,
        `DESCRIBE SELECT * FROM read_parquet(${sqlString(literal.path)})`,
      );
      return { file, name, format: "parquet", columns: described.map((d, i) => withAlias({ name: d.column_name, type: d.column_type }, i)) };
    } catch (error) {
      throw new DatasetError(`${name} cannot be read as Parquet: ${firstLine((error as Error).message)}`, { file });
    } finally {
      literal.release();
    }
  }
  const layout = csvLayout(file, csv);
  return { file, name, format: "csv", layout, columns: layout.columns.map((c, i) => withAlias({ name: c, type: "VARCHAR" }, i)) };
}

/** Why the UTF-8 copy could not be written, and what to do. */
function copyError(error: NodeJS.ErrnoException, source: InspectedSource): Error {
  const size = `${Math.max(1, Math.ceil(statSync(source.file).size / 1e6))} MB`;
  const where = `the temporary folder ${tmpdir()}`;
  if (error.code === "ENOSPC" || error.code === "EDQUOT") {
    return new DatasetError(
      `no space left in ${where} for a UTF-8 copy of ${source.name} (about ${size}): free space there or set TMPDIR to a folder with room`,
      { file: source.file },
    );
  }
  if (error.code === "EACCES" || error.code === "EROFS" || error.code === "EPERM") {
    return new DatasetError(`${where} cannot be written (${error.code}) for a UTF-8 copy of ${source.name}: set TMPDIR to a folder you can write`, { file: source.file });
  }
  return error;
}

const REJECT_REASONS: Record<string, ReasonCode> = {
  "INVALID ENCODING": "invalid_utf8",
  "INVALID UNICODE": "invalid_utf8",
  "LINE SIZE OVER MAXIMUM": "row_too_long",
  "TOO MANY COLUMNS": "wrong_column_count",
  "MISSING COLUMNS": "wrong_column_count",
  "UNQUOTED VALUE": "bad_quoting",
};

/** Loads the columns `keep` of an inspected file into a temporary table named after `tag`. */
export async function loadSource(connection: DuckDBConnection, source: InspectedSource, keep: readonly string[], tag: string): Promise<LoadedSource> {
  const table = `ingest_src_${tag}`;
  const rejectsTable = `ingest_rejects_${tag}`;
  const rejectsScan = `ingest_rejscan_${tag}`;
  const pivots = `ingest_pivots_${tag}`;
  const blanksTable = `ingest_blanks_${tag}`;
  const kept = keep.map((name) => source.columns.find((c) => c.name === name) ?? { name, type: "VARCHAR" });
  for (const c of kept) {
    if (NESTED_TYPE.test(c.type)) {
      throw new DatasetError(
        `${source.name} column "${c.name}" holds nested values (${c.type.length > 60 ? c.type.slice(0, 60) + "…" : c.type}), not text or numbers; store it as a plain column`,
        { file: source.file, column: c.name },
      );
    }
  }
  const list = kept.map((c) => (c.alias ? `${quoteIdentifier(c.name)} AS ${quoteIdentifier(c.alias)}` : quoteIdentifier(c.name))).join(", ");
  const drop = async () => {
    for (const t of [table, rejectsTable, rejectsScan, pivots, blanksTable]) await connection.run(`DROP TABLE IF EXISTS ${t}`);
  };
  await drop();
  if (source.format === "parquet") {
    // Parquet is read in place: it has its own row numbers, and no row can be malformed. The file is
    // read until drop(), so its literal path lives as long.
    const literal = literalPath(source.file);
    const dropParquet = async () => {
      await drop();
      literal.release();
    };
    // DuckDB cannot number the rows of a file that has a column named file_row_number: such a file is
    // copied (in file order) into a table, whose own row ids number it.
    const ownRowNumber = source.columns.some((c) => c.name.toLowerCase() === "file_row_number");
    const relation = ownRowNumber
      ? `(SELECT rowid + 1 AS __row, * FROM ${table})`
      : `(SELECT file_row_number + 1 AS __row, ${list} FROM read_parquet(${sqlString(literal.path)}, file_row_number = true))`;
    try {
      if (ownRowNumber) await connection.run(`CREATE TEMP TABLE ${table} AS SELECT ${list} FROM read_parquet(${sqlString(literal.path)})`);
      const [{ accepted }] = (await queryRows<{ accepted: number }>(connection, `SELECT count(*)::BIGINT AS accepted FROM ${relation}`)) as [{ accepted: number }];
      return { ...source, relation, accepted, rejects: [], drop: dropParquet };
    } catch (error) {
      literal.release();
      throw new DatasetError(`${source.name} cannot be read: ${firstLine((error as Error).message)}`, { file: source.file });
    }
  }
  const layout = source.layout!;
  const columns = layout.columns.map((c) => `${sqlString(c)}: 'VARCHAR'`).join(", ");
  // DuckDB reads UTF-8 (or UTF-16); anything else, UTF-8 with invalid bytes, or mixed line endings go
  // through a copy it can read (see utf8Copy.ts).
  let readFile = literalPath(source.file);
  let plainFile = layout.gzip ? undefined : source.file;
  const text =
    layout.encoding === "utf-16" ? { utf8: true, mixedLineEndings: false } : layout.gzip ? await scanGzipText(source.file) : scanText(source.file);
  const marked = layout.encoding === "utf-8" && !text.utf8;
  const lineFeeds = text.mixedLineEndings;
  let copyDir: string | undefined;
  const unpacked = async (): Promise<string> => {
    copyDir ??= mkdtempSync(join(tmpdir(), "event-kit-utf8-"));
    plainFile ??= join(copyDir, "unpacked.csv");
    if (!existsSync(plainFile)) await gunzipToFile(source.file, plainFile);
    return plainFile;
  };
  if (layout.encoding === "latin-1" || marked || lineFeeds) {
    try {
      const from = layout.gzip ? await unpacked() : source.file;
      copyDir ??= mkdtempSync(join(tmpdir(), "event-kit-utf8-"));
      readFile.release();
      readFile = { path: join(copyDir, "copy.csv"), release: () => {} };
      writeUtf8Copy(from, layout.encoding === "latin-1" ? "latin-1" : "utf-8", readFile.path, { lineFeeds });
    } catch (error) {
      // A partial copy of the user's data is never left behind.
      if (copyDir) rmSync(copyDir, { recursive: true, force: true });
      readFile.release();
      throw copyError(error as NodeJS.ErrnoException, source);
    }
  } else if (layout.gzip && layout.encoding === "utf-16") {
    try {
      const path = await unpacked();
      readFile.release();
      readFile = { path, release: () => {} };
    } catch (error) {
      if (copyDir) rmSync(copyDir, { recursive: true, force: true });
      readFile.release();
      throw copyError(error as NodeJS.ErrnoException, source);
    }
  }
  // Read in place (no copy or unpacked file made above): DuckDB decompresses a gzip file itself.
  const compression = layout.gzip && copyDir === undefined ? "gzip" : "none";
  try {
    await connection.run(
      `CREATE TEMP TABLE ${table} AS SELECT ${list} FROM read_csv(${sqlString(readFile.path)},
         header = ${layout.header}, auto_detect = false, columns = {${columns}}, compression = ${sqlString(compression)},
         delim = ${sqlString(layout.delimiter)}, quote = '"', escape = '"', encoding = ${sqlString(layout.encoding === "utf-16" ? "utf-16" : "utf-8")},
         strict_mode = true, null_padding = false, max_line_size = ${MAX_LINE_BYTES},
         store_rejects = true, rejects_table = ${sqlString(rejectsTable)}, rejects_scan = ${sqlString(rejectsScan)})`,
    );
  } catch (error) {
    await drop();
    if (copyDir) rmSync(copyDir, { recursive: true, force: true });
    const message = firstLine((error as Error).message);
    // Mixed CRLF/LF and CR-only files are handled; what is left behind this message is a line break DuckDB cannot place.
    const hint = /state machine reached an invalid state/i.test(message)
      ? " (often a carriage return (CR) alone in the middle of a line, in a file whose lines end with LF)"
      : "";
    throw new DatasetError(`${source.name} cannot be read: ${message}${hint}`, { file: source.file });
  } finally {
    readFile.release();
  }
  const [{ accepted }] = (await queryRows<{ accepted: number }>(connection, `SELECT count(*)::BIGINT AS accepted FROM ${table}`)) as [{ accepted: number }];

  // One reason per rejected row (the reader may report several errors on one line), counted in SQL.
  const perLine = `(SELECT line, arg_min(error_type::VARCHAR, coalesce(column_idx, -1)) AS error_type,
      arg_min(column_name, coalesce(column_idx, -1)) AS column_name, arg_min(error_message, coalesce(column_idx, -1)) AS message
    FROM ${rejectsTable} GROUP BY line)`;
  const counts = await queryRows<{ error_type: string; n: number }>(connection, `SELECT error_type, count(*)::BIGINT AS n FROM ${perLine} GROUP BY 1`);
  const byReason = new Map<ReasonCode, ReaderRejects>();
  let numbered = `(SELECT rowid + 1 AS __row, * FROM ${table})`;
  if (counts.length > 0) {
    // The data row of a rejected record: its record number, less the header and the blank records above it.
    await connection.run(`CREATE TEMP TABLE ${blanksTable} (line BIGINT)`);
    const blanks = blankRecords(plainFile ?? (await unpacked()), layout);
    for (let i = 0; i < blanks.length; i += 10_000) {
      await connection.run(`INSERT INTO ${blanksTable} VALUES ${blanks.slice(i, i + 10_000).map((b) => `(${b})`).join(", ")}`);
    }
    const rowOf = (line: string) => `(${line} - ${layout.header ? 1 : 0} - (SELECT count(*) FROM ${blanksTable} b WHERE b.line < ${line}))`;
    const firstRows = await queryRows<{ error_type: string; row: number; column_name: string | null; message: string | null }>(
      connection,
      `SELECT error_type, ${rowOf("r.line")}::BIGINT AS row, column_name, message FROM ${perLine} r
       QUALIFY row_number() OVER (PARTITION BY error_type ORDER BY line) <= ${EXAMPLES_PER_REASON} ORDER BY line`,
    );
    await connection.run(
      `CREATE TEMP TABLE ${pivots} AS
       SELECT row - j AS pivot_row, max(j) AS shift FROM (
         SELECT ${rowOf("r.line")} AS row, row_number() OVER (ORDER BY r.line) AS j FROM (SELECT DISTINCT line FROM ${rejectsTable}) r)
       GROUP BY pivot_row`,
    );
    numbered = `(SELECT s.rowid + 1 + coalesce(p.shift, 0) AS __row, s.* FROM ${table} s ASOF LEFT JOIN ${pivots} p ON s.rowid + 1 > p.pivot_row)`;
    const entry = (errorType: string) => {
      const reason = REJECT_REASONS[errorType] ?? "unreadable_row";
      const found = byReason.get(reason) ?? { reason, count: 0, examples: [] };
      byReason.set(reason, found);
      return found;
    };
    for (const { error_type, n } of counts) entry(error_type).count += n;
    for (const r of firstRows) {
      const e = entry(r.error_type);
      // The reader's message names sizes and counts, never the row's text; the row itself may hold personal data.
      if (e.examples.length < EXAMPLES_PER_REASON) e.examples.push({ row: r.row, column: r.column_name, value: null, detail: firstLine(r.message ?? r.error_type) });
    }
  }
  // DuckDB has read the file into the table; a copy or an unpacked file is not needed any more.
  if (copyDir) rmSync(copyDir, { recursive: true, force: true });
  if (!marked) return { ...source, relation: numbered, accepted, rejects: [...byReason.values()], drop };

  const mark = `chr(${INVALID_MARK.codePointAt(0)})`;
  const badColumn = `CASE ${kept.map((c) => `WHEN contains(${quoteIdentifier(sqlName(c))}, ${mark}) THEN ${sqlString(c.name)}`).join(" ")} END`;
  const [invalid] = (await queryRows<{ n: number; rows: { row: number; column: string }[] }>(
    connection,
    `SELECT count(*)::BIGINT AS n, (list({'row': __row, 'column': bad} ORDER BY __row))[1:${EXAMPLES_PER_REASON}] AS rows
     FROM (SELECT __row, ${badColumn} AS bad FROM ${numbered}) WHERE bad IS NOT NULL`,
  )) as [{ n: number; rows: { row: number; column: string }[] | null }];
  if (invalid.n > 0) {
    byReason.set("invalid_utf8", {
      reason: "invalid_utf8",
      count: invalid.n,
      examples: (invalid.rows ?? []).map((r) => ({ row: r.row, column: r.column, value: null, detail: "bytes that are not UTF-8 text" })),
    });
  }
  return {
    ...source,
    relation: `(SELECT * FROM ${numbered} WHERE ${badColumn} IS NULL)`,
    accepted: accepted - invalid.n,
    rejects: [...byReason.values()],
    drop,
  };
}
