import { describe, expect, it } from "vitest";
import { benjaminiHochberg } from "../../lib/stats/benjaminiHochberg.js";

describe("benjaminiHochberg", () => {
  it("small example, in input order", () => {
    // sorted: 0.005·4/1 = 0.02, 0.01·4/2 = 0.02, 0.03·4/3 = 0.04, 0.04·4/4 = 0.04; already monotone.
    const adjusted = benjaminiHochberg([0.01, 0.04, 0.03, 0.005]);
    [0.02, 0.04, 0.04, 0.02].forEach((v, i) => expect(adjusted[i]).toBeCloseTo(v, 12));
  });

  it("Benjamini & Hochberg (1995) example: 15 p-values, exactly the first four rejected at 0.05", () => {
    const p = [0.0001, 0.0004, 0.0019, 0.0095, 0.0201, 0.0278, 0.0298, 0.0344, 0.0459, 0.324, 0.4262, 0.5719, 0.6528, 0.759, 1];
    // p·15/rank (e.g. 0.5719·15/12 = 0.714875), then the running minimum from the largest rank down:
    // ranks 6 and 7: 0.0278·15/6 = 0.0695 and 0.0298·15/7 = 0.0638571 → both 0.0638571 (step-up).
    const expected = [
      0.0015, 0.003, 0.0095, 0.035625, 0.0603, 0.0638571, 0.0638571, 0.0645, 0.0765, 0.486, 0.5811818, 0.714875, 0.7532308,
      0.8132143, 1,
    ];
    const adjusted = benjaminiHochberg(p);
    expected.forEach((v, i) => expect(adjusted[i]).toBeCloseTo(v, 6));
    expect(adjusted.filter((a) => a < 0.05)).toHaveLength(4);
  });

  it("caps at 1 and handles an empty family", () => {
    expect(benjaminiHochberg([0.9, 0.95])).toEqual([0.95, 0.95]);
    expect(benjaminiHochberg([])).toEqual([]);
  });
});
