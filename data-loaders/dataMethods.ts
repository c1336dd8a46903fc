/** data-methods.json: the Data & methods page's data (lib/pages/dataMethods.ts), from the build's shared analyses. */
import { readDefinitions } from "../lib/definitions/renderDefinitions";
import { type DataMethodsPage, buildDataMethodsPage } from "../lib/pages/dataMethods";
import { dataMethodsAnalysis, overviewAnalysis } from "../lib/warehouse/analyses";
import type { DataSource } from "../lib/warehouse/warehouse";

export async function dataMethodsData(source?: DataSource): Promise<DataMethodsPage> {
  // One after another: each may compute its analysis, and DuckDB already uses every core for one.
  const overview = await overviewAnalysis(source);
  const methods = await dataMethodsAnalysis(source);
  const { coverage, headline, source: origin } = overview.result;
  return buildDataMethodsPage(
    { coverage, headline, source: origin, ...methods.result, definitions: readDefinitions() },
    methods.trace,
  );
}
