import { expect, test } from "vitest";
import { lastDayOfWindow } from "../../src/components/cohortCells";

test("lastDayOfWindow(window) is the UTC day of the window's last instant", () => {
  expect(lastDayOfWindow({ end: "2026-01-01T00:00:00.000Z" })).toBe("2025-12-31");
});
