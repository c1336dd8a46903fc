/**
 * `npm run bench -- scale`: generate, analyze and build (`npm run build` on the generated folder) at about
 * 1M, 10M, 40M and 100M events, each as a whole process tree: wall time, peak resident set (the sum of
 * VmRSS of the process and its children, sampled every 0.5 s) and peak scratch space. Beside them, in the
 * same run: at ~10M events, DuckDB alone writing as many rows to Parquet (the generator's floor) and
 * pandas + scikit-learn doing the analysis (bench/pandas/analyze.py), when Debian's packages can be had.
 *
 * Results go to docs/scale/scale.json after every step (a long run keeps what it measured), and
 * `npm run scale-chart` draws them. `--quick` stops at 10M events; the full run takes hours here.
 */
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { cpus, totalmem, type as osType, release } from "node:os";
import { dirname, join } from "node:path";
import { PROJECT_ROOT } from "../lib/warehouse/projectRoot";
import { WAREHOUSE_DIR, validatedKey } from "../lib/warehouse/validatedWarehouse";
import { memoryLimitFromEnv } from "../lib/db/memoryLimit";
import { folderBytes, runTree, type TreeRun } from "./processTree";
import { table } from "./measure";
import { pandasAvailable, runPandas } from "./pandasSide";

/** ~470 events per user over 365 days at the default parameters. */
export const SCALE_SIZES = [
  { label: "1M", users: 2_130 },
  { label: "10M", users: 21_300 },
  { label: "40M", users: 85_200 },
  { label: "100M", users: 213_000 },
];
export const SCALE_JSON = join(PROJECT_ROOT, "docs", "scale", "scale.json");

export type ScaleStep = "generate" | "analyze" | "build" | "duckdb-write-floor" | "pandas-sklearn";

export interface ScaleRow {
  size: string;
  users: number;
  events: number;
  step: ScaleStep;
  seconds: number;
  peak_rss_mib: number;
  /** Peak of the scratch folder (spills, the working database) during the step. */
  peak_scratch_mib: number;
  /** analyze's own phases (read + validate, headline, cohorts, funnels, segments), from its progress lines. */
  phases?: Record<string, number>;
}

export interface ScaleReport {
  date: string;
  machine: { cpus: number; cpu: string; memory_gib: number; os: string; node: string };
  memory_limit: string;
  /** Bytes of Parquet per size: the dataset folder and the build's validated warehouse. */
  disk: { size: string; dataset_mib: number; warehouse_mib: number }[];
  python: { pandas: string; sklearn: string; python: string } | { skipped: string };
  rows: ScaleRow[];
}

const node = (script: string, ...args: string[]) => [process.execPath, ["--import", "tsx", join(PROJECT_ROOT, script), ...args]] as const;

/** analyze's "analyze: NAME done in S s" lines. */
export function analyzePhases(stderr: string): Record<string, number> {
  const phases: Record<string, number> = {};
  for (const match of stderr.matchAll(/^analyze: (.+?) done in ([\d.]+) s$/gm)) phases[match[1]!] = Number(match[2]);
  return phases;
}

export interface ScaleOptions {
  quick: boolean;
  /** Only these sizes (labels), e.g. ["100M"]. */
  sizes?: string[];
  /** Where the JSON goes (default docs/scale/scale.json). */
  json?: string;
}

/** `--sizes 1M,100M` and `--json FILE` from the bench's arguments. */
export function scaleOptions(args: readonly string[], quick: boolean): ScaleOptions {
  const value = (flag: string) => {
    const at = args.indexOf(flag);
    return at >= 0 ? args[at + 1] : undefined;
  };
  const sizes = value("--sizes")?.split(",");
  for (const size of sizes ?? []) {
    if (!SCALE_SIZES.some((s) => s.label === size)) throw new Error(`--sizes: unknown size ${size}; known: ${SCALE_SIZES.map((s) => s.label).join(", ")}`);
  }
  const json = value("--json");
  return { quick, ...(sizes ? { sizes } : {}), ...(json ? { json } : {}) };
}

export async function benchScale(options: ScaleOptions): Promise<void> {
  const sizes = options.sizes ? SCALE_SIZES.filter((s) => options.sizes!.includes(s.label)) : options.quick ? SCALE_SIZES.slice(0, 2) : SCALE_SIZES;
  if (sizes.some((s) => s.label === "100M")) process.stderr.write("bench scale: 100M events take hours on a 2-core machine (--quick stops at 10M)\n");
  const jsonFile = options.json ?? SCALE_JSON;
  const work = join(PROJECT_ROOT, ".cache", "bench", `scale-${process.pid}`);
  const scratch = join(work, "scratch");
  const memory = memoryLimitFromEnv();
  const python = await pandasAvailable();
  const report: ScaleReport = {
    date: new Date().toISOString().slice(0, 10),
    machine: { cpus: cpus().length, cpu: cpus()[0]?.model ?? "unknown", memory_gib: Math.round(totalmem() / 2 ** 30), os: `${osType()} ${release()}`, node: process.version },
    memory_limit: memory.setting,
    disk: [],
    python: "skipped" in python ? python : python.versions,
    rows: [],
  };
  const save = () => {
    mkdirSync(dirname(jsonFile), { recursive: true });
    writeFileSync(jsonFile, JSON.stringify(report, null, 2) + "\n");
  };
  const env = { ...process.env, EVENT_KIT_TEMP: scratch, EVENT_KIT_MEMORY: memory.setting };
  const measure = async (size: (typeof SCALE_SIZES)[number], events: number, step: ScaleStep, command: readonly [string, readonly string[]], extra: NodeJS.ProcessEnv = {}): Promise<TreeRun> => {
    rmSync(scratch, { recursive: true, force: true });
    mkdirSync(scratch, { recursive: true });
    process.stderr.write(`bench scale: ${size.label}: ${step}…\n`);
    const run = await runTree(command[0], command[1], { cwd: PROJECT_ROOT, env: { ...env, ...extra }, watchDir: scratch });
    const row: ScaleRow = {
      size: size.label,
      users: size.users,
      events,
      step,
      seconds: round(run.seconds, 2),
      peak_rss_mib: Math.round(run.peakRssMiB),
      peak_scratch_mib: Math.round(run.peakDiskMiB),
    };
    if (step === "analyze") row.phases = analyzePhases(run.stderr);
    report.rows.push(row);
    save();
    process.stderr.write(`bench scale: ${size.label}: ${step}: ${row.seconds} s, peak RSS ${row.peak_rss_mib} MiB\n`);
    return run;
  };

  for (const size of sizes) {
    const data = join(work, `data-${size.label}`);
    const out = join(work, `out-${size.label}`);
    rmSync(data, { recursive: true, force: true });
    const generated = await measure(size, 0, "generate", node("lib/cli/generate.ts", "--users", String(size.users), "--days", "365", "--out", data));
    const events = Number(/, (\d+) events to /.exec(generated.stdout)?.[1] ?? NaN);
    report.rows[report.rows.length - 1]!.events = events;
    if (size.label === "10M") {
      const floorFile = join(work, "floor.parquet");
      await measure(size, events, "duckdb-write-floor", node("bench/steps.ts", "writeFloor", JSON.stringify({ rows: events, out: floorFile })));
      rmSync(floorFile, { force: true });
    }
    await measure(size, events, "analyze", node("lib/cli/analyze.ts", "--data", data, "--out", out));
    rmSync(out, { recursive: true, force: true });
    if (size.label === "10M" && !("skipped" in python)) {
      await measure(size, events, "pandas-sklearn", runPandas(data));
    }
    await measure(size, events, "build", ["npm", ["run", "build"]], { EVENT_KIT_DATA: data });
    const warehouse = join(WAREHOUSE_DIR, validatedKey(data, {}));
    report.disk.push({ size: size.label, dataset_mib: Math.round(folderBytes(data) / 2 ** 20), warehouse_mib: Math.round(folderBytes(warehouse) / 2 ** 20) });
    save();
    rmSync(warehouse, { recursive: true, force: true });
    rmSync(data, { recursive: true, force: true });
  }
  rmSync(work, { recursive: true, force: true });
  process.stdout.write(scaleTable(report) + "\n");
}

function round(value: number, digits: number): number {
  return Number(value.toFixed(digits));
}

/** The measured table, and the ratios the issue asks for. */
export function scaleTable(report: ScaleReport): string {
  const rows: (string | number)[][] = [["events", "step", "seconds", "µs/event", "peak RSS MiB", "peak scratch MiB"]];
  for (const r of report.rows) {
    rows.push([r.events.toLocaleString("en-US"), r.step, r.seconds.toFixed(1), ((r.seconds / r.events) * 1e6).toFixed(2), r.peak_rss_mib, r.peak_scratch_mib]);
  }
  const lines = [table(rows), ""];
  const find = (size: string, step: ScaleStep) => report.rows.find((r) => r.size === size && r.step === step);
  const perEvent = (r: ScaleRow) => r.seconds / r.events;
  for (const step of ["generate", "analyze", "build"] as const) {
    const small = find("10M", step);
    const large = find("100M", step);
    if (small && large) lines.push(`${step}: time per event at 100M ÷ at 10M = ${(perEvent(large) / perEvent(small)).toFixed(2)} (target ≤ 1.5)`);
  }
  const a10 = find("10M", "analyze");
  const a100 = find("100M", "analyze");
  if (a10?.phases && a100?.phases) {
    for (const [phase, seconds] of Object.entries(a100.phases)) {
      const before = a10.phases[phase];
      if (before) lines.push(`  analyze ${phase}: per event at 100M ÷ at 10M = ${(seconds / a100.events / (before / a10.events)).toFixed(2)}`);
    }
  }
  const pandas = find("10M", "pandas-sklearn");
  if (a10 && pandas) lines.push(`analyze at ${a10.events.toLocaleString("en-US")} events: pandas + scikit-learn ÷ analyze = ${(pandas.seconds / a10.seconds).toFixed(2)} (target ≥ 3)`);
  const floor = find("10M", "duckdb-write-floor");
  const generate = find("10M", "generate");
  if (floor && generate) lines.push(`generate at 10M: DuckDB write floor ÷ generate = ${(floor.seconds / generate.seconds).toFixed(2)} (target ≥ 0.8)`);
  if ("skipped" in report.python) lines.push(`pandas + scikit-learn: skipped (${report.python.skipped})`);
  else lines.push(`Python ${report.python.python}, pandas ${report.python.pandas}, scikit-learn ${report.python.sklearn} (Debian packages)`);
  return lines.join("\n");
}
