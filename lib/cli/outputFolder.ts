/**
 * The output folder, checked before any work: a folder that cannot be written is said so at once, in
 * words (not as the ENOENT or EACCES of the first file written after minutes of analysis).
 */
import { accessSync, constants, existsSync, mkdirSync, statSync } from "node:fs";
import { dirname } from "node:path";
import { DatasetError } from "../ingest/datasetError";

const WHY: Record<string, string> = {
  EACCES: "permission denied",
  EPERM: "permission denied",
  EROFS: "it is on a read-only file system",
  ENOSPC: "the disk is full",
  ENOTDIR: "part of the path is a file, not a folder",
  EEXIST: "it is a file, not a folder",
  ENOENT: "a folder on the way cannot be created",
};

/** Why the nearest existing folder above `path` cannot be written, if it cannot. */
function ancestorProblem(path: string): string | undefined {
  let dir = dirname(path);
  while (!existsSync(dir) && dirname(dir) !== dir) dir = dirname(dir);
  try {
    accessSync(dir, constants.W_OK);
    return statSync(dir).isDirectory() ? undefined : "ENOTDIR";
  } catch (error) {
    return (error as NodeJS.ErrnoException).code;
  }
}

/** Creates `out` if missing and makes sure files can be written in it; fails with one line otherwise. */
export function prepareOutputFolder(out: string): void {
  const fail = (code: string | undefined): never => {
    throw new DatasetError(`--out ${out} cannot be written (${code ? WHY[code] ?? code : "unknown reason"}): choose a folder you can write, e.g. --out ./report-data`, {
      file: out,
    });
  };
  try {
    mkdirSync(out, { recursive: true });
  } catch (error) {
    // A recursive mkdir on a read-only disk reports ENOENT; the nearest existing folder tells why.
    fail(ancestorProblem(out) ?? (error as NodeJS.ErrnoException).code);
  }
  if (!statSync(out).isDirectory()) fail("EEXIST");
  try {
    accessSync(out, constants.W_OK);
  } catch (error) {
    fail((error as NodeJS.ErrnoException).code);
  }
}
