/**
 * A brought dataset that holds only purchases: one events.csv in the seed schema, no users or products
 * table, no session starts, no product views, no carts. A few hundred seeded rows over three months.
 * It exercises every "cannot be computed" path of the report, and carries markup in its values (a
 * category and a set-aside event type hold `<script>`) so the site can be checked to show them as text.
 *
 *   npx tsx test/helpers/purchasesOnlyDataset.ts OUT_DIR
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { Rng } from "../../lib/random/rng";

/** A category whose name is markup: the site must show it literally and never run it. */
export const SCRIPT_CATEGORY = `<script>window.__xss=1</script>Gadgets`;
/** The event type of the one row set aside (unknown_event_type); the validation examples show it. */
export const SCRIPT_EVENT_TYPE = `<script>window.__xss=2</script>`;

const CATEGORIES = ["Books", "Garden", "Kitchen", SCRIPT_CATEGORY];
const HEADER = ["event_id", "user_id", "session_id", "event_type", "timestamp", "product_id", "category", "price", "quantity"];

function csvField(value: string | number): string {
  const text = String(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export interface PurchasesOnlyOptions {
  users?: number;
  seed?: number;
  /** First day, UTC. */
  start?: string;
  days?: number;
}

/** The CSV text; rows = purchases (one per buying session, 1–3 lines each) + one set-aside row. */
export function purchasesOnlyCsv(options: PurchasesOnlyOptions = {}): { csv: string; rows: number } {
  const { users = 120, seed = 7, start = "2025-01-01", days = 90 } = options;
  const rng = new Rng(seed);
  const t0 = Date.parse(`${start}T00:00:00Z`);
  const lines = [HEADER.join(",")];
  let eventId = 0;
  for (let u = 1; u <= users; ++u) {
    const userId = `U${String(u).padStart(6, "0")}`;
    const orders = 1 + Math.floor(rng.next() * rng.next() * 5);
    for (let o = 1; o <= orders; ++o) {
      const at = t0 + Math.floor(rng.next() * days * 86_400_000);
      const items = 1 + Math.floor(rng.next() * 3);
      for (let i = 0; i < items; ++i) {
        const product = 1 + Math.floor(rng.next() * 40);
        const category = CATEGORIES[product % CATEGORIES.length]!;
        const price = (10 + Math.floor(rng.next() * 19_000) / 100).toFixed(2);
        const quantity = 1 + Math.floor(rng.next() * rng.next() * 3);
        const timestamp = new Date(at + i * 1000).toISOString();
        lines.push(
          [++eventId, userId, `S${u}-${o}`, "purchase", timestamp, `P${String(product).padStart(4, "0")}`, category, price, quantity]
            .map(csvField)
            .join(","),
        );
      }
    }
  }
  const rogue = [++eventId, "U000001", "S1-1", SCRIPT_EVENT_TYPE, new Date(t0 + 3_600_000).toISOString(), "P0001", "Books", "10.00", 1];
  lines.push(rogue.map(csvField).join(","));
  return { csv: lines.join("\n") + "\n", rows: lines.length - 1 };
}

/** Writes OUT_DIR/events.csv (and nothing else); returns the number of data rows. */
export function writePurchasesOnlyDataset(dir: string, options?: PurchasesOnlyOptions): number {
  mkdirSync(dir, { recursive: true });
  const { csv, rows } = purchasesOnlyCsv(options);
  writeFileSync(join(dir, "events.csv"), csv);
  return rows;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = process.argv[2];
  if (!dir) throw new Error("usage: tsx test/helpers/purchasesOnlyDataset.ts OUT_DIR");
  process.stderr.write(`${writePurchasesOnlyDataset(dir)} rows → ${join(dir, "events.csv")}\n`);
}
