/**
 * Data for the Funnel page: the session, user and category funnels as the funnel engine computes them,
 * interest versus purchase for the most-viewed and most-bought products, and the SQL behind each chart.
 *
 * The funnel SQL shown is what the engine ran: computeFunnels gets a connection that records every
 * statement, and each chart is given the statement its numbers come from, found by calling the engine's
 * own builders with the arguments it passes them (DEFAULT_FUNNEL_CONFIG, this window). Only the
 * temporary tables' names differ: the engine adds a per-run suffix so concurrent analyses cannot
 * collide, and the page shows the name without it. Should the engine stop running a statement the way
 * this file expects, the chart shows every statement run on that table instead, never a reconstruction.
 * The engine computes rates, Wilson intervals and tests in TypeScript from the counts these return.
 *
 * Products: the engine has no per-product output, so productInterestSql below counts, per product,
 * the sessions that viewed it and the sessions that bought it, and keeps the top products by each.
 *
 * Size: everything the engine returns is small (a few hundred trend points and breakdown rows); numbers
 * that are not integers are kept to 6 significant digits, far below anything the page prints.
 */
import type { DuckDBConnection } from "@duckdb/node-api";
import { computeFunnels, type FunnelOutput } from "../lib/analysis/funnels";
import type { AnalysisWindow } from "../lib/dataset/window";
import { type Plain, queryRows, sqlString } from "../lib/db/duckdb";
import { breakdownCountsSql } from "../lib/funnel/breakdownCountsSql";
import { DEFAULT_FUNNEL_CONFIG, type FunnelConfig } from "../lib/funnel/config";
import { conversionTrendSql } from "../lib/funnel/conversionTrendSql";
import { stepCountsSql } from "../lib/funnel/stepCountsSql";
import { timeToConvertSql } from "../lib/funnel/timeToConvertSql";
import { inWindowSql } from "../lib/retention/windowSql";
import { withWarehouse } from "../lib/warehouse/warehouse";
import { exactAmountSql } from "../lib/db/exactAmountSql";

/** How many products the page shows from each end: the top N by viewing sessions and by buying sessions. */
export const TOP_PRODUCTS = 30;

/** Readable names for the engine's temporary tables. */
const TABLES = { session: "funnel_session_steps", user: "funnel_user_steps" } as const;

export interface ProductInterestRow {
  product_id: string;
  /** As brought: may hold any text, including markup. The page renders it as text only. */
  product_name: string;
  category: string | null;
  /** Sessions (user_id + session_id) with at least one view of the product. */
  viewing_sessions: number;
  /** Sessions with at least one purchase of the product. */
  buying_sessions: number;
  views: number;
  purchases: number;
  units: number;
  revenue: number;
  /** 1 = most viewing sessions (ties by product id); among every product with a view or a purchase. */
  view_rank: number;
  purchase_rank: number;
}

export interface ProductInterest {
  top: number;
  /** Products with at least one view or purchase in the window. */
  products: number;
  /** Σ over every product (not only the rows shown): product-session pairs with a view / a purchase. */
  all_viewing_sessions: number;
  all_buying_sessions: number;
  rows: ProductInterestRow[];
}

/** The statements behind one unit funnel (session or user), as they ran, each ending in ";". */
export interface UnitFunnelSql {
  /** CREATE TEMP TABLE of the per-unit step times (the one scan of the events). */
  steps_table: string;
  step_counts: string;
  time_to_convert: string;
  trend: { week: string; month: string };
  breakdowns: string;
}

export interface FunnelPageSql {
  session: UnitFunnelSql;
  user: UnitFunnelSql;
  /** Every statement of the run that concerns categories, in the order it ran. */
  category: string;
  products: string;
}

export interface FunnelPageData extends FunnelOutput {
  config: { session_steps: readonly string[]; user_steps: readonly string[]; category_steps: readonly string[] };
  products: ProductInterest;
  sql: FunnelPageSql;
}

/**
 * Per product: sessions that viewed it, sessions that bought it (and the raw events, units and revenue),
 * ranked both ways; only products in the top `limit` by either are returned, each with the totals over
 * every product. A product missing from the products table keeps its id as its name.
 */
export function productInterestSql(window: AnalysisWindow, limit = TOP_PRODUCTS): string {
  if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`limit must be a positive integer, got ${limit}`);
  const view = sqlString("product_view");
  const purchase = sqlString("purchase");
  return `WITH per_product AS (
    SELECT product_id,
      count(DISTINCT (user_id, session_id)) FILTER (WHERE event_type = ${view}) AS viewing_sessions,
      count(DISTINCT (user_id, session_id)) FILTER (WHERE event_type = ${purchase}) AS buying_sessions,
      count(*) FILTER (WHERE event_type = ${view}) AS views,
      count(*) FILTER (WHERE event_type = ${purchase}) AS purchases,
      coalesce(sum(quantity) FILTER (WHERE event_type = ${purchase}), 0) AS units,
      coalesce(sum(${exactAmountSql("price * quantity")}) FILTER (WHERE event_type = ${purchase}), 0) AS revenue,
      any_value(category) AS event_category
    FROM events
    WHERE ${inWindowSql(window)} AND product_id IS NOT NULL AND user_id IS NOT NULL AND session_id IS NOT NULL
      AND event_type IN (${view}, ${purchase})
    GROUP BY product_id
  ),
  ranked AS (
    SELECT *,
      row_number() OVER (ORDER BY viewing_sessions DESC, product_id) AS view_rank,
      row_number() OVER (ORDER BY buying_sessions DESC, product_id) AS purchase_rank,
      count(*) OVER () AS products,
      sum(viewing_sessions) OVER () AS all_viewing_sessions,
      sum(buying_sessions) OVER () AS all_buying_sessions
    FROM per_product
  )
  SELECT r.product_id,
    coalesce(p.product_name, r.product_id) AS product_name,
    coalesce(p.category, r.event_category) AS category,
    CAST(r.viewing_sessions AS INTEGER) AS viewing_sessions,
    CAST(r.buying_sessions AS INTEGER) AS buying_sessions,
    CAST(r.views AS INTEGER) AS views,
    CAST(r.purchases AS INTEGER) AS purchases,
    CAST(r.units AS INTEGER) AS units,
    CAST(round(r.revenue, 2) AS DOUBLE) AS revenue,
    CAST(r.view_rank AS INTEGER) AS view_rank,
    CAST(r.purchase_rank AS INTEGER) AS purchase_rank,
    CAST(r.products AS INTEGER) AS products,
    CAST(r.all_viewing_sessions AS INTEGER) AS all_viewing_sessions,
    CAST(r.all_buying_sessions AS INTEGER) AS all_buying_sessions
  FROM ranked AS r
  LEFT JOIN (SELECT DISTINCT ON (product_id) product_id, product_name, category FROM products) AS p USING (product_id)
  WHERE (r.view_rank <= ${limit} AND r.viewing_sessions > 0) OR (r.purchase_rank <= ${limit} AND r.buying_sessions > 0)
  ORDER BY r.view_rank`;
}

/** A connection that records the text of every statement run through it, in order. */
export function recordingConnection(connection: DuckDBConnection, log: string[]): DuckDBConnection {
  return new Proxy(connection, {
    get(target, property) {
      const value: unknown = Reflect.get(target, property, target);
      if (typeof value !== "function") return value;
      return (...args: unknown[]) => {
        if (typeof args[0] === "string") log.push(args[0]);
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
}

/** A scratch table's name without the per-run suffix scratchName adds (prefix_pid_counter_random). */
export function readableTableName(name: string): string {
  return /^(.+)_\d+_\d+_[a-z0-9]+$/.exec(name)?.[1] ?? name;
}

/**
 * The statements that produced results, as they ran: scratch tables under their readable names,
 * housekeeping (session settings, reading a setting back, dropping the scratch tables) left out.
 */
export function ranStatements(log: readonly string[]): string[] {
  const names = log.flatMap((sql) => [...sql.matchAll(/CREATE\s+TEMP\s+TABLE\s+(\w+)/gi)].map((m) => m[1]!));
  const housekeeping = /^\s*(SET\s|RESET\s|DROP\s|SELECT\s+current_setting\()/i;
  return log
    .filter((sql) => !housekeeping.test(sql))
    .map((sql) => names.reduce((text, name) => text.replaceAll(name, readableTableName(name)), sql.trim()));
}

const statement = (sql: string) => `${sql.trim()};`;

/**
 * The statement of `ran` that a builder call produced, or, when the engine no longer runs exactly that
 * (its builders or their arguments changed), every statement that read the same table, with a note:
 * the page never shows SQL that did not run.
 */
function pick(ran: readonly string[], expected: string, table: string): string {
  const wanted = expected.trim();
  if (ran.includes(wanted)) return statement(wanted);
  process.stderr.write(`funnel: the engine did not run the expected statement on ${table}; the page shows all of them\n`);
  const related = ran.filter((sql) => sql.includes(table));
  return [`-- Every statement the funnel engine ran on ${table}, in order:`, ...related.map(statement)].join("\n\n");
}

function unitFunnelSql(ran: readonly string[], table: string, stepCount: number, window: AnalysisWindow, horizonDays: number): UnitFunnelSql {
  const create = ran.find((sql) => new RegExp(`^CREATE\\s+TEMP\\s+TABLE\\s+${table}\\b`, "i").test(sql));
  if (!create) throw new Error(`funnel: the engine created no table ${table}; data-loaders/funnel.ts needs updating`);
  return {
    steps_table: statement(create),
    step_counts: pick(ran, stepCountsSql(table, stepCount), table),
    time_to_convert: pick(ran, timeToConvertSql(table, stepCount), table),
    trend: {
      week: pick(ran, conversionTrendSql(table, stepCount, "week", window, horizonDays), table),
      month: pick(ran, conversionTrendSql(table, stepCount, "month", window, horizonDays), table),
    },
    breakdowns: pick(ran, breakdownCountsSql(table, stepCount), table),
  };
}

/** The SQL behind each chart, taken from the statements the engine ran (see pick). */
export function funnelPageSql(ran: readonly string[], window: AnalysisWindow, config: FunnelConfig = DEFAULT_FUNNEL_CONFIG): FunnelPageSql {
  return {
    session: unitFunnelSql(ran, TABLES.session, config.sessionSteps.length, window, 0),
    user: unitFunnelSql(ran, TABLES.user, config.userSteps.length, window, config.userWindowDays),
    category: ran.filter((sql) => /category/i.test(sql)).map(statement).join("\n\n"),
    products: statement(productInterestSql(window)),
  };
}

/** Non-integers to `digits` significant digits, recursively; integers, strings and booleans as they are. */
export function roundNumbers<T>(value: T, digits = 6): T {
  if (typeof value === "number") return (Number.isInteger(value) || !Number.isFinite(value) ? value : Number(value.toPrecision(digits))) as T;
  if (Array.isArray(value)) return value.map((v) => roundNumbers(v, digits)) as T;
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, roundNumbers(v, digits)])) as T;
  }
  return value;
}

type ProductQueryRow = ProductInterestRow & { products: number; all_viewing_sessions: number; all_buying_sessions: number };

export function toProductInterest(rows: readonly ProductQueryRow[], top = TOP_PRODUCTS): ProductInterest {
  const first = rows[0];
  return {
    top,
    products: first?.products ?? 0,
    all_viewing_sessions: first?.all_viewing_sessions ?? 0,
    all_buying_sessions: first?.all_buying_sessions ?? 0,
    rows: rows.map(({ products: _p, all_viewing_sessions: _v, all_buying_sessions: _b, ...row }) => ({
      ...row,
      product_name: String(row.product_name),
    })),
  };
}

export function funnelData(): Promise<FunnelPageData> {
  return withWarehouse(async ({ db, dataset }) => {
    const window = dataset.window;
    const log: string[] = [];
    const funnels = await computeFunnels(recordingConnection(db.connection, log), window);
    const productRows = await queryRows<ProductQueryRow & Record<string, Plain>>(db.connection, productInterestSql(window));
    return roundNumbers({
      ...funnels,
      config: {
        session_steps: DEFAULT_FUNNEL_CONFIG.sessionSteps,
        user_steps: DEFAULT_FUNNEL_CONFIG.userSteps,
        category_steps: DEFAULT_FUNNEL_CONFIG.categorySteps,
      },
      products: toProductInterest(productRows),
      sql: funnelPageSql(ranStatements(log), window),
    });
  });
}
