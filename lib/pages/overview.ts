/**
 * The Overview page's data: the headline numbers, the key insights, and what data they were computed
 * on. It reads the funnel and retention results the Funnel and Cohorts pages read (shared analyses),
 * never computing them again.
 */
import type { CohortsOutput } from "../analysis/cohorts";
import type { FunnelOutput } from "../analysis/funnels";
import type { Headline } from "../analysis/headline";
import {
  type Insight,
  funnelLeak,
  interestVersusPurchase,
  retentionSummary,
  segmentDifference,
  windowShoppers,
} from "../analysis/insights";
import type { AnalysisWindow } from "../dataset/window";
import type { SqlTrace } from "../db/sqlTrace";
import type { RetentionVariant } from "../retention/types";

export interface OverviewData {
  headline: Headline;
  insights: Insight[];
  window: AnalysisWindow;
  source: { kind: "generated"; users: number; days: number; seed: number; start: string } | { kind: "folder" };
  sql: { headline: string; window_shoppers: string };
}

/** What the Overview computes itself (lib/warehouse/analyses.ts, overviewAnalysis). */
export interface OverviewFacts {
  window: AnalysisWindow;
  headline: Headline;
  shoppers: { window_shoppers: number; active_users: number; median_views: number } | null;
  recorded_event_types: string[];
  source: OverviewData["source"];
}

/** The variant the Overview quotes (metrics.md §3's default). */
const DEFAULT_VARIANT: RetentionVariant = { cohort_by: "registration", activity: "any_event", granularity: "month", mode: "on" };

const sameVariant = (a: RetentionVariant, b: RetentionVariant) =>
  a.cohort_by === b.cohort_by && a.activity === b.activity && a.granularity === b.granularity && a.mode === b.mode;

export function buildOverviewPage(facts: OverviewFacts, funnels: FunnelOutput, cohorts: CohortsOutput, trace: SqlTrace): OverviewData {
  const recorded = new Set(facts.recorded_event_types);
  const defaultRetention = cohorts.retention.find((variant) => sameVariant(variant, DEFAULT_VARIANT));
  const { shoppers } = facts;
  const insights = [
    funnelLeak(funnels.session_funnel.steps, recorded),
    defaultRetention ? retentionSummary(defaultRetention) : null,
    // Window shoppers are defined by product views: data without any has nothing to say about them.
    shoppers && recorded.has("product_view") ? windowShoppers(shoppers.window_shoppers, shoppers.active_users, shoppers.median_views) : null,
    segmentDifference(funnels.session_funnel.breakdowns),
    interestVersusPurchase(funnels.category_funnel),
  ].filter((insight): insight is Insight => insight !== null);
  return {
    headline: facts.headline,
    insights,
    window: facts.window,
    source: facts.source,
    sql: { headline: trace.sql("overview.headline").replace(/;$/, ""), window_shoppers: trace.sql("overview.window_shoppers").replace(/;$/, "") },
  };
}
