/** coverage.json: what the data holds, for the pages to decide which charts can be computed (lib/analysis/coverage.ts). */
import { type CoverageData, measureCoverage } from "../lib/analysis/coverage";
import { withWarehouse } from "../lib/warehouse/warehouse";

export function coverageData(): Promise<CoverageData> {
  return withWarehouse(measureCoverage);
}
