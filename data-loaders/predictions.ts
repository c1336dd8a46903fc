/**
 * Data for the "Who will come back?" page: BG/NBD + Gamma–Gamma on the build's data (settings from
 * EVENT_KIT_CALIBRATION_END, EVENT_KIT_TIME_UNIT, EVENT_KIT_HORIZON_DAYS, EVENT_KIT_DISCOUNT_RATE),
 * K-means segments for grouping, and the generator's planted churn where the data has it. Only
 * lib/pages/predictions.ts' aggregates leave: no customer's id or prediction reaches the site.
 */
import { buildPredictionsPage, type PredictionsPage } from "../lib/pages/predictions";
import { computePredictions } from "../lib/predict/computePredictions";
import { readPlantedAlive } from "../lib/predict/plantedTruth";
import { predictionSettings } from "../lib/predict/settings";
import { type Rounded, roundDeep } from "../lib/output/round";
import { overviewAnalysis, segmentsAnalysis } from "../lib/warehouse/analyses";
import { withWarehouse } from "../lib/warehouse/warehouse";

export async function predictionsData(): Promise<Rounded<PredictionsPage>> {
  const settings = predictionSettings({});
  // The Segments page's segmentation (shared analysis), not a second K-means run.
  const { summary, assignment } = (await segmentsAnalysis()).result;
  // The data's currency, measured once for the Overview: CLV labels and tooltips print its symbol.
  const { coverage } = (await overviewAnalysis()).result;
  return withWarehouse(async ({ db, dataset, folder }) => {
    const result = await computePredictions(db.connection, {
      window: dataset.window,
      calibrationEnd: settings.calibrationEnd,
      options: settings.options,
      segments: new Map(assignment.user_ids.map((id, i) => [id, assignment.clusters[i]!])),
      plantedAlive: await readPlantedAlive(db.connection, folder, dataset.window),
    });
    // Six decimals are more than any chart or sentence shows, and keep the file small.
    return roundDeep(buildPredictionsPage(result, new Map(summary.clusters.map((c) => [c.cluster, c.name])), coverage.currency.symbol), 6);
  });
}
