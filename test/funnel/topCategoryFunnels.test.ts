import { describe, expect, it } from "vitest";
import { summarizeSteps } from "../../lib/funnel/summarizeSteps";
import { topCategoryFunnels } from "../../lib/funnel/topCategoryFunnels";
import { wilsonInterval } from "../../lib/stats/wilsonInterval";

const STEPS = ["product_view", "add_to_cart", "purchase"];
const funnel = (category: string, counts: number[]) => ({ category, steps: summarizeSteps(STEPS, counts) });

describe("topCategoryFunnels", () => {
  const all = [funnel("Toys", [10, 5, 2]), funnel("Books", [40, 20, 10]), funnel("Garden", [10, 4, 1]), funnel("Apps", [10, 1, 0]), funnel("Music", [3, 3, 3])];

  it("names the n with the most entering sessions (ties by name) and sums the rest into Other", () => {
    const { category_funnel, shown } = topCategoryFunnels(all, 2);
    // Books 40, then Apps / Garden / Toys tie at 10: Apps first by name. Other: Garden + Toys + Music.
    expect(category_funnel.map((f) => f.category)).toEqual(["Books", "Apps", "Other (3 categories)"]);
    const other = category_funnel[2]!;
    expect(other.steps.map((s) => s.count)).toEqual([23, 12, 6]);
    expect(other.other_categories).toBe(3);
    // Rates from the sums: 6 of 23 viewing sessions bought.
    const w = wilsonInterval(6, 23);
    expect(other.steps[2]!.rate_from_first).toBeCloseTo(6 / 23, 12);
    expect(other.steps[2]!.ci_from_first_low).toBeCloseTo(w.low, 12);
    expect(shown).toEqual({ categories: 5, top: 2, other: "Other (3 categories)" });
  });

  it("keeps a short list whole", () => {
    const { category_funnel, shown } = topCategoryFunnels(all, 4);
    expect(category_funnel).toHaveLength(5);
    expect(shown.other).toBeNull();
  });
});
