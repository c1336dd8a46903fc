/** Data for the Overview page: the headline numbers, the key insights, and what data they were computed on. */
import { type Headline, HEADLINE_SQL, computeHeadline } from "../lib/analysis/headline";
import { computeRetention } from "../lib/retention/computeRetention";
import type { RetentionVariant } from "../lib/retention/types";
import { computeFunnels } from "../lib/analysis/funnels";
import {
  type Insight,
  WINDOW_SHOPPER_SQL,
  funnelLeak,
  interestVersusPurchase,
  retentionSummary,
  segmentDifference,
  windowShoppers,
} from "../lib/analysis/insights";
import { queryRows } from "../lib/db/duckdb";
import type { AnalysisWindow } from "../lib/dataset/window";
import { withWarehouse } from "./warehouse";
import { type OverviewGlance, overviewGlance } from "../lib/pages/overviewGlance";
import { type Post, buildPost, siteUrlFromEnv } from "../lib/share/post";

export interface OverviewData {
  headline: Headline;
  insights: Insight[];
  window: AnalysisWindow;
  source: { kind: "generated"; users: number; days: number; seed: number; start: string } | { kind: "folder" };
  sql: { headline: string; window_shoppers: string };
  /** The row of small charts at the top of the page. */
  glance: OverviewGlance;
  /** The post (dist/share/post.txt is written from this, and the "Copy post" button copies it). */
  post: Post;
}

const DEFAULT_VARIANT: RetentionVariant = { cohort_by: "registration", activity: "any_event", granularity: "month", mode: "on" };

export function overviewData(): Promise<OverviewData> {
  return withWarehouse(async ({ db, dataset, source }) => {
    const connection = db.connection;
    const funnels = await computeFunnels(connection, dataset.window);
    // Only the default variant (metrics.md §3) is quoted here; the Cohorts page computes the others.
    const { retention } = await computeRetention(connection, dataset.window, { variants: [DEFAULT_VARIANT], ltv: [] });
    const defaultRetention = retention[0];
    const [shoppers] = await queryRows<{ window_shoppers: number; active_users: number; median_views: number }>(connection, WINDOW_SHOPPER_SQL);
    const recorded = new Set(
      (await queryRows<{ event_type: string }>(connection, "SELECT DISTINCT event_type FROM events")).map((r) => r.event_type),
    );
    const insights = [
      funnelLeak(funnels.session_funnel.steps, recorded),
      defaultRetention ? retentionSummary(defaultRetention) : null,
      // Window shoppers are defined by product views: data without any has nothing to say about them.
      shoppers && recorded.has("product_view") ? windowShoppers(shoppers.window_shoppers, shoppers.active_users, shoppers.median_views) : null,
      segmentDifference(funnels.session_funnel.breakdowns),
      interestVersusPurchase(funnels.category_funnel),
    ].filter((insight): insight is Insight => insight !== null);
    const headline = await computeHeadline(connection);
    // The folder path of brought data may name a person's home directory: it stays off the site.
    const overviewSource: OverviewData["source"] =
      source.kind === "generated"
        ? { kind: "generated", users: source.params.users, days: source.params.days, seed: source.params.seed, start: source.params.start.toISOString().slice(0, 10) }
        : { kind: "folder" };
    return {
      headline,
      insights,
      window: dataset.window,
      source: overviewSource,
      sql: { headline: HEADLINE_SQL, window_shoppers: WINDOW_SHOPPER_SQL },
      glance: overviewGlance(funnels.session_funnel.steps, defaultRetention?.average ?? []),
      post: buildPost({ headline, insights, window: dataset.window, source: overviewSource, recorded: [...recorded].sort(), siteUrl: siteUrlFromEnv(process.env) }),
    };
  });
}
