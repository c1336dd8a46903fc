// Issue 15, case 6: a user's mistake stops `npm run build` with the one line `analyze` prints for the
// same input, before Framework starts; a loader that fails anyway prints one line, no stack trace.
import { spawnSync } from "node:child_process";
import { existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tempDir } from "../helpers/tempDir.js";
import { ROOT } from "./support/paths.js";
import { runIn, scratchProject } from "./support/scratchProject.js";

const data = tempDir("event-kit-header-only-");
afterAll(() => data.cleanup());
const STACK_LINE = /^\s+at /m;
let analyzeLine: string;
let root: string;

beforeAll(() => {
  writeFileSync(join(data.path, "events.csv"), "event_id,user_id,session_id,event_type,timestamp,product_id,category,price,quantity\n");
  const analyze = spawnSync(process.execPath, ["--import", "tsx", join(ROOT, "lib/cli/analyze.ts"), "--data", data.path, "--out", join(data.path, "out")], { cwd: ROOT, encoding: "utf8" });
  expect(analyze.status).toBe(1);
  analyzeLine = analyze.stderr.trim().split("\n").at(-1)!;
  root = scratchProject("header-only");
});

describe("npm run build on an events.csv with a header and no rows", () => {
  it("analyze's message is one line naming the file", () => {
    expect(analyzeLine).toBe("analyze: events.csv has a header but no rows");
  });

  it("stops before Framework with the same line and a non-zero exit", async () => {
    const build = await runIn(root, "npm", ["run", "build"], { EVENT_KIT_DATA: data.path });
    expect(build.code).not.toBe(0);
    const lines = build.output.split("\n").filter((line) => line.startsWith("build: "));
    expect(lines.at(-1)).toBe(`build: ${analyzeLine.slice("analyze: ".length)}`);
    expect(build.output).not.toMatch(STACK_LINE);
    // Framework never ran: it would have loaded the pages and written dist/.
    expect(existsSync(join(root, "dist"))).toBe(false);
  }, 120_000);

  it("a loader that fails prints one line, no stack", async () => {
    const loader = await runIn(root, process.execPath, ["--import", "tsx", join(root, "src/data/data-methods.json.ts")], { EVENT_KIT_DATA: data.path });
    expect(loader.code).toBe(1);
    expect(loader.output).toBe("data-methods.json: events.csv has a header but no rows\n");
  }, 120_000);
});
