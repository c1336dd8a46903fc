/**
 * The category preferences a page shows: the `n` categories with the most product views over all
 * segments (ties by name, lib/display/topWithOther.ts) and one "Other (k categories)" row per segment
 * holding the rest's views and purchases, with shares and lifts recomputed from the merged counts, so
 * each segment's shares still add up to 1. The analysis output (analyze's segments.json) keeps them all.
 */
import { otherLabel } from "../display/otherLabel";
import { topWithOther } from "../display/topWithOther";
import { type CategoryPreference, preferencesFromCounts } from "./categories";

export interface ShownCategoryPreferences {
  category_preferences: CategoryPreference[];
  shown: { categories: number; top: number; other: string | null };
}

export function topCategoryPreferences(preferences: readonly CategoryPreference[], n: number): ShownCategoryPreferences {
  const totals = new Map<string, number>();
  for (const p of preferences) totals.set(p.category, (totals.get(p.category) ?? 0) + p.views);
  const { top, rest } = topWithOther([...totals.keys()], n, (c) => totals.get(c)!, (c) => c);
  const shown = { categories: totals.size, top: top.length, other: null as string | null };
  if (rest.length === 0) return { category_preferences: [...preferences], shown };
  const label = otherLabel(rest.length, "categories");
  const kept = new Set(top);
  const merged = new Map<string, { cluster: number; category: string; views: number; purchases: number }>();
  for (const p of preferences) {
    const category = kept.has(p.category) ? p.category : label;
    const key = `${p.cluster}\u0000${category}`;
    const row = merged.get(key) ?? { cluster: p.cluster, category, views: 0, purchases: 0 };
    row.views += p.views;
    row.purchases += p.purchases;
    merged.set(key, row);
  }
  const k = preferences.reduce((max, p) => Math.max(max, p.cluster + 1), 0);
  return { category_preferences: preferencesFromCounts([...merged.values()], k), shown: { ...shown, other: label } };
}
