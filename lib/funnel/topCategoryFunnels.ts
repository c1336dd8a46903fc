/**
 * The category funnels a page shows: the `n` categories with the most entering sessions (ties by name,
 * lib/display/topWithOther.ts) and one "Other (k categories)" funnel whose step counts are the sums over
 * the rest (a session entering two of them counts in each, as in the per-category funnels), with rates
 * and intervals recomputed from those sums. The analysis output (analyze's funnel.json) keeps them all.
 */
import { otherLabel } from "../display/otherLabel.js";
import { topWithOther } from "../display/topWithOther.js";
import { summarizeSteps } from "./summarizeSteps.js";
import type { CategoryFunnelOutput } from "./types.js";

export interface ShownCategoryFunnels {
  category_funnel: (CategoryFunnelOutput & { other_categories?: number })[];
  /** How many categories the data has, how many are shown by name, and the Other bucket's label. */
  shown: { categories: number; top: number; other: string | null };
}

export function topCategoryFunnels(funnels: readonly CategoryFunnelOutput[], n: number): ShownCategoryFunnels {
  const { top, rest } = topWithOther(funnels, n, (f) => f.steps[0]?.count ?? 0, (f) => f.category);
  const shown = { categories: funnels.length, top: top.length, other: null as string | null };
  // Not cut: the analysis's own order stays (the site then matches analyze's funnel.json row for row).
  if (rest.length === 0) return { category_funnel: [...funnels], shown };
  const names = rest[0]!.steps.map((s) => s.step);
  const sums = names.map((_, i) => rest.reduce((sum, f) => sum + (f.steps[i]?.count ?? 0), 0));
  const other = { category: otherLabel(rest.length, "categories"), steps: summarizeSteps(names, sums), other_categories: rest.length };
  return { category_funnel: [...top, other], shown: { ...shown, other: other.category } };
}
