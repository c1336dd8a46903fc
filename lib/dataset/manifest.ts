/**
 * dataset.json, written beside a generated dataset's tables: the window the data was generated for (and
 * the generator's parameters). Reading a folder takes its window from here instead of the events' range.
 */
import type { AnalysisWindow } from "./window";

export const MANIFEST_FILE = "dataset.json";

export interface DatasetManifest {
  window: AnalysisWindow;
  generator?: Record<string, unknown>;
}
