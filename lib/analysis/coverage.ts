/**
 * What the data holds, for the pages to decide which charts can be computed: brought data may lack
 * session starts, product views, carts or registrations, or span only hours. A page shows an
 * explanation in place of a chart whose input is missing, rather than an empty or misleading chart.
 */
import { queryRows } from "../db/duckdb";
import { type DataNotes, dataNotes } from "./dataNotes";
import { DEFAULT_CURRENCY, currencySymbol } from "../dataset/currency";
import { formatSpan } from "../format";
import { type AnalysisWindow, windowTimezone } from "../dataset/window";
import type { Warehouse } from "../warehouse/warehouse";

export interface CoverageData {
  /** "generated": the synthetic dataset; "brought": the user's own data. */
  source: "generated" | "brought";
  /** "seed": a dataset folder in the seed schema; "mapping": one file read through a mapping or preset. */
  schema: "seed" | "mapping";
  preset: string | null;
  window: AnalysisWindow;
  /** Length of the window in hours (observed windows are whole days of `timezone`, so 23 or 25 hours may make one across a daylight-saving change). */
  window_hours: number;
  /** How long the events run, first to last, in words ("2 hours 10 minutes", "365 days"). */
  span_text: string;
  /** First and last loaded event, ISO. */
  first_event: string | null;
  last_event: string | null;
  events: number;
  /** Events per seed event type; every type is present, 0 when the data has none. */
  event_types: Record<"session_start" | "product_view" | "add_to_cart" | "purchase" | "session_end", number>;
  users: number;
  /** "given": the users table states registration dates; "first_event": derived from each user's first event. */
  registrations: "given" | "first_event";
  /** Users whose registration date comes from the data itself. */
  registered_users: number;
  /** What the data's shape means for its numbers (unpriced purchases, dates without times, repeated rows): sentences for the pages. */
  notes: string[];
  /** How many purchases revenue, LTV and spend features cover. */
  revenue: DataNotes["revenue"];
  /** Whether the funnel in use misses most purchases (bought without a cart), and the steps that fit. */
  funnel_fit: DataNotes["funnel_fit"];
  funnel_fit_note: DataNotes["funnel_fit_note"];
  /** ISO 4217 code of the money, and the symbol pages format it with. */
  currency: { code: string; symbol: string };
  /** IANA time zone whose calendar days, weeks and months the analysis uses ("UTC" unless configured). */
  timezone: string;
}

const EVENT_TYPES = ["session_start", "product_view", "add_to_cart", "purchase", "session_end"] as const;

export async function measureCoverage({ db, dataset, source }: Warehouse): Promise<CoverageData> {
  const connection = db.connection;
  const types = await queryRows<{ event_type: string; n: number }>(
    connection,
    `SELECT event_type, count(*)::INTEGER AS n FROM events GROUP BY event_type`,
  );
  const [span] = await queryRows<{ first: string | null; last: string | null; events: number }>(
    connection,
    `SELECT strftime(min("timestamp"), '%Y-%m-%dT%H:%M:%S.%gZ') AS first, strftime(max("timestamp"), '%Y-%m-%dT%H:%M:%S.%gZ') AS last,
            count(*)::INTEGER AS events FROM events`,
  );
  const [users] = await queryRows<{ users: number }>(connection, `SELECT count(*)::INTEGER AS users FROM users`);
  const validation = dataset.validation;
  const added = validation.derived.users_added_from_events;
  // Users added from the events whose registration date a mapping read from the events file are registered too.
  const registeredFromEvents = validation.derived.user_attributes_from_events?.registered_users ?? 0;
  const userCount = users?.users ?? 0;
  const eventTypes = Object.fromEntries(EVENT_TYPES.map((t) => [t, types.find((r) => r.event_type === t)?.n ?? 0])) as CoverageData["event_types"];
  return {
    source: source.kind === "generated" ? "generated" : "brought",
    schema: validation.input.schema,
    preset: validation.input.preset,
    window: dataset.window,
    window_hours: (Date.parse(dataset.window.end) - Date.parse(dataset.window.start)) / 3_600_000,
    span_text: span?.first && span.last ? formatSpan(Date.parse(span.last) - Date.parse(span.first)) : formatSpan(0),
    first_event: span?.first ?? null,
    last_event: span?.last ?? null,
    events: span?.events ?? 0,
    event_types: eventTypes,
    users: userCount,
    registrations: added - registeredFromEvents >= userCount ? "first_event" : "given",
    registered_users: Math.max(0, userCount - added + registeredFromEvents),
    ...(await dataNotes(connection, validation.derived, dataset.funnel ?? null)),
    currency: { code: dataset.currency ?? DEFAULT_CURRENCY, symbol: currencySymbol(dataset.currency ?? DEFAULT_CURRENCY) },
    timezone: windowTimezone(dataset.window),
  };
}
