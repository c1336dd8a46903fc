// The generate CLI, run as a real process: help, success, and one clear line for every bad flag.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "../../lib/warehouse/projectRoot";
import { tempDir } from "../helpers/tempDir";

const work = tempDir();
afterAll(() => work.cleanup());

function generate(...args: string[]) {
  const result = spawnSync(process.execPath, ["--import", "tsx", join(PROJECT_ROOT, "lib/cli/generate.ts"), ...args], {
    cwd: PROJECT_ROOT,
    encoding: "utf8",
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe("npm run generate", () => {
  it("documents every flag in --help", () => {
    const { code, stdout } = generate("--help");
    expect(code).toBe(0);
    for (const flag of ["--out", "--users", "--days", "--start", "--seed", "--products", "--format", "--help"]) expect(stdout).toContain(flag);
  });

  it("writes a small dataset with its manifest and reports progress on stderr", () => {
    const out = join(work.path, "ok");
    const { code, stdout, stderr } = generate("--users", "50", "--days", "30", "--seed", "3", "--out", out, "--format", "csv");
    expect(code).toBe(0);
    expect(stdout).toMatch(/^wrote 50 users, 800 products, \d+ sessions, \d+ events to /);
    expect(stderr).toContain("generate: simulating users and writing events (csv)");
    expect(stderr).toMatch(/generate: \d+% of users, [\d,]+ events/);
    expect(readdirSync(out).sort()).toEqual(["dataset.json", "events.csv", "products.csv", "truth", "users.csv"]);
  });

  const bad: [string, string[], RegExp][] = [
    ["negative users", ["--users", "-5"], /--users must be from 1 to 50000000, got -5/],
    ["non-numeric users", ["--users", "many"], /--users must be an integer, got "many"/],
    ["fractional days", ["--days", "1.5"], /--days must be an integer, got "1.5"/],
    ["unknown format", ["--format", "xml"], /--format must be one of parquet, csv, both, got "xml"/],
    ["unparsable date", ["--start", "2025-02-30"], /--start must be a date YYYY-MM-DD, got "2025-02-30"/],
    ["unknown flag", ["--colour", "red"], /Unknown option '--colour'/],
  ];
  for (const [name, args, message] of bad) {
    it(`refuses ${name} with one clear line and writes nothing`, () => {
      const out = join(work.path, name.replace(/\W/g, "-"));
      const { code, stderr } = generate(...args, "--out", out);
      expect(code).not.toBe(0);
      expect(stderr.split("\n")[0]).toMatch(message);
      expect(existsSync(out)).toBe(false);
    });
  }

  it("refuses a missing --out", () => {
    const { code, stderr } = generate("--users", "10");
    expect(code).not.toBe(0);
    expect(stderr).toMatch(/--out DIR is required/);
  });

  it("refuses an unwritable folder and leaves no partial files", () => {
    const blocker = join(work.path, "a-file");
    writeFileSync(blocker, "not a folder");
    const { code, stderr } = generate("--users", "10", "--out", join(blocker, "data"));
    expect(code).not.toBe(0);
    expect(stderr.trim().split("\n")).toHaveLength(1);
    expect(stderr).toMatch(/cannot write to .*a-file\/data: .*a-file is not a writable folder/);
    expect(readdirSync(work.path).filter((f) => f.includes("partial"))).toEqual([]);
  });
});
