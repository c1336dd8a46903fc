/**
 * Builds a cache folder at most once, safely when several processes ask at the same time (Framework
 * runs loaders concurrently) and when a build is killed midway.
 *
 * - The folder is built under a temporary name and renamed into place when complete: a reader never
 *   sees a half-written folder, and a killed build leaves only a temporary folder nobody reuses.
 * - A lock (lib/process/folderLock.ts) makes the others wait instead of building the same thing; a lock
 *   whose process is gone, or that is too old, is taken over.
 */
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { randomBytes } from "node:crypto";
import { acquireFolderLock } from "../process/folderLock";
import { processIsAlive } from "../process/processIsAlive";

export interface BuildOnceOptions {
  /** A file that exists in the folder only when it is complete. */
  completeMarker: string;
  /** How long a lock may be held before it is considered abandoned. */
  staleAfterMs?: number;
  pollMs?: number;
  onWait?: () => void;
}

/** Removes temporary folders of builds whose process is gone. */
function sweepAbandoned(target: string): void {
  const parent = dirname(target);
  const prefix = `${basename(target)}.tmp-`;
  for (const name of readdirSync(parent)) {
    if (!name.startsWith(prefix)) continue;
    const pid = Number(name.slice(prefix.length).split("-")[0]);
    if (!processIsAlive(pid)) rmSync(join(parent, name), { recursive: true, force: true });
  }
}

export async function buildOnce(target: string, build: (dir: string) => Promise<void>, options: BuildOnceOptions): Promise<string> {
  const ready = () => existsSync(join(target, options.completeMarker));
  const staleAfterMs = options.staleAfterMs ?? 30 * 60_000;
  const lock = `${target}.lock`;
  mkdirSync(dirname(target), { recursive: true });
  while (!ready()) {
    const release = await acquireFolderLock(lock, { staleAfterMs, pollMs: options.pollMs, onWait: options.onWait });
    try {
      if (ready()) break;
      sweepAbandoned(target);
      // A folder without its marker is a leftover of an older layout or a manual copy: never reuse it.
      rmSync(target, { recursive: true, force: true });
      const temporary = `${target}.tmp-${process.pid}-${randomBytes(4).toString("hex")}`;
      mkdirSync(temporary);
      try {
        await build(temporary);
        if (!existsSync(join(temporary, options.completeMarker))) {
          throw new Error(`build of ${target} finished without ${options.completeMarker}`);
        }
        renameSync(temporary, target);
      } finally {
        rmSync(temporary, { recursive: true, force: true });
      }
    } finally {
      release();
    }
  }
  return target;
}
