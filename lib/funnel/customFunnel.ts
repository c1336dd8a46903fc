/**
 * A funnel the data asks for: `"funnel": ["product_view", "purchase"]` in a mapping, `--funnel a,b,c`
 * for analyze, EVENT_KIT_FUNNEL for the build. The same ordered steps make the session and the user
 * funnels. Unlike the default session funnel, whose first step is any event of the session (metrics.md
 * §4), a configured first step is the session's first event of that type: a session that never has one
 * does not enter. Each later step is reached at the first event of its type at or after the previous
 * step (the chain rule). The category funnel keeps the configured steps whose events name a product
 * (have a category) in the data.
 */
import { DEFAULT_FUNNEL_CONFIG, type FunnelConfig } from "./config.js";

export const MIN_FUNNEL_STEPS = 2;
export const MAX_FUNNEL_STEPS = 8;

/** Checks a list of steps; `fail` gets the problem as the end of a sentence. */
export function parseFunnelSteps(value: unknown, known: ReadonlySet<string>, fail: (message: string) => never): string[] {
  if (!Array.isArray(value) || value.length < MIN_FUNNEL_STEPS || value.length > MAX_FUNNEL_STEPS) {
    return fail(`must be a list of ${MIN_FUNNEL_STEPS} to ${MAX_FUNNEL_STEPS} event types in order`);
  }
  const steps = value.map((v) => (typeof v === "string" ? v.trim() : v));
  for (const step of steps) {
    if (typeof step !== "string" || !known.has(step)) {
      return fail(`names ${JSON.stringify(step)}, which is not an event type of the data (known: ${[...known].join(", ")})`);
    }
  }
  if (new Set(steps).size !== steps.length) return fail("names a step twice");
  return steps as string[];
}

/** "a,b,c" from a flag or an environment variable. */
export function funnelStepsFromText(text: string, known: ReadonlySet<string> | null, fail: (message: string) => never): string[] {
  const steps = text.split(",").map((s) => s.trim()).filter((s) => s.length > 0);
  return parseFunnelSteps(steps, known ?? new Set(steps), fail);
}

/** The engine's configuration for configured steps; the default for null. */
export function funnelConfigFor(steps: readonly string[] | null, productSteps?: readonly string[]): FunnelConfig {
  if (steps === null) return DEFAULT_FUNNEL_CONFIG;
  return {
    sessionSteps: steps,
    sessionEntry: "first_of_type",
    userSteps: steps,
    userWindowDays: DEFAULT_FUNNEL_CONFIG.userWindowDays,
    minGroupUsers: DEFAULT_FUNNEL_CONFIG.minGroupUsers,
    categorySteps: productSteps ?? steps.filter((s) => ["product_view", "add_to_cart", "purchase"].includes(s)),
  };
}
