/**
 * The one place that opens DuckDB. Every connection is pinned to UTC so that casting a
 * timestamp-with-time-zone (e.g. a CSV value ending in "Z") to TIMESTAMP never shifts it by the
 * machine's zone, and result values are turned into plain JSON-safe JavaScript values.
 */
import { DuckDBConnection, DuckDBInstance } from "@duckdb/node-api";

export interface Database {
  instance: DuckDBInstance;
  connection: DuckDBConnection;
  close(): void;
}

export interface OpenOptions {
  readOnly?: boolean;
  threads?: number;
  memoryLimit?: string;
  /** Where DuckDB spills what does not fit in memoryLimit. */
  tempDirectory?: string;
}

export async function openDatabase(path = ":memory:", options: OpenOptions = {}): Promise<Database> {
  const config: Record<string, string> = {};
  if (options.readOnly) config.access_mode = "READ_ONLY";
  if (options.threads) config.threads = String(options.threads);
  if (options.memoryLimit) config.memory_limit = options.memoryLimit;
  if (options.tempDirectory) config.temp_directory = options.tempDirectory;
  const instance = await DuckDBInstance.create(path, config);
  const connection = await instance.connect();
  await connection.run("SET TimeZone = 'UTC'");
  return {
    instance,
    connection,
    close() {
      connection.closeSync();
      instance.closeSync();
    },
  };
}

/** A value as it may appear in query results handed to JSON or to pages. */
export type Plain = number | string | boolean | null | Plain[] | { [key: string]: Plain };

/** Converts DuckDB's JS values to plain ones: BigInt → number (refusing unsafe ones), Date → ISO string. */
export function toPlain(value: unknown): Plain {
  if (value === null || value === undefined) return null;
  if (typeof value === "bigint") {
    const n = Number(value);
    if (!Number.isSafeInteger(n)) throw new RangeError(`integer ${value} does not fit in a JSON number`);
    return n;
  }
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(toPlain);
  if (typeof value === "object") {
    const out: Record<string, Plain> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) out[k] = toPlain(v);
    return out;
  }
  return value as Plain;
}

/** Runs a query and returns its rows as plain objects. Cast BIGINT/DECIMAL in SQL where precision matters. */
export async function queryRows<T = Record<string, Plain>>(
  connection: DuckDBConnection,
  sql: string,
): Promise<T[]> {
  const reader = await connection.runAndReadAll(sql);
  return reader.getRowObjectsJS().map((row) => toPlain(row) as T);
}

/** A SQL string literal, quotes doubled. */
export function sqlString(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}
