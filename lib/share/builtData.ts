/**
 * The data a finished build computed, read back from dist/: Framework writes each loader's output
 * once, as _file/data/<name>.<content hash>.json. Steps that run after `observable build` (the post,
 * the cards, the page tags) read these files rather than run an analysis again.
 */
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";

export function builtDataPath(dist: string, name: string): string {
  const dir = join(dist, "_file", "data");
  const pattern = new RegExp(`^${name}\\.[0-9a-f]+\\.json$`);
  const matches = readdirSync(dir).filter((file) => pattern.test(file));
  if (matches.length !== 1) throw new Error(`expected one ${name}.<hash>.json in ${dir}, found ${matches.length}`);
  return join(dir, matches[0]!);
}

export function readBuiltData<T>(dist: string, name: string): T {
  return JSON.parse(readFileSync(builtDataPath(dist, name), "utf8")) as T;
}

/** Whether the build wrote the data file `name` (a page may be left out of a site). */
export function hasBuiltData(dist: string, name: string): boolean {
  const pattern = new RegExp(`^${name}\\.[0-9a-f]+\\.json$`);
  return readdirSync(join(dist, "_file", "data")).some((file) => pattern.test(file));
}
