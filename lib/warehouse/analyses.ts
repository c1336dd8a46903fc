/**
 * The build's analyses, each computed once and shared by every loader that needs it (sharedAnalysis):
 * the Funnel page and the Overview read one funnel result, the Cohorts page and the Overview one
 * retention result. The CLI (lib/cli/analyze.ts) calls the same engines.
 */
import type { Plain } from "../db/duckdb";
import { queryTraced } from "../db/sqlTrace";
import { computeCohorts } from "../analysis/cohorts";
import { measureCoverage } from "../analysis/coverage";
import { type DataProfile, measureDataProfile } from "../analysis/dataProfile";
import { computeFunnels } from "../analysis/funnels";
import { computeHeadline } from "../analysis/headline";
import type { ValidationReport } from "../ingest/validationReport";
import { WINDOW_SHOPPER_SQL } from "../analysis/insights";
import { computeSegments } from "../analysis/segments";
import { type ProductQueryRow, productInterestSql } from "../funnel/productInterest";
import { PAGE_COHORT_LIMITS } from "../pages/cohorts";
import { type RealismCheck, measureRealism } from "../realism/realismChecks";
import type { OverviewFacts } from "../pages/overview";
import { sharedAnalysis } from "./sharedAnalysis";
import { windowTimezone } from "../dataset/window";
import type { DataSource } from "./warehouse";

/** The seed of the published segmentation (the CLI's default too). */
export const SEGMENTS_SEED = 42;

export const funnelAnalysis = (source?: DataSource) =>
  sharedAnalysis(
    "funnel",
    async ({ db, dataset }) => ({
      funnels: await computeFunnels(db.connection, dataset.window, dataset.funnel ?? null),
      configured: dataset.funnel ?? null,
      products: await queryTraced<ProductQueryRow & Record<string, Plain>>(db.connection, "funnel.products", productInterestSql(dataset.window)),
    }),
    source,
  );

export const cohortsAnalysis = (source?: DataSource) =>
  sharedAnalysis("cohorts", ({ db, dataset }) => computeCohorts(db.connection, dataset.window, PAGE_COHORT_LIMITS), source);

/**
 * The published segmentation: its summary (the Segments page) and each user's cluster, as columns (the
 * predictions page groups customers by it), so K-means runs once per build.
 */
export const segmentsAnalysis = (source?: DataSource) =>
  sharedAnalysis(
    "segments",
    async ({ db, dataset }) => {
      const { summary, users } = await computeSegments(db.connection, dataset.window, { seed: SEGMENTS_SEED });
      return { summary, assignment: { user_ids: users.userIds, clusters: Array.from(users.clusters) } };
    },
    source,
  );

/** What only the Overview asks: the headline numbers, window shoppers, what the data holds. */
export const overviewAnalysis = (source?: DataSource) =>
  sharedAnalysis(
    "overview",
    async (warehouse): Promise<OverviewFacts> => {
      const { db, dataset, source: from } = warehouse;
      const [shoppers] = await queryTraced<{ window_shoppers: number; active_users: number; median_views: number }>(
        db.connection,
        "overview.window_shoppers",
        WINDOW_SHOPPER_SQL,
      );
      return {
        window: dataset.window,
        headline: await computeHeadline(db.connection),
        shoppers: shoppers ?? null,
        coverage: await measureCoverage(warehouse),
        totals: dataset.validation.totals,
        // The folder path of brought data may name a person's home directory: it stays off the site.
        source:
          from.kind === "generated"
            ? { kind: "generated", users: from.params.users, days: from.params.days, seed: from.params.seed, start: from.params.start.toISOString().slice(0, 10) }
            : { kind: "folder" },
      };
    },
    source,
  );

/**
 * What only the Data & methods page asks: the realism checks on generated data (their targets describe
 * the generator), a profile of the data itself on brought data. The validation report comes with the
 * dataset; the rest the page reads from the Overview's analysis.
 */
export const dataMethodsAnalysis = (source?: DataSource) =>
  sharedAnalysis(
    "data-methods",
    async (warehouse): Promise<{ realism: RealismCheck[] | null; profile: DataProfile | null; validation: ValidationReport }> => {
      const { db, dataset, source: from } = warehouse;
      const generated = from.kind === "generated";
      return {
        realism: generated ? await measureRealism(db.connection, dataset.window) : null,
        // Calendar days of the zone the data is analysed in.
        profile: generated ? null : await measureDataProfile(db.connection, windowTimezone(dataset.window)),
        validation: dataset.validation,
      };
    },
    source,
  );
