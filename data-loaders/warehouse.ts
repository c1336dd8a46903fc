/**
 * The warehouse every loader of a build shares: the dataset as Parquet files in a cache folder,
 * generated once per configuration (or, for brought data, the user's own folder), read into an
 * in-memory DuckDB per loader process. Parquet files are immutable once renamed into place, so any
 * number of loaders can read them at once without DuckDB's single-writer file lock getting in the way.
 *
 * Which data: EVENT_KIT_DATA=PATH builds the report on a dataset folder; otherwise the default
 * generated dataset, whose parameters EVENT_KIT_USERS / _DAYS / _SEED / _START / _PRODUCTS may change.
 */
import { join } from "node:path";
import { type Database, openDatabase } from "../lib/db/duckdb";
import { type DatasetSummary, MANIFEST_FILE, readDataset } from "../lib/dataset/readDataset";
import { DEFAULT_PARAMS, type GeneratorParams, validateParams } from "../lib/generator/params";
import { writeGeneratedDataset } from "../lib/generator/writeDataset";
import { parseDate, parseInteger } from "../lib/cli/args";
import { buildOnce } from "./buildOnce";
import { generatedDatasetKey } from "./cacheKey";
import { PROJECT_ROOT } from "./projectRoot";

export const CACHE_DIR = join(PROJECT_ROOT, ".cache", "datasets");

export type DataSource = { kind: "generated"; params: GeneratorParams } | { kind: "folder"; path: string };

/** The data source the environment asks for. */
export function dataSourceFromEnv(env: NodeJS.ProcessEnv = process.env): DataSource {
  if (env.EVENT_KIT_DATA) return { kind: "folder", path: env.EVENT_KIT_DATA };
  return {
    kind: "generated",
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

export interface Warehouse {
  db: Database;
  dataset: DatasetSummary;
  source: DataSource;
  folder: string;
}

/** Opens the build's dataset in a fresh in-memory DuckDB. Close `db` when done. */
export async function openWarehouse(source: DataSource = dataSourceFromEnv()): Promise<Warehouse> {
  const folder = await datasetFolder(source);
  const db = await openDatabase();
  try {
    const dataset = await readDataset(db.connection, folder);
    return { db, dataset, source, folder };
  } catch (error) {
    db.close();
    throw error;
  }
}

/** Runs `work` against the warehouse and closes it afterwards. */
export async function withWarehouse<T>(work: (warehouse: Warehouse) => Promise<T>, source?: DataSource): Promise<T> {
  const warehouse = await openWarehouse(source);
  try {
    return await work(warehouse);
  } finally {
    warehouse.db.close();
  }
}
