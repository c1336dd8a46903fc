/**
 * Reads a dataset folder (metrics.md §1: users, products, events as NAME.parquet or NAME.csv) into the
 * seed-schema tables of a DuckDB connection. Every value must convert to its column's type: the first
 * one that does not stops the read with an error naming the file, the row and the column.
 * A folder written by the generator carries dataset.json with its window; otherwise the window is
 * observed from the events (metrics.md §2).
 */
import type { DuckDBConnection } from "@duckdb/node-api";
import { existsSync, readFileSync, statSync } from "node:fs";
import { basename, join } from "node:path";
import { queryRows, sqlString } from "../db/duckdb";
import { TABLES, type ColumnSpec, type TableName, createTableSql } from "./schema";
import { type AnalysisWindow, observedWindow } from "./window";
import { DatasetError } from "./datasetError";

export const MANIFEST_FILE = "dataset.json";

export interface DatasetManifest {
  window: AnalysisWindow;
  generator?: Record<string, unknown>;
}

export interface DatasetSummary {
  window: AnalysisWindow;
  files: Partial<Record<TableName, string>>;
  rows: Record<TableName, number>;
  /** Tables the folder did not have, derived from the events instead. */
  derived: TableName[];
}

/** The file holding a table, Parquet preferred; undefined when the folder has neither. */
export function tableFile(dir: string, table: TableName): string | undefined {
  for (const ext of ["parquet", "csv"]) {
    const file = join(dir, `${table}.${ext}`);
    if (existsSync(file)) return file;
  }
  return undefined;
}

function sourceSql(file: string): string {
  return file.endsWith(".parquet")
    ? `read_parquet(${sqlString(file)}, file_row_number = true)`
    : `(SELECT *, (row_number() OVER () - 1) AS file_row_number FROM read_csv(${sqlString(file)}, header = true, all_varchar = true))`;
}

/** SQL that converts a source column to the schema type; zoned times are converted to UTC. */
function castSql(column: string, spec: ColumnSpec, sourceType: string): string {
  const col = `"${column}"`;
  if (spec.type === "TIMESTAMP") {
    return sourceType === "TIMESTAMP" ? col : `TRY_CAST(${col} AS TIMESTAMPTZ)::TIMESTAMP`;
  }
  if (spec.type === "VARCHAR") return `${col}::VARCHAR`;
  return `TRY_CAST(${col} AS ${spec.type})`;
}

async function loadTable(connection: DuckDBConnection, table: TableName, file: string): Promise<number> {
  if (statSync(file).size === 0) throw new DatasetError(`${basename(file)} is empty`, { file });
  const source = `src_${table}`;
  try {
    await connection.run(`CREATE OR REPLACE TEMP TABLE ${source} AS SELECT * FROM ${sourceSql(file)}`);
  } catch (error) {
    throw new DatasetError(`${basename(file)} cannot be read: ${(error as Error).message.split("\n")[0]}`, { file });
  }
  const described = await queryRows<{ column_name: string; column_type: string }>(connection, `DESCRIBE ${source}`);
  const types = new Map(described.map((d) => [d.column_name, d.column_type]));
  const specs = TABLES[table] as readonly ColumnSpec[];
  for (const spec of specs) {
    if (spec.required && !types.has(spec.name)) {
      const found = described.map((d) => d.column_name).filter((c) => c !== "file_row_number");
      throw new DatasetError(`${basename(file)} has no column "${spec.name}" (found: ${found.join(", ")})`, { file, column: spec.name });
    }
  }
  const present = specs.filter((s) => types.has(s.name));
  // One scan finds, for every column at once, the first row whose value does not convert.
  const firstBad = present
    .map((spec) => `min(file_row_number) FILTER (WHERE "${spec.name}" IS NOT NULL AND ${castSql(spec.name, spec, types.get(spec.name)!)} IS NULL) AS "${spec.name}"`)
    .join(", ");
  const [badRows] = await queryRows<Record<string, number | null>>(connection, `SELECT ${firstBad} FROM ${source}`);
  const culprit = present
    .map((spec) => ({ spec, row: badRows?.[spec.name] ?? null }))
    .filter((c): c is { spec: ColumnSpec; row: number } => c.row !== null)
    .sort((a, b) => a.row - b.row)[0];
  if (culprit) {
    const [{ value }] = (await queryRows<{ value: string }>(
      connection,
      `SELECT "${culprit.spec.name}"::VARCHAR AS value FROM ${source} WHERE file_row_number = ${culprit.row}`,
    )) as [{ value: string }];
    throw new DatasetError(
      `${basename(file)} row ${culprit.row + 1}, column "${culprit.spec.name}": cannot read ${JSON.stringify(value.slice(0, 60))} as ${culprit.spec.type}`,
      { file, column: culprit.spec.name, row: culprit.row + 1 },
    );
  }
  const selectList = specs
    .map((s) => (types.has(s.name) ? castSql(s.name, s, types.get(s.name)!) : `NULL::${s.type}`) + ` AS "${s.name}"`)
    .join(", ");
  await connection.run(createTableSql(table));
  await connection.run(`INSERT INTO ${table} SELECT ${selectList} FROM ${source} ORDER BY file_row_number`);
  await connection.run(`DROP TABLE ${source}`);
  const [{ n }] = (await queryRows<{ n: number }>(connection, `SELECT count(*)::BIGINT AS n FROM ${table}`)) as [{ n: number }];
  return n;
}

function readManifest(dir: string): DatasetManifest | undefined {
  const file = join(dir, MANIFEST_FILE);
  if (!existsSync(file)) return undefined;
  const manifest = JSON.parse(readFileSync(file, "utf8")) as DatasetManifest;
  if (!manifest.window?.start || !manifest.window?.end) throw new DatasetError(`${MANIFEST_FILE} has no window`, { file });
  return manifest;
}

export async function readDataset(connection: DuckDBConnection, dir: string): Promise<DatasetSummary> {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new DatasetError(`dataset folder not found: ${dir}`, { file: dir });
  const eventsFile = tableFile(dir, "events");
  if (!eventsFile) throw new DatasetError(`${dir} has no events table (events.parquet or events.csv)`, { file: dir });
  const files: Partial<Record<TableName, string>> = { events: eventsFile };
  const rows = { users: 0, products: 0, events: await loadTable(connection, "events", eventsFile) };
  const derived: TableName[] = [];
  for (const table of ["users", "products"] as const) {
    const file = tableFile(dir, table);
    if (file) {
      files[table] = file;
      rows[table] = await loadTable(connection, table, file);
    } else {
      derived.push(table);
      await connection.run(createTableSql(table));
      await connection.run(
        table === "users"
          ? `INSERT INTO users (user_id) SELECT DISTINCT user_id FROM events WHERE user_id IS NOT NULL ORDER BY 1`
          : `INSERT INTO products (product_id, category, price) SELECT product_id, any_value(category), any_value(price)
             FROM events WHERE product_id IS NOT NULL GROUP BY product_id ORDER BY 1`,
      );
      rows[table] = (await queryRows<{ n: number }>(connection, `SELECT count(*)::BIGINT AS n FROM ${table}`))[0]!.n;
    }
  }
  const manifest = readManifest(dir);
  let window = manifest?.window;
  if (!window) {
    const [range] = await queryRows<{ first: string | null; last: string | null }>(
      connection,
      `SELECT min("timestamp") AS first, max("timestamp") AS last FROM events`,
    );
    if (!range?.first || !range.last) throw new DatasetError(`${basename(eventsFile)} has no events with a timestamp`, { file: eventsFile });
    window = observedWindow(new Date(range.first), new Date(range.last));
  }
  return { window, files, rows, derived };
}
