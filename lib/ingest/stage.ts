/**
 * The validation engine. One pass over a loaded source computes, for every row, its converted values
 * and the first rule it breaks (`__rule`, NULL when it breaks none) into a staging table; duplicates are
 * marked in a second statement (only among rows that break no other rule, keeping the first by row
 * number); then rows are counted by reason and up to three examples per reason are kept. The caller
 * inserts the rows whose `__rule` is NULL.
 *
 * A column whose values are all present but none converts is not a few bad rows: the column is of the
 * wrong type, and that is a fatal error naming the file, the column and the first row.
 */
import type { DuckDBConnection } from "@duckdb/node-api";
import { queryRows } from "../db/duckdb";
import { quoteIdentifier } from "../db/quoteIdentifier";
import { DatasetError } from "./datasetError";
import type { TableName } from "../dataset/schema";
import { EXAMPLES_PER_REASON, EXAMPLE_VALUE_LENGTH } from "./limits";
import { pseudonym } from "./pseudonymize";
import { type ReasonCode, reasonLabel } from "./reasons";
import type { LoadedSource } from "./readSource";
import type { ReasonTally, RejectExample, TableValidation } from "./validationReport";

export type StageType = "VARCHAR" | "TIMESTAMP" | "DOUBLE" | "INTEGER";

export interface StageColumn {
  /** Name in the staging table (a seed-schema column name). */
  name: string;
  type: StageType;
  /** The source column(s) as named in the file, for messages and examples; null when the file has none. */
  source: string | null;
  /** Step 1, over the source row `s`: the normalised value (NULL when missing). */
  text: string;
  /** Step 2: converts the step-1 value (a reference to it) to `type`; NULL when it does not convert. */
  parse: (ref: string) => string;
  /** The raw value as text, over `s`, for examples. */
  raw: string;
  /** A present value that converts to a non-finite number is bad too. */
  finite?: boolean;
  /** Only rows where this holds (SQL over converted columns) judge the column's values. */
  checkWhere?: string;
  /** For the fatal message: "a timestamp", "a number", … */
  typeWord?: string;
  /** Example values are pseudonymised when a key is given (user ids). */
  pseudonymous?: boolean;
}

export interface StageRule {
  reason: ReasonCode;
  /** SQL over the converted columns, `__t_<name>` (the step-1 values), `__bad_<name>` and lookup columns. */
  when: string;
  /** The stage column whose source the examples name, or null for the row as a whole. */
  column: string | null;
}

export interface StagePlan {
  table: TableName;
  source: LoadedSource;
  columns: StageColumn[];
  /**
   * Columns computed from other tables, as expressions over the converted row `l3`, with the statements
   * that prepare what they read (run before the stage) and undo it (run after). No join: a hash join
   * gives its rows back out of order, and putting 10M rows back in file order cost seconds.
   */
  lookup?: { prepare: string[]; columns: string[]; cleanup: string[] };
  /** In order of precedence: a row is set aside for the first rule it breaks. */
  rules: StageRule[];
  /** `keep`: duplicates are counted (`StageResult.duplicates`) and loaded instead of set aside ("dedupe": "none"). */
  duplicates: { reason: ReasonCode; key: string[]; column: string | null; keep?: boolean };
  /** Columns that must have a value in at least one row, or the file cannot be used (the stage keeps `__has_<name>`). */
  required: string[];
}

export interface StageResult {
  /** The staging table: `__row`, the converted columns, lookup columns and `__rule`. */
  stage: string;
  validation: Omit<TableValidation, "ignored_columns">;
  /** Rows equal on the duplicate key to an earlier row that broke no rule: set aside, or kept when the plan says so. */
  duplicates: number;
}

const t = (name: string) => quoteIdentifier(`__t_${name}`);
const bad = (name: string) => quoteIdentifier(`__bad_${name}`);
const has = (name: string) => quoteIdentifier(`__has_${name}`);

function cut(value: string | null): string | null {
  if (value === null) return null;
  return value.length > EXAMPLE_VALUE_LENGTH ? value.slice(0, EXAMPLE_VALUE_LENGTH) + "…" : value;
}

function stageSql(plan: StagePlan, stage: string): string {
  const cols = plan.columns;
  const step1 = cols.map((c) => `${c.text} AS ${t(c.name)}`).join(",\n        ");
  const step2 = cols.map((c) => `(${c.parse(t(c.name))})::${c.type} AS ${quoteIdentifier(c.name)}`).join(",\n      ");
  const flags = cols
    .filter((c) => c.typeWord)
    .map((c) => {
      if (c.source === null) return `false AS ${bad(c.name)}`;
      const notConverted = c.finite ? `(${quoteIdentifier(c.name)} IS NULL OR NOT isfinite(${quoteIdentifier(c.name)}))` : `${quoteIdentifier(c.name)} IS NULL`;
      return `coalesce(${t(c.name)} IS NOT NULL AND ${notConverted}${c.checkWhere ? ` AND (${c.checkWhere})` : ""}, false) AS ${bad(c.name)}`;
    });
  // A flag rather than the step-1 value itself: every column the stage keeps is written for every row.
  flags.push(...plan.required.map((name) => `${t(name)} IS NOT NULL AS ${has(name)}`));
  const lookupColumns = plan.lookup?.columns ?? [];
  const dropped = cols.map((c) => t(c.name));
  const rules = plan.rules.map((r, i) => `WHEN ${r.when} THEN ${i + 1}`).join("\n      ");
  // Not TEMP: a stage may become the seed-schema table itself (adoptStage), which lives in the main schema.
  return `CREATE OR REPLACE TABLE ${stage} AS
SELECT * ${dropped.length ? `EXCLUDE (${dropped.join(", ")})` : ""} FROM (
  SELECT *, CASE
      ${rules}
    END AS __rule FROM (
    SELECT l3.*${lookupColumns.length ? ", " + lookupColumns.join(", ") : ""} FROM (
      SELECT *${flags.length ? ", " + flags.join(", ") : ""} FROM (
        SELECT __row, ${cols.map((c) => t(c.name)).join(", ")},
        ${step2}
        FROM (SELECT __row,
          ${step1}
          FROM ${plan.source.relation} s))
    ) l3))`;
}

async function rawValues(plan: StagePlan, rows: number[], connection: DuckDBConnection): Promise<Map<number, Record<string, string | null>>> {
  const out = new Map<number, Record<string, string | null>>();
  if (rows.length === 0) return out;
  const withSource = plan.columns.filter((c) => c.source !== null);
  const select = withSource.map((c) => `${c.raw} AS ${quoteIdentifier(c.name)}`).join(", ");
  const found = await queryRows<Record<string, string | null> & { __row: number }>(
    connection,
    `SELECT __row::BIGINT AS __row${select ? ", " + select : ""} FROM ${plan.source.relation} s WHERE __row IN (${rows.join(", ")})`,
  );
  for (const r of found) out.set(r.__row, r);
  return out;
}

/** For duplicate rows, the row that was kept in their place. */
async function keptRows(connection: DuckDBConnection, plan: StagePlan, stage: string, rows: number[]): Promise<Map<number, number>> {
  if (rows.length === 0) return new Map();
  const same = plan.duplicates.key.map((k) => `k.${quoteIdentifier(k)} IS NOT DISTINCT FROM d.${quoteIdentifier(k)}`).join(" AND ");
  const found = await queryRows<{ row: number; kept: number }>(
    connection,
    `SELECT d.__row::BIGINT AS row, min(k.__row)::BIGINT AS kept FROM ${stage} d JOIN ${stage} k ON ${same} AND k.__rule IS NULL
     WHERE d.__row IN (${rows.join(", ")}) GROUP BY d.__row`,
  );
  return new Map(found.map((f) => [f.row, f.kept]));
}

/** Fatal errors: a required column with no value at all, or a typed column where nothing converts. */
async function checkColumns(connection: DuckDBConnection, plan: StagePlan, stage: string): Promise<void> {
  const typed = plan.columns.filter((c) => c.typeWord && c.source !== null);
  const parts = ["count(*)::BIGINT AS n"];
  for (const c of typed) {
    parts.push(`count(*) FILTER (WHERE ${bad(c.name)})::BIGINT AS ${quoteIdentifier(`bad_${c.name}`)}`);
    parts.push(`count(${quoteIdentifier(c.name)}) FILTER (WHERE NOT ${bad(c.name)}${c.checkWhere ? ` AND (${c.checkWhere})` : ""})::BIGINT AS ${quoteIdentifier(`ok_${c.name}`)}`);
    parts.push(`min(__row) FILTER (WHERE ${bad(c.name)})::BIGINT AS ${quoteIdentifier(`first_${c.name}`)}`);
  }
  for (const name of plan.required) parts.push(`count(*) FILTER (WHERE ${has(name)})::BIGINT AS ${quoteIdentifier(`has_${name}`)}`);
  const [stats] = (await queryRows<Record<string, number | null>>(connection, `SELECT ${parts.join(", ")} FROM ${stage}`)) as [Record<string, number | null>];
  if (!stats.n) return;
  const file = plan.source.file;
  for (const name of plan.required) {
    const column = plan.columns.find((c) => c.name === name)!;
    if (!stats[`has_${name}`]) {
      throw new DatasetError(`${plan.source.name} column "${column.source}" has no values: every row is empty`, { file, column: column.source ?? name });
    }
  }
  for (const c of typed) {
    if ((stats[`bad_${c.name}`] ?? 0) > 0 && !stats[`ok_${c.name}`]) {
      const row = stats[`first_${c.name}`]!;
      const value = (await rawValues(plan, [row], connection)).get(row)?.[c.name] ?? null;
      throw new DatasetError(
        `${plan.source.name} column "${c.source}": no value can be read as ${c.typeWord} (row ${row}: ${JSON.stringify(cut(value))})`,
        { file, column: c.source!, row },
      );
    }
  }
}

/** Validates a loaded source into a staging table; see the file's comment. */
export async function runStage(connection: DuckDBConnection, plan: StagePlan, tag: string, pseudonymKey?: string): Promise<StageResult> {
  const stage = `ingest_stage_${tag}`;
  for (const statement of plan.lookup?.prepare ?? []) await connection.run(statement);
  try {
    await connection.run(stageSql(plan, stage));
  } catch (error) {
    // Parquet is read here for the first time: a damaged file (or one with text that is not UTF-8) fails here.
    const message = ((error as Error).message.split("\n")[0] ?? "").slice(0, 200);
    throw new DatasetError(`${plan.source.name} cannot be read: ${message}`, { file: plan.source.file });
  } finally {
    for (const statement of plan.lookup?.cleanup ?? []) await connection.run(statement);
  }
  await checkColumns(connection, plan, stage);

  const dupRule = plan.rules.length + 1;
  const key = plan.duplicates.key.map(quoteIdentifier).join(", ");
  let duplicates: number;
  if (plan.duplicates.keep) {
    // Counted, not set aside: rows beyond the first of each key among the rows that break no rule.
    const [counted] = await queryRows<{ n: number }>(
      connection,
      `SELECT (count(*) - count(DISTINCT row(${key})))::BIGINT AS n FROM ${stage} WHERE __rule IS NULL`,
    );
    duplicates = counted?.n ?? 0;
  } else {
    await connection.run(
      `UPDATE ${stage} SET __rule = ${dupRule} WHERE __row IN (
         SELECT __row FROM (SELECT __row, row_number() OVER (PARTITION BY ${key} ORDER BY __row) AS n FROM ${stage} WHERE __rule IS NULL)
         WHERE n > 1)`,
    );
    duplicates = -1; // counted with the other reasons below
  }

  const rules = [...plan.rules, { reason: plan.duplicates.reason, when: "", column: plan.duplicates.column }];
  const counts = await queryRows<{ rule: number | null; n: number }>(connection, `SELECT __rule AS rule, count(*)::BIGINT AS n FROM ${stage} GROUP BY 1`);
  const picked = await queryRows<{ rule: number; row: number }>(
    connection,
    `SELECT __rule AS rule, __row::BIGINT AS row FROM ${stage} WHERE __rule IS NOT NULL
     QUALIFY row_number() OVER (PARTITION BY __rule ORDER BY __row) <= ${EXAMPLES_PER_REASON}`,
  );
  const raw = await rawValues(plan, picked.map((p) => p.row), connection);
  const firstOf = await keptRows(connection, plan, stage, picked.filter((p) => p.rule === dupRule).map((p) => p.row));

  const tallies = new Map<ReasonCode, ReasonTally>();
  const tally = (reason: ReasonCode) => {
    const existing = tallies.get(reason);
    if (existing) return existing;
    const created: ReasonTally = { reason, label: reasonLabel(reason), count: 0, examples: [] };
    tallies.set(reason, created);
    return created;
  };
  let loaded = 0;
  for (const { rule, n } of counts) {
    if (rule === null) loaded = n;
    else tally(rules[rule - 1]!.reason).count += n;
  }
  for (const { rule, row } of picked.sort((a, b) => a.row - b.row)) {
    const r = rules[rule - 1]!;
    const column = r.column === null ? undefined : plan.columns.find((c) => c.name === r.column);
    let value = column ? (raw.get(row)?.[column.name] ?? null) : null;
    if (value !== null && column?.pseudonymous && pseudonymKey) value = pseudonym(value.trim(), pseudonymKey);
    const kept = firstOf.get(row);
    const example: RejectExample = { row, column: column?.source ?? null, value: cut(value), ...(kept ? { detail: `same as row ${kept}` } : {}) };
    const entry = tally(r.reason);
    if (entry.examples.length < EXAMPLES_PER_REASON) entry.examples.push(example);
  }
  for (const rejected of plan.source.rejects) {
    const entry = tally(rejected.reason);
    entry.count += rejected.count;
    entry.examples = [...entry.examples, ...rejected.examples].sort((a, b) => a.row - b.row).slice(0, EXAMPLES_PER_REASON);
  }
  const reasons = [...tallies.values()].sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason));
  const setAside = reasons.reduce((s, r) => s + r.count, 0);
  const read = plan.source.accepted + plan.source.rejects.reduce((s, r) => s + r.count, 0);
  if (duplicates < 0) duplicates = tallies.get(plan.duplicates.reason)?.count ?? 0;
  return {
    stage,
    validation: { table: plan.table, file: plan.source.name, format: plan.source.format, read, loaded, set_aside: setAside, reasons },
    duplicates,
  };
}
