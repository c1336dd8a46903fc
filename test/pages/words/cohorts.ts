/** The Cohorts page's words: the lede, and every view's summaries, hatching key, captions and stand-in reasons. */
import { computeCohorts } from "../../../lib/analysis/cohorts.js";
import { stopTracing, traceConnection } from "../../../lib/db/sqlTrace.js";
import { type CohortsPage, PAGE_COHORT_LIMITS, buildCohortsPage } from "../../../lib/pages/cohorts.js";
import { type RichText, plainText } from "../../../lib/pages/richText.js";
import type { DatasetContext, PageWords, Sentence } from "./pageWords.js";

/** Every retention variant and LTV curve with the trace of the SQL that computed them, shared by every page that words them. */
export function sharedCohorts(context: DatasetContext) {
  return context.once("cohorts", async () => {
    const trace = traceConnection(context.connection);
    const cohorts = await computeCohorts(context.connection, context.window, PAGE_COHORT_LIMITS);
    stopTracing(context.connection);
    return { cohorts, trace };
  });
}

const plain = plainText;

export const cohortsWords: PageWords<CohortsPage> = {
  name: "cohorts",
  async build(context) {
    const { cohorts, trace } = await sharedCohorts(context);
    return buildCohortsPage(cohorts, context.coverage, trace);
  },
  sentences(page) {
    const defaults = {
      retention: ["registration/month/on", "first_purchase/month/on", "first_purchase/month/on_or_after"].map((key) => page.retention[key as keyof CohortsPage["retention"]].average),
      ltv: page.ltv["registration/month"].average,
    };
    const out: Sentence[] = page.lede.map((sentence) => ({ text: plain(sentence), parts: defaults }));
    out.push({ text: page.small_print, parts: {}, free: true });
    for (const note of [page.registrations_note ?? "", ...page.notes]) out.push({ text: note, parts: {}, free: true });
    for (const view of Object.values(page.retention)) {
      // Counted independently of the builder: the cohorts and the incomplete cells of the view.
      const { grid } = page.axes[`${view.variant.cohort_by}/${view.variant.granularity}`];
      const counts = { cohorts: new Set(grid.cohort).size, incomplete: grid.complete.filter((c) => !c).length };
      const cells = { grid, cells: view.cells, average: view.average, counts };
      out.push({ text: view.heatmap.summary, parts: cells });
      out.push({ text: view.heatmap.hatch_key, parts: counts });
      out.push({ text: view.curve.summary, parts: view.average });
      out.push({ text: [view.heatmap.title, view.heatmap.alt, view.curve.title, view.curve.alt].join(" "), parts: {} });
      // Captions state the method's constants (z = 1.959964, three cohorts) and the grid's bounds.
      out.push({ text: plain(view.heatmap.caption), parts: { counts, bound: view.bound }, free: true });
      out.push({ text: plain(view.curve.caption), parts: {}, free: true });
      if (view.heatmap.missing) out.push({ text: view.heatmap.missing, parts: {}, free: true });
      for (const p of view.average) out.push({ text: [p.rate_text, p.active_text, p.cohorts_text].join(" "), parts: p });
    }
    for (const ltv of Object.values(page.ltv)) {
      out.push({ text: ltv.card.summary, parts: ltv.average });
      out.push({ text: [ltv.card.title, ltv.card.alt, ltv.card.y_label].join(" "), parts: {} });
      out.push({ text: plain(ltv.card.caption), parts: {}, free: true });
      if (ltv.card.missing) out.push({ text: ltv.card.missing, parts: {}, free: true });
      for (const p of ltv.average) out.push({ text: `${p.curve_text} ${p.value_text}`, parts: p });
    }
    for (const axis of Object.values(page.axes)) out.push({ text: Object.values(axis.cohort_text).join(" "), parts: {}, free: true });
    return out;
  },
};
