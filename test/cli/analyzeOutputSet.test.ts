// Issue 15, case 5: `analyze` never leaves OUT mixing two datasets. A run on data B that fails after
// validation, or is killed mid-run, leaves data A's complete set byte for byte; the next run clears what
// a killed run left; a user's own files in OUT are never touched.
import { spawn, spawnSync } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "../../lib/warehouse/projectRoot";
import { ANALYZE_OUTPUTS, runAnalyze } from "../../lib/cli/analyze";
import { writeGeneratedDataset } from "../../lib/generator/writeDataset";
import { tempDir } from "../helpers/tempDir";

const work = tempDir();
const dataA = join(work.path, "a");
const dataB = join(work.path, "b");
afterAll(() => work.cleanup());

// tsx by absolute URL: one run starts in OUT (`--out .`), where a bare "tsx" would not resolve.
const TSX = pathToFileURL(join(PROJECT_ROOT, "node_modules/tsx/dist/loader.mjs")).href;
const ANALYZE = [process.execPath, "--import", TSX, join(PROJECT_ROOT, "lib/cli/analyze.ts")] as const;
function analyze(cwd: string, ...args: string[]) {
  const result = spawnSync(ANALYZE[0], [...ANALYZE.slice(1), ...args], { cwd, encoding: "utf8" });
  return { code: result.status, stderr: result.stderr };
}
/** Every file of a folder with its bytes (as base64, so the Parquet file compares too). */
const snapshot = (folder: string) => Object.fromEntries(readdirSync(folder).sort().map((f) => [f, readFileSync(join(folder, f)).toString("base64")]));

let setA: Record<string, string>;
const outA = join(work.path, "reference-a");
beforeAll(async () => {
  await writeGeneratedDataset({ users: 300, days: 60, seed: 5, start: new Date("2025-01-01T00:00:00Z"), products: 100 }, dataA, { format: "parquet" });
  await writeGeneratedDataset({ users: 300, days: 60, seed: 6, start: new Date("2025-01-01T00:00:00Z"), products: 100 }, dataB, { format: "parquet" });
  expect(analyze(PROJECT_ROOT, "--data", dataA, "--out", outA).code).toBe(0);
  setA = snapshot(outA);
}, 180_000);

/** A folder holding A's complete set plus a file of the user's own. */
function outWithSetA(name: string): string {
  const out = join(work.path, name);
  mkdirSync(out);
  for (const [file, bytes] of Object.entries(setA)) writeFileSync(join(out, file), Buffer.from(bytes, "base64"));
  writeFileSync(join(out, "notes.txt"), "mine");
  return out;
}
const besideOut = (name: string) => readdirSync(work.path).filter((f) => f.includes(`.${name}.`));

describe("analyze replaces its outputs as a set", () => {
  it("writes exactly its six files", () => {
    expect(Object.keys(setA)).toEqual([...ANALYZE_OUTPUTS].sort());
  });

  it("a run that fails after validation leaves the previous set untouched", async () => {
    const out = outWithSetA("failed");
    const before = snapshot(out);
    const stages: string[] = [];
    // A seed that is not an integer passes everything up to K-means, which refuses it: the failure comes
    // after validation.json, summary, cohorts and funnel of B are written (to the staging folder).
    await expect(runAnalyze({ data: dataB, out, seed: 0.5, read: {} }, (line) => stages.push(line))).rejects.toThrow(/seed must be an integer/);
    expect(stages).toContain("analyze: funnels…");
    expect(snapshot(out)).toEqual(before);
    expect(besideOut("failed")).toEqual([]);
  }, 120_000);

  it("a run killed mid-run leaves the previous set untouched, and the next run clears its staging folder", async () => {
    const out = outWithSetA("killed");
    const before = snapshot(out);
    const child = spawn(ANALYZE[0], [...ANALYZE.slice(1), "--data", dataB, "--out", out], { cwd: PROJECT_ROOT, stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    await new Promise<void>((done) => {
      child.stderr.on("data", (chunk: Buffer) => {
        stderr += chunk.toString();
        if (stderr.includes("analyze: cohort retention…") && child.kill("SIGKILL")) done();
      });
    });
    await new Promise((exited) => child.on("exit", exited));
    expect(snapshot(out)).toEqual(before);
    expect(besideOut("killed")).toEqual([`.killed.event-kit-staging-${child.pid}`]);
    expect(readdirSync(join(work.path, besideOut("killed")[0]!))).toEqual(expect.arrayContaining(["validation.json", "summary.json"]));

    const next = analyze(PROJECT_ROOT, "--data", dataB, "--out", out);
    expect(next.code).toBe(0);
    expect(next.stderr).toContain(`cleared ${join(work.path, `.killed.event-kit-staging-${child.pid}`)}`);
    expect(besideOut("killed")).toEqual([]);
    const after = snapshot(out);
    expect(after["notes.txt"]).toBe(before["notes.txt"]);
    expect(after["validation.json"]).not.toBe(before["validation.json"]);
    expect(Object.keys(after)).toEqual(Object.keys(before));
  }, 180_000);

  it("--out . replaces only the kit's files and never touches the user's others", () => {
    const out = outWithSetA("here");
    mkdirSync(join(out, "drafts"));
    writeFileSync(join(out, "drafts", "post.md"), "draft");
    writeFileSync(join(out, "summary.json.bak"), "a backup of mine");
    const run = analyze(out, "--data", dataB, "--out", ".");
    expect(run.code).toBe(0);
    expect(readdirSync(out).sort()).toEqual([...ANALYZE_OUTPUTS, "drafts", "notes.txt", "summary.json.bak"].sort());
    expect(readFileSync(join(out, "notes.txt"), "utf8")).toBe("mine");
    expect(readFileSync(join(out, "drafts", "post.md"), "utf8")).toBe("draft");
    expect(readFileSync(join(out, "summary.json.bak"), "utf8")).toBe("a backup of mine");
    expect(besideOut("here")).toEqual([]);
    // B's outputs, not A's.
    expect(readFileSync(join(out, "validation.json")).toString("base64")).not.toBe(setA["validation.json"]);
  }, 120_000);
});
