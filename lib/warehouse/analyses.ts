/**
 * The build's analyses, each computed once and shared by every loader that needs it (sharedAnalysis):
 * the Funnel page and the Overview read one funnel result, the Cohorts page and the Overview one
 * retention result. The CLI (lib/cli/analyze.ts) calls the same engines.
 */
import type { Plain } from "../db/duckdb";
import { queryTraced } from "../db/sqlTrace";
import { computeCohorts } from "../analysis/cohorts";
import { computeFunnels } from "../analysis/funnels";
import { computeHeadline } from "../analysis/headline";
import { WINDOW_SHOPPER_SQL } from "../analysis/insights";
import { computeSegments } from "../analysis/segments";
import { type ProductQueryRow, productInterestSql } from "../funnel/productInterest";
import { sharedAnalysis } from "./sharedAnalysis";
import type { DataSource } from "./warehouse";

/** The seed of the published segmentation (the CLI's default too). */
export const SEGMENTS_SEED = 42;

export const funnelAnalysis = (source?: DataSource) =>
  sharedAnalysis(
    "funnel",
    async ({ db, dataset }) => ({
      funnels: await computeFunnels(db.connection, dataset.window),
      products: await queryTraced<ProductQueryRow & Record<string, Plain>>(db.connection, "funnel.products", productInterestSql(dataset.window)),
    }),
    source,
  );

export const cohortsAnalysis = (source?: DataSource) =>
  sharedAnalysis("cohorts", ({ db, dataset }) => computeCohorts(db.connection, dataset.window), source);

export const segmentsAnalysis = (source?: DataSource) =>
  sharedAnalysis("segments", async ({ db, dataset }) => (await computeSegments(db.connection, dataset.window, { seed: SEGMENTS_SEED })).summary, source);

/** What only the Overview asks: the headline numbers, window shoppers, which event types were recorded. */
export const overviewAnalysis = (source?: DataSource) =>
  sharedAnalysis(
    "overview",
    async ({ db, dataset, source: from }) => {
      const connection = db.connection;
      const [shoppers] = await queryTraced<{ window_shoppers: number; active_users: number; median_views: number }>(
        connection,
        "overview.window_shoppers",
        WINDOW_SHOPPER_SQL,
      );
      const types = await queryTraced<{ event_type: string }>(connection, "overview.event_types", "SELECT DISTINCT event_type FROM events ORDER BY event_type");
      return {
        window: dataset.window,
        headline: await computeHeadline(connection),
        shoppers: shoppers ?? null,
        recorded_event_types: types.map((r) => r.event_type),
        // The folder path of brought data may name a person's home directory: it stays off the site.
        source:
          from.kind === "generated"
            ? { kind: "generated" as const, users: from.params.users, days: from.params.days, seed: from.params.seed, start: from.params.start.toISOString().slice(0, 10) }
            : { kind: "folder" as const },
      };
    },
    source,
  );
