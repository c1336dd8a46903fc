/**
 * The Segments page's words (lib/pages/segments.ts) on a small segmentation of each shaped dataset: the
 * real engine (computeSegments) with a narrow search (k from 2 to 4, two starts, two resamples, a small
 * map sample), so the page is worded from real clusters, names and evidence while the property test stays
 * fast. The lede, the cards, the agreement paragraph and every chart's summary are checked against the
 * typed parts they were built from; captions, KPI cards and alternatives are checked for leaks and plurals.
 */
import { computeSegments } from "../../../lib/analysis/segments.js";
import { stopTracing, traceConnection } from "../../../lib/db/sqlTrace.js";
import { type Rich, type SegmentsPage, buildSegmentsPage } from "../../../lib/pages/segments.js";
import type { PageWords, Sentence } from "./pageWords.js";

const plain = (parts: Rich) => parts.map((p) => (typeof p === "string" ? p : "strong" in p ? p.strong : p.em)).join("");

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
    const facts = { n_users: page.n_users, k: page.k, clusters: page.clusters, population: page.population };
    const charts = [page.revenue, page.profile, ...Object.values(page.feature.by), ...Object.values(page.map.by), page.categories.by.views, page.categories.by.purchases, page.k_chart, ...(page.planted ? [page.planted] : [])];
    const sentences: Sentence[] = [
      { text: plain(page.lede), parts: facts },
      ...page.cards.map((card) => ({
        text: [plain(card.size), ...card.rates.map((r) => `${r.term}: ${r.value} ${r.count}`)].join(" "),
        parts: [page.clusters.find((c) => c.cluster === card.cluster), page.window_shopper_min_views],
      })),
      { text: plain(page.agreement), parts: { ari: page.ari_vs_planted, stability: page.stability, k: page.k, cells: page.planted?.rows ?? [] } },
      { text: page.revenue.summary, parts: page.clusters },
      { text: page.categories.by.views.summary, parts: page.categories.by.views.rows },
      { text: page.categories.by.purchases.summary, parts: page.categories.by.purchases.rows },
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
