import { describe, expect, it } from "vitest";
import { otherLabel } from "../../lib/display/otherLabel";
import { topWithOther } from "../../lib/display/topWithOther";

const items = (pairs: [string, number][]) => pairs.map(([name, weight]) => ({ name, weight }));
const names = (list: { name: string }[]) => list.map((i) => i.name);
const cut = (list: { name: string; weight: number }[], n: number) => topWithOther(list, n, (i) => i.weight, (i) => i.name);

describe("topWithOther", () => {
  it("keeps the n heaviest and returns the rest, heaviest first", () => {
    const { top, rest } = cut(items([["a", 1], ["b", 5], ["c", 3], ["d", 4], ["e", 2]]), 2);
    expect(names(top)).toEqual(["b", "d"]);
    expect(names(rest)).toEqual(["c", "e", "a"]);
  });

  it("breaks ties at the cut-off by name in code-point order, whatever the input order", () => {
    const list = items([["beta", 2], ["Alpha", 2], ["alpha", 2], ["gamma", 9]]);
    // Code points: "Alpha" (A = 65) < "alpha" (a = 97) < "beta".
    expect(names(cut(list, 2).top)).toEqual(["gamma", "Alpha"]);
    expect(names(cut([...list].reverse(), 2).top)).toEqual(["gamma", "Alpha"]);
  });

  it("does not cut a list that would leave a single item in Other", () => {
    expect(cut(items([["a", 1], ["b", 2], ["c", 3]]), 2).rest).toEqual([]);
    expect(cut(items([["a", 1], ["b", 2], ["c", 3], ["d", 0]]), 2).rest).toHaveLength(2);
  });

  it("never loses an item (property)", () => {
    for (let n = 0; n < 12; n++) {
      const list = items(Array.from({ length: 10 }, (_, i) => [`x${(i * 7) % 10}`, i % 3]));
      const { top, rest } = cut(list, n);
      expect(top.length).toBe(list.length <= n + 1 ? list.length : n);
      expect(names([...top, ...rest]).sort()).toEqual(names(list).sort());
    }
  });
});

describe("otherLabel", () => {
  it("says how many items the bucket holds", () => {
    expect(otherLabel(4980, "categories")).toBe("Other (4\u202f980 categories)");
    expect(otherLabel(1234567, "categories")).toBe("Other (1\u202f234\u202f567 categories)");
    expect(otherLabel(3, "categories")).toBe("Other (3 categories)");
  });
});
