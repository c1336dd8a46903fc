/** Data for the Data & methods page: the definitions of docs/metrics.md, rendered at build time. */
import { type Definitions, readDefinitions } from "../lib/definitions/renderDefinitions";

export function definitionsData(): Definitions {
  return readDefinitions();
}
