/**
 * One user's life as events: a registration visit, then (for users who return) visits as a
 * non-homogeneous Poisson process until they churn; inside a visit, a stochastic walk
 * view → cart → checkout with realistic drop-off. Every rule of docs/metrics.md §1 holds by construction:
 * a session starts with session_start and ends with session_end, carts name viewed products,
 * purchases name carted products with the carted quantity, and no session leaves the window.
 */
import { Rng, cumulativeWeights } from "../random/rng";
import { CATEGORIES, type Catalog } from "./catalog";
import { SEGMENTS, WINDOW_SHOPPER } from "./behaviour";
import type { DayFactors } from "./calendar";
import { EVENT_CODE, EventColumns } from "./eventColumns";
import type { UserTable } from "./users";
import { timeOfDayMs } from "./users";

const DAY_MS = 86_400_000;
const SECOND = 1000;
const BOUNCE_SHARE = 0.16;
const MAX_VIEWS = 80;
const FAVOURITE_BOOST = 3;
/** Share of a session's views that stay in the category the session started with. */
const FOCUS_SHARE = 0.6;
/** Non-returning users still come back once within their first week this often. */
const LATE_SECOND_VISIT = 0.35;
/**
 * Returning users alternate between active and dormant spells (a two-state Markov chain by day), so
 * people lapse for weeks and come back, as real customers do, instead of visiting every month until
 * they churn for good. Mean spell lengths in days, and the visit rate kept while dormant.
 */
const ACTIVE_SPELL_DAYS = 50;
const DORMANT_SPELL_DAYS = 35;
const DORMANT_VISIT_FACTOR = 0.03;

/** Everything the session walk looks up, computed once per dataset. */
export interface SimulationContext {
  seed: number;
  days: number;
  windowMs: number;
  catalog: Catalog;
  dayFactors: DayFactors;
  /** productsByCategory[c] lists the product indices of category c. */
  productsByCategory: Int32Array[];
  /** productCdf[segment][category]: cumulative choice weights over productsByCategory[c]. */
  productCdf: Float64Array[][];
  /** Per product: how readily a view turns into a cart (category affinity × relative cheapness). */
  cartFactor: Float64Array;
}

export function buildContext(seed: number, days: number, catalog: Catalog, dayFactors: DayFactors): SimulationContext {
  const productsByCategory = CATEGORIES.map((_, c) => {
    const ids: number[] = [];
    for (let p = 0; p < catalog.count; p++) if (catalog.category[p] === c) ids.push(p);
    return Int32Array.from(ids);
  });
  const productCdf = SEGMENTS.map((seg) =>
    productsByCategory.map((ids) =>
      cumulativeWeights(Array.from(ids, (p) => catalog.popularity[p]! * Math.pow(catalog.price[p]!, -seg.priceSensitivity))),
    ),
  );
  const cartFactor = new Float64Array(catalog.count);
  for (let p = 0; p < catalog.count; p++) {
    const spec = CATEGORIES[catalog.category[p]!]!;
    cartFactor[p] = spec.cartAffinity * Math.pow(catalog.price[p]! / spec.medianPrice, -0.3);
  }
  return { seed, days, windowMs: days * DAY_MS, catalog, dayFactors, productsByCategory, productCdf, cartFactor };
}

/** Session start times of one user, ascending, in ms since the window start. */
function visitTimes(rng: Rng, ctx: SimulationContext, registrationMs: number, dailyRate: number, returns: boolean, lifetimeMs: number): number[] {
  const times = [registrationMs + SECOND * (2 + rng.int(60))];
  const regDay = Math.floor(registrationMs / DAY_MS);
  if (!returns) {
    if (rng.bernoulli(LATE_SECOND_VISIT)) {
      const day = regDay + 1 + rng.int(6);
      if (day < ctx.days) times.push(day * DAY_MS + timeOfDayMs(rng));
    }
    return times;
  }
  const lastActive = registrationMs + lifetimeMs;
  let dormant = false;
  for (let day = regDay + 1; day < ctx.days && day * DAY_MS < lastActive; day++) {
    if (rng.bernoulli(dormant ? 1 / DORMANT_SPELL_DAYS : 1 / ACTIVE_SPELL_DAYS)) dormant = !dormant;
    const n = rng.poisson(dailyRate * ctx.dayFactors.visits[day]! * (dormant ? DORMANT_VISIT_FACTOR : 1));
    const first = times.length;
    for (let i = 0; i < n; i++) times.push(day * DAY_MS + timeOfDayMs(rng));
    if (n > 1) {
      const sorted = times.slice(first).sort((a, b) => a - b);
      for (let i = 0; i < n; i++) times[first + i] = sorted[i]!;
    }
  }
  return times;
}

/**
 * Simulates user `u` and appends their events. Returns the next free session number. With `churnMs`,
 * records the user's planted churn time there (ms since the window start): the moment after which the
 * user never visits again, the truth the prediction page checks P(alive) against.
 */
export function simulateUser(u: number, users: UserTable, ctx: SimulationContext, out: EventColumns, nextSession: number, churnMs?: Float64Array): number {
  if (users.neverActive[u]) {
    if (churnMs) churnMs[u] = users.registrationMs[u]!;
    return nextSession;
  }
  const rng = new Rng(ctx.seed, u + 1);
  const s = users.segment[u]!;
  const seg = SEGMENTS[s]!;
  const shopper = users.windowShopper[u] === 1;

  const dailyRate = (rng.logNormal(seg.weeklyVisits, seg.visitSigma) * (shopper ? WINDOW_SHOPPER.visitBoost : 1)) / 7;
  const viewsMean = seg.viewsPerSession * rng.logNormal(1, 0.3) * (shopper ? WINDOW_SHOPPER.viewBoost : 1);
  const cartPerView = seg.cartPerView * rng.logNormal(1, 0.4) * (shopper ? WINDOW_SHOPPER.cartFactor : 1);
  const checkout = shopper ? 0 : Math.min(0.95, seg.checkout * rng.logNormal(1, 0.25));
  const taste = seg.categoryTaste.slice();
  const favourite = rng.pick(cumulativeWeights(taste));
  taste[favourite] = taste[favourite]! * FAVOURITE_BOOST;
  const tasteCdf = cumulativeWeights(taste);

  const returns = rng.bernoulli(seg.returnProbability) || shopper;
  const lifetimeMs = rng.exponential(seg.meanLifetimeDays * (shopper ? WINDOW_SHOPPER.lifetimeBoost : 1)) * DAY_MS;
  const starts = visitTimes(rng, ctx, users.registrationMs[u]!, dailyRate, returns, lifetimeMs);
  // Returning users visit until their lifetime ends (a visit drawn on its last day may start a little
  // after it); the others never come back after their last visit.
  if (churnMs) churnMs[u] = Math.max(starts[starts.length - 1]!, returns ? users.registrationMs[u]! + lifetimeMs : -Infinity);

  const cartedProduct: number[] = [];
  const cartedQuantity: number[] = [];
  let previousEnd = -Infinity;
  for (let v = 0; v < starts.length; v++) {
    // Visits never overlap: a visit drawn inside the previous one starts a little after it.
    let t = Math.max(starts[v]!, previousEnd + 30 * SECOND + rng.int(600 * SECOND));
    const sessionBegin = out.length;
    const session = nextSession;
    out.push(u, session, EVENT_CODE.session_start, t, -1, 0);

    const views = rng.bernoulli(BOUNCE_SHARE) ? 0 : Math.min(MAX_VIEWS, 1 + rng.geometric(viewsMean - 1));
    const focus = rng.pick(tasteCdf);
    cartedProduct.length = 0;
    cartedQuantity.length = 0;
    for (let i = 0; i < views; i++) {
      t += Math.round(rng.logNormal(40 * SECOND, 0.9));
      const c = rng.bernoulli(FOCUS_SHARE) ? focus : rng.pick(tasteCdf);
      const ids = ctx.productsByCategory[c]!;
      const p = ids[rng.pick(ctx.productCdf[s]![c]!)]!;
      out.push(u, session, EVENT_CODE.product_view, t, p, 0);
      if (!cartedProduct.includes(p) && rng.bernoulli(cartPerView * ctx.cartFactor[p]!)) {
        t += Math.round(rng.logNormal(12 * SECOND, 0.6));
        const quantity = rng.bernoulli(seg.multiUnit) ? Math.min(10, 2 + rng.geometric(0.6)) : 1;
        out.push(u, session, EVENT_CODE.add_to_cart, t, p, quantity);
        cartedProduct.push(p);
        cartedQuantity.push(quantity);
      }
    }
    const day = Math.min(ctx.days - 1, Math.floor(t / DAY_MS));
    if (cartedProduct.length > 0 && rng.bernoulli(checkout * ctx.dayFactors.checkout[day]!)) {
      t += Math.round(rng.logNormal(75 * SECOND, 0.5));
      // An order buys each carted line, usually all of them.
      let bought = 0;
      for (let i = 0; i < cartedProduct.length; i++) {
        if (i === cartedProduct.length - 1 && bought === 0 || rng.bernoulli(0.85)) {
          out.push(u, session, EVENT_CODE.purchase, t, cartedProduct[i]!, cartedQuantity[i]!);
          bought++;
        }
      }
    }
    t += Math.round(rng.logNormal(15 * SECOND, 0.8));
    out.push(u, session, EVENT_CODE.session_end, t, -1, 0);
    if (t >= ctx.windowMs) {
      // The visit would end after the window closes: it never happened, nor any later one.
      out.truncate(sessionBegin);
      break;
    }
    previousEnd = t;
    nextSession++;
  }
  return nextSession;
}
