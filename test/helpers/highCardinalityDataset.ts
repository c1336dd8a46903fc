/**
 * A brought dataset with many distinct values and few events (issue 11 item 4): 100,000 products in
 * 5,000 categories, 6,000 users in 5,000 locations, about 50,000 events over 60 days, in the seed
 * schema as CSV. Every list a page draws from it would be thousands long without top-N bounds.
 *
 *   npx tsx test/helpers/highCardinalityDataset.ts OUT_DIR
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { Rng } from "../../lib/random/rng";

export const HIGH_CARDINALITY = { users: 6_000, products: 100_000, categories: 5_000, locations: 5_000, days: 60 } as const;

const DAY_MS = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString().replace(".000Z", "Z");

/** Writes users.csv, products.csv and events.csv into `dir`; returns the number of event rows. */
export function writeHighCardinalityDataset(dir: string, seed = 11): number {
  const { users, products, categories, locations, days } = HIGH_CARDINALITY;
  const rng = new Rng(seed);
  mkdirSync(dir, { recursive: true });
  const t0 = Date.parse("2025-01-01T00:00:00Z");
  const userLines = ["user_id,registration_date,age,gender,location"];
  for (let u = 0; u < users; u++) {
    userLines.push(`U${u},${iso(t0 + Math.floor(rng.next() * days) * DAY_MS)},${18 + Math.floor(rng.next() * 48)},${rng.next() < 0.5 ? "F" : "M"},Town ${String(u % locations).padStart(4, "0")}`);
  }
  const productLines = ["product_id,product_name,category,price"];
  const categoryOf = (p: number) => `Category ${String(p % categories).padStart(4, "0")}`;
  for (let p = 0; p < products; p++) productLines.push(`P${p},Product ${p},${categoryOf(p)},${(1 + (p % 200)).toFixed(2)}`);
  const eventLines = ["event_id,user_id,session_id,event_type,timestamp,product_id,category,price,quantity"];
  let id = 0;
  const event = (user: number, session: string, type: string, at: number, product?: number) =>
    eventLines.push(`E${++id},U${user},${session},${type},${iso(at)},${product === undefined ? "" : `P${product}`},${product === undefined ? "" : categoryOf(product)},${product === undefined ? "" : (1 + (product % 200)).toFixed(2)},${type === "add_to_cart" || type === "purchase" ? 1 : ""}`);
  for (let u = 0; u < users; u++) {
    const sessions = 1 + Math.floor(rng.next() * 3);
    for (let s = 0; s < sessions; s++) {
      const session = `U${u}-S${s}`;
      let at = t0 + Math.floor(rng.next() * days * DAY_MS - 3_600_000);
      event(u, session, "session_start", at);
      const views = 1 + Math.floor(rng.next() * 4);
      let last = 0;
      for (let v = 0; v < views; v++) {
        last = Math.floor(rng.next() * products);
        event(u, session, "product_view", (at += 30_000), last);
      }
      if (rng.next() < 0.3) {
        event(u, session, "add_to_cart", (at += 30_000), last);
        if (rng.next() < 0.5) event(u, session, "purchase", (at += 30_000), last);
      }
      event(u, session, "session_end", (at += 30_000));
    }
  }
  writeFileSync(join(dir, "users.csv"), userLines.join("\n") + "\n");
  writeFileSync(join(dir, "products.csv"), productLines.join("\n") + "\n");
  writeFileSync(join(dir, "events.csv"), eventLines.join("\n") + "\n");
  return eventLines.length - 1;
}

if (process.argv[1]?.endsWith("highCardinalityDataset.ts") && process.argv[2]) {
  process.stdout.write(`${writeHighCardinalityDataset(process.argv[2])} events\n`);
}
