/**
 * When people shop: seasonality over the year, the week, and the hour of day (UTC).
 * Shapes follow public e-commerce data (Online Retail's November peak, GA's evening peak and 5am trough).
 */
import { cumulativeWeights } from "../random/rng";

/** Relative visit volume by month (Jan…Dec): a November–December peak. */
const MONTH_VISITS = [0.92, 0.88, 0.95, 0.95, 0.98, 0.95, 0.93, 0.95, 1.0, 1.05, 1.35, 1.45];
/** Relative purchase propensity by month: gift season converts better, not only visits more. */
const MONTH_CHECKOUT = [0.95, 0.95, 1.0, 1.0, 1.0, 1.0, 0.97, 1.0, 1.0, 1.0, 1.2, 1.25];
/** Monday…Sunday. */
const WEEKDAY_VISITS = [1.0, 0.98, 1.0, 1.02, 0.94, 1.06, 1.12];
/** Session starts per hour of day, UTC: trough near 4–5am, peaks 1–2pm and 8–9pm. */
const HOUR_WEIGHTS = [
  1.1, 0.65, 0.42, 0.32, 0.28, 0.38, 0.7, 1.2, 1.8, 2.3, 2.7, 3.0, 3.3, 3.45, 3.15, 2.9, 2.85, 3.0, 3.3, 3.6, 3.95,
  3.85, 3.0, 2.0,
];

export const HOUR_CDF = cumulativeWeights(HOUR_WEIGHTS);

const DAY_MS = 86_400_000;

/** Black Friday (the day after the fourth Thursday of November) of a year, as a UTC day number. */
function blackFridayDay(year: number): number {
  const nov1 = Date.UTC(year, 10, 1);
  const weekday = new Date(nov1).getUTCDay(); // 0 = Sunday
  const firstThursday = 1 + ((4 - weekday + 7) % 7);
  return Math.floor(Date.UTC(year, 10, firstThursday + 21 + 1) / DAY_MS);
}

export interface DayFactors {
  /** Multiplier on a user's visit rate for each day of the window. */
  visits: Float64Array;
  /** Multiplier on the checkout probability for each day of the window. */
  checkout: Float64Array;
}

/** Per-day multipliers for the window starting at `startMs`, `days` long. */
export function dayFactors(startMs: number, days: number): DayFactors {
  const visits = new Float64Array(days);
  const checkout = new Float64Array(days);
  const startDay = Math.floor(startMs / DAY_MS);
  for (let i = 0; i < days; i++) {
    const date = new Date((startDay + i) * DAY_MS);
    const month = date.getUTCMonth();
    const weekday = (date.getUTCDay() + 6) % 7;
    const bf = blackFridayDay(date.getUTCFullYear());
    const sinceBlackFriday = startDay + i - bf;
    // Black Friday through Cyber Monday.
    const promo = sinceBlackFriday >= 0 && sinceBlackFriday <= 3 ? 1.7 : 1;
    // Christmas day itself is quiet.
    const christmas = month === 11 && date.getUTCDate() === 25 ? 0.6 : 1;
    visits[i] = MONTH_VISITS[month]! * WEEKDAY_VISITS[weekday]! * promo * christmas;
    checkout[i] = MONTH_CHECKOUT[month]! * (promo > 1 ? 1.15 : 1);
  }
  return { visits, checkout };
}
