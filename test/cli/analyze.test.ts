// npm run analyze as a real process on a real generated folder: the §7 outputs exist with the promised
// shapes and plain JSON numbers, and bad input stops with one line naming the problem.
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "../../lib/warehouse/projectRoot";
import { openDatabase, queryRows } from "../../lib/db/duckdb";
import { writeGeneratedDataset } from "../../lib/generator/writeDataset";
import { tempDir } from "../helpers/tempDir";

const work = tempDir();
const data = join(work.path, "data");
const out = join(work.path, "out");
afterAll(() => work.cleanup());

function analyze(...args: string[]) {
  const result = spawnSync(process.execPath, ["--import", "tsx", join(PROJECT_ROOT, "lib/cli/analyze.ts"), ...args], { cwd: PROJECT_ROOT, encoding: "utf8" });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}
const json = (file: string) => JSON.parse(readFileSync(join(out, file), "utf8"));

let run: ReturnType<typeof analyze>;
beforeAll(async () => {
  await writeGeneratedDataset({ users: 400, days: 120, seed: 5, start: new Date("2025-01-01T00:00:00Z"), products: 200 }, data, { format: "parquet" });
  run = analyze("--data", data, "--out", out);
});

describe("npm run analyze", () => {
  it("succeeds and reports its stages on stderr", () => {
    expect(run.stderr).toContain("analyze: funnels");
    expect(run.code).toBe(0);
  });

  it("writes cohorts.json with the window and every cell field of metrics.md §7", () => {
    const cohorts = json("cohorts.json");
    expect(cohorts.window).toEqual({ start: "2025-01-01T00:00:00.000Z", end: "2025-05-01T00:00:00.000Z", timezone: "UTC" });
    const variant = cohorts.retention.find((v: Record<string, string>) => v.cohort_by === "registration" && v.activity === "any_event" && v.granularity === "month" && v.mode === "on");
    expect(variant).toBeDefined();
    // Four monthly cohorts (Jan–Apr) with periods 0..(4 − cohort index − 1): 4 + 3 + 2 + 1 cells.
    expect(variant.cells).toHaveLength(10);
    for (const cell of variant.cells) {
      expect(Object.keys(cell)).toEqual(expect.arrayContaining(["cohort", "period", "cohort_size", "active", "rate", "ci_low", "ci_high", "complete"]));
      expect(Number.isInteger(cell.cohort_size) && Number.isInteger(cell.active)).toBe(true);
    }
    expect(cohorts.retention.some((v: Record<string, string>) => v.cohort_by === "first_purchase" && v.activity === "purchase")).toBe(true);
  });

  it("writes funnel.json whose session funnel starts with every session", async () => {
    const funnel = json("funnel.json");
    expect(funnel.session_funnel.steps.map((s: { step: string }) => s.step)).toEqual(["session_start", "product_view", "add_to_cart", "purchase"]);
    expect(funnel.user_funnel.window_days).toBe(7);
    expect(funnel.category_funnel.length).toBeGreaterThanOrEqual(7);
    // Step 1 is every distinct (user, session): count them independently in the events file.
    const db = await openDatabase();
    const [row] = await queryRows<{ n: number }>(db.connection, `SELECT count(DISTINCT (user_id, session_id))::INTEGER AS n FROM read_parquet('${join(data, "events.parquet")}')`);
    db.close();
    expect(funnel.session_funnel.steps[0].count).toBe(row!.n);
  });

  it("writes segments.json and user_segments.parquet with one standardized column per feature", async () => {
    const segments = json("segments.json");
    expect(Object.keys(segments)).toEqual(expect.arrayContaining(["k", "inertia", "silhouette", "features", "clusters", "ari_vs_planted"]));
    const db = await openDatabase();
    const columns = await queryRows<{ column_name: string; column_type: string }>(db.connection, `DESCRIBE SELECT * FROM read_parquet('${join(out, "user_segments.parquet")}')`);
    db.close();
    expect(columns.map((c) => c.column_name)).toEqual(["user_id", "cluster", ...segments.features]);
    expect(columns.slice(2).every((c) => c.column_type === "DOUBLE")).toBe(true);
  });

  it("writes byte-identical outputs when run again on the same data", () => {
    const again = join(work.path, "out-again");
    expect(analyze("--data", data, "--out", again).code).toBe(0);
    const files = ["validation.json", "summary.json", "cohorts.json", "funnel.json", "segments.json", "user_segments.parquet"];
    for (const file of files) expect(readFileSync(join(again, file)).equals(readFileSync(join(out, file))), file).toBe(true);
  });

  it("never writes an email address into any output", () => {
    for (const file of ["summary.json", "cohorts.json", "funnel.json", "segments.json", "validation.json"]) {
      expect(readFileSync(join(out, file), "utf8"), file).not.toMatch(/[\w.+-]+@[\w-]+\.[\w.]+/);
    }
  });

  it("stops with one line naming a missing column", () => {
    const bad = join(work.path, "bad");
    mkdirSync(bad);
    writeFileSync(join(bad, "events.csv"), "event_id,user_id,event_type\n1,U1,product_view\n");
    const result = analyze("--data", bad, "--out", join(work.path, "bad-out"));
    expect(result.code).not.toBe(0);
    const lines = result.stderr.trim().split("\n");
    // Progress lines may come first; the error is the last line, on its own, with no stack trace.
    expect(lines.at(-1)).toMatch(/^analyze: events\.csv has no column "timestamp"/);
    expect(result.stderr).not.toMatch(/^\s+at /m);
  });

  it("refuses a missing --data with usage help", () => {
    const result = analyze("--out", out);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--data .* is required/);
  });
});
