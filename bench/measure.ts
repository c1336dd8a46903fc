/**
 * Runs one benchmark step in a fresh child process and reports its wall time and peak RSS, so that one
 * step's memory never inflates another's figure.
 */
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { PROJECT_ROOT } from "../lib/warehouse/projectRoot";

export interface Measurement {
  seconds: number;
  peakRssMiB: number;
  /** Whatever the step reports about itself (e.g. rows written). */
  detail: Record<string, number>;
}

/** Runs bench/steps.ts STEP ARGS… and reads the one JSON line it prints. */
export function measureStep(step: string, args: Record<string, string | number>): Measurement {
  const argv = [join(PROJECT_ROOT, "bench/steps.ts"), step, JSON.stringify(args)];
  const result = spawnSync(process.execPath, ["--import", "tsx", ...argv], { cwd: PROJECT_ROOT, encoding: "utf8", maxBuffer: 1 << 24 });
  if (result.status !== 0) throw new Error(`bench step ${step} failed:\n${result.stderr}`);
  const line = result.stdout.trim().split("\n").pop()!;
  return JSON.parse(line) as Measurement;
}

export function table(rows: (string | number)[][]): string {
  const text = rows.map((r) => r.map(String));
  const widths = text[0]!.map((_, i) => Math.max(...text.map((r) => r[i]!.length)));
  return text.map((r) => r.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join("  ")).join("\n");
}
