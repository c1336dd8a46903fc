// A dataset of a single day (a REES46 sample, a two-hour click log) has no holdout and no returns: the
// prediction step says why instead of stopping analyze and the build.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../lib/db/duckdb";
import { computePredictions } from "../../lib/predict/computePredictions";
import { openTinyDatabase } from "../helpers/tinyDataset";

let db: Database;
beforeAll(async () => {
  db = await openTinyDatabase({
    users: [{ user_id: "u1" }, { user_id: "u2" }],
    events: [
      { user_id: "u1", session_id: "s1", event_type: "purchase", timestamp: "2019-10-01T08:00:00Z", price: 10, quantity: 1 },
      { user_id: "u1", session_id: "s2", event_type: "purchase", timestamp: "2019-10-01T20:00:00Z", price: 12, quantity: 1 },
      { user_id: "u2", session_id: "s3", event_type: "purchase", timestamp: "2019-10-01T09:30:00Z", price: 5, quantity: 2 },
    ],
  });
});
afterAll(() => db?.close());

describe("computePredictions on one day of data", () => {
  it("fits nothing and says the data spans a single day, without throwing", async () => {
    const { summary, customers } = await computePredictions(db.connection, {
      window: { start: "2019-10-01T00:00:00.000Z", end: "2019-10-02T00:00:00.000Z" },
      segments: new Map(),
      plantedAlive: undefined,
    });
    expect(customers).toBeNull();
    expect(summary.bgnbd).toBeNull();
    expect(summary.validation).toBeNull();
    expect(summary.unsupported.bgnbd).toMatch(/single day \(2019-10-01\)/);
    expect(summary.calibration).toEqual({ start: "2019-10-01", end: "2019-10-01" });
  });

  it("still refuses a chosen calibration end that leaves no holdout, naming the dates", async () => {
    await expect(
      computePredictions(db.connection, {
        window: { start: "2019-10-01T00:00:00.000Z", end: "2019-10-02T00:00:00.000Z" },
        calibrationEnd: "2019-10-01",
        segments: new Map(),
        plantedAlive: undefined,
      }),
    ).rejects.toThrow(/shorter than two days/);
  });
});
