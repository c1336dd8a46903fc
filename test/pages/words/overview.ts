/** The Overview's words: its lede, the note on absent events, the KPI cards and the insight cards. */
import { computeFunnels } from "../../../lib/analysis/funnels.js";
import { computeHeadline } from "../../../lib/analysis/headline.js";
import { WINDOW_SHOPPER_SQL } from "../../../lib/analysis/insights.js";
import { queryRows } from "../../../lib/db/duckdb.js";
import { stopTracing, traceConnection } from "../../../lib/db/sqlTrace.js";
import { type OverviewFacts, type OverviewPage, buildOverviewPage } from "../../../lib/pages/overview.js";
import { sharedCohorts } from "./cohorts.js";
import type { DatasetContext, PageWords } from "./pageWords.js";

/** The session and user funnels with their trace, shared by every page that words them. */
export function sharedFunnels(context: DatasetContext) {
  return context.once("funnels", async () => {
    const trace = traceConnection(context.connection);
    const funnels = await computeFunnels(context.connection, context.window);
    stopTracing(context.connection);
    return { funnels, trace };
  });
}

/** The Overview page and the retention variant it quotes, shared by the pages that read them (the post, the cards). */
export function sharedOverview(context: DatasetContext) {
  return context.once("overview", async () => {
    const { connection, window } = context;
    const { funnels } = await sharedFunnels(context);
    // The retention the Cohorts page words too, computed once per dataset.
    const { cohorts } = await sharedCohorts(context);
    const trace = traceConnection(connection);
    const headline = await computeHeadline(connection);
    const [shoppers] = await queryRows<{ window_shoppers: number; active_users: number; median_views: number }>(connection, WINDOW_SHOPPER_SQL);
    trace.record("overview.window_shoppers", WINDOW_SHOPPER_SQL);
    stopTracing(connection);
    const facts: OverviewFacts = {
      window,
      headline,
      shoppers: shoppers ?? null,
      coverage: context.coverage,
      totals: { read: context.data.events.length, loaded: context.data.events.length, set_aside: 0 },
      source: { kind: "folder" },
    };
    return { page: buildOverviewPage(facts, funnels, cohorts, trace), retention: cohorts.retention };
  });
}

export const overviewWords: PageWords<OverviewPage> = {
  name: "overview",
  async build(context) {
    return (await sharedOverview(context)).page;
  },
  sentences(page) {
    return [
      { text: page.lede, parts: page.headline },
      { text: page.absent, parts: {} },
      ...page.kpis.map((k) => ({ text: [k.value, k.interval ?? "", k.caption].join(" "), parts: page.headline, free: true })),
      ...page.insights.map((card) => ({ text: card.sentence, parts: card.insight })),
    ];
  },
};
