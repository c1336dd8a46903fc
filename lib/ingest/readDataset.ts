/**
 * Reads input data into the seed-schema tables users / products / events of a DuckDB connection,
 * validating every row on the way: each row read is either loaded or set aside with a reason, and the
 * returned validation report counts both (read = loaded + set aside, asserted for every table).
 *
 * Input is either a dataset folder in the seed schema (docs/metrics.md §1: events, and optionally users and
 * products, as NAME.parquet or NAME.csv; a generated folder's dataset.json states the window), or one
 * events file in another schema read through a column mapping (a JSON file, or a built-in preset).
 * What the data lacks is derived: users from the events (registration = first event), products from
 * the events, event ids from row numbers, sessions from 30 minutes of inactivity.
 *
 * Problems that leave nothing to analyse stop the read with one DatasetError naming the file, the
 * column and, where there is one, the row: a missing or unreadable path, an empty file, a missing
 * required column, a column where no value converts, no event left to load.
 */
import type { DuckDBConnection } from "@duckdb/node-api";
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { basename, join } from "node:path";
import { queryRows, sqlString } from "../db/duckdb";
import { EVENT_TYPES, TABLE_NAMES, type TableName, createTableSql } from "../dataset/schema";
import { parseFunnelSteps } from "../funnel/customFunnel";
import { DEFAULT_CURRENCY } from "../dataset/currency";
import type { AnalysisWindow } from "../dataset/window";
import { observedWindow } from "../db/windowSql";
import { DEFAULT_TIMEZONE } from "../dataset/timezone";
import { DatasetError } from "./datasetError";
import { type DatasetManifest, MANIFEST_FILE } from "../dataset/manifest";
import { PERSONAL_COLUMN } from "./columns";
import { addProductsFromEvents, addUsersFromEvents } from "./deriveTables";
import { adoptStage } from "./adoptStage";
import { type MappingKind, eventsPlan, fillFromProductsSql, fixQuantitySql, loadedQuantitySql, resolveEventColumns } from "./eventsPlan";
import { MAX_PRICE_CEILING, MAX_QUANTITY, MAX_TEXT_LENGTH, MONEY_DECIMALS, PLAUSIBLE_FROM, PLAUSIBLE_TO } from "./limits";
import { sourceKind } from "./valueSql";
import {
  type ValidationWarning,
  invisibleIdWarning,
  outlyingEventsWarning,
  precisionWarning,
  setAsideWarnings,
  usersWarnings,
} from "./warnings";
import { type Mapping, type MappingFile, parseMapping, readMappingFile, seedMapping } from "./mapping";
import { presetMapping } from "./presets";
import { checkPseudonymKey, pseudonymSql } from "./pseudonymize";
import { type InspectedSource, type LoadedSource, inspectSource, loadSource } from "./readSource";
import { sessionizeSql } from "./sessionize";
import { type StagePlan, runStage } from "./stage";
import type { DedupePolicy } from "./dedupe";
import { timestampPrecision } from "./timestampPrecision";
import { productsPlan, productsSources } from "./productsPlan";
import { usersPlan, usersSources } from "./usersPlan";
import { USER_ATTRIBUTES, userAttributesFromEventsSql } from "./userAttributes";
import { type DerivedFacts, type TableValidation, type ValidationReport, assertAccounting, totalsOf } from "./validationReport";

export interface DatasetSummary {
  /** The window, with the time zone whose calendar the analyses use (ReadOptions.timezone, else the mapping's, else UTC). */
  window: AnalysisWindow;
  files: Partial<Record<TableName, string>>;
  /** Rows in each table after loading (derived rows included). */
  rows: Record<TableName, number>;
  /** Tables the input did not have (or had empty), derived from the events instead. */
  derived: TableName[];
  /** Every row read, loaded or set aside with its reason. */
  validation: ValidationReport;
  /** Configured funnel steps (a mapping's "funnel", or ReadOptions.funnel); null for the default funnels. */
  funnel: string[] | null;
  /** ISO 4217 code of the money (ReadOptions.currency, else the mapping's, else USD). */
  currency: string;
}

export interface ReadOptions {
  /** A column mapping for a single events file in another schema: the path of its JSON file, or its content. */
  mapping?: string | MappingFile;
  /** A built-in mapping by name, e.g. "rees46". */
  preset?: string;
  /** Replace every user id by "u_" + 16 hex digits of HMAC-SHA256(key, user_id). */
  pseudonymKey?: string;
  /** Overrides the mapping's "dedupe" (see lib/ingest/dedupe.ts); for seed-schema input too. */
  dedupe?: DedupePolicy;
  /** Overrides the mapping's "funnel": 2–8 event types (lib/funnel/customFunnel.ts); checked against the loaded event types. */
  funnel?: string[];
  /** Overrides the mapping's "currency" (an ISO 4217 code, checked by the caller). */
  currency?: string;
  /** Overrides the mapping's "timezone" (an IANA name, checked by the caller; lib/dataset/timezone.ts). */
  timezone?: string;
}

/** The file holding a table, Parquet preferred; undefined when the folder has neither. */
export function tableFile(dir: string, table: TableName): string | undefined {
  for (const ext of ["parquet", "csv", "csv.gz"]) {
    const file = join(dir, `${table}.${ext}`);
    if (existsSync(file)) return file;
  }
  return undefined;
}

/** A table given both as Parquet and as CSV: the Parquet file is read, and the run says so. */
function twiceWarning(dir: string, table: TableName): ValidationWarning | undefined {
  if (!existsSync(join(dir, `${table}.parquet`)) || !existsSync(join(dir, `${table}.csv`))) return undefined;
  return {
    code: "table_given_twice",
    table,
    count: 1,
    message: `${table}.parquet and ${table}.csv are both in the folder: ${table}.parquet is read and ${table}.csv ignored (Parquet is preferred); remove the one you do not mean`,
  };
}

/** What a path that is neither a file nor a folder is, for the message that refuses it. */
function notFileOrFolder(path: string): DatasetError {
  const stat = statSync(path);
  const what = stat.isFIFO() ? "a pipe (such as <(cat file))" : stat.isSocket() ? "a socket" : stat.isCharacterDevice() || stat.isBlockDevice() ? "a device" : "not a regular file";
  return new DatasetError(
    `${path} is ${what}, neither a file nor a folder: pass the path of the dataset folder or of the events file itself (the kit reads a file more than once, which a pipe cannot give)`,
    { file: path },
  );
}

function readManifest(dir: string): DatasetManifest | undefined {
  const file = join(dir, MANIFEST_FILE);
  if (!existsSync(file)) return undefined;
  let manifest: DatasetManifest;
  try {
    manifest = JSON.parse(readFileSync(file, "utf8")) as DatasetManifest;
  } catch (error) {
    throw new DatasetError(`${MANIFEST_FILE} is not valid JSON: ${(error as Error).message}`, { file });
  }
  if (!manifest.window?.start || !manifest.window?.end) throw new DatasetError(`${MANIFEST_FILE} has no window`, { file });
  return manifest;
}

/** Each user's attributes from the events file, between the events stage and the users table. */
const EVENT_USER_ATTRIBUTES = "__ingest_event_user_attributes";

interface Input {
  kind: MappingKind;
  mapping: Mapping;
  files: Partial<Record<TableName, string>>;
  manifest?: DatasetManifest;
  preset: string | null;
  mappingFile: string | null;
  warnings: ValidationWarning[];
}

const isDataFile = (name: string) => /\.(csv|csv\.gz|parquet)$/i.test(name);

/** The single events file a mapping reads: the path itself, or the one data file of a folder. */
function mappedEventsFile(path: string): string {
  if (statSync(path).isFile()) return path;
  if (!statSync(path).isDirectory()) throw notFileOrFolder(path);
  const own = tableFile(path, "events");
  if (own) return own;
  const candidates = readdirSync(path).filter(isDataFile).sort();
  if (candidates.length !== 1) {
    throw new DatasetError(
      `${path} must hold exactly one .csv or .parquet file to read through a mapping (found ${candidates.length}${candidates.length ? ": " + candidates.slice(0, 5).join(", ") : ""}); pass the file itself`,
      { file: path },
    );
  }
  return join(path, candidates[0]!);
}

/**
 * A mapping reads one events file. When it reads user attributes from it, a users table beside it in the
 * folder would be a second, unread source of the same facts: refused rather than silently ignored.
 */
function checkNoUsersBeside(path: string, mapping: Mapping): void {
  const attributes = USER_ATTRIBUTES.filter((a) => mapping.columns[a] !== undefined);
  if (attributes.length === 0 || !statSync(path).isDirectory()) return;
  const users = tableFile(path, "users");
  if (!users) return;
  throw new DatasetError(
    `${path} holds ${basename(users)} beside the events, but the mapping reads the users' ${attributes.join(", ")} from the events file's columns and never reads ${basename(users)}: remove it from the folder, or pass the events file itself`,
    { file: users },
  );
}

function resolveInput(path: string, options: ReadOptions): Input {
  if (options.mapping !== undefined && options.preset !== undefined) throw new DatasetError("give a mapping or a preset, not both");
  const mapped = options.mapping !== undefined || options.preset !== undefined;
  if (!existsSync(path)) throw new DatasetError(`${mapped ? "events file" : "dataset folder"} not found: ${path}`, { file: path });
  if (mapped) {
    const mapping =
      options.preset !== undefined
        ? presetMapping(options.preset)
        : typeof options.mapping === "string"
          ? readMappingFile(options.mapping)
          : parseMapping(options.mapping, "(given inline)");
    checkNoUsersBeside(path, mapping);
    return {
      kind: "mapping",
      mapping,
      files: { events: mappedEventsFile(path) },
      preset: options.preset ?? null,
      mappingFile: typeof options.mapping === "string" ? basename(options.mapping) : null,
      warnings: [],
    };
  }
  if (!statSync(path).isFile() && !statSync(path).isDirectory()) throw notFileOrFolder(path);
  if (statSync(path).isFile()) {
    if (!isDataFile(path)) throw new DatasetError(`${basename(path)} is neither a .csv nor a .parquet file`, { file: path });
    return { kind: "seed", mapping: seedMapping(), files: { events: path }, preset: null, mappingFile: null, warnings: [] };
  }
  const events = tableFile(path, "events");
  if (!events) throw new DatasetError(`${path} has no events table (events.parquet or events.csv)`, { file: path });
  const files: Partial<Record<TableName, string>> = { events };
  for (const table of ["users", "products"] as const) {
    const file = tableFile(path, table);
    if (file) files[table] = file;
  }
  const warnings = TABLE_NAMES.map((t) => twiceWarning(path, t)).filter((w): w is ValidationWarning => w !== undefined);
  return { kind: "seed", mapping: seedMapping(), files, manifest: readManifest(path), preset: null, mappingFile: null, warnings };
}

/** A strptime format DuckDB cannot use fails here, naming the mapping key, rather than on the first row. */
async function checkTimestampFormat(connection: DuckDBConnection, mapping: Mapping, where: string): Promise<void> {
  if (!mapping.timestampFormat.includes("%")) return;
  try {
    await connection.run(`SELECT TRY_STRPTIME('2025-01-01', ${sqlString(mapping.timestampFormat)})`);
  } catch (error) {
    // DuckDB ends its message with the code it does not know ("…: %Q").
    const code = /(%-?.)\s*$/m.exec((error as Error).message.split("\n")[0] ?? "")?.[1];
    throw new DatasetError(
      `mapping ${where}: "timestamp_format" ${JSON.stringify(mapping.timestampFormat)} is not a strptime format${code ? ` (${code} is not a code it knows)` : ""}; see the % codes in docs/bring-your-own-data.md`,
      { file: where },
    );
  }
}

/** Id columns stored as floating point in the file, whose integral values were read as whole numbers. */
function floatIdColumns(source: InspectedSource, plan: StagePlan): string[] {
  const ids = ["event_id", "user_id", "session_id", "product_id"];
  const used = new Set(plan.columns.filter((c) => ids.includes(c.name) && c.source !== null).flatMap((c) => c.source!.split(" / ")));
  return source.columns.filter((c) => used.has(c.name) && sourceKind(c.type) === "float").map((c) => `${source.name} ${c.name}`);
}

async function tableCount(connection: DuckDBConnection, table: TableName): Promise<number> {
  return (await queryRows<{ n: number }>(connection, `SELECT count(*)::BIGINT AS n FROM ${table}`))[0]!.n;
}

function usedColumns(plan: StagePlan): string[] {
  return plan.columns.flatMap((c) => (c.source === null ? [] : c.source.split(" / ")));
}

function ignoredColumns(source: InspectedSource, used: readonly string[]): string[] {
  return source.columns.map((c) => c.name).filter((name) => !used.includes(name));
}

/** Stops when no event could be loaded, naming the most frequent reason and its first row. */
function checkSomethingLoaded(validation: Omit<TableValidation, "ignored_columns">, file: string): void {
  if (validation.read === 0) {
    throw new DatasetError(`${validation.file} has ${validation.format === "csv" ? "a header but " : ""}no rows`, { file });
  }
  if (validation.loaded > 0) return;
  const top = validation.reasons[0]!;
  const example = top.examples[0];
  const where = example ? `; first at row ${example.row}${example.column ? `, column "${example.column}"` : ""}` : "";
  throw new DatasetError(
    `${validation.file}: none of its ${validation.read} rows can be loaded; most often: ${top.label} (${top.count} rows${where})`,
    { file, ...(example?.column ? { column: example.column } : {}), ...(example ? { row: example.row } : {}) },
  );
}

/** A funnel given apart from the mapping names event types of the loaded data. */
async function checkFunnelSteps(connection: DuckDBConnection, steps: string[]): Promise<string[]> {
  const types = await queryRows<{ event_type: string }>(connection, "SELECT DISTINCT event_type FROM events ORDER BY 1");
  return parseFunnelSteps(steps, new Set([...EVENT_TYPES, ...types.map((t) => t.event_type)]), (message) => {
    throw new DatasetError(`the funnel ${message}`);
  });
}

export async function readDataset(connection: DuckDBConnection, dir: string, options: ReadOptions = {}): Promise<DatasetSummary> {
  const key = options.pseudonymKey === undefined ? undefined : checkPseudonymKey(options.pseudonymKey);
  const input = resolveInput(dir, options);
  const mapping = options.dedupe === undefined ? input.mapping : { ...input.mapping, dedupe: options.dedupe };
  await checkTimestampFormat(connection, mapping, input.mappingFile ?? (input.preset ? `preset ${input.preset}` : "(given inline)"));
  // Zone-less times are UTC (docs/metrics.md §2); openDatabase pins this too, a caller's connection may not.
  await connection.run("SET TimeZone = 'UTC'");
  for (const table of TABLE_NAMES) await connection.run(createTableSql(table));
  const userId = (ref: string) => (key ? pseudonymSql(ref, key) : ref);

  const loadedSources: LoadedSource[] = [];
  const stages: string[] = [];
  const tables: TableValidation[] = [];
  const personal = new Set<string>();
  const floatIds: string[] = [];
  const warnings: ValidationWarning[] = [...input.warnings];
  const load = async (source: InspectedSource, keep: string[], tag: TableName) => {
    const loaded = await loadSource(connection, source, keep, tag);
    loadedSources.push(loaded);
    return loaded;
  };
  const finish = (validation: Omit<TableValidation, "ignored_columns">, source: InspectedSource, plan: StagePlan) => {
    const ignored = ignoredColumns(source, usedColumns(plan));
    for (const c of ignored) if (PERSONAL_COLUMN.test(c.trim())) personal.add(c);
    const table = { ...validation, ignored_columns: ignored };
    floatIds.push(...floatIdColumns(source, plan));
    assertAccounting(table);
    tables.push(table);
  };

  try {
    let productsGiven = false;
    if (input.files.products) {
      const inspected = await inspectSource(connection, input.files.products);
      const sources = productsSources(inspected);
      const source = await load(inspected, Object.values(sources).flat().map((c) => c.name), "products");
      const plan = productsPlan(source, sources, mapping.maxPrice);
      const { stage, validation } = await runStage(connection, plan, "products");
      stages.push(stage);
      await connection.run(
        `INSERT INTO products SELECT product_id, product_name, category, price FROM ${stage} WHERE __rule IS NULL ORDER BY __row`,
      );
      finish(validation, inspected, plan);
      productsGiven = validation.loaded > 0;
    }

    const eventsInspected = await inspectSource(connection, input.files.events!, mapping.csv);
    const resolved = resolveEventColumns(eventsInspected, mapping, input.kind);
    const eventsSource = await load(eventsInspected, [...new Set(Object.values(resolved).flat().map((c) => c.name))], "events");
    const plan = eventsPlan(eventsSource, resolved, { mapping, products: productsGiven, window: input.manifest?.window ?? null });
    const { stage, validation, duplicates } = await runStage(connection, plan, "events", key);
    stages.push(stage);
    checkSomethingLoaded(validation, input.files.events!);
    finish(validation, eventsInspected, plan);
    // Asked of the stage: it holds the file's row numbers and the ids before any pseudonym.
    const outlying = await outlyingEventsWarning(connection, stage, eventsInspected.name);
    if (outlying) warnings.push(outlying);
    for (const column of ["user_id", "product_id"]) {
      const found = await invisibleIdWarning(connection, `(SELECT ${column} FROM ${stage} WHERE __rule IS NULL)`, column, "events", eventsInspected.name);
      if (found) warnings.push(found);
    }
    const productsAdded = productsGiven ? 0 : await addProductsFromEvents(connection, stage);
    // Asked of the stage before it may become the events table: it holds the file's row numbers, the tie-break.
    const attributes = USER_ATTRIBUTES.filter((a) => resolved[a] !== undefined);
    if (attributes.length > 0) await connection.run(userAttributesFromEventsSql(EVENT_USER_ATTRIBUTES, stage, attributes, userId));
    // Events are kept in file order. A Parquet stage is in it already, so when its rows need no rewriting
    // (ids and sessions from the file, no pseudonyms) the stage becomes the events table; otherwise a
    // filtered scan copies them, sorted back only where a window (sessionizing) or the CSV reader's
    // renumbering join may have moved rows (a sort of 10M rows costs seconds).
    const inFileOrder = resolved.session_id !== undefined && eventsSource.format === "parquet";
    if (inFileOrder && resolved.event_id !== undefined && key === undefined) {
      await adoptStage(connection, stage, "events");
      await connection.run(fixQuantitySql(mapping.quantityDefault));
    } else {
      const loadedRows = `(SELECT __row,
          ${resolved.event_id ? "event_id" : "__row::VARCHAR"} AS event_id,
          ${userId("user_id")} AS user_id, session_id, event_type, "timestamp", product_id, category, price,
          ${loadedQuantitySql(mapping.quantityDefault)} AS quantity
        FROM ${stage} WHERE __rule IS NULL)`;
      const rows = resolved.session_id ? loadedRows : `(${sessionizeSql(loadedRows, mapping.sessionTimeoutMinutes)})`;
      await connection.run(
        `INSERT INTO events SELECT event_id, user_id, session_id, event_type, "timestamp", product_id, category, price, quantity FROM ${rows}${inFileOrder ? "" : " ORDER BY __row"}`,
      );
    }
    if (productsGiven) await connection.run(fillFromProductsSql);

    if (input.files.users) {
      const inspected = await inspectSource(connection, input.files.users);
      const sources = usersSources(inspected);
      const source = await load(inspected, Object.values(sources).flat().map((c) => c.name), "users");
      const usersTablePlan = usersPlan(source, sources);
      const users = await runStage(connection, usersTablePlan, "users", key);
      stages.push(users.stage);
      await connection.run(
        `INSERT INTO users SELECT ${userId("user_id")}, NULL, registration_date, age, gender, location, segment FROM ${users.stage} WHERE __rule IS NULL ORDER BY __row`,
      );
      finish(users.validation, inspected, usersTablePlan);
      warnings.push(...(await usersWarnings(connection, inspected.name)));
    }
    const usersGiven = tables.some((t) => t.table === "users" && t.loaded > 0);
    const { added: usersAdded, registered: usersRegisteredFromEvents } = await addUsersFromEvents(
      connection,
      attributes.length > 0 ? { table: EVENT_USER_ATTRIBUTES, columns: attributes } : undefined,
    );

    const counts = { users: await tableCount(connection, "users"), products: await tableCount(connection, "products"), events: await tableCount(connection, "events") };
    if (counts.events !== validation.loaded) throw new Error(`events: ${validation.loaded} rows passed validation but ${counts.events} were inserted`);

    const timezone = options.timezone ?? mapping.timezone ?? DEFAULT_TIMEZONE;
    // A generated folder states its window; only the calendar that cuts it into days is the zone's.
    const window = input.manifest?.window ? { start: input.manifest.window.start, end: input.manifest.window.end, timezone } : await observedWindow(connection, timezone);

    const derivedTables: TableName[] = [...(usersGiven ? [] : (["users"] as const)), ...(productsGiven ? [] : (["products"] as const))];
    const precision = await precisionWarning(connection, basename(input.files.events!));
    if (precision) warnings.push(precision);
    const derived: DerivedFacts = {
      tables: derivedTables,
      users_added_from_events: usersAdded,
      user_attributes_from_events: attributes.length > 0 ? { columns: attributes, registered_users: usersRegisteredFromEvents } : null,
      products_added_from_events: productsAdded,
      event_ids: resolved.event_id ? "source" : "row_number",
      sessions: resolved.session_id ? "source" : "inactivity",
      quantity: resolved.quantity ? "source" : "default",
      personal_columns_dropped: [...personal].sort(),
      float_ids_normalized: floatIds,
      duplicate_rows: resolved.event_id ? null : { policy: mapping.dedupe, count: duplicates },
      timestamps: await timestampPrecision(connection),
    };
    const order: TableName[] = ["events", "users", "products"];
    tables.sort((a, b) => order.indexOf(a.table) - order.indexOf(b.table));
    const report: ValidationReport = {
      input: { schema: input.kind, preset: input.preset, mapping_file: input.mappingFile },
      tables,
      derived,
      rules: {
        plausible_time: { from: PLAUSIBLE_FROM, to: PLAUSIBLE_TO },
        max_price: mapping.maxPrice,
        max_price_ceiling: MAX_PRICE_CEILING,
        max_quantity: MAX_QUANTITY,
        money_decimals: MONEY_DECIMALS,
        max_text_length: MAX_TEXT_LENGTH,
        session_timeout_minutes: mapping.sessionTimeoutMinutes,
        window: input.manifest?.window ?? null,
      },
      pseudonymized: key !== undefined,
      totals: totalsOf(tables),
      warnings: [...warnings, ...setAsideWarnings(tables)],
    };
    const funnel = options.funnel ? await checkFunnelSteps(connection, options.funnel) : mapping.funnel;
    return { window, files: input.files, rows: counts, derived: derivedTables, validation: report, funnel, currency: options.currency ?? mapping.currency ?? DEFAULT_CURRENCY };
  } finally {
    for (const stage of stages) await connection.run(`DROP TABLE IF EXISTS ${stage}`);
    await connection.run(`DROP TABLE IF EXISTS ${EVENT_USER_ATTRIBUTES}`);
    for (const source of loadedSources) await source.drop();
  }
}
