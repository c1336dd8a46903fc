/**
 * `npm run bench -- generate`: events per second and peak memory of the generator, end to end with
 * Parquet on disk, for the default dataset and a ~10M-event one, each beside a baseline measured in
 * the same run: DuckDB writing as many rows of the same shape from range() (no simulation).
 */
import { tmpdir } from "node:os";
import { join } from "node:path";
import { measureStep, table } from "./measure";

/** The original notebook's generator, as measured by its authors (issue 2): events/s including file output. */
const NOTEBOOK_EVENTS_PER_SECOND = 220_000;

export async function benchGenerate(options: { large?: boolean } = {}): Promise<void> {
  const configs = [{ label: "default (5,000 users)", users: 5000 }];
  // ~450 events per user at the default parameters, so 22,000 users give about 10M events.
  if (options.large !== false) configs.push({ label: "large (22,000 users)", users: 22_000 });
  const rows: (string | number)[][] = [["dataset", "events", "seconds", "events/s", "peak RSS MiB", "floor s", "floor RSS MiB", "time ÷ floor", "× notebook"]];
  for (const config of configs) {
    process.stderr.write(`bench generate: ${config.label}…\n`);
    const run = measureStep("generate", { users: config.users, out: join(tmpdir(), `bench-generate-${process.pid}`) });
    const events = run.detail.events!;
    process.stderr.write(`bench generate: floor for ${events} rows…\n`);
    const floor = measureStep("writeFloor", { rows: events, out: join(tmpdir(), `bench-floor-${process.pid}.parquet`) });
    const rate = events / run.seconds;
    rows.push([
      config.label,
      events,
      run.seconds.toFixed(2),
      Math.round(rate),
      Math.round(run.peakRssMiB),
      floor.seconds.toFixed(2),
      Math.round(floor.peakRssMiB),
      (run.seconds / floor.seconds).toFixed(2),
      (rate / NOTEBOOK_EVENTS_PER_SECOND).toFixed(1),
    ]);
  }
  process.stdout.write(table(rows) + "\n");
  process.stdout.write(
    "floor = DuckDB writing the same number of rows of the events table's shape from range() to Parquet, no simulation.\n" +
      `× notebook = events/s ÷ ${NOTEBOOK_EVENTS_PER_SECOND.toLocaleString("en-US")} (the original Python generator, end to end, as reported in issue 2).\n`,
  );
}
