/** `npm run generate -- [flags]`: writes a seeded synthetic e-commerce dataset folder. */
import { resolve } from "node:path";
import { DEFAULT_PARAMS, type GeneratorParams } from "../generator/params";
import { writeGeneratedDataset } from "../generator/writeDataset";
import { DATASET_FORMATS, type DatasetFormat } from "../dataset/exportDataset";
import { UsageError, parseChoice, parseDate, parseFlags, parseInteger } from "./args";

const HELP = `Usage: npm run generate -- --out DIR [options]

Writes a synthetic e-commerce dataset in the seed schema (users, products, events) to DIR,
plus dataset.json with its window and parameters. The same seed and options give byte-identical files.

Options:
  --out DIR          folder to write (created if missing; existing dataset files are replaced)  [required]
  --users N          number of users, 1 to 50,000,000                       [default: ${DEFAULT_PARAMS.users}]
  --days N           length of the window in days, 1 to 3660                [default: ${DEFAULT_PARAMS.days}]
  --start DATE       first day of the window, YYYY-MM-DD (UTC)              [default: 2025-01-01]
  --seed N           integer seed for every random draw (Faker included)     [default: ${DEFAULT_PARAMS.seed}]
  --products N       catalogue size, 10 to 100,000                          [default: ${DEFAULT_PARAMS.products}]
  --format F         parquet, csv or both                                   [default: parquet]
  -h, --help         show this help

Progress goes to stderr; a one-line summary to stdout.
Example: npm run generate -- --users 5000 --days 365 --seed 42 --start 2025-01-01 --out data/default`;

export interface GenerateCommand {
  params: GeneratorParams;
  out: string;
  format: DatasetFormat;
}

/** Parses argv into a command, or throws UsageError with one line. Returns undefined for --help. */
export function parseGenerateArgs(argv: string[]): GenerateCommand | undefined {
  const values = parseFlags(argv, {
    out: { type: "string" },
    users: { type: "string" },
    days: { type: "string" },
    start: { type: "string" },
    seed: { type: "string" },
    products: { type: "string" },
    format: { type: "string" },
    help: { type: "boolean", short: "h" },
  });
  if (values.help) return undefined;
  if (!values.out) throw new UsageError("--out DIR is required");
  return {
    out: resolve(values.out),
    format: parseChoice("format", values.format, DATASET_FORMATS) ?? "parquet",
    params: {
      users: parseInteger("users", values.users, 1, 50_000_000) ?? DEFAULT_PARAMS.users,
      days: parseInteger("days", values.days, 1, 3660) ?? DEFAULT_PARAMS.days,
      seed: parseInteger("seed", values.seed, -2147483648, 2147483647) ?? DEFAULT_PARAMS.seed,
      products: parseInteger("products", values.products, 10, 100_000) ?? DEFAULT_PARAMS.products,
      start: parseDate("start", values.start) ?? DEFAULT_PARAMS.start,
    },
  };
}

async function main(): Promise<void> {
  let command: GenerateCommand | undefined;
  try {
    command = parseGenerateArgs(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`generate: ${(error as Error).message}\nRun with --help for usage.\n`);
    process.exit(2);
  }
  if (!command) {
    process.stdout.write(HELP + "\n");
    return;
  }
  const started = performance.now();
  try {
    const summary = await writeGeneratedDataset(command.params, command.out, {
      format: command.format,
      onStage: (stage) => process.stderr.write(`generate: ${stage}…\n`),
      onProgress: ({ usersDone, users, events }) =>
        process.stderr.write(`generate: ${Math.round((100 * usersDone) / users)}% of users, ${events.toLocaleString("en-US")} events\n`),
    });
    const seconds = (performance.now() - started) / 1000;
    process.stdout.write(
      `wrote ${summary.users} users, ${summary.products} products, ${summary.sessions} sessions, ${summary.events} events to ${command.out} in ${seconds.toFixed(1)} s\n`,
    );
  } catch (error) {
    process.stderr.write(`generate: ${(error as Error).message}\n`);
    process.exit(1);
  }
}

// Run only when executed, not when imported by tests.
if (process.argv[1] && import.meta.url === new URL(`file://${resolve(process.argv[1])}`).href) await main();
