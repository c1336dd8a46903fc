/**
 * The "Who will come back?" page's words: BG/NBD and Gamma–Gamma fitted by lib/predict on the shaped
 * dataset (default settings), worded by lib/pages/predictions.ts. Where the model cannot fit (most tiny
 * datasets), the page's "why not" is what is checked, against customer counts worked out here in
 * JavaScript from the events, independently of the engine's SQL.
 *
 * Segmentation is kept out (it is the Segments page's, and slow): customers are grouped by their place
 * in the user list into three named groups, which is all the page's words read of a segment.
 */
import { type PredictionsPage, buildPredictionsPage } from "../../../lib/pages/predictions.js";
import { DEFAULT_PREDICTION_OPTIONS, MIN_CUSTOMERS, MIN_REPEAT_CUSTOMERS, MIN_SPEND_CUSTOMERS, PREDICTION_DAYS, computePredictions } from "../../../lib/predict/computePredictions.js";
import { uniformStream } from "../../helpers/tinyDataset.js";
import type { DatasetContext, PageWords, Sentence } from "./pageWords.js";

export const SEGMENT_NAMES = new Map([
  [0, "Loyal high spenders"],
  [1, "Window shoppers"],
  [2, "One-visit users"],
]);

/** The predictions page of this dataset, shared by every page that reads it (the cards). */
export function sharedPredictions(context: DatasetContext): Promise<PredictionsPage> {
  return context.once("predictions", async () => {
    const users = context.data.users.map((u) => u.user_id);
    const random = uniformStream(context.seed);
    const result = await computePredictions(context.connection, {
      window: context.window,
      segments: new Map(users.map((id, i) => [id, i % SEGMENT_NAMES.size])),
      // A planted truth to check P(alive) against, as the generator's data has: seeded, so it is the same each run.
      plantedAlive: new Map(users.map((id) => [id, random() < 0.6])),
    });
    return buildPredictionsPage(result, SEGMENT_NAMES);
  });
}

/**
 * Customers, repeat customers and customers with priced repeat purchases up to a last day, counted from
 * the events: a transaction is a user's purchase day (UTC), a customer's first one is their birth.
 */
export function customerCounts(context: DatasetContext, lastDay: string): { customers: number; repeaters: number; priced: number } {
  const days = new Map<string, Map<string, { priced: boolean; value: number }>>();
  for (const e of context.data.events) {
    if (e.event_type !== "purchase" || e.timestamp < context.window.start || e.timestamp >= context.window.end) continue;
    const day = e.timestamp.slice(0, 10);
    const byDay = days.get(e.user_id) ?? new Map();
    const d = byDay.get(day) ?? { priced: true, value: 0 };
    const priced = e.price !== null && e.price !== undefined && e.quantity !== null && e.quantity !== undefined;
    d.priced &&= priced;
    d.value += priced ? e.price! * e.quantity! : 0;
    byDay.set(day, d);
    days.set(e.user_id, byDay);
  }
  let customers = 0;
  let repeaters = 0;
  let priced = 0;
  for (const byDay of days.values()) {
    const sorted = [...byDay.keys()].sort();
    if (sorted[0]! > lastDay) continue;
    customers++;
    const repeats = sorted.slice(1).filter((d) => d <= lastDay);
    if (repeats.length > 0) repeaters++;
    if (repeats.some((d) => byDay.get(d)!.priced && byDay.get(d)!.value > 0)) priced++;
  }
  return { customers, repeaters, priced };
}

/** The typed parts every sentence of the page may quote besides its facts: the settings and the rules' constants. */
const SETTINGS = {
  options: DEFAULT_PREDICTION_OPTIONS,
  prediction_days: PREDICTION_DAYS,
  minimums: [MIN_CUSTOMERS, MIN_REPEAT_CUSTOMERS, MIN_SPEND_CUSTOMERS],
  // P(alive) ≥ 0.5 is "likely still a customer"; RFM quintiles run 1 to 5.
  rules: [0.5, 5],
};

export const predictionsWords: PageWords<PredictionsPage & { counts: unknown }> = {
  name: "predictions",
  async build(context) {
    const page = await sharedPredictions(context);
    // Counted here for the "why not" words: up to the end of calibration and of the whole window.
    const counts = [customerCounts(context, page.calibration.end), customerCounts(context, page.holdout.end)];
    return { ...page, counts };
  },
  sentences(page) {
    // One parts object per kind of sentence, so its spellings are worked out once.
    const parts = [SETTINGS, page.facts, page.counts];
    const withSegments = [parts, page.segments];
    const withPeriods = [parts, page.calibration, page.holdout];
    const text = (t: string | null | undefined, of: unknown = parts): Sentence[] => (t ? [{ text: t, parts: of }] : []);
    return [
      ...text(page.reason),
      ...page.lede.flatMap((t) => text(t)),
      ...page.kpis.map((k) => ({ text: `${k.label}: ${k.value} ${k.caption}`, parts: withPeriods })),
      ...Object.values(page.captions).flatMap((t) => text(t)),
      ...text(page.validationSentence),
      ...text(page.aliveSentence),
      ...text(page.spendSentence),
      ...text(page.clvSentence),
      ...text(page.segmentSentence, withSegments),
      ...page.actions.flatMap((t) => text(t, withSegments)),
    ];
  },
};
