/**
 * Each page's card and share tags, from the data the build computed for that page: its headline
 * number, a one-sentence description, and the key chart. A page this module does not know (one added
 * later) still gets a card, with its title alone, so every page carries the tags.
 */
import type { CoverageData } from "../analysis/coverage";
import type { FunnelStep } from "../funnel/types";
import type { OverviewPage } from "../pages/overview";
import type { PredictionsPage } from "../pages/predictions";
import type { ViewKey } from "../pages/cohorts";
import type { AverageRetentionPoint } from "../retention/types";
import type { SegmentCluster } from "../segments/types";
import { drawableOrEmpty } from "./cardFont";
import { CARD_CHART, type CardContent } from "./cardSvg";
import { countBars } from "./charts/countBars";
import { funnelBars } from "./charts/funnelBars";
import { retentionLine } from "./charts/retentionLine";
import { shareDots } from "./charts/shareDots";
import { findingText, retentionAnchor } from "./findingText";
import { countOf, formatInteger, formatPart, plural, shortName, windowDays, windowText } from "../format";
import { windowTimezone } from "../dataset/window";

/** What the cards read of the build's data files (a subset of each page's data). */
export interface CardSources {
  overview: Pick<OverviewPage, "headline" | "insights" | "window" | "glance" | "post">;
  funnel: { session_funnel: { steps: Pick<FunnelStep, "step" | "count">[] } };
  /** The Cohorts page's views by key (lib/pages/cohorts.ts); the cards read the default one's average. */
  cohorts: { retention: Partial<Record<ViewKey, { average: AverageRetentionPoint[] }>> };
  segments: { k: number; n_users: number; clusters: Pick<SegmentCluster, "name" | "share" | "revenue_share">[] };
  coverage: { events: number; users: number; event_types: Record<string, number>; registrations?: CoverageData["registrations"] };
  /** The "Who will come back?" page's data; absent from a site built without that page. */
  predictions?: Pick<PredictionsPage, "fitted" | "reason" | "kpis">;
}

export interface PageCard {
  /** The page's path as Framework names it: "/" or "/cohorts". */
  path: string;
  /** The card's file name in share/, e.g. "cohorts.png". */
  file: string;
  title: string;
  description: string;
  alt: string;
  content: CardContent;
}

const STEP_LABELS: Record<string, string> = { session_start: "Session", product_view: "Product view", add_to_cart: "Add to cart", purchase: "Purchase", session_end: "Session end" };
const stepLabel = (step: string) => STEP_LABELS[step] ?? drawableOrEmpty(shortName(step, 16));
const SITE = "Event Story Kit";

export function cardFile(path: string): string {
  const slug = path.replace(/^\/|\/$/g, "").replace(/\//g, "-");
  return `${slug || "index"}.png`;
}

interface PageFacts {
  number: string;
  numberLabel: string;
  description: string;
  chart: string;
  chartAlt: string;
}

function overviewFacts({ overview, coverage }: CardSources): PageFacts {
  const { headline } = overview;
  const purchasesOnly = !(coverage.event_types.product_view ?? 0) && !(coverage.event_types.add_to_cart ?? 0);
  const conversion = headline.session_conversion.rate;
  const bars = overview.glance.funnel.map((s) => ({ label: stepLabel(s.step), share: s.share_of_first }));
  return {
    number: !purchasesOnly && conversion !== null ? formatPart(conversion) : formatInteger(headline.buyers),
    numberLabel:
      !purchasesOnly && conversion !== null
        ? `of ${countOf(headline.sessions, "session")} ended in a purchase`
        : `${headline.buyers === 1 ? "person" : "people"} bought something`,
    description: overview.post.lead,
    chart: bars.length > 1 ? funnelBars(bars, CARD_CHART) : "",
    chartAlt: bars.length > 1 ? `a bar chart of the sessions reaching each step, ${bars.map((b) => `${b.label || "a step"} ${formatPart(b.share)}`).join(", ")}` : "",
  };
}

function funnelFacts({ funnel, overview }: CardSources): PageFacts {
  const steps = funnel.session_funnel.steps;
  const first = steps[0]?.count ?? 0;
  const last = steps.at(-1);
  const leak = overview.insights.map((card) => card.insight).find((i) => i.kind === "funnel_leak");
  const bars = first > 0 ? steps.map((s) => ({ label: stepLabel(s.step), share: s.count / first })) : [];
  return {
    number: last && first > 0 ? formatPart(last.count / first) : "",
    numberLabel: last && first > 0 ? `of ${countOf(first, "session")} reach the last step, ${stepLabel(last.step).toLowerCase() || "the last one"}` : "",
    description: (leak && findingText(leak)) ?? `The session funnel of ${countOf(first, "session")}, step by step.`,
    chart: bars.length > 1 ? funnelBars(bars, CARD_CHART) : "",
    chartAlt: bars.length > 1 ? `a bar chart of the sessions reaching each step, ${bars.map((b) => `${b.label || "a step"} ${formatPart(b.share)}`).join(", ")}` : "",
  };
}

function cohortsFacts({ cohorts, overview, coverage }: CardSources): PageFacts {
  // The default variant (metrics.md §3), the one the Overview quotes.
  const variant = cohorts.retention["registration/month/on"];
  const points = (variant?.average ?? []).filter((p) => p.period >= 1 && p.period <= 12 && p.cohorts >= 1);
  const first = points.find((p) => p.period === 1);
  const retention = overview.insights.map((card) => card.insight).find((i) => i.kind === "retention");
  return {
    number: first ? formatPart(first.rate) : "",
    numberLabel: first ? `of users came back in the month after ${retentionAnchor(coverage.registrations)}` : "",
    description: (retention && findingText(retention, coverage.registrations)) ?? (coverage.registrations === "first_event" ? "Retention by cohort of first visit." : "Retention by registration cohort."),
    chart: points.length > 1 ? retentionLine(points, { ...CARD_CHART, unit: "Month" }) : "",
    chartAlt: points.length > 1 ? `a line chart of the share of users active by month since ${coverage.registrations === "first_event" ? "their first visit" : "registration"}, from ${formatPart(points[0]!.rate)} in month ${points[0]!.period} to ${formatPart(points.at(-1)!.rate)} in month ${points.at(-1)!.period}` : "",
  };
}

function segmentsFacts({ segments }: CardSources): PageFacts {
  const clusters = segments.clusters;
  const top = [...clusters].sort((a, b) => b.revenue_share - a.revenue_share)[0];
  const topName = top ? drawableOrEmpty(shortName(top.name)) : "";
  const rows = clusters.map((c) => ({ label: drawableOrEmpty(shortName(c.name, 16)), user_share: c.share, revenue_share: c.revenue_share }));
  const segmentsText = countOf(segments.k, "segment");
  return {
    number: top ? formatPart(top.revenue_share) : "",
    numberLabel: top ? `of revenue comes from ${topName ? `“${topName}”` : "one segment"}, ${formatPart(top.share)} of active users` : "",
    description: top
      ? `K-means finds ${segmentsText} among ${countOf(segments.n_users, "active user")}; ${topName ? `“${topName}”` : "the top one"} holds ${formatPart(top.share)} of them and ${formatPart(top.revenue_share)} of revenue.`
      : `K-means finds ${segmentsText} among ${countOf(segments.n_users, "active user")}.`,
    chart: rows.length > 0 ? shareDots(rows, CARD_CHART) : "",
    chartAlt: rows.length > 0 ? `a dot chart of each segment's share of users and of revenue: ${rows.map((r) => `${r.label || "a segment"} ${formatPart(r.user_share)} of users, ${formatPart(r.revenue_share)} of revenue`).join("; ")}` : "",
  };
}

function dataFacts({ coverage, overview }: CardSources): PageFacts {
  const bars = Object.entries(coverage.event_types)
    .filter(([, count]) => count > 0)
    .map(([type, count]) => ({ label: stepLabel(type), count }));
  const timezone = windowTimezone(overview.window);
  const days = windowText(overview.window, timezone);
  const { first, last } = windowDays(overview.window, timezone);
  const span = first === last ? `on ${days}` : `from ${days}`;
  return {
    number: formatInteger(coverage.events),
    numberLabel: `${plural("event", coverage.events)} of ${countOf(coverage.users, "user")}, ${days}, read, checked and analysed at build time`,
    description: `How the report is built: ${countOf(coverage.events, "event")} of ${countOf(coverage.users, "user")} ${span}, checked and analysed with DuckDB at build time.`,
    chart: bars.length > 0 ? countBars(bars, CARD_CHART) : "",
    chartAlt: bars.length > 0 ? `a bar chart of events by type: ${bars.map((b) => `${b.label || "a type"} ${formatInteger(b.count)}`).join(", ")}` : "",
  };
}

function predictionsFacts({ predictions }: CardSources): PageFacts {
  const none = { number: "", numberLabel: "", chart: "", chartAlt: "" };
  if (!predictions) return { ...none, description: "Who will come back, and what they are worth: BG/NBD and Gamma–Gamma, checked on a holdout." };
  if (!predictions.fitted) return { ...none, description: `No prediction: ${predictions.reason ?? "the data cannot support the model"}.` };
  const first = predictions.kpis[0];
  return {
    ...none,
    number: first?.value ?? "",
    numberLabel: first ? first.label.toLowerCase() : "",
    // The page's own headline cards, as the page words them.
    description: predictions.kpis.slice(0, 3).map((k) => `${k.label}: ${k.value}`).join("; ") + ".",
  };
}

const FACTS: Record<string, (sources: CardSources) => PageFacts> = {
  "/": overviewFacts,
  "/funnel": funnelFacts,
  "/cohorts": cohortsFacts,
  "/segments": segmentsFacts,
  "/data-methods": dataFacts,
  "/predictions": predictionsFacts,
};

/**
 * The card of the page at `path` whose heading is `title` and whose name in the sidebar is `name`.
 * `footer` is the site's address when known.
 */
export function pageCard(path: string, name: string, title: string, sources: CardSources, footer: string): PageCard {
  const facts = FACTS[path]?.(sources) ?? { number: "", numberLabel: "", description: `${title} — a page of the ${SITE} report.`, chart: "", chartAlt: "" };
  const numberText = facts.number ? ` ${facts.number} ${facts.numberLabel}.` : "";
  return {
    path,
    file: cardFile(path),
    title,
    description: facts.description,
    alt: `${title}${numberText}${facts.chartAlt ? ` With ${facts.chartAlt}.` : ""}`,
    content: { kicker: `${SITE} · ${name}`, title, number: facts.number, numberLabel: facts.numberLabel, chart: facts.chart, footer },
  };
}
