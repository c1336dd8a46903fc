/**
 * `npm run bench -- analyze`: the whole analysis (reading and validating the files, every retention
 * variant, the funnels with trends, time to convert and breakdowns) on the default dataset and a ~10M-event
 * one, beside a baseline measured in the same run: one DuckDB scan that aggregates every event by user over
 * the same Parquet files. Target (issue 3): ≤ 4× the scan.
 */
import { measureStep, table } from "./measure";
import { benchDataset } from "./benchDataset";

/** The original notebook's stack as measured by its authors (issue 3): pandas + scikit-learn, 1.85M events. */
const PANDAS_SECONDS_PER_MILLION_EVENTS = 5 / 1.85;

export async function benchAnalyze(options: { large?: boolean } = {}): Promise<void> {
  const sizes = [{ label: "default (5,000 users)", users: 5000 }];
  if (options.large !== false) sizes.push({ label: "large (22,000 users)", users: 22_000 });
  const rows: (string | number)[][] = [
    ["dataset", "events", "scan s", "groupings s", "read+validate s", "analysis s", "groupings ÷ scan", "analysis ÷ scan", "whole ÷ scan", "peak RSS MiB", "pandas-equivalent s", "whole vs pandas"],
  ];
  for (const size of sizes) {
    const dir = await benchDataset(size.users);
    process.stderr.write(`bench analyze: ${size.label}: scan…\n`);
    const scan = measureStep("scanByUser", { data: dir });
    process.stderr.write(`bench analyze: ${size.label}: groupings…\n`);
    const floor = measureStep("groupings", { data: dir }).detail;
    const groupings = floor.session! + floor.sessionCategory! + floor.userDay!;
    process.stderr.write(`bench analyze: ${size.label}: analysis…\n`);
    const run = measureStep("analyze", { data: dir });
    const events = run.detail.events!;
    const pandas = (events / 1e6) * PANDAS_SECONDS_PER_MILLION_EVENTS;
    const analysis = run.detail.analysisSeconds!;
    rows.push([
      size.label,
      events,
      scan.seconds.toFixed(2),
      groupings.toFixed(2),
      run.detail.readSeconds!.toFixed(2),
      analysis.toFixed(2),
      (groupings / scan.seconds).toFixed(1),
      (analysis / scan.seconds).toFixed(1),
      (run.seconds / scan.seconds).toFixed(1),
      Math.round(run.peakRssMiB),
      pandas.toFixed(1),
      (pandas / run.seconds).toFixed(2),
    ]);
  }
  process.stdout.write(table(rows) + "\n");
  process.stdout.write(
    "scan = one DuckDB query over the same events.parquet: count, first and last time, purchases and revenue per user (opening DuckDB included, as for the analysis).\n" +
      "groupings = the floor under the analysis: events grouped by session, by session and category, and by user and day (the groupings the session funnel, the category funnel and retention need), over the events in memory.\n" +
      "read+validate = readDataset: every row checked and loaded into DuckDB; analysis = headline, every retention variant and LTV, the funnels with trends, time to convert and breakdowns; whole = opening DuckDB, read+validate and analysis.\n" +
      "pandas-equivalent = 5 s per 1.85M events (the notebook's pandas + scikit-learn, as reported in issue 3), scaled linearly; not run here (no PyPI).\n",
  );
}
