/**
 * Interest versus purchase by category, for the Funnel page: each shown category's share of all
 * category-viewing sessions and of all category-buying sessions, and its rank both ways.
 *
 * Ranks and "the most" follow one rule with the Overview's insight (lib/analysis/insights.ts,
 * interestVersusPurchase): counts are ranked over every category of the analysis (not only the shown
 * ones), equal counts share a rank (competition ranking: 1, 1, 3), and a "most viewed" or "most bought"
 * category is named only when it leads alone with more than 0 sessions (lib/format's `leaders`). So the
 * two pages can never name different categories.
 */
import { leaders } from "../format";
import type { CategoryFunnelOutput } from "../funnel/types";

const views = (c: CategoryFunnelOutput) => c.steps[0]?.count ?? 0;
const sales = (c: CategoryFunnelOutput) => c.steps.at(-1)?.count ?? 0;

export interface CategoryRank {
  /** 1 + the number of categories with strictly more sessions; tied categories share it. */
  rank: number;
  tied: boolean;
}

/** Competition ranks of `value` over `all`, per category name. */
export function competitionRanks(all: readonly CategoryFunnelOutput[], value: (c: CategoryFunnelOutput) => number): Map<string, CategoryRank> {
  const sorted = all.map(value).sort((a, b) => b - a);
  const ranks = new Map<string, CategoryRank>();
  for (const c of all) {
    const v = value(c);
    const rank = sorted.findIndex((x) => x === v) + 1;
    ranks.set(c.category, { rank, tied: sorted.filter((x) => x === v).length > 1 });
  }
  return ranks;
}

export interface CategoryLeaders {
  /** The category viewed in the most sessions, when one leads alone (with more than 0). */
  most_viewed: CategoryFunnelOutput | null;
  /** The category bought in the most sessions, when one leads alone (with more than 0). */
  most_bought: CategoryFunnelOutput | null;
}

export function categoryLeaders(all: readonly CategoryFunnelOutput[]): CategoryLeaders {
  const viewed = leaders(all, views);
  const bought = leaders(all, sales);
  return { most_viewed: viewed.length === 1 ? viewed[0]! : null, most_bought: bought.length === 1 ? bought[0]! : null };
}

export interface CategoryShareRow {
  category: string;
  viewing_sessions: number;
  buying_sessions: number;
  view_share: number;
  buying_share: number;
  /** View-to-purchase conversion in the category (its funnel's end) and the 95% Wilson interval. */
  conversion: number;
  conversion_ci_low: number;
  conversion_ci_high: number;
  /** Null for the "Other" bucket, which is not ranked. */
  view_rank: CategoryRank | null;
  purchase_rank: CategoryRank | null;
  other: boolean;
}

/**
 * One row per shown category, ordered by viewing sessions (ties by name in code-point order, as
 * lib/display/topWithOther.ts cuts), "Other" last, with shares of the sums over every category and
 * ranks among every category.
 */
export function categoryShareRows(all: readonly CategoryFunnelOutput[], shown: readonly (CategoryFunnelOutput & { other_categories?: number })[]): CategoryShareRow[] {
  const totalViews = all.reduce((s, c) => s + views(c), 0);
  const totalSales = all.reduce((s, c) => s + sales(c), 0);
  const viewRanks = competitionRanks(all, views);
  const saleRanks = competitionRanks(all, sales);
  const byAttention = [...shown].sort(
    (a, b) => Number(a.other_categories !== undefined) - Number(b.other_categories !== undefined) || views(b) - views(a) || (a.category < b.category ? -1 : a.category > b.category ? 1 : 0),
  );
  return byAttention.map((c) => {
    const other = c.other_categories !== undefined;
    const last = c.steps.at(-1);
    return {
      category: c.category,
      viewing_sessions: views(c),
      buying_sessions: sales(c),
      view_share: totalViews > 0 ? views(c) / totalViews : 0,
      buying_share: totalSales > 0 ? sales(c) / totalSales : 0,
      conversion: last?.rate_from_first ?? 0,
      conversion_ci_low: last?.ci_from_first_low ?? 0,
      conversion_ci_high: last?.ci_from_first_high ?? 0,
      view_rank: other ? null : (viewRanks.get(c.category) ?? null),
      purchase_rank: other ? null : (saleRanks.get(c.category) ?? null),
      other,
    };
  });
}
