/**
 * The Funnel page's words: the lede and its findings, and for every unit, trend granularity, breakdown
 * and shown category the cards' captions, summaries, findings and missing-data explanations. Reads the
 * session, user and category funnels the Overview's words share (sharedFunnels); only the products query
 * is its own.
 */
import { queryRows } from "../../../lib/db/duckdb.js";
import { SqlTrace } from "../../../lib/db/sqlTrace.js";
import { type ProductQueryRow, productInterestSql } from "../../../lib/funnel/productInterest.js";
import { type FunnelPage, buildFunnelPage } from "../../../lib/pages/funnel.js";
import { type RichText, plainText } from "../../../lib/pages/richText.js";
import { sharedFunnels } from "./overview.js";
import type { PageWords, Sentence } from "./pageWords.js";

const plain = (parts: RichText | null) => plainText(parts ?? []);

export const funnelWords: PageWords<FunnelPage> = {
  name: "funnel",
  async build(context) {
    const { funnels, trace } = await sharedFunnels(context);
    const sql = productInterestSql(context.window);
    const products = await queryRows<ProductQueryRow>(context.connection, sql);
    const pageTrace = new SqlTrace([...trace.statements, { name: "funnel.products", sql }]);
    return buildFunnelPage({ funnels, products, configured: null, coverage: context.coverage }, pageTrace);
  },
  // Parts hold only the numbers each text speaks of: the numbers check spells every pair of them, so a
  // whole table as parts would cost seconds per dataset.
  sentences(page) {
    // Names are data, not counts: a category "C12", or an age band "Aged 18–24" is
    // quoted for the numbers check (which skips quoted names), longest first so no name splits another.
    const names = [
      ...page.category_funnel.map((c) => c.category),
      ...page.products.rows.flatMap((r) => [r.product_name, r.product_id]),
      ...Object.values(page.units).flatMap((u) => Object.values(u.breakdowns).flatMap((b) => b.rows.map((r) => r.label))),
    ]
      .filter((n) => /\d/.test(n))
      .sort((a, b) => b.length - a.length);
    const quoteNames = (text: string) => names.reduce((t, n) => t.split(n).join(`“${n.replace(/\d/g, "#")}”`), text);
    const out: Sentence[] = [
      { text: plain(page.lede), parts: [page.session_funnel.steps, page.session_funnel.steps.map((s) => s.ci_low)] },
      { text: plain(page.user_lede), parts: [page.user_funnel.steps, page.user_funnel.window_days] },
      { text: page.segment_sentence?.text ?? "", parts: page.session_funnel.breakdowns },
      { text: plain(page.category_sentence), parts: page.categories.interest.rows },
      { text: page.small_print, parts: {}, free: true },
      { text: page.fit_note ?? "", parts: {}, free: true },
    ];
    const card = (c: { title: string; caption: RichText; alt: string; summary: string; missing: string | null }, parts: unknown, summaryFree = false) => {
      out.push({ text: `${c.title} ${plain(c.caption)} ${c.alt} ${c.missing ?? ""}`, parts: {}, free: true });
      out.push({ text: c.summary, parts, free: summaryFree });
    };
    for (const unit of ["session", "user"] as const) {
      const view = page.units[unit];
      const f = unit === "session" ? page.session_funnel : page.user_funnel;
      card(view.steps, f.steps);
      for (const bar of view.steps.bars) out.push({ text: `${bar.lines_wide}\n${bar.lines_narrow}`, parts: [f.steps, bar.share, 100] });
      // Durations print seconds as minutes, hours or days: the numbers are not spellings of the parts.
      card(view.time, f.time_to_convert, true);
      for (const panel of view.time.panels) out.push({ text: `${panel.title}${panel.subtitle} ${panel.quartiles}`, parts: {}, free: true });
      // Periods ("2025-03") are names, not counts.
      for (const granularity of ["month", "week"] as const) card(view.trend[granularity], f.trend[granularity], true);
      for (const b of Object.values(view.breakdowns)) {
        const breakdown = f.breakdowns.find((x) => x.attribute === b.attribute)!;
        const values = breakdown.values.map((v) => [v.rate, v.ci_low, v.ci_high, v.units]);
        const comparisons = [breakdown.comparisons.length, breakdown.comparisons.filter((c) => c.significant).length];
        card(b, [values, breakdown.chi_squared]);
        out.push({ text: [plain(b.findings.lead), ...b.findings.claims.map((c) => c.text), b.findings.more ?? ""].join(" "), parts: [values, breakdown.chi_squared, comparisons] });
        for (const row of b.rows) out.push({ text: `${row.end_label} ${row.tip_rate} ${row.tip_counts} ${row.tip_letters}`, parts: [breakdown, f.steps], free: true });
      }
      if (view.breakdown_missing) out.push({ text: view.breakdown_missing.reason, parts: {}, free: true });
    }
    for (const [name, c] of Object.entries(page.categories.steps)) card(c, page.category_funnel.find((x) => x.category === name)?.steps);
    card(page.categories.interest, page.categories.interest.rows.map((r) => [r.view_share, r.buying_share, r.conversion]));
    for (const row of page.categories.interest.rows) out.push({ text: `${row.tip_viewed} ${row.tip_bought} ${row.tip_conversion}`, parts: row });
    const points = page.product_card.points;
    card(page.product_card, [
      page.products.top,
      points.map((p) => [p.viewing_sessions, p.buying_sessions]),
      ["Top by views only", "Top by purchases only"].map((g) => points.filter((p) => p.group === g).length),
    ]);
    for (const p of page.product_card.points) out.push({ text: `${p.tip_viewed} ${p.tip_bought}`, parts: [p.viewing_sessions, p.buying_sessions, p.view_rank, p.purchase_rank] });
    return out.filter((s) => s.text.trim() !== "").map((s) => ({ ...s, text: quoteNames(s.text) }));
  },
};
