/**
 * The warehouse every loader of a build shares: the dataset as Parquet files in a cache folder,
 * generated once per configuration (or, for brought data, the user's own folder), read into an
 * in-memory DuckDB per loader process. Parquet files are immutable once renamed into place, so any
 * number of loaders can read them at once without DuckDB's single-writer file lock getting in the way.
 *
 * Which data: EVENT_KIT_DATA=PATH builds the report on a dataset folder (or, with EVENT_KIT_MAPPING=FILE.json
 * or EVENT_KIT_PRESET=NAME, on one events file in another schema); otherwise the default generated
 * dataset, whose parameters EVENT_KIT_USERS / _DAYS / _SEED / _START / _PRODUCTS may change.
 * EVENT_KIT_PSEUDONYMIZE=1 replaces user ids by a keyed hash, the key in EVENT_KIT_PSEUDONYM_KEY.
 */
import { ENV_NAMES, parseReadOptions } from "../ingest/readOptions";
import { join } from "node:path";
import type { Database } from "../db/duckdb";
import { openWorkDatabase } from "../db/workDatabase";
import { MANIFEST_FILE } from "../dataset/manifest";
import type { DatasetSummary, ReadOptions } from "../ingest/readDataset";
import { DEFAULT_PARAMS, type GeneratorParams, validateParams } from "../generator/params";
import { writeGeneratedDataset } from "../generator/writeDataset";
import { parseDate, parseInteger } from "../cli/args";
import { withEngineLock } from "./engineLock";
import { buildOnce } from "./buildOnce";
import { generatedDatasetKey } from "./cacheKey";
import { loadValidated, validatedWarehouse } from "./validatedWarehouse";
import { PROJECT_ROOT } from "./projectRoot";

export const CACHE_DIR = join(PROJECT_ROOT, ".cache", "datasets");

/** `read`: how readDataset reads the data (a mapping or preset for brought data, a pseudonym key). */
export type DataSource =
  | { kind: "generated"; params: GeneratorParams; read?: ReadOptions }
  | { kind: "folder"; path: string; read?: ReadOptions };

const TRUE = new Set(["1", "true", "yes", "on"]);

/** Reading options from EVENT_KIT_MAPPING / EVENT_KIT_PRESET / EVENT_KIT_DEDUPE / EVENT_KIT_FUNNEL / EVENT_KIT_CURRENCY / EVENT_KIT_TIMEZONE / EVENT_KIT_PSEUDONYMIZE (+ EVENT_KIT_PSEUDONYM_KEY). */
export function readOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): ReadOptions {
  const text = (value: string | undefined) => (value ? value : undefined);
  if ((env.EVENT_KIT_MAPPING || env.EVENT_KIT_PRESET) && !env.EVENT_KIT_DATA) {
    throw new Error("EVENT_KIT_MAPPING and EVENT_KIT_PRESET read the file named by EVENT_KIT_DATA, which is not set");
  }
  return parseReadOptions(
    {
      mapping: text(env.EVENT_KIT_MAPPING),
      preset: text(env.EVENT_KIT_PRESET),
      dedupe: text(env.EVENT_KIT_DEDUPE),
      funnel: text(env.EVENT_KIT_FUNNEL),
      currency: text(env.EVENT_KIT_CURRENCY),
      timezone: text(env.EVENT_KIT_TIMEZONE),
      pseudonymize: env.EVENT_KIT_PSEUDONYMIZE !== undefined && TRUE.has(env.EVENT_KIT_PSEUDONYMIZE.toLowerCase()),
      pseudonymKey: env.EVENT_KIT_PSEUDONYM_KEY,
    },
    ENV_NAMES,
    (message) => {
      throw new Error(message);
    },
  );
}

/** The data source the environment asks for. */
export function dataSourceFromEnv(env: NodeJS.ProcessEnv = process.env): DataSource {
  const read = readOptionsFromEnv(env);
  if (env.EVENT_KIT_DATA) return { kind: "folder", path: env.EVENT_KIT_DATA, read };
  return {
    kind: "generated",
    read,
    params: validateParams({
      users: parseInteger("EVENT_KIT_USERS", env.EVENT_KIT_USERS, 1, 50_000_000) ?? DEFAULT_PARAMS.users,
      days: parseInteger("EVENT_KIT_DAYS", env.EVENT_KIT_DAYS, 1, 3660) ?? DEFAULT_PARAMS.days,
      seed: parseInteger("EVENT_KIT_SEED", env.EVENT_KIT_SEED, -2147483648, 2147483647) ?? DEFAULT_PARAMS.seed,
      products: parseInteger("EVENT_KIT_PRODUCTS", env.EVENT_KIT_PRODUCTS, 10, 100_000) ?? DEFAULT_PARAMS.products,
      start: parseDate("EVENT_KIT_START", env.EVENT_KIT_START) ?? DEFAULT_PARAMS.start,
    }),
  };
}

/** The dataset folder for a source, generating (once, cached) when it is the generated one. */
export async function datasetFolder(source: DataSource, cacheDir = CACHE_DIR): Promise<string> {
  if (source.kind === "folder") return source.path;
  const target = join(cacheDir, generatedDatasetKey(source.params));
  return buildOnce(target, (dir) => writeGeneratedDataset(source.params, dir, { format: "parquet" }).then(() => undefined), {
    completeMarker: MANIFEST_FILE,
    onWait: () => process.stderr.write(`warehouse: waiting for another process to build ${target}\n`),
  });
}

/** The source's dataset folder and the folder of its validated tables, both built once. */
export async function validatedFolder(source: DataSource): Promise<{ folder: string; validated: string }> {
  const folder = await datasetFolder(source);
  return { folder, validated: await validatedWarehouse(folder, source.read) };
}

export interface Warehouse {
  db: Database;
  dataset: DatasetSummary;
  source: DataSource;
  folder: string;
}

/**
 * Opens the build's dataset in a fresh in-memory DuckDB. Close `db` when done. The input is validated
 * once per build (validatedWarehouse.ts); each loader then loads the clean tables.
 */
export async function openWarehouse(source: DataSource = dataSourceFromEnv()): Promise<Warehouse> {
  return openValidated(await validatedFolder(source), source);
}

/** Opens an already validated warehouse (validatedFolder's answer). */
async function openValidated({ folder, validated }: { folder: string; validated: string }, source: DataSource): Promise<Warehouse> {
  // Views over Parquet: the loader's DuckDB holds only its queries' working sets, spilled past EVENT_KIT_MEMORY.
  const db = await openWorkDatabase();
  try {
    const dataset = await loadValidated(db.connection, validated);
    return { db, dataset, source, folder };
  } catch (error) {
    db.close();
    throw error;
  }
}

/**
 * Runs `work` against the warehouse and closes it afterwards, one process at a time across the build
 * (engineLock.ts) so that concurrent loaders never hold more than one memory limit between them.
 */
export async function withWarehouse<T>(work: (warehouse: Warehouse) => Promise<T>, source?: DataSource): Promise<T> {
  const from = source ?? dataSourceFromEnv();
  // Validated (or waited for) before the lock: validation has its own once-only lock.
  const validated = await validatedFolder(from);
  return withEngineLock(async () => {
    const warehouse = await openValidated(validated, from);
    try {
      return await work(warehouse);
    } finally {
      warehouse.db.close();
    }
  });
}
