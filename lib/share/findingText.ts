/**
 * One insight as a sentence for a feed: shorter than the Overview's card (no link, fewer clauses) but
 * the same claim. lib/analysis/insights.ts decides what may be claimed; this only words it, and returns
 * null for insights that are not findings: "no difference survives" and a difference that does not
 * hold beyond chance are true, but a post that lists them pads itself out.
 */
import type { CoverageData } from "../analysis/coverage";
import type { Insight } from "../analysis/insights";
import { countOf, formatInteger, formatInterval, formatPart, quoted, shortName } from "../format";

const STEP_DONE: Record<string, string> = {
  session_start: "started a session",
  product_view: "viewed a product",
  add_to_cart: "added to cart",
  purchase: "bought",
};
const STEP_TO: Record<string, string> = {
  session_start: "start a session",
  product_view: "view a product",
  add_to_cart: "add to cart",
  purchase: "buy",
};
const ATTRIBUTE_WORDS: Record<string, string> = { segment: "segment", gender: "gender", age_band: "age band", location: "city" };

const quotedName = (name: string) => quoted(shortName(name));

/** What a user's months are counted from: registration where the data records it, else the first visit. */
export function retentionAnchor(registrations: CoverageData["registrations"] = "given"): string {
  return registrations === "given" ? "they registered" : "their first visit";
}

export function findingText(insight: Insight, registrations: CoverageData["registrations"] = "given"): string | null {
  switch (insight.kind) {
    case "funnel_leak":
      return (
        `${formatPart(insight.rate.rate)} of the ${countOf(insight.reached, "session")} that ${STEP_DONE[insight.from] ?? quotedName(insight.from)} ` +
        `went on to ${STEP_TO[insight.to] ?? quotedName(insight.to)} (${formatInterval(insight.rate.ci_low, insight.rate.ci_high)}): the funnel's biggest drop.`
      );
    case "retention":
      return (
        `${formatPart(insight.first_period.rate)} of users came back in the month after ${retentionAnchor(registrations)} (${formatInterval(insight.first_period.ci_low, insight.first_period.ci_high)})` +
        (insight.later_period ? `; ${formatPart(insight.later_period.rate)} were active in month ${formatInteger(insight.later_period.period)}.` : ".")
      );
    case "segment_difference":
      return (
        `By ${ATTRIBUTE_WORDS[insight.attribute] ?? shortName(insight.attribute)}, sessions of ${quotedName(insight.higher)} convert at ${formatPart(insight.higher_rate)} ` +
        `against ${formatPart(insight.lower_rate)} for ${quotedName(insight.lower)}, a difference that holds after correcting for ${countOf(insight.comparisons, "comparison")}.`
      );
    case "no_segment_difference":
      return null;
    case "interest_vs_purchase":
      if (!insight.significant) return null;
      return (
        `${quotedName(insight.most_viewed)} draws the most browsing (${formatPart(insight.viewed_share)} of category views), but ${quotedName(insight.best_selling)} sells the most: ` +
        `${formatPart(insight.sold_conversion)} of its viewing sessions end in a purchase against ${formatPart(insight.viewed_conversion)}.`
      );
    case "window_shoppers":
      return `${countOf(insight.users, "active user")} (${formatPart(insight.share.rate)}) viewed ten or more products and never bought.`;
  }
}
