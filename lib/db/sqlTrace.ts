/**
 * The tracing connection: what each engine ran on a connection, under readable names, so that a page
 * can show "the SQL behind this chart" as it ran, never a reconstruction.
 *
 * Engines send their result-producing statements through runTraced / queryTraced (or reportSql), naming
 * each one ("funnel.session.step_counts"). When nobody traces the connection those calls only run the
 * statement. A scratch table's per-run name (prefix_pid_counter_random, which keeps concurrent analyses
 * apart) is registered with aliasTable and shown under its readable prefix: the text is otherwise the
 * statement that ran.
 */
import type { DuckDBConnection, DuckDBMaterializedResult } from "@duckdb/node-api";
import { type Plain, queryRows } from "./duckdb.js";

/** One statement an engine ran: its readable name and its text (scratch tables under readable names). */
export interface TracedStatement {
  name: string;
  sql: string;
}

export class SqlTrace {
  private readonly aliases = new Map<string, string>();

  /** `statements`: a trace recorded earlier (e.g. read back from the analysis cache). */
  constructor(readonly statements: TracedStatement[] = []) {}

  /** Shows `actual` (a scratch table's per-run name) as `readable` in every statement recorded. */
  alias(actual: string, readable: string): void {
    this.aliases.set(actual, readable);
  }

  /** Records `sql` under `name` (a scratch table's per-run name is recorded under its readable one). */
  record(name: string, sql: string): void {
    let text = sql.trim();
    for (const [actual, readable] of this.aliases) text = text.replaceAll(actual, readable);
    this.statements.push({ name: this.aliases.get(name) ?? name, sql: text });
  }

  /** The statement(s) recorded under `name`, each ending in ";"; throws when the engine ran none. */
  sql(name: string): string {
    const found = this.statements.filter((s) => s.name === name);
    if (found.length === 0) throw new Error(`no statement named "${name}" was run (ran: ${this.statements.map((s) => s.name).join(", ") || "none"})`);
    return found.map((s) => `${s.sql};`).join("\n\n");
  }

  /** Like sql(name), or undefined when no statement of that name ran (an optional step of an engine). */
  maybeSql(name: string): string | undefined {
    return this.statements.some((s) => s.name === name) ? this.sql(name) : undefined;
  }
}

const traces = new WeakMap<DuckDBConnection, SqlTrace>();

/** Starts recording what engines run on `connection`; the returned trace fills as they run. */
export function traceConnection(connection: DuckDBConnection): SqlTrace {
  const trace = new SqlTrace();
  traces.set(connection, trace);
  return trace;
}

export function stopTracing(connection: DuckDBConnection): void {
  traces.delete(connection);
}

/** Records `sql` under `name` when the connection is traced. */
export function reportSql(connection: DuckDBConnection, name: string, sql: string): void {
  traces.get(connection)?.record(name, sql);
}

/** Registers a scratch table's per-run name with the connection's trace, if any. */
export function aliasTable(connection: DuckDBConnection, actual: string, readable: string): void {
  traces.get(connection)?.alias(actual, readable);
}

export function runTraced(connection: DuckDBConnection, name: string, sql: string): Promise<DuckDBMaterializedResult> {
  reportSql(connection, name, sql);
  return connection.run(sql);
}

export function queryTraced<T = Record<string, Plain>>(connection: DuckDBConnection, name: string, sql: string): Promise<T[]> {
  reportSql(connection, name, sql);
  return queryRows<T>(connection, sql);
}
