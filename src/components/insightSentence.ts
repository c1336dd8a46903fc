// One key insight as a sentence: its numbers and direction come from the data (lib/analysis/insights.ts
// decides what may be claimed); this only words it. Text nodes throughout: names from brought data may
// contain markup, and must show as text.
import { formatInteger, formatPercent } from "./format.js";

type Rate = { rate: number; ci_low: number; ci_high: number };
export type InsightData =
  | { kind: "funnel_leak"; from: string; to: string; reached: number; continued: number; rate: Rate; href: string }
  | { kind: "retention"; first_period: Rate; later_period: (Rate & { period: number }) | null; cohorts: number; href: string }
  | { kind: "segment_difference"; attribute: string; higher: string; lower: string; higher_rate: number; lower_rate: number; p_adjusted: number; comparisons: number; href: string }
  | { kind: "no_segment_difference"; comparisons: number; href: string }
  | { kind: "interest_vs_purchase"; most_viewed: string; best_selling: string; viewed_share: number; sold_share: number; viewed_conversion: number; sold_conversion: number; significant: boolean; p_value: number; href: string }
  | { kind: "window_shoppers"; users: number; active_users: number; share: Rate; median_views: number; href: string };

const STEP_WORDS: Record<string, string> = {
  session_start: "started a session",
  product_view: "viewed a product",
  add_to_cart: "added to cart",
  purchase: "bought",
};
const ATTRIBUTE_WORDS: Record<string, string> = { segment: "segment", gender: "gender", age_band: "age band", location: "city" };

const ci = (r: Rate) => `95% CI ${formatPercent(r.ci_low)}–${formatPercent(r.ci_high)}`;
const stepWords = (step: string) => STEP_WORDS[step] ?? step;

/** The insight's title and sentence as plain text, and the page it links to. */
export function insightText(insight: InsightData): { title: string; sentence: string; link: string; href: string } {
  switch (insight.kind) {
    case "funnel_leak":
      return {
        title: "Where the funnel leaks",
        sentence: `The biggest drop is between “${stepWords(insight.from)}” and “${stepWords(insight.to)}”: of ${formatInteger(insight.reached)} sessions that ${stepWords(insight.from)}, ${formatPercent(insight.rate.rate)} (${ci(insight.rate)}) went on to ${stepWords(insight.to).replace(/^added/, "add")}.`,
        link: "See the funnel",
        href: "./funnel",
      };
    case "retention":
      return {
        title: "Who comes back",
        sentence:
          `${formatPercent(insight.first_period.rate)} of users (${ci(insight.first_period)}) came back in the month after they registered` +
          (insight.later_period ? `; ${formatPercent(insight.later_period.rate)} were active in month ${insight.later_period.period}.` : "."),
        link: "See the cohorts",
        href: "./cohorts",
      };
    case "segment_difference":
      return {
        title: "Who converts",
        sentence: `By ${ATTRIBUTE_WORDS[insight.attribute] ?? insight.attribute}, sessions of “${insight.higher}” convert at ${formatPercent(insight.higher_rate)} against ${formatPercent(insight.lower_rate)} for “${insight.lower}”, the largest difference that holds after correcting for ${formatInteger(insight.comparisons)} comparisons.`,
        link: "See the breakdowns",
        href: "./funnel",
      };
    case "no_segment_difference":
      return {
        title: "Who converts",
        sentence: `No difference in session conversion between segments, genders, age bands or cities survives correction for ${formatInteger(insight.comparisons)} comparisons.`,
        link: "See the breakdowns",
        href: "./funnel",
      };
    case "interest_vs_purchase":
      return {
        title: "Interest is not purchase",
        sentence:
          `“${insight.most_viewed}” draws the most browsing (${formatPercent(insight.viewed_share)} of category views), but “${insight.best_selling}” sells the most (${formatPercent(insight.sold_share)} of buying sessions)` +
          (insight.significant
            ? `: ${formatPercent(insight.sold_conversion)} of its viewing sessions end in a purchase against ${formatPercent(insight.viewed_conversion)}.`
            : `, though their view-to-purchase rates (${formatPercent(insight.sold_conversion)} and ${formatPercent(insight.viewed_conversion)}) do not differ beyond chance.`),
        link: "See interest versus purchase",
        href: "./funnel",
      };
    case "window_shoppers":
      return {
        title: "Engaged, but never buys",
        sentence: `${formatInteger(insight.users)} active users (${formatPercent(insight.share.rate)}, ${ci(insight.share)}) viewed ten or more products and never bought; the typical one (the median) viewed ${formatInteger(Math.round(insight.median_views))} products.`,
        link: "See the segments",
        href: "./segments",
      };
  }
}

/** The insights as a list of cards. */
export function insightList(insights: readonly InsightData[]): HTMLElement {
  const list = document.createElement("ol");
  list.className = "insight-list";
  for (const insight of insights) {
    const { title, sentence, link, href } = insightText(insight);
    const item = document.createElement("li");
    item.className = "card insight";
    const heading = document.createElement("h2");
    heading.textContent = title;
    const text = document.createElement("p");
    text.textContent = sentence + " ";
    const anchor = document.createElement("a");
    anchor.href = href;
    anchor.textContent = `${link} →`;
    text.append(anchor);
    item.append(heading, text);
    list.append(item);
  }
  return list;
}
