/** Display order of breakdown values: the attribute's natural order, "Unknown" (missing) always last. */
import { PLANTED_SEGMENTS } from "../dataset/schema.js";
import { AGE_BANDS, AGE_OUTSIDE_BANDS, ageBandLabel, OTHER_LOCATION } from "./breakdownCountsSql.js";
import type { BreakdownAttribute } from "./types.js";

export const MISSING_VALUE = "Unknown";

interface Ordered {
  value: string;
  units: number;
  missing: boolean;
}

function rank(attribute: BreakdownAttribute, value: string): number {
  const known: readonly string[] =
    attribute === "segment"
      ? PLANTED_SEGMENTS
      : attribute === "age_band"
        ? [...AGE_BANDS.map(ageBandLabel), AGE_OUTSIDE_BANDS]
        : [];
  const i = known.indexOf(value);
  if (attribute === "location" && value === OTHER_LOCATION) return Number.MAX_SAFE_INTEGER;
  return i < 0 ? known.length : i;
}

/** Locations read best largest first (they are a top 8); other attributes by their natural order, then name. */
export function compareBreakdownValues(attribute: BreakdownAttribute): (a: Ordered, b: Ordered) => number {
  return (a, b) => {
    if (a.missing !== b.missing) return a.missing ? 1 : -1;
    const byRank = rank(attribute, a.value) - rank(attribute, b.value);
    if (byRank !== 0) return byRank;
    if (attribute === "location" && a.units !== b.units) return b.units - a.units;
    return a.value < b.value ? -1 : a.value > b.value ? 1 : 0;
  };
}
