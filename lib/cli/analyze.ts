/** `npm run analyze -- --data DIR --out OUT`: computes every published analysis of a dataset folder. */
import { join, resolve } from "node:path";
import { type MemoryLimit, DEFAULT_MEMORY_LIMIT, memoryLimitFromEnv, parseMemoryLimit } from "../db/memoryLimit";
import { openWorkDatabase } from "../db/workDatabase";
import { type ReadOptions, readDataset } from "../ingest/readDataset";
import { PRESET_NAMES } from "../ingest/presets";
import { warningLines } from "../ingest/warnings";
import { prepareOutputFolder } from "./outputFolder";
import { FLAG_NAMES, parseReadOptions } from "../ingest/readOptions";
import { windowTimezone } from "../dataset/window";
import { computeCohorts } from "../analysis/cohorts";
import { computeFunnels } from "../analysis/funnels";
import { computeHeadline } from "../analysis/headline";
import { dataNotes } from "../analysis/dataNotes";
import { computeSegments, writeUserSegmentsParquet } from "../analysis/segments";
import { writeOutputSet } from "../output/outputSet";
import { writeJsonFile } from "../output/writeJsonFile";
import { computePredictions } from "../predict/computePredictions";
import { readPlantedAlive } from "../predict/plantedTruth";
import { type PredictionSettings, predictionSettings } from "../predict/settings";
import { noCustomerPredictions, writeCustomerPredictions } from "../predict/writeCustomerPredictions";
import { UsageError, parseFlags, parseInteger } from "./args";

const HELP = `Usage: npm run analyze -- --data PATH --out OUT [options]

Reads a dataset folder (users, products, events as .parquet or .csv; see README "The dataset schema"),
or one events file in another schema through --mapping or --preset, validates every row, and writes
the analyses of docs/metrics.md §7 to OUT:

  validation.json         every row read, loaded or set aside: counts per reason, a few examples each
  summary.json            headline numbers, the window, and the rows read per table
  cohorts.json            every retention variant (cells with Wilson intervals, average curves) and LTV curves
  funnel.json             session, user and category funnels, time to convert, trends, breakdowns with tests
  segments.json           K-means segments: k selection, profiles, names, validation
  user_segments.parquet   user_id, cluster, and the standardized features K-means saw
  predictions.json        BG/NBD + Gamma–Gamma: calibration fit, holdout validation, whole-window refit
  customer_predictions.parquet  per customer: x, t_x, T, P(alive), expected purchases, spend, CLV, segment

Options:
  --data PATH           dataset folder, or with --mapping/--preset an events file   [required]
  --out OUT             folder to write (created if missing)                        [required]
  --mapping FILE.json   read PATH through this column mapping (docs/bring-your-own-data.md)
  --preset NAME         read PATH through a built-in mapping: ${PRESET_NAMES.join(", ")}
  --dedupe POLICY       without event ids, rows identical in every column read: exact (keep the
                        first, set the others aside) or none (keep all); counted either way
                        [default: the mapping's "dedupe", else exact]
  --funnel A,B,C        the session and user funnels' steps: 2–8 event types in order, e.g.
                        product_view,purchase [default: the mapping's "funnel", else metrics.md's]
  --currency CODE       ISO 4217 code of the prices, e.g. GBP; outputs carry it
                        [default: the mapping's "currency", else USD]
  --timezone ZONE       IANA time zone whose calendar cuts days, weeks and months (cohorts, trends,
                        the window), e.g. Asia/Shanghai; timestamps stay UTC instants; outputs carry it
                        [default: the mapping's "timezone", else UTC]
  --pseudonymize        replace user ids by a keyed hash (HMAC-SHA256), stable for a given key;
                        the key comes from EVENT_KIT_PSEUDONYM_KEY, or --pseudonym-key
  --pseudonym-key KEY   the key for --pseudonymize (at least 8 characters; the environment
                        variable keeps it out of the process list and shell history)
  --seed N              seed for K-means restarts, sampling and bootstraps          [default: 42]
  --calibration-end D   last day of the prediction model's calibration period, YYYY-MM-DD (inclusive);
                        the rest is the holdout [default: two thirds into the window; EVENT_KIT_CALIBRATION_END]
  --time-unit U         day or week: the unit of t_x, T and the model's rate [default: week; EVENT_KIT_TIME_UNIT]
  --horizon-days N      CLV horizon in days [default: 365; EVENT_KIT_HORIZON_DAYS]
  --discount-rate R     yearly discount rate for CLV, 0.1 = 10% [default: 0.1; EVENT_KIT_DISCOUNT_RATE]
  --memory SIZE         DuckDB's memory limit, e.g. 2GiB, 1500MB; past it DuckDB spills to disk
                        [default: EVENT_KIT_MEMORY, else ${DEFAULT_MEMORY_LIMIT}]. The process uses a few hundred
                        MiB more. Scratch files (a working copy of the events, spills) go to a folder
                        under EVENT_KIT_TEMP (else the system's temporary folder), removed at the end:
                        allow about 40 bytes per event there (4 GB for 100M events).
  -h, --help            show this help

The outputs are replaced as a set: they are written into a staging folder beside OUT
(.OUT.event-kit-staging-PID) and moved into OUT only when all are written, so a run that fails or is
killed leaves OUT's previous outputs untouched (the next run removes what a killed run left). Only the
files above are ever replaced in OUT; other files in it are never touched.

Progress goes to stderr. Rows that cannot be used are set aside with a reason (validation.json);
input that leaves nothing to analyse stops with one line naming the file, column and row.`;

export interface AnalyzeCommand {
  data: string;
  out: string;
  seed: number;
  /** How to read `data`: mapping or preset, pseudonym key. */
  read: ReadOptions;
  /** Calibration end, time unit, horizon, discount rate (defaults when absent). */
  predictions?: PredictionSettings;
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
    dedupe: { type: "string" },
    funnel: { type: "string" },
    currency: { type: "string" },
    timezone: { type: "string" },
    pseudonymize: { type: "boolean" },
    "pseudonym-key": { type: "string" },
    "calibration-end": { type: "string" },
    "time-unit": { type: "string" },
    "horizon-days": { type: "string" },
    "discount-rate": { type: "string" },
    memory: { type: "string" },
    help: { type: "boolean", short: "h" },
  });
  if (values.help) return undefined;
  if (!values.data) throw new UsageError("--data DIR is required");
  if (!values.out) throw new UsageError("--out OUT is required");
  if (values["pseudonym-key"] !== undefined && !values.pseudonymize) throw new UsageError("--pseudonym-key is only used with --pseudonymize");
  const read = parseReadOptions(
    {
      ...(values.mapping !== undefined ? { mapping: resolve(values.mapping) } : {}),
      preset: values.preset,
      dedupe: values.dedupe,
      funnel: values.funnel,
      currency: values.currency,
      timezone: values.timezone,
      pseudonymize: values.pseudonymize === true,
      pseudonymKey: values["pseudonym-key"] ?? env.EVENT_KIT_PSEUDONYM_KEY,
    },
    FLAG_NAMES,
    (message) => {
      throw new UsageError(message);
    },
  );
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
    predictions: predictionSettings(values, env),
  };
}

/** The files `analyze` writes, replaced together (lib/output/outputSet.ts). */
export const ANALYZE_OUTPUTS = [
  "validation.json",
  "summary.json",
  "cohorts.json",
  "funnel.json",
  "segments.json",
  "user_segments.parquet",
  "predictions.json",
  "customer_predictions.parquet",
] as const;

/** Runs every analysis of `command`, reporting each stage through `log`; OUT changes only if all succeed. */
export async function runAnalyze(command: AnalyzeCommand, log: (line: string) => void = () => {}): Promise<void> {
  prepareOutputFolder(command.out);
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
    await writeOutputSet(
      command.out,
      ANALYZE_OUTPUTS,
      async (staging) => {
        const dataset = await stage("reading and validating the dataset", () => readDataset(db.connection, command.data, command.read));
        writeJsonFile(join(staging, "validation.json"), dataset.validation);
        const { read, loaded, set_aside } = dataset.validation.totals;
        log(`analyze: ${read} rows read, ${loaded} loaded, ${set_aside} set aside (validation.json)`);
        for (const line of warningLines(dataset.validation.warnings)) log(`analyze: ${line}`);
        const headline = await stage("headline numbers", () => computeHeadline(db.connection));
        const notes = await dataNotes(db.connection, dataset.validation.derived, dataset.funnel);
        writeJsonFile(join(staging, "summary.json"), {
          window: dataset.window,
          rows: dataset.rows,
          derived_tables: dataset.derived,
          headline,
          currency: dataset.currency,
          timezone: windowTimezone(dataset.window),
          funnel_steps: dataset.funnel,
          funnel_fit: notes.funnel_fit,
          notes: notes.notes,
        });
        writeJsonFile(join(staging, "cohorts.json"), await stage("cohort retention", () => computeCohorts(db.connection, dataset.window)));
        writeJsonFile(join(staging, "funnel.json"), await stage("funnels", () => computeFunnels(db.connection, dataset.window, dataset.funnel)));
        const segments = await stage("segments", () => computeSegments(db.connection, dataset.window, { seed: command.seed }));
        writeJsonFile(join(staging, "segments.json"), segments.summary);
        await stage("user_segments.parquet", () => writeUserSegmentsParquet(db.connection, segments, join(staging, "user_segments.parquet")));
        const clusters = new Map(segments.users.userIds.map((id, i) => [id, segments.users.clusters[i]!]));
        const predictions = await stage("predictions (BG/NBD + Gamma–Gamma)", async () =>
          computePredictions(db.connection, {
            window: dataset.window,
            calibrationEnd: command.predictions?.calibrationEnd,
            options: command.predictions?.options,
            segments: clusters,
            plantedAlive: await readPlantedAlive(db.connection, command.data, dataset.window),
          }),
        );
        writeJsonFile(join(staging, "predictions.json"), predictions.summary);
        // Written even when no model could be fitted (then with no rows), so OUT never keeps an earlier run's.
        await stage("customer_predictions.parquet", () => writeCustomerPredictions(db.connection, predictions.customers ?? noCustomerPredictions(), join(staging, "customer_predictions.parquet")));
        if (!predictions.customers) log(`analyze: no customer predictions: ${predictions.summary.unsupported.bgnbd}`);
      },
      log,
    );
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
    process.stdout.write(`wrote ${ANALYZE_OUTPUTS.join(", ")} to ${command.out}\n`);
  } catch (error) {
    process.stderr.write(`analyze: ${(error as Error).message}\n`);
    process.exit(1);
  }
}

if (process.argv[1] && import.meta.url === new URL(`file://${resolve(process.argv[1])}`).href) await main();
