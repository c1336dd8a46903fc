import { describe, expect, it } from "vitest";
import { conditionalExpectedTransactions } from "../../lib/predict/bgnbdExpectations";
import { discountedExpectedTransactions } from "../../lib/predict/clv";
import { predictionSettings } from "../../lib/predict/settings";
import { aliveCalibration, byFrequency, pearson } from "../../lib/predict/validation";
import type { Customers } from "../../lib/predict/readCustomers";

const CDNOW = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };

describe("discountedExpectedTransactions", () => {
  const history = { x: 3, tx: 20, T: 30 };
  it("without discounting is the expected purchases over the whole horizon (the weekly steps add up)", () => {
    expect(discountedExpectedTransactions(CDNOW, history, 365, 7, 0)).toBeCloseTo(conditionalExpectedTransactions(CDNOW, 365 / 7, 3, 20, 30), 12);
  });
  it("discounting at 10% a year lowers it, but by less than 10%", () => {
    const plain = discountedExpectedTransactions(CDNOW, history, 365, 7, 0);
    const discounted = discountedExpectedTransactions(CDNOW, history, 365, 7, 0.1);
    expect(discounted).toBeLessThan(plain);
    expect(discounted).toBeGreaterThan(plain / 1.1);
  });
});

describe("byFrequency", () => {
  it("averages actual and predicted holdout purchases per calibration x, with 7+ pooled", () => {
    const customers = { x: Float64Array.from([0, 0, 2, 9, 7]), holdoutX: Float64Array.from([1, 0, 3, 4, 2]) } as Customers;
    const predicted = Float64Array.from([0.5, 0.1, 2, 5, 3]);
    expect(byFrequency(customers, predicted)).toEqual([
      { x: "0", customers: 2, actual: 0.5, predicted: 0.3 },
      { x: "2", customers: 1, actual: 3, predicted: 2 },
      { x: "7+", customers: 2, actual: 3, predicted: 4 },
    ]);
  });
});

describe("pearson", () => {
  it("is 1 for a line, −1 for a falling one, null without spread", () => {
    expect(pearson([1, 2, 3, 4], [3, 5, 7, 9])).toBeCloseTo(1, 12);
    expect(pearson([1, 2, 3], [3, 2, 1])).toBeCloseTo(-1, 12);
    expect(pearson([1, 2, 3], [5, 5, 5])).toBeNull();
  });
});

describe("aliveCalibration", () => {
  it("splits customers into ten equal groups by predicted P(alive) and compares with the truth", () => {
    const ids = Array.from({ length: 20 }, (_, i) => `u${i}`);
    const pAlive = Float64Array.from(ids, (_, i) => i / 20);
    // The truth: the top half is alive.
    const truth = new Map(ids.map((id, i) => [id, i >= 10]));
    const deciles = aliveCalibration(ids, pAlive, truth)!;
    expect(deciles.map((d) => d.customers)).toEqual(new Array(10).fill(2));
    expect(deciles.map((d) => d.actual)).toEqual([0, 0, 0, 0, 0, 1, 1, 1, 1, 1]);
    expect(deciles[0]!.predicted).toBeCloseTo(0.025, 12);
  });
  it("is null without enough customers in the truth", () => {
    expect(aliveCalibration(["a"], Float64Array.from([0.5]), new Map([["a", true]]))).toBeNull();
  });
});

describe("predictionSettings", () => {
  it("reads flags first, then the build's environment variables, then the defaults", () => {
    expect(predictionSettings({}, {})).toEqual({ options: { time_unit: "week", horizon_days: 365, discount_rate: 0.1 } });
    const env = { EVENT_KIT_CALIBRATION_END: "2025-06-30", EVENT_KIT_TIME_UNIT: "day", EVENT_KIT_DISCOUNT_RATE: "0.05" };
    expect(predictionSettings({ "horizon-days": "90" }, env)).toEqual({
      calibrationEnd: "2025-06-30",
      options: { time_unit: "day", horizon_days: 90, discount_rate: 0.05 },
    });
    expect(predictionSettings({ "calibration-end": "2025-03-01" }, env).calibrationEnd).toBe("2025-03-01");
  });
  it("refuses bad values with the flag's name", () => {
    expect(() => predictionSettings({ "calibration-end": "2025-02-30" }, {})).toThrow(/--calibration-end must be a date/);
    expect(() => predictionSettings({ "time-unit": "month" }, {})).toThrow(/--time-unit must be one of day, week/);
    expect(() => predictionSettings({ "discount-rate": "10%" }, {})).toThrow(/--discount-rate/);
    expect(() => predictionSettings({ "horizon-days": "0" }, {})).toThrow(/--horizon-days must be from 1/);
  });
});
