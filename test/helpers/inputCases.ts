// Hand-made input folders for reader tests, and the one fatal error a bad input must stop with.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { expect } from "vitest";
import { openDatabase } from "../../lib/db/duckdb";
import { type ReadOptions, readDataset } from "../../lib/ingest/readDataset";
import { DatasetError } from "../../lib/ingest/datasetError";

/** A function that writes `files` into a fresh numbered folder under `root` and returns its path. */
export function caseFolders(root: string): (files: Record<string, string | Buffer>) => string {
  let counter = 0;
  return (files) => {
    const dir = join(root, `case-${++counter}`);
    mkdirSync(dir);
    for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
    return dir;
  };
}

/** Reads `path`, expecting it to stop with a DatasetError, which is returned. */
export async function readFatal(path: string, options: ReadOptions = {}): Promise<DatasetError> {
  const db = await openDatabase();
  try {
    await readDataset(db.connection, path, options);
  } catch (error) {
    expect(error).toBeInstanceOf(DatasetError);
    return error as DatasetError;
  } finally {
    db.close();
  }
  throw new Error("expected a fatal DatasetError");
}
