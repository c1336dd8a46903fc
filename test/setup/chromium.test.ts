import { describe, expect, it } from "vitest";
import { chromiumPlan, runsBrowserTests, type ChromiumSituation } from "./chromium.js";

const missing: ChromiumSituation = {
  present: false,
  runsBrowserTests: true,
  isRoot: false,
  hasAptGet: true,
  executable: "/usr/bin/chromium",
};

describe("chromiumPlan", () => {
  it("does nothing when Chromium is there", () => {
    expect(chromiumPlan({ ...missing, present: true })).toEqual({ action: "none" });
  });

  it("does nothing when no browser test runs, even without Chromium", () => {
    expect(chromiumPlan({ ...missing, runsBrowserTests: false })).toEqual({ action: "none" });
  });

  it("installs Debian's chromium with apt-get when root", () => {
    const plan = chromiumPlan({ ...missing, isRoot: true });
    expect(plan.action).toBe("install");
    if (plan.action === "install") expect(plan.command.join(" ")).toContain("apt-get install -y chromium");
  });

  it("stops with one line naming the command when it cannot install", () => {
    for (const situation of [missing, { ...missing, isRoot: true, hasAptGet: false }]) {
      const plan = chromiumPlan(situation);
      expect(plan.action).toBe("stop");
      if (plan.action !== "stop") continue;
      expect(plan.message).not.toContain("\n");
      expect(plan.message).toContain("/usr/bin/chromium");
      expect(plan.message).toMatch(/^[^\n]+$/);
      expect(plan.message).toContain("apt-get install -y chromium");
    }
  });
});

it("does not install Debian's package for a CHROMIUM_PATH elsewhere", () => {
  expect(chromiumPlan({ ...missing, isRoot: true, executable: "/opt/chrome/chrome" }).action).toBe("stop");
});

describe("runsBrowserTests", () => {
  it("is true for the whole suite (npm test passes no filter)", () => {
    expect(runsBrowserTests(["node", "/x/node_modules/vitest/vitest.mjs", "run"])).toBe(true);
  });

  it("is true when a filter names an e2e test, false when none does", () => {
    expect(runsBrowserTests(["node", "vitest", "run", "test/e2e/site.test.ts"])).toBe(true);
    expect(runsBrowserTests(["node", "vitest", "run", "test/stats/wilsonInterval.test.ts"])).toBe(false);
  });
});
