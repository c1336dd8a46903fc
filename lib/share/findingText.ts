/**
 * One insight as a sentence for a feed: shorter than the Overview's card (no link, fewer clauses) but
 * the same claim. lib/analysis/insights.ts decides what may be claimed; this only words it, and returns
 * null for insights that are not findings: "no difference survives" and a difference that does not
 * hold beyond chance are true, but a post that lists them pads itself out.
 */
import type { Insight } from "../analysis/insights";
import { countText, integerText, intervalText, nameText, percentText } from "./words";

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

const quoted = (name: string) => `“${nameText(name)}”`;

export function findingText(insight: Insight): string | null {
  switch (insight.kind) {
    case "funnel_leak":
      return (
        `${percentText(insight.rate.rate)} of the ${countText(insight.reached, "session")} that ${STEP_DONE[insight.from] ?? quoted(insight.from)} ` +
        `went on to ${STEP_TO[insight.to] ?? quoted(insight.to)} (${intervalText(insight.rate.ci_low, insight.rate.ci_high)}): the funnel's biggest drop.`
      );
    case "retention":
      return (
        `${percentText(insight.first_period.rate)} of users came back in the month after they registered (${intervalText(insight.first_period.ci_low, insight.first_period.ci_high)})` +
        (insight.later_period ? `; ${percentText(insight.later_period.rate)} were active in month ${integerText(insight.later_period.period)}.` : ".")
      );
    case "segment_difference":
      return (
        `By ${ATTRIBUTE_WORDS[insight.attribute] ?? nameText(insight.attribute)}, sessions of ${quoted(insight.higher)} convert at ${percentText(insight.higher_rate)} ` +
        `against ${percentText(insight.lower_rate)} for ${quoted(insight.lower)}, a difference that holds after correcting for ${countText(insight.comparisons, "comparison")}.`
      );
    case "no_segment_difference":
      return null;
    case "interest_vs_purchase":
      if (!insight.significant) return null;
      return (
        `${quoted(insight.most_viewed)} draws the most browsing (${percentText(insight.viewed_share)} of category views), but ${quoted(insight.best_selling)} sells the most: ` +
        `${percentText(insight.sold_conversion)} of its viewing sessions end in a purchase against ${percentText(insight.viewed_conversion)}.`
      );
    case "window_shoppers":
      return `${countText(insight.users, "active user")} (${percentText(insight.share.rate)}) viewed ten or more products and never bought.`;
  }
}
