/**
 * The randomly shaped small datasets every page's words are checked on (issue 10 item 7): one user, one
 * event, no carts, no purchases, no prices, all in one hour, one category, every count tied, thousands of
 * categories, no user attributes, no registrations, enough repeat buyers for the prediction models to fit,
 * and messy mixes. Seeded, so a failure names its seed.
 */
import type { CoverageData } from "../../../lib/analysis/coverage.js";
import { formatSpan } from "../../../lib/format.js";
import { type TinyDataset, type TinyEvent, randomTinyDataset, uniformStream } from "../../helpers/tinyDataset.js";

export const SHAPES = [
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
  "repeat buyers",
  "messy",
] as const;
export type Shape = (typeof SHAPES)[number];

const HOUR = 3_600_000;
const iso = (ms: number) => new Date(ms).toISOString();

/** A dataset of the given shape, small and seeded. */
export function shapedDataset(shape: Shape, seed: number): TinyDataset {
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
    case "repeat buyers":
      return repeatBuyers(random, start);
    case "messy":
      return base;
  }
}

const DAY = 86_400_000;
export function windowOf(data: TinyDataset): { start: string; end: string } {
  const times = data.events.map((e) => Date.parse(e.timestamp));
  const first = times.length ? Math.min(...times) : Date.parse("2025-01-01T00:00:00Z");
  const last = times.length ? Math.max(...times) : first;
  return { start: iso(Math.floor(first / DAY) * DAY), end: iso((Math.floor(last / DAY) + 1) * DAY) };
}

/** What the data holds, counted here in JavaScript (the typed part the Overview words its lede from). */
export function coverageOf(data: TinyDataset, window: { start: string; end: string }): Omit<CoverageData, "notes" | "revenue" | "funnel_fit" | "funnel_fit_note" | "currency"> {
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

/**
 * 35–60 customers over 60–150 days, most buying on several days with a price, so that BG/NBD and
 * Gamma–Gamma have enough customers and repeat purchases to fit (MIN_CUSTOMERS, MIN_REPEAT_CUSTOMERS).
 */
function repeatBuyers(random: () => number, start: number): TinyDataset {
  const users = Array.from({ length: 35 + Math.floor(random() * 26) }, (_, i) => ({ user_id: `R${String(i).padStart(3, "0")}`, registration_date: iso(start) }));
  const days = 60 + Math.floor(random() * 91);
  const categories = ["Books", "Toys", "Garden"];
  const events: TinyEvent[] = [];
  users.forEach((u, i) => {
    const visits = 1 + Math.floor(random() * random() * 8);
    const first = Math.floor(random() * days * 0.5);
    for (let v = 0; v < visits; v++) {
      const day = Math.min(days - 1, first + Math.floor(random() * (days - first)));
      const at = start + day * DAY + Math.floor(random() * 20) * HOUR;
      const c = Math.floor(random() * categories.length);
      const session = `S${i}_${v}`;
      const product = { product_id: `P${c}`, category: categories[c]!, price: 5 + Math.round(random() * 4000) / 100 };
      events.push({ user_id: u.user_id, session_id: session, event_type: "session_start", timestamp: iso(at) });
      events.push({ user_id: u.user_id, session_id: session, event_type: "product_view", timestamp: iso(at + 60_000), ...product });
      if (random() < 0.85) events.push({ user_id: u.user_id, session_id: session, event_type: "purchase", timestamp: iso(at + 120_000), ...product, quantity: 1 + Math.floor(random() * 2) });
    }
  });
  events.sort((a, b) => a.timestamp.localeCompare(b.timestamp) || a.user_id.localeCompare(b.user_id));
  return { users, products: categories.map((c, i) => ({ product_id: `P${i}`, product_name: c, category: c, price: 10 })), events };
}
