/** A CoverageData for page builders under test: complete generated-looking data unless `overrides` say otherwise. */
import type { CoverageData } from "../../lib/analysis/coverage.js";
import { revenueCoverage } from "../../lib/analysis/revenueCoverage.js";

export function coverageFixture(window: { start: string; end: string }, overrides: Partial<CoverageData> = {}): CoverageData {
  return {
    source: "generated",
    schema: "seed",
    preset: null,
    window,
    window_hours: (Date.parse(window.end) - Date.parse(window.start)) / 3_600_000,
    span_text: "365 days",
    first_event: window.start,
    last_event: window.end,
    events: 0,
    event_types: { session_start: 0, product_view: 0, add_to_cart: 0, purchase: 0, session_end: 0 },
    users: 0,
    registrations: "given",
    registered_users: 0,
    notes: [],
    revenue: revenueCoverage(0, 0),
    funnel_fit: { purchases: 0, without_cart: 0, share_without_cart: null, misfit: false, suggested: null },
    funnel_fit_note: null,
    currency: { code: "USD", symbol: "$" },
    timezone: "UTC",
    ...overrides,
  };
}
