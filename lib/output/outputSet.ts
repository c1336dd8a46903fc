/**
 * `analyze` replaces its outputs as a set, never file by file: a run writes every file into a staging
 * folder beside OUT (`.<OUT's name>.event-kit-staging-<pid>`), and only when all of them are written are
 * they moved into OUT. A run that fails leaves OUT exactly as it was (the previous complete set, from one
 * dataset); a run that is killed leaves only its staging folder, which the next run removes.
 *
 * Only the kit's own files are ever touched: in OUT the names of the set (`--out .` keeps every other file
 * of the folder), beside OUT only folders with the staging name whose process is gone.
 *
 * Moving the set is a handful of renames on one file system. So that even a kill between two renames
 * cannot leave two datasets mixed, the staging folder is marked complete before the first rename, and the
 * next run finishes the moves of a complete folder (roll forward) rather than deleting it.
 */
import { existsSync, lstatSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { processIsAlive } from "../process/processIsAlive";

const STAGING_INFIX = ".event-kit-staging-";
const COMPLETE_MARKER = ".complete";

/** The staging folder of run `pid` for OUT: a hidden sibling of OUT on the same file system. */
export function stagingFolder(out: string, pid: number = process.pid): string {
  return join(dirname(out), `.${basename(out)}${STAGING_INFIX}${pid}`);
}

/** Moves the set's files from a complete staging folder into OUT, then removes the folder. */
function moveIntoPlace(staging: string, out: string, names: readonly string[]): void {
  for (const name of names) {
    const from = join(staging, name);
    if (existsSync(from)) renameSync(from, join(out, name));
  }
  rmSync(staging, { recursive: true, force: true });
}

/**
 * Clears what killed runs left beside OUT: a complete staging folder is moved into place (its run died
 * between two renames), an incomplete one is removed. Folders of runs still alive are left alone.
 * Returns the folders handled, for the progress log.
 */
export function recoverAbandonedStaging(out: string, names: readonly string[]): string[] {
  const parent = dirname(out);
  const prefix = `.${basename(out)}${STAGING_INFIX}`;
  if (!existsSync(parent)) return [];
  const handled: string[] = [];
  for (const entry of readdirSync(parent)) {
    if (!entry.startsWith(prefix)) continue;
    const pid = Number(entry.slice(prefix.length));
    if (!Number.isInteger(pid) || pid <= 0 || pid === process.pid || processIsAlive(pid)) continue;
    const staging = join(parent, entry);
    if (!lstatSync(staging).isDirectory()) continue;
    if (existsSync(join(staging, COMPLETE_MARKER))) moveIntoPlace(staging, out, names);
    else rmSync(staging, { recursive: true, force: true });
    handled.push(staging);
  }
  return handled;
}

/**
 * Runs `write` against a fresh staging folder and, once it has written every file of `names`, replaces
 * those files in OUT. On any failure the staging folder is removed and OUT is left untouched.
 */
export async function writeOutputSet(out: string, names: readonly string[], write: (staging: string) => Promise<void>, log: (line: string) => void = () => {}): Promise<void> {
  // OUT itself is created only when there is a set to move into it: a run that fails creates nothing.
  mkdirSync(dirname(out), { recursive: true });
  for (const folder of recoverAbandonedStaging(out, names)) log(`analyze: cleared ${folder}, left by an interrupted run`);
  const staging = stagingFolder(out);
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging);
  try {
    await write(staging);
    const missing = names.filter((name) => !existsSync(join(staging, name)));
    if (missing.length > 0) throw new Error(`the run did not write ${missing.join(", ")}; ${out} is unchanged`);
    // A folder (or anything but a file) under one of our names in OUT would stop a rename half-way
    // through the set: refuse before the first one.
    for (const name of names) {
      const target = join(out, name);
      if (existsSync(target) && !lstatSync(target).isFile()) throw new Error(`${target} exists and is not a file; move it away and run again (${out} is unchanged)`);
    }
    mkdirSync(out, { recursive: true });
    writeFileSync(join(staging, COMPLETE_MARKER), "");
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    throw error;
  }
  moveIntoPlace(staging, out, names);
}
