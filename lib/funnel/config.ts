import { MIN_GROUP_USERS } from "./minGroupUsers.js";

/** Funnel definitions (docs/metrics.md §4). The defaults are the published ones; steps are event types. */
export interface FunnelConfig {
  /** The first step is reached at the session's earliest event, whatever its type (data without
   *  session_start events still works); the first name is only its label. */
  sessionSteps: readonly string[];
  /** "any_event" (the default funnel): step 1 is the session's earliest event. "first_of_type" (a
   *  configured funnel): the session's first event of the first step's type; sessions without one do not enter. */
  sessionEntry?: "any_event" | "first_of_type";
  /** The first step is the user's first event of that type (t0). */
  userSteps: readonly string[];
  /** Later user steps count only up to t0 + this many days, inclusive; users enter only if
   *  t0 ≤ window end − this many days. */
  userWindowDays: number;
  /** Per category: the first step is the session's earliest event of that type in the category. */
  categorySteps: readonly string[];
  /** Breakdown groups with fewer users are shown but not tested (lib/funnel/minGroupUsers.ts). */
  minGroupUsers: number;
}

export const DEFAULT_FUNNEL_CONFIG: FunnelConfig = {
  sessionSteps: ["session_start", "product_view", "add_to_cart", "purchase"],
  userSteps: ["product_view", "add_to_cart", "purchase"],
  userWindowDays: 7,
  categorySteps: ["product_view", "add_to_cart", "purchase"],
  minGroupUsers: MIN_GROUP_USERS,
};
