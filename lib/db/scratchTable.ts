/**
 * Session-scoped temporary tables for intermediate results. Each analysis scans the events once into a
 * compact per-unit table and derives everything else from it, so these tables are what makes the
 * analysis cost a few event scans rather than one per output.
 */
import type { DuckDBConnection } from "@duckdb/node-api";
import { queryRows } from "./duckdb.js";
import { aliasTable, runTraced } from "./sqlTrace.js";

let counter = 0;

/** A temp table name that cannot collide with another analysis running on the same connection. */
export function scratchName(prefix: string): string {
  counter += 1;
  return `${prefix}_${process.pid}_${counter}_${Math.random().toString(36).slice(2, 8)}`;
}

/** Per connection: how many scratch-table builds are running, and the setting to put back after the last. */
const relaxedOrder = new WeakMap<DuckDBConnection, { active: number; original: boolean }>();

/**
 * CREATE TEMP TABLE … AS select. Insertion order is not preserved while it runs: nothing downstream
 * relies on row order (every result query sorts), and keeping it roughly doubles DuckDB's
 * materialisation time. The setting is session-scoped; builds that overlap on one connection (analyses
 * started together) share one relaxation, and the first one's saved value is restored by the last.
 */
export async function createScratchTable(connection: DuckDBConnection, name: string, selectSql: string): Promise<void> {
  let state = relaxedOrder.get(connection);
  if (!state) {
    state = { active: 0, original: true };
    relaxedOrder.set(connection, state);
  }
  if (state.active++ === 0) {
    const [setting] = await queryRows<{ value: boolean }>(connection, "SELECT current_setting('preserve_insertion_order') AS value");
    state.original = setting?.value !== false;
    await connection.run("SET SESSION preserve_insertion_order = false");
  }
  try {
    // Traced under the table's readable name (withScratchTables registers it).
    await runTraced(connection, name, `CREATE TEMP TABLE ${name} AS\n${selectSql}`);
  } finally {
    if (--state.active === 0) {
      await connection.run(`SET SESSION preserve_insertion_order = ${state.original}`);
    }
  }
}

export async function dropScratchTables(connection: DuckDBConnection, names: readonly string[]): Promise<void> {
  for (const name of names) await connection.run(`DROP TABLE IF EXISTS temp.${name}`);
}

/** Runs fn with a scratch-name factory, dropping every table it named afterwards, even on failure. */
export async function withScratchTables<T>(
  connection: DuckDBConnection,
  fn: (name: (prefix: string) => string) => Promise<T>,
): Promise<T> {
  const names: string[] = [];
  try {
    return await fn((prefix) => {
      const name = scratchName(prefix);
      names.push(name);
      aliasTable(connection, name, prefix);
      return name;
    });
  } finally {
    await dropScratchTables(connection, names);
  }
}
