import { expect, test } from "vitest";
import { formatRealismValue, formatRealismValues, realismCsvRows } from "../../src/components/realismFormat";

const THIN = "\u202F";

test("formatRealismValues prints a single value bare", () => {
  expect(formatRealismValues({ id: 3, values: { rate: 0.04338 } })).toBe("4.3%");
  expect(formatRealismValues({ id: 1, values: { events: 736978 } })).toBe(`736${THIN}978`);
  expect(formatRealismValues({ id: 10, values: { ratio: 3.214 } })).toBe("3.21");
});

test("formatRealismValues names each of several values", () => {
  expect(formatRealismValues({ id: 2, values: { products: 800, categories: 10 } })).toBe("800 products; 10 categories");
  expect(formatRealismValues({ id: 9, values: { m1: 0.395, m6: 0.1486 } })).toBe("M1 39.5%; M6 14.9%");
  expect(formatRealismValues({ id: 15, values: { events: 6, minutes: 7.25 } })).toBe("6 events; 7.3 minutes");
  expect(formatRealismValues({ id: 12, values: { min: 10.02, max: 499.5, median: 57.3, ln_sd: 0.951 } })).toBe(
    "min $10.02; max $499.50; median $57.30; sd of ln(price) 0.95",
  );
});

test("formatRealismValue falls back to a plain number for an unknown name", () => {
  expect(formatRealismValue(99, "something", 0.12345)).toBe("0.123");
});

test("realismCsvRows(rows) keeps raw values beside the text", () => {
  const [row] = realismCsvRows([{ id: 9, statistic: "retention", values: { m1: 0.4, m6: 0.15 }, target: "M1 15% – 45%", benchmark: "x", pass: true }]);
  expect(row).toEqual({ id: 9, statistic: "retention", measured: "M1 40.0%; M6 15.0%", value_m1: 0.4, value_m6: 0.15, target: "M1 15% – 45%", benchmark: "x", pass: true });
});
