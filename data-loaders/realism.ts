/** Data for the Data & methods page: every row of the realism table measured on this build's data. */
import { type RealismCheck, measureRealism } from "../lib/realism/realismChecks";
import { withWarehouse } from "../lib/warehouse/warehouse";

export function realismData(): Promise<RealismCheck[]> {
  return withWarehouse(({ db, dataset }) => measureRealism(db.connection, dataset.window));
}
