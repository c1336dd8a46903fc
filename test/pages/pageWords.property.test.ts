/**
 * True on any data: the words the page modules build, on 220 randomly shaped small datasets (one user,
 * one event, no carts, no purchases, no prices, all in one hour, one category, every count tied,
 * thousands of categories, no user attributes, no registrations, and messy mixes), computed by the real
 * engines on one shared DuckDB connection. Every sentence must:
 * - leak no template value (undefined, NaN, null, [object Object]);
 * - agree in number ("1 event", "2 events");
 * - carry only numbers found in the typed parts it was built from;
 * - claim no maximum on a tie and no superlative on 0; and no claim rests on 0 comparisons.
 * Segment names and their evidence are checked on random cluster traits (segmentation itself is kept out:
 * the naming rules are what words them).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CoverageData } from "../../lib/analysis/coverage.js";
import { dataNotes } from "../../lib/analysis/dataNotes.js";
import { computeFunnels } from "../../lib/analysis/funnels.js";
import { computeHeadline } from "../../lib/analysis/headline.js";
import { WINDOW_SHOPPER_SQL } from "../../lib/analysis/insights.js";
import { type Database, openDatabase, queryRows } from "../../lib/db/duckdb.js";
import { stopTracing, traceConnection } from "../../lib/db/sqlTrace.js";
import { computeRetention } from "../../lib/retention/computeRetention.js";
import { formatInteger, formatInterval, formatSpan, formatMoney, formatNumber, formatPercent } from "../../lib/format.js";
import { type OverviewFacts, type OverviewPage, buildOverviewPage } from "../../lib/pages/overview.js";
import { type ClusterTraits, nameClusters } from "../../lib/segments/naming.js";
import { type TinyDataset, type TinyEvent, loadTinyDataset, randomTinyDataset, uniformStream } from "../helpers/tinyDataset.js";

const DATASETS = 220;
const SHAPES = [
  "one user",
  "one event",
  "no carts",
  "no purchases",
  "no prices",
  "one hour",
  "one category",
  "tied counts",
  "thousands of categories",
  "no user attributes",
  "no registrations",
  "messy",
] as const;
type Shape = (typeof SHAPES)[number];

const HOUR = 3_600_000;
const iso = (ms: number) => new Date(ms).toISOString();

/** A dataset of the given shape, small and seeded. */
function shapedDataset(shape: Shape, seed: number): TinyDataset {
  const random = uniformStream(seed);
  const base = randomTinyDataset(seed, { users: 2 + Math.floor(random() * 10), days: 5 + Math.floor(random() * 60), maxSessionsPerUser: 3, maxEventsPerSession: 6 });
  const start = Date.parse("2025-03-01T10:00:00Z");
  switch (shape) {
    case "one user":
      return { ...base, users: base.users.slice(0, 1), events: base.events.filter((e) => e.user_id === base.users[0]!.user_id) };
    case "one event":
      return { users: base.users.slice(0, 1), products: base.products, events: [{ user_id: base.users[0]!.user_id, session_id: "S1", event_type: random() < 0.5 ? "purchase" : "product_view", timestamp: iso(start), product_id: "P00", category: "Books", price: 10, quantity: 1 }] };
    case "no carts":
      return { ...base, events: base.events.filter((e) => e.event_type !== "add_to_cart") };
    case "no purchases":
      return { ...base, events: base.events.filter((e) => e.event_type !== "purchase") };
    case "no prices":
      return { ...base, events: base.events.map((e) => ({ ...e, price: null })), products: base.products?.map((p) => ({ ...p, price: null })) };
    case "one hour":
      return { ...base, events: base.events.map((e, i) => ({ ...e, timestamp: iso(start + ((i * 7919) % HOUR)) })) };
    case "one category":
      return { ...base, events: base.events.map((e) => ({ ...e, category: e.category === null ? null : "Books" })) };
    case "tied counts": {
      // Every user, every category: one session of view → cart → purchase of one product each.
      const categories = ["A", "B", "C", "D"];
      const events: TinyEvent[] = base.users.flatMap((u, i) =>
        categories.flatMap((category, c) =>
          ["session_start", "product_view", "add_to_cart", "purchase"].map((event_type, k) => ({
            user_id: u.user_id,
            session_id: `S${i}_${c}`,
            event_type,
            timestamp: iso(start + i * HOUR + c * 60_000 + k * 1000),
            product_id: event_type === "session_start" ? null : `P${c}`,
            category: event_type === "session_start" ? null : category,
            price: event_type === "session_start" ? null : 10,
            quantity: event_type === "add_to_cart" || event_type === "purchase" ? 1 : null,
          })),
        ),
      );
      return { users: base.users, products: categories.map((c, i) => ({ product_id: `P${i}`, product_name: c, category: c, price: 10 })), events };
    }
    case "thousands of categories":
      return { ...base, events: base.events.map((e, i) => ({ ...e, category: e.category === null ? null : `C${i}` })) };
    case "no user attributes":
      return { ...base, users: base.users.map((u) => ({ user_id: u.user_id, registration_date: u.registration_date })) };
    case "no registrations":
      return { ...base, users: base.users.map((u) => ({ ...u, registration_date: null })) };
    case "messy":
      return base;
  }
}

const DAY = 86_400_000;
function windowOf(data: TinyDataset): { start: string; end: string } {
  const times = data.events.map((e) => Date.parse(e.timestamp));
  const first = times.length ? Math.min(...times) : Date.parse("2025-01-01T00:00:00Z");
  const last = times.length ? Math.max(...times) : first;
  return { start: iso(Math.floor(first / DAY) * DAY), end: iso((Math.floor(last / DAY) + 1) * DAY) };
}

/** What the data holds, counted here in JavaScript (the typed part the Overview words its lede from). */
function coverageOf(data: TinyDataset, window: { start: string; end: string }): Omit<CoverageData, "notes" | "revenue" | "funnel_fit" | "funnel_fit_note" | "currency"> {
  const count = (type: string) => data.events.filter((e) => e.event_type === type).length;
  const times = data.events.map((e) => e.timestamp).sort();
  const registered = data.users.filter((u) => u.registration_date).length;
  return {
    source: "brought",
    schema: "seed",
    preset: null,
    timezone: "UTC",
    window,
    window_hours: (Date.parse(window.end) - Date.parse(window.start)) / HOUR,
    span_text: formatSpan(times.length ? Date.parse(times.at(-1)!) - Date.parse(times[0]!) : 0),
    first_event: times[0] ?? null,
    last_event: times.at(-1) ?? null,
    events: data.events.length,
    event_types: { session_start: count("session_start"), product_view: count("product_view"), add_to_cart: count("add_to_cart"), purchase: count("purchase"), session_end: count("session_end") },
    users: data.users.length,
    registrations: registered > 0 ? "given" : "first_event",
    registered_users: registered,
  };
}

let db: Database;
const pages: { shape: Shape; seed: number; page: OverviewPage }[] = [];

beforeAll(async () => {
  // One thread: on data this small DuckDB's parallelism costs more than it saves.
  db = await openDatabase(":memory:", { threads: 1 });
  const connection = db.connection;
  for (let i = 0; i < DATASETS; i++) {
    const shape = SHAPES[i % SHAPES.length]!;
    const data = shapedDataset(shape, 1000 + i);
    if (data.events.length === 0) continue;
    for (const table of ["events", "products", "users"]) await connection.run(`DROP TABLE IF EXISTS ${table}`);
    await loadTinyDataset(connection, data);
    const window = windowOf(data);
    const trace = traceConnection(connection);
    const funnels = await computeFunnels(connection, window);
    // Only the variant the Overview quotes: the other variants and LTV do not reach its words.
    const { retention } = await computeRetention(connection, window, {
      variants: [{ cohort_by: "registration", activity: "any_event", granularity: "month", mode: "on" }],
      ltv: [],
    });
    const cohorts = { window, retention, ltv: [] };
    const headline = await computeHeadline(connection);
    const [shoppers] = await queryRows<{ window_shoppers: number; active_users: number; median_views: number }>(connection, WINDOW_SHOPPER_SQL);
    trace.record("overview.window_shoppers", WINDOW_SHOPPER_SQL);
    stopTracing(connection);
    const facts: OverviewFacts = {
      window,
      headline,
      shoppers: shoppers ?? null,
      coverage: { ...coverageOf(data, window), ...(await dataNotes(connection, { duplicate_rows: null, timestamps: "date_time" })), currency: { code: "USD", symbol: "$" } },
      totals: { read: data.events.length, loaded: data.events.length, set_aside: 0 },
      source: { kind: "folder" },
    };
    pages.push({ shape, seed: 1000 + i, page: buildOverviewPage(facts, funnels, cohorts, trace) });
  }
}, 900_000);
afterAll(() => db?.close());

/** Every sentence of a page, with the typed parts it was built from. */
function sentencesOf(page: OverviewPage): { text: string; parts: unknown }[] {
  return [
    { text: page.lede, parts: page.headline },
    { text: page.absent, parts: {} },
    ...page.kpis.map((k) => ({ text: [k.value, k.interval ?? "", k.caption].join(" "), parts: page.headline })),
    ...page.insights.map((card) => ({ text: card.sentence, parts: card.insight })),
  ];
}

const PLURAL_NOUNS = ["event", "user", "session", "product", "comparison", "day", "row", "hour", "minute", "purchase event", "active user", "registered user"];

function numbersIn(value: unknown): number[] {
  if (typeof value === "number") return [value];
  if (Array.isArray(value)) return value.flatMap(numbersIn);
  if (value !== null && typeof value === "object") return Object.values(value).flatMap(numbersIn);
  return [];
}

/** Every way the page formats a number of the typed parts (a count, a share, a percent, money). */
function spellings(parts: unknown): Set<string> {
  const out = new Set<string>(["95", "1", "0"]);
  const numbers = numbersIn(parts);
  for (const x of numbers) {
    for (const text of [formatInteger(x), formatInteger(Math.round(x)), formatPercent(x), formatNumber(x * 100, 1), formatMoney(x), String(x)]) {
      out.add(text.replace(/[%$]/g, ""));
    }
  }
  // A share of two parts (buyers / active users) and the interval's ends.
  for (const a of numbers) for (const b of numbers) if (b > 0) out.add(formatPercent(a / b).replace("%", ""));
  for (const a of numbers) for (const b of numbers) for (const t of formatInterval(a, b).match(/\d[\d.]*/g) ?? []) out.add(t);
  return out;
}

describe(`page words on ${DATASETS} randomly shaped datasets`, () => {
  it("covers every shape", () => {
    expect(new Set(pages.map((p) => p.shape)).size).toBe(SHAPES.length);
    expect(pages.length).toBeGreaterThanOrEqual(200);
  });

  it("leaks no template value", () => {
    for (const { shape, seed, page } of pages) {
      for (const { text } of sentencesOf(page)) expect(text, `${shape} #${seed}`).not.toMatch(/undefined|NaN|\bnull\b|\[object Object\]|Infinity/);
    }
  });

  it("agrees in number", () => {
    for (const { shape, seed, page } of pages) {
      for (const { text } of sentencesOf(page)) {
        for (const noun of PLURAL_NOUNS) {
          expect(text, `${shape} #${seed}: "1 ${noun}s"`).not.toMatch(new RegExp(`(^|[^\\d\\u202F.])1 ${noun}s\\b`));
          expect(text, `${shape} #${seed}: "n ${noun}"`).not.toMatch(new RegExp(`(^|[^\\d.])(0|[2-9]|\\d[\\d\\u202F]+) ${noun}\\b(?!s)`));
        }
      }
    }
  });

  it("carries only numbers found in its typed parts", () => {
    for (const { shape, seed, page } of pages) {
      for (const { text, parts } of sentencesOf(page).filter((s) => s.parts !== page.headline || s.text === page.lede)) {
        const allowed = spellings(parts);
        // Dates, times and the span's length come from the window, not from counts.
        // Names (categories, segments) are text from the data, quoted: their digits are not numbers.
        const words = text.replace(/“[^”]*”/g, "").replace(/\d{4}-\d{2}-\d{2}( \d{2}:\d{2})?|\d{2}:\d{2}|\(\d+ (hours?|minutes?)( \d+ minutes?)?\)|\d+ days?\)|month \d+|seed \d+/g, "");
        for (const number of words.match(/\d[\d\u202F]*(\.\d+)?/g) ?? []) {
          expect(allowed.has(number), `${shape} #${seed}: ${number} in "${text}"`).toBe(true);
        }
      }
    }
  });

  it("claims no maximum on a tie, no superlative on 0, nothing from 0 comparisons", () => {
    let contrasts = 0;
    for (const { shape, seed, page } of pages) {
      for (const { insight, sentence } of page.insights) {
        expect(sentence, `${shape} #${seed}`).not.toMatch(/\b0 comparisons\b/);
        if ("comparisons" in insight) expect(insight.comparisons).toBeGreaterThan(0);
        if (insight.kind === "interest_vs_purchase") {
          contrasts += 1;
          expect(insight.sold_share, `${shape} #${seed}: sells the most at 0`).toBeGreaterThan(0);
        }
        if (insight.kind === "window_shoppers") expect(insight.users).toBeGreaterThan(0);
      }
      if (shape === "tied counts") {
        // Every category viewed and bought equally, every step reached equally: nothing is "most".
        expect(page.insights.map((c) => c.insight.kind), `${shape} #${seed}`).not.toContain("interest_vs_purchase");
        expect(page.insights.map((c) => c.sentence).join(" ")).not.toMatch(/the most|biggest/);
      }
    }
    expect(contrasts, "some datasets have a single most-viewed and best-selling category").toBeGreaterThan(0);
  });

  it("says 'went on to buy', never 'went on to bought'", () => {
    const sentences = pages.flatMap(({ page }) => page.insights.map((c) => c.sentence)).filter((s) => s.includes("went on to"));
    expect(sentences.length).toBeGreaterThan(0);
    for (const sentence of sentences) expect(sentence).not.toMatch(/went on to (bought|added|viewed|started)/);
  });

  it("says 'registered' only where the data has registrations", () => {
    for (const { shape, page } of pages.filter((p) => p.shape === "no registrations")) {
      for (const { text } of sentencesOf(page)) expect(text, shape).not.toMatch(/registered/);
    }
  });
});

describe("segment names on random cluster traits", () => {
  it("are unique, never numbered, and their evidence leaks nothing", () => {
    const random = uniformStream(99);
    const pick = <T,>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;
    for (let run = 0; run < 300; run++) {
      const k = 2 + Math.floor(random() * 6);
      const twin = random() < 0.3;
      const traits: ClusterTraits[] = Array.from({ length: k }, (_, cluster) => ({
        cluster,
        share: twin ? 1 / k : random(),
        z: twin ? { product_views: 1 } : { product_views: pick([-1, 0, 1]), sessions: pick([-1, 0, 1]), recency_days: pick([0, 1]), orders: pick([0, 1]), tenure_days: pick([-1, 0]) },
        buyer_share: twin ? 0 : pick([0, 0.05, 0.3, 0.6, 1]),
        session_conversion: pick([0, 0.1]),
        revenue_share: random(),
        revenue_per_user: pick([0, 50, 500]),
        median_product_views: pick([0, 1, 12]),
        median_recency_days: pick([1, 45]),
        median_sessions: pick([1, 3]),
      }));
      const named = nameClusters(traits, { buyer_share: 0.3, revenue_per_user: 100, median_product_views: 5, median_recency_days: 20 });
      const names = named.map((n) => n.name);
      expect(new Set(names).size, names.join(" | ")).toBe(names.length);
      for (const n of named) {
        expect(n.name).not.toMatch(/\s\d+$/);
        expect(`${n.meaning} ${n.evidence}`).not.toMatch(/undefined|NaN|\[object Object\]|\b1 days\b/);
      }
    }
  });
});
