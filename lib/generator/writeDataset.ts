/**
 * Generates a dataset folder. Files are written to a hidden sibling folder first and moved into
 * place only when all of them are complete, so a failed or interrupted run leaves nothing partial.
 */
import { mkdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { randomBytes } from "node:crypto";
import { memoryLimitFromEnv } from "../db/memoryLimit";
import { openWorkDatabase } from "../db/workDatabase";
import { type DatasetFormat, exportTable } from "../dataset/exportDataset";
import { MANIFEST_FILE, type DatasetManifest } from "../dataset/manifest";
import { TABLE_NAMES } from "../dataset/schema";
import { generatedWindow } from "../dataset/window";
import { type GenerateProgress, type GenerateSummary, startGeneration } from "./generate";
import { type GeneratorParams, validateParams } from "./params";
import { TRUTH_FOLDER, exportPlantedChurn } from "./plantedChurn";

export interface WriteOptions {
  format: DatasetFormat;
  onProgress?: (progress: GenerateProgress) => void;
  onStage?: (stage: string) => void;
}

/** Creates the staging folder beside `outDir`; throws a one-line error if that place is not writable. */
function makeStagingDir(outDir: string): string {
  const staging = join(dirname(outDir), `.${basename(outDir)}.partial-${process.pid}-${randomBytes(4).toString("hex")}`);
  try {
    mkdirSync(dirname(outDir), { recursive: true });
    mkdirSync(staging);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new Error(`cannot write to ${outDir}: ${dirname(outDir)} is not a writable folder (${reason})`);
  }
  return staging;
}

export function manifestFor(params: GeneratorParams): DatasetManifest {
  return {
    window: generatedWindow(params.start, params.days),
    generator: { users: params.users, days: params.days, seed: params.seed, start: params.start.toISOString().slice(0, 10), products: params.products },
  };
}

export async function writeGeneratedDataset(params: GeneratorParams, outDir: string, options: WriteOptions): Promise<GenerateSummary> {
  validateParams(params);
  const staging = makeStagingDir(outDir);
  // Bounded memory: DuckDB spills to a scratch folder past this (EVENT_KIT_MEMORY, else 1GiB) instead of growing.
  const db = await openWorkDatabase({ memory: memoryLimitFromEnv(process.env, "1GiB") });
  try {
    options.onStage?.("building users and products");
    const generation = await startGeneration(db.connection, params, options.onProgress);
    let summary: GenerateSummary | undefined;
    for (const table of TABLE_NAMES) {
      if (table !== "events") {
        options.onStage?.(`writing ${table} (${options.format})`);
        await exportTable(db.connection, table, staging, options.format);
        continue;
      }
      options.onStage?.(`simulating users and writing events (${options.format})`);
      summary = await generation.writeEvents(async () => {
        await exportTable(db.connection, table, staging, options.format, true);
      });
    }
    if (!summary) throw new Error("the dataset has no events table");
    options.onStage?.("writing the planted truth (truth/planted_churn.parquet)");
    mkdirSync(join(staging, TRUTH_FOLDER));
    await exportPlantedChurn(db.connection, staging);
    writeFileSync(join(staging, MANIFEST_FILE), JSON.stringify(manifestFor(params), null, 2) + "\n");
    mkdirSync(outDir, { recursive: true });
    for (const table of TABLE_NAMES) {
      for (const ext of ["parquet", "csv"]) {
        const name = `${table}.${ext}`;
        // A previous run's file of the other format would mix two datasets in one folder.
        rmSync(join(outDir, name), { force: true });
        try {
          renameSync(join(staging, name), join(outDir, name));
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
        }
      }
    }
    rmSync(join(outDir, TRUTH_FOLDER), { recursive: true, force: true });
    renameSync(join(staging, TRUTH_FOLDER), join(outDir, TRUTH_FOLDER));
    renameSync(join(staging, MANIFEST_FILE), join(outDir, MANIFEST_FILE));
    return summary;
  } finally {
    db.close();
    rmSync(staging, { recursive: true, force: true });
  }
}
