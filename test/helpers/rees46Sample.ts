// A hand-made file in the shape of the REES46 export (header, " UTC" times, view/cart/purchase, UUID
// sessions, an empty category_code that falls back to category_id, a brand column the preset does not
// read, exact duplicate rows), small enough that every expected count below was worked out by hand.
// Tests run on it always; the real 17,433-row head of the October 2019 file (../shared/fixtures, present
// beside the project in CI) is tested as well when it is there.
import type { DuckDBConnection } from "@duckdb/node-api";
import { existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { queryRows } from "../../lib/db/duckdb";

const HEADER = "event_time,event_type,product_id,category_id,category_code,brand,price,user_id,user_session";
const S1 = "aaaaaaaa-0000-4000-8000-000000000001";
const S2 = "bbbbbbbb-0000-4000-8000-000000000002";
const S3 = "cccccccc-0000-4000-8000-000000000003";
const S4 = "dddddddd-0000-4000-8000-000000000004";

/** Data rows; the row number of each (1 = first after the header) is its index + 1. */
export const REES46_SAMPLE_ROWS = [
  `2019-10-01 00:00:00 UTC,view,1001,2053013555631882655,electronics.smartphone,apple,489.07,500000001,${S1}`, // 1
  `2019-10-01 00:00:05 UTC,view,1002,2053013563810775923,,samsung,120.50,500000002,${S2}`, // 2: no category_code
  `2019-10-01 00:00:05 UTC,view,1002,2053013563810775923,,samsung,120.50,500000002,${S2}`, // 3: same as row 2
  `2019-10-01 00:01:00 UTC,cart,1001,2053013555631882655,electronics.smartphone,apple,489.07,500000001,${S1}`, // 4
  `2019-10-01 00:02:00 UTC,purchase,1001,2053013555631882655,electronics.smartphone,apple,489.07,500000001,${S1}`, // 5
  `2019-10-01 00:03:00 UTC,view,1003,2053013558920217191,computers.notebook,,300.00,500000003,${S3}`, // 6: no brand
  `2019-10-01 23:59:59 UTC,view,1001,2053013555631882655,electronics.smartphone,apple,489.07,500000002,${S4}`, // 7
  `2019-10-01 23:59:59 UTC,view,1001,2053013555631882655,electronics.smartphone,apple,489.07,500000002,${S4}`, // 8: same as row 7
];

/** What reading the sample through the rees46 preset must give, counted by hand from the rows above. */
export const REES46_SAMPLE_EXPECTED = {
  read: 8,
  loaded: 6,
  setAside: 2,
  duplicates: [
    { row: 3, detail: "same as row 2" },
    { row: 8, detail: "same as row 7" },
  ],
  eventTypes: { add_to_cart: 1, product_view: 4, purchase: 1 },
  users: 3,
  products: 3,
  sessions: 4,
  /** Loaded events whose category is the numeric category_id (row 2). */
  categoryIdFallback: 1,
  window: { start: "2019-10-01T00:00:00.000Z", end: "2019-10-02T00:00:00.000Z", timezone: "UTC" },
} as const;

export const REES46_SAMPLE_FILE = "rees46-sample.csv";

/** Writes the sample into `dir` and returns its path. */
export function writeRees46Sample(dir: string): string {
  const path = join(dir, REES46_SAMPLE_FILE);
  writeFileSync(path, `${HEADER}\n${REES46_SAMPLE_ROWS.join("\n")}\n`);
  return path;
}

/**
 * The shared REES46 fixture when it sits beside this clone (as in CI), else null after one note saying
 * that its tests are skipped and why; the sample's tests run either way.
 */
export function sharedRees46Fixture(projectRoot: string): string | null {
  const path = join(projectRoot, "..", "shared", "fixtures", "rees46-2019-10-head.csv");
  if (existsSync(path)) return path;
  console.warn(`note: ${path} is not beside this clone; its tests are skipped (the hand-made REES46 sample's tests still run).`);
  return null;
}

/**
 * What the preset derives, counted in SQL after reading: registrations that are not the user's first
 * event, carts or purchases whose quantity is not 1, views with a quantity, events without a category,
 * categories that fell back to the numeric category_id, sessions, and whether event id 1 is the first
 * row (of `firstUserId`).
 */
export async function derivedChecks(connection: DuckDBConnection, firstUserId: string): Promise<Record<string, number>> {
  const [check] = await queryRows<Record<string, number>>(
    connection,
    `SELECT
       (SELECT count(*) FROM users u JOIN (SELECT user_id, min("timestamp") AS t FROM events GROUP BY 1) f USING (user_id) WHERE u.registration_date <> f.t)::INTEGER AS wrong_registration,
       (SELECT count(*) FROM events WHERE event_type IN ('add_to_cart', 'purchase') AND quantity IS DISTINCT FROM 1)::INTEGER AS wrong_quantity,
       (SELECT count(*) FROM events WHERE event_type = 'product_view' AND quantity IS NOT NULL)::INTEGER AS view_quantity,
       (SELECT count(*) FROM events WHERE category IS NULL)::INTEGER AS no_category,
       (SELECT count(*) FROM events WHERE regexp_full_match(category, '[0-9]+'))::INTEGER AS category_id_fallback,
       (SELECT count(DISTINCT (user_id, session_id)) FROM events)::INTEGER AS sessions,
       (SELECT count(*) FROM events WHERE event_id = '1' AND user_id = '${firstUserId}')::INTEGER AS first_row`,
  );
  return check!;
}
