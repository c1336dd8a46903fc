/**
 * The output folder, checked before any work: a folder that cannot be written is said so at once, in
 * words (not as the ENOENT or EACCES of the first file written after minutes of analysis).
 */
import { accessSync, constants, mkdirSync, statSync } from "node:fs";
import { DatasetError } from "../dataset/datasetError";

const WHY: Record<string, string> = {
  EACCES: "permission denied",
  EPERM: "permission denied",
  EROFS: "it is on a read-only file system",
  ENOSPC: "the disk is full",
  ENOTDIR: "part of the path is a file, not a folder",
  EEXIST: "it is a file, not a folder",
  ENOENT: "a folder on the way cannot be created",
};

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
    fail((error as NodeJS.ErrnoException).code);
  }
  if (!statSync(out).isDirectory()) fail("EEXIST");
  try {
    accessSync(out, constants.W_OK);
  } catch (error) {
    fail((error as NodeJS.ErrnoException).code);
  }
}
