// npm run analyze on hostile input, as a real process (issue 15): warnings end a successful run on
// stderr and in validation.json; a terminal escape in a header is escaped in the message; an output
// folder that cannot be written is said so before any work.
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "../../lib/warehouse/projectRoot";
import { writeGeneratedDataset } from "../../lib/generator/writeDataset";
import { tempDir } from "../helpers/tempDir";

const work = tempDir();
afterAll(() => work.cleanup());

function analyze(...args: string[]) {
  const result = spawnSync(process.execPath, ["--import", "tsx", join(PROJECT_ROOT, "lib/cli/analyze.ts"), ...args], { cwd: PROJECT_ROOT, encoding: "utf8" });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const both = join(work.path, "both");
let run: ReturnType<typeof analyze>;
beforeAll(async () => {
  // Every table written twice, as Parquet and as CSV: the run reads Parquet and says so, three times.
  await writeGeneratedDataset({ users: 200, days: 60, seed: 3, start: new Date("2025-01-01T00:00:00Z"), products: 50 }, both, { format: "both" });
  run = analyze("--data", both, "--out", join(work.path, "out"));
}, 120_000);

describe("warnings", () => {
  it("a run with warnings succeeds, prints each on stderr and lists them in validation.json", () => {
    expect(run.code).toBe(0);
    const lines = run.stderr.split("\n").filter((l) => l.startsWith("analyze: warning: "));
    expect(lines).toEqual([
      "analyze: warning: users.parquet and users.csv are both in the folder: users.parquet is read and users.csv ignored (Parquet is preferred); remove the one you do not mean",
      "analyze: warning: products.parquet and products.csv are both in the folder: products.parquet is read and products.csv ignored (Parquet is preferred); remove the one you do not mean",
      "analyze: warning: events.parquet and events.csv are both in the folder: events.parquet is read and events.csv ignored (Parquet is preferred); remove the one you do not mean",
    ]);
    const validation = JSON.parse(readFileSync(join(work.path, "out", "validation.json"), "utf8"));
    expect(validation.warnings.map((w: { code: string; table: string }) => `${w.code} ${w.table}`)).toEqual([
      "table_given_twice users",
      "table_given_twice products",
      "table_given_twice events",
    ]);
  });
});

describe("messages", () => {
  it("a terminal escape sequence in a header is escaped, never echoed raw", () => {
    const dir = join(work.path, "escape");
    mkdirSync(dir);
    writeFileSync(join(dir, "events.csv"), "user\x1b[2J\x1b]0;owned\x07id,timestamp,event_type\nU1,2025-03-01T10:00:00Z,session_start\n");
    const result = analyze("--data", dir, "--out", join(work.path, "out-escape"));
    expect(result.code).toBe(1);
    expect(result.stderr).not.toMatch(/[\x07\x1b]/);
    expect(result.stderr).toContain("user\\x1b[2J\\x1b]0;owned\\x07id");
  });

  it("an --out that is a file is refused before any work, saying what it is", () => {
    const file = join(work.path, "not-a-folder");
    writeFileSync(file, "x");
    const result = analyze("--data", both, "--out", file);
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toBe(`analyze: --out ${file} cannot be written (it is a file, not a folder): choose a folder you can write, e.g. --out ./report-data`);
  });

  it("a read-only --out is said to be read-only", () => {
    const ro = join(work.path, "ro");
    mkdirSync(ro);
    try {
      execFileSync("mount", ["-t", "tmpfs", "-o", "ro,size=64k", "tmpfs", ro], { stdio: "ignore" });
    } catch {
      return; // mounting needs privileges CI may not have
    }
    try {
      const result = analyze("--data", both, "--out", join(ro, "out"));
      expect(result.code).toBe(1);
      expect(result.stderr.trim()).toBe(`analyze: --out ${join(ro, "out")} cannot be written (it is on a read-only file system): choose a folder you can write, e.g. --out ./report-data`);
    } finally {
      execFileSync("umount", [ro]);
    }
  });
});
