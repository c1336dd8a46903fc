/**
 * The steps the benchmarks time, each run alone in its own process by bench/measure.ts.
 * Prints one JSON line: { seconds, peakRssMiB, detail }.
 */
import { rmSync } from "node:fs";
import { openDatabase } from "../lib/db/duckdb";
import { DEFAULT_PARAMS } from "../lib/generator/params";
import { writeGeneratedDataset } from "../lib/generator/writeDataset";
import { sqlString } from "../lib/db/duckdb";
import { join } from "node:path";
import { readDataset } from "../lib/ingest/readDataset";
import { computeCohorts } from "../lib/analysis/cohorts";
import { computeFunnels } from "../lib/analysis/funnels";
import { computeHeadline } from "../lib/analysis/headline";

type Args = Record<string, string | number>;

const steps: Record<string, (args: Args) => Promise<Record<string, number>>> = {
  /** The generator end to end: simulate, load into DuckDB, write Parquet. */
  async generate(args) {
    const summary = await writeGeneratedDataset({ ...DEFAULT_PARAMS, users: Number(args.users) }, String(args.out), { format: "parquet" });
    return { events: summary.events, users: summary.users };
  },
  /**
   * The baseline: DuckDB alone writing the same number of rows, with the events table's column types,
   * from range() to Parquet. No simulation at all: the floor any generator that writes through DuckDB sits on.
   */
  async writeFloor(args) {
    const db = await openDatabase(":memory:", { memoryLimit: "1GB" });
    const rows = Number(args.rows);
    await db.connection.run(`COPY (SELECT i AS event_id, printf('U%06d', i // 150) AS user_id, printf('S%08d', i // 7) AS session_id,
        ['session_start', 'product_view', 'add_to_cart', 'purchase', 'session_end'][i % 5 + 1] AS event_type,
        make_timestamp(1735689600000000 + i * 40000000) AS "timestamp", printf('P%04d', i % 800) AS product_id,
        ['Books', 'Toys'][i % 2 + 1] AS category, (i % 490 + 10)::DOUBLE AS price,
        CASE WHEN i % 5 IN (2, 3) THEN 1 END AS quantity
      FROM range(${rows}) t(i)) TO ${sqlString(String(args.out))} (FORMAT parquet, COMPRESSION zstd)`);
    db.close();
    return { rows };
  },
  /**
   * The baseline of the analysis: one scan of the events file aggregating every event by user. Every
   * aggregate is summed into the result: DuckDB drops aggregates nobody reads, and a bare count of the
   * groups ran in 0.03 s on 10M events (a scan of one column), not the scan the target means.
   */
  async scanByUser(args) {
    const db = await openDatabase();
    const file = sqlString(join(String(args.data), "events.parquet"));
    const reader = await db.connection.runAndReadAll(`SELECT count(*)::INTEGER AS users, sum(events)::BIGINT AS events,
        min(first)::VARCHAR AS first, max(last)::VARCHAR AS last, sum(purchases)::BIGINT AS purchases, sum(revenue)::DOUBLE AS revenue FROM (
      SELECT user_id, count(*) AS events, min("timestamp") AS first, max("timestamp") AS last,
             count(*) FILTER (WHERE event_type = 'purchase') AS purchases,
             sum(price * quantity) FILTER (WHERE event_type = 'purchase') AS revenue
      FROM read_parquet(${file}) GROUP BY user_id)`);
    db.close();
    const row = reader.getRowObjectsJS()[0]!;
    return { users: Number(row.users), events: Number(row.events) };
  },
  /**
   * The floor under the analysis: the three groupings of the events it cannot do without (by session for
   * the session funnel, by session and category for the category funnel, by user and day for retention),
   * each alone and with its aggregates read, over the events in memory as the analysis has them.
   */
  async groupings(args) {
    const db = await openDatabase();
    const file = sqlString(join(String(args.data), "events.parquet"));
    await db.connection.run(`CREATE TABLE events AS SELECT * REPLACE (event_id::VARCHAR AS event_id) FROM read_parquet(${file})`);
    const time = async (keys: string) => {
      const started = performance.now();
      await db.connection.runAndReadAll(`SELECT count(*), sum(n), min(first) FROM (
        SELECT ${keys}, count(*) AS n, min("timestamp") AS first FROM events GROUP BY ${keys})`);
      return (performance.now() - started) / 1000;
    };
    const result = {
      session: await time("user_id, session_id"),
      sessionCategory: await time("user_id, session_id, category"),
      userDay: await time(`user_id, CAST("timestamp" AS DATE)`),
    };
    db.close();
    return result;
  },
  /** The whole analysis as `npm run analyze` runs it, without segments (benchmarked on their own). */
  async analyze(args) {
    const db = await openDatabase();
    const started = performance.now();
    const { window, rows } = await readDataset(db.connection, String(args.data));
    const read = performance.now();
    await computeHeadline(db.connection);
    await computeCohorts(db.connection, window);
    await computeFunnels(db.connection, window);
    const done = performance.now();
    db.close();
    return { events: rows.events, readSeconds: (read - started) / 1000, analysisSeconds: (done - read) / 1000 };
  },
};

const [name, json] = process.argv.slice(2);
const step = name ? steps[name] : undefined;
if (!step) throw new Error(`unknown step ${name}; known: ${Object.keys(steps).join(", ")}`);
const args = JSON.parse(json ?? "{}") as Args;
const started = performance.now();
const detail = await step(args);
const seconds = (performance.now() - started) / 1000;
if (args.out) rmSync(String(args.out), { recursive: true, force: true });
process.stdout.write(JSON.stringify({ seconds, peakRssMiB: process.resourceUsage().maxRSS / 1024, detail }) + "\n");
