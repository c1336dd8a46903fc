/**
 * Data for the validation section of the Data page: every row of the input, loaded or set aside, with
 * counts per reason and a few examples (row, column, offending value), and what was derived.
 * The report names files without their folders and holds no personal data (see lib/ingest/validationReport.ts).
 */
import type { AnalysisWindow } from "../lib/dataset/window";
import type { ValidationReport } from "../lib/ingest/validationReport";
import { type DataSource, withWarehouse } from "../lib/warehouse/warehouse";

export interface ValidationData extends ValidationReport {
  window: AnalysisWindow;
}

export function validationData(source?: DataSource): Promise<ValidationData> {
  return withWarehouse(async ({ dataset }) => ({ window: dataset.window, ...dataset.validation }), source);
}
