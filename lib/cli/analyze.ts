/** `npm run analyze -- --data DIR --out OUT`: computes every published analysis of a dataset folder. */
import { mkdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { type MemoryLimit, DEFAULT_MEMORY_LIMIT, memoryLimitFromEnv, parseMemoryLimit } from "../db/memoryLimit";
import { openWorkDatabase } from "../db/workDatabase";
import { type ReadOptions, readDataset } from "../dataset/readDataset";
import { PRESET_NAMES } from "../ingest/presets";
import { computeCohorts } from "../analysis/cohorts";
import { computeFunnels } from "../analysis/funnels";
import { computeHeadline } from "../analysis/headline";
import { computeSegments, writeUserSegmentsParquet } from "../analysis/segments";
import { writeJsonFile } from "../output/writeJsonFile";
import { UsageError, parseFlags, parseInteger } from "./args";

const HELP = `Usage: npm run analyze -- --data PATH --out OUT [options]

Reads a dataset folder (users, products, events as .parquet or .csv; see README "The dataset schema"),
or one events file in another schema through --mapping or --preset, validates every row, and writes
the analyses of metrics.md §7 to OUT:

  validation.json         every row read, loaded or set aside: counts per reason, a few examples each
  summary.json            headline numbers, the window, and the rows read per table
  cohorts.json            every retention variant (cells with Wilson intervals, average curves) and LTV curves
  funnel.json             session, user and category funnels, time to convert, trends, breakdowns with tests
  segments.json           K-means segments: k selection, profiles, names, validation
  user_segments.parquet   user_id, cluster, and the standardized features K-means saw

Options:
  --data PATH           dataset folder, or with --mapping/--preset an events file   [required]
  --out OUT             folder to write (created if missing)                        [required]
  --mapping FILE.json   read PATH through this column mapping (docs/bring-your-own-data.md)
  --preset NAME         read PATH through a built-in mapping: ${PRESET_NAMES.join(", ")}
  --pseudonymize        replace user ids by a keyed hash (HMAC-SHA256), stable for a given key;
                        the key comes from EVENT_KIT_PSEUDONYM_KEY, or --pseudonym-key
  --pseudonym-key KEY   the key for --pseudonymize (at least 8 characters; the environment
                        variable keeps it out of the process list and shell history)
  --seed N              seed for K-means restarts, sampling and bootstraps          [default: 42]
  --memory SIZE         DuckDB's memory limit, e.g. 2GiB, 1500MB; past it DuckDB spills to disk
                        [default: EVENT_KIT_MEMORY, else ${DEFAULT_MEMORY_LIMIT}]. The process uses a few hundred
                        MiB more. Scratch files (a working copy of the events, spills) go to a folder
                        under EVENT_KIT_TEMP (else the system's temporary folder), removed at the end:
                        allow about 40 bytes per event there (4 GB for 100M events).
  -h, --help            show this help

Progress goes to stderr. Rows that cannot be used are set aside with a reason (validation.json);
input that leaves nothing to analyse stops with one line naming the file, column and row.`;

export interface AnalyzeCommand {
  data: string;
  out: string;
  seed: number;
  /** How to read `data`: mapping or preset, pseudonym key. */
  read: ReadOptions;
  /** DuckDB's memory limit; EVENT_KIT_MEMORY or the default when not given. */
  memory?: MemoryLimit;
}

export function parseAnalyzeArgs(argv: string[], env: NodeJS.ProcessEnv = process.env): AnalyzeCommand | undefined {
  const values = parseFlags(argv, {
    data: { type: "string" },
    out: { type: "string" },
    seed: { type: "string" },
    mapping: { type: "string" },
    preset: { type: "string" },
    pseudonymize: { type: "boolean" },
    "pseudonym-key": { type: "string" },
    memory: { type: "string" },
    help: { type: "boolean", short: "h" },
  });
  if (values.help) return undefined;
  if (!values.data) throw new UsageError("--data DIR is required");
  if (!values.out) throw new UsageError("--out OUT is required");
  if (values.mapping !== undefined && values.preset !== undefined) throw new UsageError("give --mapping or --preset, not both");
  if (values.preset !== undefined && !(PRESET_NAMES as string[]).includes(values.preset)) {
    throw new UsageError(`--preset must be one of ${PRESET_NAMES.join(", ")}, got "${values.preset}"`);
  }
  if (values["pseudonym-key"] !== undefined && !values.pseudonymize) throw new UsageError("--pseudonym-key is only used with --pseudonymize");
  const read: ReadOptions = {};
  if (values.mapping !== undefined) read.mapping = resolve(values.mapping);
  if (values.preset !== undefined) read.preset = values.preset;
  if (values.pseudonymize) {
    const key = values["pseudonym-key"] ?? env.EVENT_KIT_PSEUDONYM_KEY;
    if (!key || key.length < 8) {
      throw new UsageError("--pseudonymize needs a key of at least 8 characters: set EVENT_KIT_PSEUDONYM_KEY (or pass --pseudonym-key)");
    }
    read.pseudonymKey = key;
  }
  let memory: MemoryLimit;
  try {
    memory = values.memory === undefined ? memoryLimitFromEnv(env) : parseMemoryLimit(values.memory, "--memory");
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  return {
    memory,
    data: resolve(values.data),
    out: resolve(values.out),
    seed: parseInteger("seed", values.seed, -2147483648, 2147483647) ?? 42,
    read,
  };
}

/** Runs every analysis of `command`, reporting each stage through `log`. */
export async function runAnalyze(command: AnalyzeCommand, log: (line: string) => void = () => {}): Promise<void> {
  // The events live in a database file in a scratch folder, so their size is bounded by the disk, not by RAM.
  const memory = command.memory ?? memoryLimitFromEnv();
  const db = await openWorkDatabase({ memory, onDisk: true });
  log(`analyze: DuckDB memory limit ${memory.setting}, scratch folder ${db.scratch}`);
  try {
    const stage = async <T>(name: string, work: () => Promise<T>): Promise<T> => {
      const started = performance.now();
      log(`analyze: ${name}…`);
      const result = await work();
      log(`analyze: ${name} done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
      return result;
    };
    const dataset = await stage("reading and validating the dataset", () => readDataset(db.connection, command.data, command.read));
    mkdirSync(command.out, { recursive: true });
    writeJsonFile(join(command.out, "validation.json"), dataset.validation);
    const { read, loaded, set_aside } = dataset.validation.totals;
    log(`analyze: ${read} rows read, ${loaded} loaded, ${set_aside} set aside (validation.json)`);
    const headline = await stage("headline numbers", () => computeHeadline(db.connection));
    writeJsonFile(join(command.out, "summary.json"), { window: dataset.window, rows: dataset.rows, derived_tables: dataset.derived, headline });
    writeJsonFile(join(command.out, "cohorts.json"), await stage("cohort retention", () => computeCohorts(db.connection, dataset.window)));
    writeJsonFile(join(command.out, "funnel.json"), await stage("funnels", () => computeFunnels(db.connection, dataset.window)));
    const segments = await stage("segments", () => computeSegments(db.connection, dataset.window, { seed: command.seed }));
    writeJsonFile(join(command.out, "segments.json"), segments.summary);
    await stage("user_segments.parquet", () => writeUserSegmentsParquet(db.connection, segments, join(command.out, "user_segments.parquet")));
  } finally {
    db.close();
  }
}

async function main(): Promise<void> {
  let command: AnalyzeCommand | undefined;
  try {
    command = parseAnalyzeArgs(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`analyze: ${(error as Error).message}\nRun with --help for usage.\n`);
    process.exit(2);
  }
  if (!command) {
    process.stdout.write(HELP + "\n");
    return;
  }
  try {
    await runAnalyze(command, (line) => process.stderr.write(line + "\n"));
    process.stdout.write(`wrote validation.json, summary.json, cohorts.json, funnel.json, segments.json, user_segments.parquet to ${command.out}\n`);
  } catch (error) {
    process.stderr.write(`analyze: ${(error as Error).message}\n`);
    process.exit(1);
  }
}

if (process.argv[1] && import.meta.url === new URL(`file://${resolve(process.argv[1])}`).href) await main();
