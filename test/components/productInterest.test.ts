import { expect, test } from "vitest";
import { separateLabels } from "../../src/components/labelLayout";
import { averageLine } from "../../src/components/productInterest";

test("averageLine(ratio, x, y) runs from where y = ratio·x enters the frame to where it leaves", () => {
  expect(averageLine(0.5, [0, 100], [0, 20])).toEqual([
    { x: 0, y: 0 },
    { x: 40, y: 20 },
  ]);
  expect(averageLine(0.01, [100, 1000], [2, 50])).toEqual([
    { x: 200, y: 2 },
    { x: 1000, y: 10 },
  ]);
  expect(averageLine(0, [0, 1], [0, 1])).toEqual([]);
  expect(averageLine(100, [1, 2], [1, 2])).toEqual([]);
});

test("separateLabels(boxes, lineHeight) moves overlapping labels down, never up, and leaves the others", () => {
  const centres = separateLabels(
    [
      { left: 0, right: 100, y: 50 },
      { left: 50, right: 150, y: 55 },
      { left: 200, right: 300, y: 52 },
      { left: 0, right: 100, y: 10 },
    ],
    14,
  );
  expect(centres).toEqual([50, 64, 52, 10]);
});
