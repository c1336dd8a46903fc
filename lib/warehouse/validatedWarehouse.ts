/**
 * The validated warehouse: the input read and validated once per build (row accounting included) and
 * kept as normalized Parquet in a cache folder, so that every loader loads clean, typed tables in a
 * fraction of a second instead of validating the input again. Keyed by everything that changes the
 * result: the input files' names, sizes and modification times, the reading options, and the code.
 */
import { createHash } from "node:crypto";
import { readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { DuckDBConnection } from "@duckdb/node-api";
import { sqlString } from "../db/duckdb";
import { openWorkDatabase } from "../db/workDatabase";
import { type DatasetSummary, type ReadOptions, readDataset } from "../ingest/readDataset";
import { TABLE_NAMES } from "../dataset/schema";
import { hasGlobCharacters, literalPath } from "../db/literalPath";
import { warningLines } from "../ingest/warnings";
import { buildOnce } from "./buildOnce";
import { hashCode } from "./cacheKey";
import { PROJECT_ROOT } from "./projectRoot";

export const WAREHOUSE_DIR = join(PROJECT_ROOT, ".cache", "warehouse");
const SUMMARY_FILE = "summary.json";
const READER_SOURCES = ["lib/ingest", "lib/dataset", "lib/db"];

/** Name, size and modification time of a file, or of every file directly inside a folder. */
function fileIdentity(path: string): string {
  const stat = statSync(path);
  if (!stat.isDirectory()) return `${path}:${stat.size}:${stat.mtimeMs}`;
  return readdirSync(path)
    .sort()
    .map((name) => {
      const s = statSync(join(path, name));
      return s.isFile() ? `${name}:${s.size}:${s.mtimeMs}` : "";
    })
    .join("|");
}

export function validatedKey(input: string, read: ReadOptions = {}): string {
  const hash = createHash("sha256");
  hash.update(input);
  hash.update(fileIdentity(input));
  if (typeof read.mapping === "string") hash.update(readFileSync(read.mapping));
  else if (read.mapping) hash.update(JSON.stringify(read.mapping));
  hash.update(`preset:${read.preset ?? ""}`);
  hash.update(`dedupe:${read.dedupe ?? ""}`);
  hash.update(`funnel:${read.funnel?.join(",") ?? ""}`);
  hash.update(`currency:${read.currency ?? ""}`);
  hash.update(`timezone:${read.timezone ?? ""}`);
  // The key itself is a secret: only a digest of it enters the cache key.
  hash.update(`pseudonym:${read.pseudonymKey ? createHash("sha256").update(read.pseudonymKey).digest("hex") : ""}`);
  hashCode(hash, READER_SOURCES);
  return hash.digest("hex").slice(0, 16);
}

/** The folder of validated tables for `input`, built once. */
export function validatedWarehouse(input: string, read: ReadOptions = {}): Promise<string> {
  const target = join(WAREHOUSE_DIR, validatedKey(input, read));
  return buildOnce(
    target,
    async (dir) => {
      // The events are validated into a database file in a scratch folder: bounded by EVENT_KIT_MEMORY, not by their size.
      const db = await openWorkDatabase({ onDisk: true });
      try {
        const summary = await readDataset(db.connection, input, read);
        // Once per build (the warehouse is built once): the Data page shows the same warnings.
        for (const line of warningLines(summary.validation.warnings)) process.stderr.write(`warehouse: ${line}\n`);
        // A plain scan keeps insertion order, so the tables come back exactly as readDataset left them.
        for (const table of TABLE_NAMES) {
          await db.connection.run(`COPY ${table} TO ${sqlString(join(dir, `${table}.parquet`))} (FORMAT parquet, COMPRESSION zstd)`);
        }
        writeFileSync(join(dir, SUMMARY_FILE), JSON.stringify(summary));
      } finally {
        db.close();
      }
    },
    { completeMarker: SUMMARY_FILE, onWait: () => process.stderr.write(`warehouse: waiting for another process to validate ${input}\n`) },
  );
}

/**
 * Makes the validated tables readable in `connection` and returns the summary readDataset produced.
 * Views over the Parquet files, not copies: each loader reads only the columns its queries name, and
 * copying 10M events into memory first cost a loader 2.7 s (and their size in RAM) before any query ran.
 */
export async function loadValidated(connection: DuckDBConnection, dir: string): Promise<DatasetSummary> {
  // DuckDB would read a path holding a glob character (a project folder named "report[1]") as a pattern;
  // such a folder is read through a plain-named link, once, into tables (see lib/db/literalPath.ts).
  const literal = hasGlobCharacters(dir) ? literalPath(dir) : undefined;
  try {
    for (const table of TABLE_NAMES) {
      const file = sqlString(join(literal?.path ?? dir, `${table}.parquet`));
      await connection.run(`CREATE ${literal ? "TABLE" : "VIEW"} ${table} AS SELECT * FROM read_parquet(${file})`);
    }
  } finally {
    literal?.release();
  }
  return JSON.parse(readFileSync(join(dir, SUMMARY_FILE), "utf8")) as DatasetSummary;
}
