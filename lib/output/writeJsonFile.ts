/**
 * Writes a machine-readable output. docs/metrics.md §7 promises plain JSON numbers, so a value JSON cannot
 * carry faithfully (NaN and ±Infinity would silently become null; BigInt throws deep in stringify) is
 * refused here with the path to it, instead of reaching a reader as a wrong number.
 */
import { renameSync, writeFileSync } from "node:fs";

export function assertPlainJson(value: unknown, path = "$"): void {
  if (typeof value === "number" && !Number.isFinite(value)) throw new TypeError(`${path} is ${value}, which JSON cannot hold`);
  if (typeof value === "bigint") throw new TypeError(`${path} is a BigInt (${value}); cast it in SQL`);
  if (Array.isArray(value)) value.forEach((item, i) => assertPlainJson(item, `${path}[${i}]`));
  else if (value !== null && typeof value === "object") {
    for (const [key, item] of Object.entries(value)) assertPlainJson(item, `${path}.${key}`);
  }
}

/** Validates, then writes atomically (temporary file + rename) so a reader never sees half a file. */
export function writeJsonFile(file: string, value: unknown): void {
  assertPlainJson(value);
  const temporary = `${file}.tmp-${process.pid}`;
  writeFileSync(temporary, JSON.stringify(value, null, 1) + "\n");
  renameSync(temporary, file);
}
