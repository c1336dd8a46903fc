// Vitest globalSetup: the browser tests need Debian's Chromium. Rather than letting every e2e file fail
// one by one with Playwright's long launch error, the run installs Chromium when it can (as root with
// apt-get, as on a fresh CI machine) or stops at once with one line naming the command to run.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { CHROMIUM } from "../e2e/support/browser.js";

export type ChromiumPlan =
  | { action: "none" }
  | { action: "install"; command: string[] }
  | { action: "stop"; message: string };

export interface ChromiumSituation {
  /** Whether the browser executable exists. */
  present: boolean;
  /** Whether any test file of this run is a browser test. */
  runsBrowserTests: boolean;
  isRoot: boolean;
  hasAptGet: boolean;
  executable: string;
}

const INSTALL = "apt-get install -y chromium";
/** Where Debian's package puts it; a CHROMIUM_PATH elsewhere is the user's own browser, not ours to install. */
const DEBIAN_CHROMIUM = "/usr/bin/chromium";

/** What to do before the tests, decided from facts only (so it is testable without a machine to spoil). */
export function chromiumPlan(situation: ChromiumSituation): ChromiumPlan {
  if (situation.present || !situation.runsBrowserTests) return { action: "none" };
  if (situation.isRoot && situation.hasAptGet && situation.executable === DEBIAN_CHROMIUM) return { action: "install", command: ["sh", "-c", `apt-get update -qq && DEBIAN_FRONTEND=noninteractive ${INSTALL} -qq`] };
  return {
    action: "stop",
    message: `The browser tests need Chromium at ${situation.executable}: run \`sudo ${INSTALL}\` (or set CHROMIUM_PATH), then npm test again.`,
  };
}

/**
 * Whether the run includes test/e2e: a run given file filters (`vitest run test/stats`) that name no e2e
 * test needs no browser; a run without filters (`npm test`) runs them all.
 */
export function runsBrowserTests(argv: readonly string[]): boolean {
  const runIndex = argv.findIndex((arg) => arg === "run" || arg === "watch" || arg === "dev");
  const filters = argv.slice(runIndex + 1).filter((arg) => !arg.startsWith("-"));
  return filters.length === 0 || filters.some((filter) => filter.includes("e2e"));
}

function commandExists(name: string): boolean {
  return spawnSync("sh", ["-c", `command -v ${name}`], { stdio: "ignore" }).status === 0;
}

export default function setup(): void {
  const plan = chromiumPlan({
    present: existsSync(CHROMIUM),
    runsBrowserTests: runsBrowserTests(process.argv),
    isRoot: process.getuid?.() === 0,
    hasAptGet: commandExists("apt-get"),
    executable: CHROMIUM,
  });
  if (plan.action === "none") return;
  if (plan.action === "install") {
    process.stderr.write(`Chromium is missing at ${CHROMIUM}; installing it: ${INSTALL}\n`);
    const [program, ...args] = plan.command;
    const result = spawnSync(program!, args, { stdio: ["ignore", "inherit", "inherit"] });
    if (result.status === 0 && existsSync(CHROMIUM)) return;
    process.stderr.write(`Installing Chromium failed (exit ${result.status}): run \`${INSTALL}\` yourself, then npm test again.\n`);
    process.exit(1);
  }
  process.stderr.write(`${plan.message}\n`);
  process.exit(1);
}
