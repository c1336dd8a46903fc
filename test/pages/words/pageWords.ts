/**
 * The registry of page words under property test: one module per page (test/pages/words/<page>.ts)
 * builds that page's data on a shaped dataset through the real engines and lists its sentences with the
 * typed parts each was built from. pageWords.property.test.ts runs every registered page on every
 * dataset over one shared DuckDB connection; analyses several pages need are computed once per dataset
 * (`once`).
 */
import type { DuckDBConnection } from "@duckdb/node-api";
import type { CoverageData } from "../../../lib/analysis/coverage.js";
import type { TinyDataset } from "../../helpers/tinyDataset.js";
import type { Shape } from "./shapes.js";

export interface DatasetContext {
  connection: DuckDBConnection;
  data: TinyDataset;
  shape: Shape;
  seed: number;
  window: { start: string; end: string };
  /** What the data holds, counted in JavaScript, with the data notes the engines add. */
  coverage: CoverageData;
  /** The result of `compute` for this dataset, computed on first use by any page. */
  once<T>(key: string, compute: () => Promise<T>): Promise<T>;
}

export interface Sentence {
  text: string;
  /** The typed parts the sentence was built from; its numbers must be spellings of these. */
  parts: unknown;
  /** Skip the numbers check (a sentence that prints no counts of its own, or whose parts are a whole page). */
  free?: boolean;
}

export interface PageWords<Page = unknown> {
  name: string;
  build(context: DatasetContext): Promise<Page>;
  sentences(page: Page): Sentence[];
}
