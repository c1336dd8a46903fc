// Builds the site once per test run, and only when dist/ is missing or older than what it is built from.
// Several test files (in parallel workers) may ask at once: a lock directory makes one of them build
// and the others wait, then find dist/ fresh. Once one file of a run has settled on a dist/, the run's
// other files use it even if someone edits a source meanwhile: a rebuild half-way through a run would
// delete dist/ under the tests that are reading it.
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { CACHE, DIST, ROOT } from "./paths.js";

/** What a build reads: pages, components, loaders and the code behind them, config and dependencies. */
const INPUTS = ["src", "lib", "data-loaders", "docs", "observablehq.config.ts", "package.json", "package-lock.json"];
const LOCK = join(CACHE, "e2e-build.lock");
const SETTLED = join(CACHE, "e2e-build.run");

/**
 * Identifies this test run: vitest's forked workers share their parent, the vitest process, and its
 * start time (from /proc) tells it apart from an earlier process that had the same pid. Undefined off
 * Linux, where each file then checks freshness for itself.
 */
function runId(): string | undefined {
  try {
    const stat = readFileSync(`/proc/${process.ppid}/stat`, "utf8");
    const startTime = stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19];
    return startTime ? `${process.ppid}:${startTime}` : undefined;
  } catch {
    return undefined;
  }
}

function settledThisRun(run: string | undefined): boolean {
  if (!run || !existsSync(SETTLED) || !existsSync(join(DIST, "index.html"))) return false;
  return readFileSync(SETTLED, "utf8") === run;
}

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stats = statSync(path);
  if (!stats.isDirectory()) return stats.mtimeMs;
  let newest = stats.mtimeMs;
  for (const entry of readdirSync(path, { withFileTypes: true })) {
    // src/.observablehq holds Framework's loader cache, which the build itself writes.
    if (entry.name.startsWith(".") || entry.name === "node_modules") continue;
    newest = Math.max(newest, newestMtime(join(path, entry.name)));
  }
  return newest;
}

/** The time of the last complete build: the oldest top-level page, as pages are rendered last. */
function builtAt(): number {
  if (!existsSync(join(DIST, "index.html"))) return 0;
  const pages = readdirSync(DIST).filter((name) => name.endsWith(".html"));
  return Math.min(...pages.map((name) => statSync(join(DIST, name)).mtimeMs));
}

export function distIsFresh(): boolean {
  const built = builtAt();
  return built > 0 && INPUTS.every((input) => newestMtime(join(ROOT, input)) <= built);
}

function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function withLock<T>(task: () => Promise<T>, timeoutMs = 20 * 60_000): Promise<T> {
  mkdirSync(CACHE, { recursive: true });
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      mkdirSync(LOCK);
      writeFileSync(join(LOCK, "pid"), String(process.pid));
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      let owner = Number.NaN;
      try {
        owner = Number(readFileSync(join(LOCK, "pid"), "utf8"));
      } catch {
        // The owner has made the directory but not yet written its pid.
      }
      if (Number.isInteger(owner) && !processIsAlive(owner)) rmSync(LOCK, { recursive: true, force: true });
      else if (Date.now() > deadline) throw new Error(`timed out waiting for the build lock ${LOCK}`);
      else await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
  try {
    return await task();
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}

function runBuild(): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn("npm", ["run", "build"], { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"], env: process.env });
    let output = "";
    const keep = (chunk: Buffer) => {
      output = (output + chunk.toString()).slice(-20_000);
    };
    child.stdout.on("data", keep);
    child.stderr.on("data", keep);
    child.on("error", reject);
    child.on("close", (code) => {
      if (code === 0) resolve();
      else reject(new Error(`npm run build exited with ${code}:\n${output.slice(-6_000)}`));
    });
  });
}

/**
 * Makes sure dist/ is a complete build of the current sources. E2E_BUILD=never uses dist/ as it is;
 * E2E_BUILD=always rebuilds regardless.
 */
export async function ensureBuilt(): Promise<void> {
  const mode = process.env.E2E_BUILD ?? "auto";
  if (mode === "never") {
    if (!existsSync(join(DIST, "index.html"))) throw new Error("E2E_BUILD=never but dist/index.html is missing");
    return;
  }
  const run = runId();
  await withLock(async () => {
    if (settledThisRun(run)) return;
    if (mode === "always" || !distIsFresh()) {
      rmSync(SETTLED, { force: true });
      await runBuild();
      if (!existsSync(join(DIST, "index.html"))) throw new Error("the build finished without dist/index.html");
    }
    if (run) writeFileSync(SETTLED, run);
  });
}
