/**
 * The Overview page: everything data-driven it shows, built at build time under one type, OverviewPage.
 * The headline numbers and insights it words are the typed parts each sentence is built from; the
 * browser only places the text (src/index.md, src/components/insightSentence.ts, bigNumber.ts).
 *
 * It reads the funnel and retention results the Funnel and Cohorts pages read (shared analyses), never
 * computing them again.
 */
import type { CohortsOutput, RetentionOutput } from "../analysis/cohorts";
import type { CoverageData } from "../analysis/coverage";
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
import { countOf, formatInteger, formatInterval, formatList, formatMoney, formatPercent, formatSpan, plural, quoted, calendarMinute, windowText } from "../format";
import type { RetentionVariant } from "../retention/types";
import { type Post, buildPost } from "../share/post";
import { type OverviewGlance, overviewGlance } from "./overviewGlance";

/** What the Overview computes itself (lib/warehouse/analyses.ts, overviewAnalysis). */
export interface OverviewFacts {
  window: AnalysisWindow;
  headline: Headline;
  shoppers: { window_shoppers: number; active_users: number; median_views: number } | null;
  coverage: CoverageData;
  /** Rows of the input read, loaded and set aside (brought data). */
  totals: { read: number; loaded: number; set_aside: number };
  source: { kind: "generated"; users: number; days: number; seed: number; start: string } | { kind: "folder" };
}

/** One headline card: every text preformatted. */
export interface KpiCard {
  label: string;
  value: string;
  interval?: string;
  caption: string;
}

/** One key insight as the page shows it: the typed parts (`insight`) and the words built from them. */
export interface InsightCard {
  insight: Insight;
  title: string;
  sentence: string;
  link: string;
  href: string;
}

export interface OverviewPage {
  window: AnalysisWindow;
  headline: Headline;
  /** The lede: what the data is and its first numbers. */
  lede: string;
  /** What the data lacks, and what that means for the charts ("" when nothing is missing). */
  absent: string;
  /** What the data's shape means for its numbers (unpriced purchases, dates only, a funnel that misses buyers). */
  notes: string[];
  kpis: KpiCard[];
  insights: InsightCard[];
  /** Where the data comes from (generated with which seed, or brought and how much was set aside). */
  provenance: string;
  /** The generator's parameters, or only that the data was brought (the Data & methods page reads it). */
  source: OverviewFacts["source"];
  sql: { headline: string; window_shoppers: string };
  /** The row of small charts at the top of the page, and their captions. */
  glance: OverviewGlance;
  glance_captions: { funnel: string; retention: string; segments: string };
  /** The data records purchases only (no views, no carts): conversion and the funnel say nothing. */
  purchases_only: boolean;
  /** The post (dist/share/post.txt is written from this, and the "Copy post" button copies it). */
  post: Post;
  /** What the data holds, as the social cards word it (lib/cli/share.ts reads it from this page's data). */
  coverage: Pick<CoverageData, "events" | "users" | "event_types" | "registrations">;
}

/** The variant the Overview quotes (metrics.md §3's default). */
const DEFAULT_VARIANT: RetentionVariant = { cohort_by: "registration", activity: "any_event", granularity: "month", mode: "on" };

const sameVariant = (a: RetentionVariant, b: RetentionVariant) =>
  a.cohort_by === b.cohort_by && a.activity === b.activity && a.granularity === b.granularity && a.mode === b.mode;

const PAST: Record<string, string> = {
  session_start: "started a session",
  product_view: "viewed a product",
  add_to_cart: "added to cart",
  purchase: "bought",
};
const INFINITIVE: Record<string, string> = {
  session_start: "start a session",
  product_view: "view a product",
  add_to_cart: "add to cart",
  purchase: "buy",
};
const ATTRIBUTE_WORDS: Record<string, string> = { segment: "segment", gender: "gender", age_band: "age band", location: "city" };

const past = (step: string) => PAST[step] ?? `reached ${step}`;
const infinitive = (step: string) => INFINITIVE[step] ?? `reach ${step}`;
const ci = (r: { ci_low: number; ci_high: number }) => formatInterval(r.ci_low, r.ci_high);

/** The words of one insight (lib/analysis/insights.ts decides what may be claimed). */
export function insightCard(insight: Insight, registrations: CoverageData["registrations"]): InsightCard {
  const card = (title: string, sentence: string, link: string, href: string): InsightCard => ({ insight, title, sentence, link, href });
  switch (insight.kind) {
    case "funnel_leak":
      return card(
        "Where the funnel leaks",
        `The biggest drop is between “${past(insight.from)}” and “${past(insight.to)}”: of ${countOf(insight.reached, "session")} that ${past(insight.from)}, ` +
          `${formatPercent(insight.rate.rate)} (${ci(insight.rate)}) went on to ${infinitive(insight.to)}.`,
        "See the funnel",
        "./funnel",
      );
    case "retention": {
      const anchor = registrations === "given" ? "they registered" : "their first visit";
      return card(
        "Who comes back",
        `${formatPercent(insight.first_period.rate)} of users (${ci(insight.first_period)}) came back in the month after ${anchor}` +
          (insight.later_period ? `; ${formatPercent(insight.later_period.rate)} were active in month ${insight.later_period.period}.` : "."),
        "See the cohorts",
        "./cohorts",
      );
    }
    case "segment_difference":
      return card(
        "Who converts",
        `By ${ATTRIBUTE_WORDS[insight.attribute] ?? insight.attribute}, sessions of ${quoted(insight.higher)} convert at ${formatPercent(insight.higher_rate)} ` +
          `against ${formatPercent(insight.lower_rate)} for ${quoted(insight.lower)}, the largest difference that holds after correcting for ${countOf(insight.comparisons, "comparison")}.`,
        "See the breakdowns",
        "./funnel",
      );
    case "no_segment_difference":
      return card(
        "Who converts",
        insight.comparisons === 1
          ? "The one comparison of session conversion between groups of users shows no significant difference."
          : `No difference in session conversion between segments, genders, age bands or cities survives correction for ${countOf(insight.comparisons, "comparison")}.`,
        "See the breakdowns",
        "./funnel",
      );
    case "interest_vs_purchase":
      return card(
        "Interest is not purchase",
        `${quoted(insight.most_viewed)} draws the most browsing (${formatPercent(insight.viewed_share)} of category views), but ${quoted(insight.best_selling)} sells the most (${formatPercent(insight.sold_share)} of buying sessions)` +
          (insight.significant
            ? `: ${formatPercent(insight.sold_conversion)} of its viewing sessions end in a purchase against ${formatPercent(insight.viewed_conversion)}.`
            : `, though their view-to-purchase rates (${formatPercent(insight.sold_conversion)} and ${formatPercent(insight.viewed_conversion)}) do not differ beyond chance.`),
        "See interest versus purchase",
        "./funnel",
      );
    case "window_shoppers":
      return card(
        "Engaged, but never buys",
        `${countOf(insight.users, "active user")} (${formatPercent(insight.share.rate)}, ${ci(insight.share)}) viewed ten or more products and never bought; ` +
          `the typical one (the median) viewed ${countOf(Math.round(insight.median_views), "product")}.`,
        "See the segments",
        "./segments",
      );
  }
}

/** When the data runs: to the minute (and how long) for brought data shorter than two days, else whole days of the data's zone. */
export function spanText(facts: Pick<OverviewFacts, "window" | "coverage">): string {
  const { coverage, window } = facts;
  const zone = coverage.timezone;
  if (coverage.source === "brought" && coverage.first_event && coverage.last_event && coverage.window_hours < 48) {
    const length = formatSpan(Date.parse(coverage.last_event) - Date.parse(coverage.first_event));
    const first = calendarMinute(coverage.first_event, zone);
    const last = calendarMinute(coverage.last_event, zone);
    const sameDay = first.slice(0, 10) === last.slice(0, 10);
    return `${first} to ${sameDay ? last.slice(11) : last} ${zone} (${length})`;
  }
  return windowText(window, zone);
}

function lede(facts: OverviewFacts, recorded: string[], purchasesOnly: boolean): string {
  const h = facts.headline;
  const generated = facts.coverage.source === "generated";
  const span = spanText(facts);
  const people = (n: number) => countOf(n, "person", "people");
  const bought = h.active_users > 0 ? `${people(h.buyers)} (${formatPercent(h.buyers / h.active_users)} of those ${generated ? "who visited at all" : "seen"}) bought something` : "";
  const conversion = h.session_conversion.rate === null ? "" : `${formatPercent(h.session_conversion.rate)} ended in a purchase`;
  const outcome = [conversion, bought].filter(Boolean).join(", and ");
  if (generated) {
    return `This report follows ${countOf(h.users, "registered user")} of an online shop from ${span}: every session, product view, cart and purchase.` +
      (outcome ? ` Of the ${countOf(h.sessions, "session")} they started, ${outcome}.` : "");
  }
  const intro = `This report is built on your data: ${countOf(h.events, "event")} of ${countOf(h.users, "user")} from ${span}`;
  if (purchasesOnly) {
    const spent = h.revenue === null ? "" : `, for ${formatMoney(h.revenue, 2, facts.coverage.currency.symbol)} in all`;
    return `${intro}. It records ${formatList(recorded)} only, so every one of its ${countOf(h.sessions, "session")} holds a purchase: ${people(h.buyers)} bought something${spent}.`;
  }
  return `${intro}${recorded.length > 0 ? `, with ${formatList(recorded)}` : ""}.` + (outcome ? ` Of the ${countOf(h.sessions, "session")}, ${outcome}.` : "");
}

function kpis(facts: OverviewFacts, purchasesOnly: boolean): KpiCard[] {
  const h = facts.headline;
  const c = h.session_conversion;
  const usersCaption =
    facts.coverage.source === "generated" || facts.coverage.registrations === "given"
      ? `${formatInteger(h.active_users)} with at least one event`
      : "every user id seen in the events";
  return [
    { label: "Users", value: formatInteger(h.users), caption: usersCaption },
    { label: "Sessions", value: formatInteger(h.sessions), caption: `${countOf(h.events, "event")} over ${countOf(h.products, "product")}` },
    { label: "Buyers", value: formatInteger(h.buyers), caption: `${countOf(h.purchases, "purchase event")}` },
    h.revenue === null
      ? { label: "Revenue", value: "—", caption: "not measurable: no purchase has a price" }
      : {
          label: "Revenue",
          value: formatMoney(h.revenue, 2, facts.coverage.currency.symbol),
          caption:
            h.revenue_coverage.unpriced_purchases > 0
              ? `price × quantity over the ${countOf(h.revenue_coverage.priced_purchases, "priced purchase")}`
              : "price × quantity over purchase events",
        },
    purchasesOnly || c.rate === null
      ? { label: "Session conversion", value: "—", caption: purchasesOnly ? "not measurable: the data records purchases only" : "no sessions" }
      : { label: "Session conversion", value: formatPercent(c.rate), interval: `95% CI ${formatPercent(c.ci_low)}–${formatPercent(c.ci_high)}`, caption: "sessions with a purchase ÷ sessions" },
  ];
}

function provenance(facts: OverviewFacts): string {
  const { source, coverage, totals } = facts;
  if (source.kind === "generated") {
    return `The data is synthetic: ${countOf(source.users, "user")} over ${countOf(source.days, "day")} from ${source.start}, seed ${source.seed}, generated at build time. The same seed always gives the same data, to the byte.`;
  }
  const how = coverage.preset ? ` (read through the ${coverage.preset} preset)` : coverage.schema === "mapping" ? " (read through a column mapping)" : "";
  return `The data is your own${how}: ${countOf(totals.read, "row")} read, ${formatInteger(totals.loaded)} loaded and ${formatInteger(totals.set_aside)} set aside; the Data & methods page says why. The window is the calendar days (${facts.coverage.timezone}) its events span.`;
}

/** `siteUrl`: the published site's address (EVENT_KIT_SITE_URL), which the post links to; null when unknown. */
export function buildOverviewPage(
  facts: OverviewFacts,
  funnels: FunnelOutput,
  cohorts: { retention: readonly RetentionOutput[] },
  trace: SqlTrace,
  siteUrl: string | null = null,
): OverviewPage {
  const types = facts.coverage.event_types;
  const recordedTypes = new Set(Object.entries(types).filter(([, n]) => n > 0).map(([type]) => type));
  const defaultRetention = cohorts.retention.find((variant) => sameVariant(variant, DEFAULT_VARIANT));
  const { shoppers } = facts;
  const insights = [
    // A funnel that misses most buyers (they buy without carting) has no leak worth a headline: the notes say why.
    facts.coverage.funnel_fit.misfit ? null : funnelLeak(funnels.session_funnel.steps, recordedTypes),
    defaultRetention ? retentionSummary(defaultRetention) : null,
    // Window shoppers are defined by product views: data without any has nothing to say about them.
    shoppers && types.product_view > 0 ? windowShoppers(shoppers.window_shoppers, shoppers.active_users, shoppers.median_views) : null,
    segmentDifference(funnels.session_funnel.breakdowns),
    interestVersusPurchase(funnels.category_funnel),
  ].filter((insight): insight is Insight => insight !== null);
  const anchor = facts.coverage.registrations === "given" ? "registering" : "their first visit";

  const recorded = [
    types.session_start > 0 ? "session starts" : null,
    types.product_view > 0 ? "product views" : null,
    types.add_to_cart > 0 ? "carts" : null,
    types.purchase > 0 ? "purchases" : null,
  ].filter((x): x is string => x !== null);
  const missing = [
    types.product_view === 0 ? "product views" : null,
    types.add_to_cart === 0 ? "carts" : null,
    facts.coverage.registrations === "first_event" ? "registrations" : null,
  ].filter((x): x is string => x !== null);
  const purchasesOnly = types.product_view === 0 && types.add_to_cart === 0 && types.purchase > 0;
  return {
    window: facts.window,
    headline: facts.headline,
    lede: lede(facts, recorded, purchasesOnly),
    absent:
      facts.coverage.source === "brought" && missing.length > 0
        ? `The data has no ${formatList(missing)}; charts that need ${plural("it", missing.length, "them")} are replaced by a short explanation on their page.`
        : "",
    notes: facts.coverage.notes,
    kpis: kpis(facts, purchasesOnly),
    insights: insights.map((insight) => insightCard(insight, facts.coverage.registrations)),
    provenance: provenance(facts),
    source: facts.source,
    glance: overviewGlance(funnels.session_funnel.steps, defaultRetention?.average ?? []),
    glance_captions: {
      funnel: "Share of sessions that reach each step of the funnel.",
      retention: `Share of users active n months after ${anchor} (average over cohorts, 95% band).`,
      segments: "Each segment's share of active users (ring) and of revenue (dot).",
    },
    purchases_only: purchasesOnly,
    coverage: { events: facts.coverage.events, users: facts.coverage.users, event_types: facts.coverage.event_types, registrations: facts.coverage.registrations },
    post: buildPost({ headline: facts.headline, insights, window: facts.window, source: facts.source, recorded: [...recordedTypes].sort(), siteUrl, currencySymbol: facts.coverage.currency.symbol, registrations: facts.coverage.registrations }),
    sql: { headline: trace.sql("overview.headline").replace(/;$/, ""), window_shoppers: trace.sql("overview.window_shoppers").replace(/;$/, "") },
  };
}
