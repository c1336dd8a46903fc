/**
 * The Segments page's words (lib/pages/segments.ts) on a small segmentation of each shaped dataset: the
 * real engine (computeSegments) with a narrow search (k from 2 to 4, two starts, two resamples, a small
 * map sample), so the page is worded from real clusters, names and evidence while the property test stays
 * fast. The lede, the cards, the agreement paragraph and every chart's summary are checked against the
 * typed parts they were built from; captions, KPI cards and alternatives are checked for leaks and plurals.
 */
import { computeSegments } from "../../../lib/analysis/segments.js";
import { stopTracing, traceConnection } from "../../../lib/db/sqlTrace.js";
import { type SegmentsPage, buildSegmentsPage } from "../../../lib/pages/segments.js";
import { type RichText, plainText } from "../../../lib/pages/richText.js";
import type { PageWords, Sentence } from "./pageWords.js";

const plain = plainText;

/** The search is narrow on purpose: the words, not K-means, are under test here. */
const SMALL = { kMin: 2, kMax: 4, restarts: 2, stabilityResamples: 2, pcaSampleSize: 50, sampleSize: 500, fitSampleSize: 500, refineIterations: 5 };

export const segmentsWords: PageWords<SegmentsPage> = {
  name: "segments",
  async build(context) {
    const { connection, window, seed } = context;
    const trace = traceConnection(connection);
    const { summary } = await computeSegments(connection, window, { ...SMALL, seed });
    stopTracing(connection);
    return buildSegmentsPage(summary, trace, context.coverage);
  },
  sentences(page) {
    // Each sentence's parts are the few numbers it was built from: the check pairs every two of them.
    const sizes = page.clusters.map((c) => ({ size: c.size, share: c.share, revenue_share: c.revenue_share, revenue_per_user: c.revenue_per_user }));
    const facts = {
      n_users: page.n_users,
      k: page.k,
      sizes,
      views: page.clusters.map((c) => [c.profile.product_views, c.spread.product_views.median, c.buyer_share.rate]),
      population: [page.population.revenue_per_user, page.population.spread.product_views.median],
    };
    const named = (rows: { category: string; share: number | null; lift: number | null }[], text: string) =>
      rows.filter((r) => text.includes(`“${r.category}”`)).map((r) => ({ share: r.share, lift: r.lift }));
    const charts = [page.revenue, page.profile, ...Object.values(page.feature.by), ...Object.values(page.map.by), page.categories.by.views, page.categories.by.purchases, page.k_chart, ...(page.planted ? [page.planted] : [])];
    const { views, purchases } = page.categories.by;
    const sentences: Sentence[] = [
      { text: plain(page.lede), parts: facts },
      ...page.cards.map((card) => {
        const c = page.clusters.find((x) => x.cluster === card.cluster)!;
        const rates = [c.session_conversion, c.buyer_share, c.cart_abandonment, c.window_shoppers];
        return {
          text: [plain(card.size), ...card.rates.map((r) => `${r.term}: ${r.value} ${r.count}`)].join(" "),
          parts: [c.size, c.share, c.revenue_share, c.revenue_per_user, rates, page.window_shopper_min_views],
        };
      }),
      {
        text: plain(page.agreement),
        parts: [page.ari_vs_planted, page.k, page.stability.fitted, page.stability.resample_size, page.stability.mean_ari, page.stability.min_ari, (page.planted?.rows ?? []).map((r) => r.share_of_planted)],
      },
      { text: page.revenue.summary, parts: sizes.map((s) => [s.share, s.revenue_share]) },
      { text: views.summary, parts: named(views.rows, views.summary) },
      { text: purchases.summary, parts: named(purchases.rows, purchases.summary) },
      { text: page.k_chart.summary, parts: page.k_selection },
      ...Object.values(page.feature.by).map((chart) => ({ text: chart.summary, parts: chart.rows.map(({ users, mean, sd, q1, median, q3 }) => ({ users, mean, sd, q1, median, q3 })) })),
      ...page.data_notes.map((note) => ({ text: note, parts: {}, free: true })),
      ...page.kpis.map((k) => ({ text: `${k.label} ${k.value} ${k.caption}`, parts: page, free: true })),
      ...charts.map((chart) => ({ text: `${chart.title} ${plain(chart.caption)} ${chart.alt}`, parts: page, free: true })),
      { text: plain(page.method_text), parts: page, free: true },
    ];
    if (page.single) sentences.push({ text: page.single, parts: { n_users: page.n_users }, free: true });
    return sentences.filter((s) => s.text.trim() !== "");
  },
};
