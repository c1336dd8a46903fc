/** Data for the Overview page: the headline numbers and what data they were computed on. */
import { type Headline, HEADLINE_SQL, computeHeadline } from "../lib/analysis/headline";
import type { AnalysisWindow } from "../lib/dataset/window";
import { withWarehouse } from "./warehouse";

export interface OverviewData {
  headline: Headline;
  window: AnalysisWindow;
  source: { kind: "generated"; users: number; days: number; seed: number; start: string } | { kind: "folder" };
  sql: { headline: string };
}

export function overviewData(): Promise<OverviewData> {
  return withWarehouse(async ({ db, dataset, source }) => ({
    headline: await computeHeadline(db.connection),
    window: dataset.window,
    // The folder path of brought data may name a person's home directory: it stays off the site.
    source:
      source.kind === "generated"
        ? { kind: "generated", users: source.params.users, days: source.params.days, seed: source.params.seed, start: source.params.start.toISOString().slice(0, 10) }
        : { kind: "folder" },
    sql: { headline: HEADLINE_SQL },
  }));
}
