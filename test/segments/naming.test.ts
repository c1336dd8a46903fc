import { describe, expect, it } from "vitest";
import { type ClusterTraits, nameClusters, nameOnlyCluster, type PopulationTraits } from "../../lib/segments/naming";

/** A population in which a third of users buy, with median recency of 40 days. */
const POPULATION: PopulationTraits = { buyer_share: 0.35, revenue_per_user: 100, median_product_views: 20, median_recency_days: 40 };

/** An unremarkable cluster; each test changes what it is about. */
function traits(overrides: Partial<ClusterTraits>): ClusterTraits {
  return {
    cluster: 0,
    share: 0.2,
    z: {},
    buyer_share: 0.35,
    session_conversion: 0.05,
    revenue_share: 0.2,
    revenue_per_user: 100,
    median_product_views: 20,
    median_recency_days: 40,
    median_sessions: 4,
    ...overrides,
  };
}

const nameOf = (t: ClusterTraits) => nameClusters([t], POPULATION)[0]!;

describe("nameClusters rules", () => {
  it("names heavy browsers who almost never buy window shoppers", () => {
    const named = nameOf(traits({ buyer_share: 0.02, z: { product_views: 1.2, orders: -1 }, median_product_views: 45 }));
    expect(named.name).toBe("Window shoppers");
    expect(named.rule).toBe("window_shoppers");
    expect(named.meaning).toContain("45");
    expect(named.meaning).toContain("2%");
  });

  it("does not call light non-buyers window shoppers", () => {
    expect(nameOf(traits({ buyer_share: 0, z: { product_views: -0.8 } })).rule).not.toBe("window_shoppers");
  });

  it("names frequent buyers spending over twice the average loyal high spenders", () => {
    const named = nameOf(traits({ buyer_share: 0.95, revenue_per_user: 450, revenue_share: 0.6, share: 0.1, z: { orders: 1.5, revenue: 1.4 } }));
    expect(named.name).toBe("Loyal high spenders");
    expect(named.meaning).toContain("10%");
    expect(named.meaning).toContain("60%");
  });

  it("does not call big spenders who left loyal", () => {
    const named = nameOf(traits({ buyer_share: 0.9, revenue_per_user: 450, z: { orders: 1, recency_days: 1.5 }, median_recency_days: 200 }));
    expect(named.rule).toBe("lapsed");
    expect(named.meaning).toContain("200 days");
  });

  it("names users last seen long ago lapsed / churned", () => {
    expect(nameOf(traits({ z: { recency_days: 1.2 }, median_recency_days: 150 })).name).toBe("Lapsed / churned");
    // Far above average recency but only a week: not lapsed.
    expect(nameOf(traits({ z: { recency_days: 1.2 }, median_recency_days: 7 })).rule).not.toBe("lapsed");
  });

  it("names single-visit or late-arriving users new / one-visit", () => {
    expect(nameOf(traits({ buyer_share: 0.05, median_sessions: 1, z: { product_views: -1 } })).name).toBe("One-visit users");
    expect(nameOf(traits({ median_sessions: 3, z: { tenure_days: -1.5 } })).name).toBe("Newcomers");
  });

  it("tells occasional buyers from regular customers by visit frequency", () => {
    expect(nameOf(traits({ buyer_share: 0.6, z: { sessions: -0.5 } })).name).toBe("Occasional buyers");
    expect(nameOf(traits({ buyer_share: 0.6, z: { sessions: 0.4 } })).name).toBe("Regular customers");
  });

  it("falls back to casual browsers", () => {
    expect(nameOf(traits({ buyer_share: 0.15, z: { product_views: -0.3 } })).name).toBe("Casual browsers");
  });
});

describe("nameClusters prose", () => {
  const loyal = (revenue_share: number) =>
    nameOf(traits({ buyer_share: 0.95, revenue_per_user: 450, revenue_share, share: 0.2, z: { orders: 1.5 } })).meaning;

  it("never rounds a share that is not all of it up to 100%", () => {
    expect(loyal(0.9997)).toContain("bring more than 99.9% of revenue");
    expect(loyal(0.996)).toContain("bring 99.6% of revenue");
    expect(loyal(1)).toContain("bring 100% of revenue");
  });

  it("shows shares below 1% with a decimal and tiny ones as less than 0.1%", () => {
    const buyers = (buyer_share: number) => nameOf(traits({ buyer_share, z: { product_views: 1 }, median_product_views: 40 })).meaning;
    expect(buyers(0.004)).toContain("only 0.4% have bought");
    expect(buyers(0.0004)).toContain("fewer than 0.1% have bought");
    expect(buyers(0)).toContain("none of them has bought");
  });
});

describe("evidence beside each rule", () => {
  it("states the thresholds the rule tests, with the cluster's own values", () => {
    const shopper = nameOf(traits({ buyer_share: 0.02, z: { product_views: 1.2 } }));
    // NEVER_BUYS_SHARE is 0.1: at most one in ten buys.
    expect(shopper.evidence).toBe("2% have bought (rule: at most 10%); product views +1.20 sd from the average on the log scale (rule: at least 0.00).");
    const lapsed = nameOf(traits({ z: { recency_days: 1.2 }, median_recency_days: 150 }));
    expect(lapsed.evidence).toBe("Days since last event +1.20 sd from the average (rule: at least +0.75), median 150 days (rule: at least 30 days).");
  });

  it("agrees in number: a median of one day is “1 day”", () => {
    const named = nameOf(traits({ z: { recency_days: 5 }, median_recency_days: 30.4 }));
    expect(named.evidence).toContain("median 30 days");
    expect(named.evidence).not.toMatch(/\b1 days\b/);
  });

  it("writes money and medians as lib/format does: symbol, thin grouping, one decimal between counts", () => {
    // Lapsed (z recency ≥ +0.75, median ≥ 30 days) with a past spend of 1234.4 per user.
    const lapsed = nameOf(traits({ z: { recency_days: 1.2 }, median_recency_days: 60, revenue_per_user: 1234.4 }));
    expect(lapsed.rule).toBe("lapsed");
    expect(lapsed.meaning).toContain("($1\u202F234 per user)");
    const cheap = nameOf(traits({ z: { recency_days: 1.2 }, median_recency_days: 45, revenue_per_user: 12.5 }));
    expect(cheap.meaning).toContain("a median 45 days before");
    expect(cheap.meaning).toContain("($12.50 per user)");
    const shopper = nameOf(traits({ buyer_share: 0, z: { product_views: 1 }, median_product_views: 2.5 }));
    expect(shopper.meaning).toContain("a median of 2.5 products");
  });

  it("the evidence of every rule prints its thresholds from the constants, never as literal text", async () => {
    const source = (await import("node:fs")).readFileSync(new URL("../../lib/segments/naming.ts", import.meta.url), "utf8");
    const evidence = source.split("\n").filter((line) => /rule: (at least|at most|below)/.test(line));
    expect(evidence.length).toBeGreaterThan(5);
    for (const line of evidence) expect(line, line).not.toMatch(/rule: (at least|at most|below) [+\u2212-]?\d/);
  });
});

describe("nameOnlyCluster", () => {
  it("calls the only cluster of an unsplit population all active users, whatever its profile", () => {
    // Its z-scores are the population's own (about 0), which the rules would read as "occasional buyers".
    const only = traits({ share: 1, buyer_share: 0.5, z: { sessions: -1e-17 } });
    expect(nameOf(only).rule).toBe("occasional_buyers");
    expect(nameOnlyCluster(only, POPULATION)).toEqual({
      cluster: 0,
      name: "All active users",
      rule: "everyone",
      meaning: "One segment holds every active user, so its profile is simply the shop's average user, and 50% of them have bought.",
      evidence: "The data could not be split into segments (k = 1), so this one segment is every active user.",
    });
  });
});

describe("nameClusters uniqueness", () => {
  it("qualifies clusters that share a name by their most distinctive feature", () => {
    const recent = traits({ cluster: 0, buyer_share: 0, z: { product_views: 1, recency_days: -0.9 } });
    const older = traits({ cluster: 1, buyer_share: 0, z: { product_views: 1.1, recency_days: 0.5 } });
    const names = nameClusters([recent, older], POPULATION).map((n) => n.name);
    expect(names).toEqual(["Window shoppers (recent)", "Window shoppers (lapsed)"]);
  });

  it("tells indistinguishable clusters apart by their size, never by a trailing number", () => {
    // The defect seen on real data: "One-visit users (low-converting)" and "… 2".
    const twin = traits({ buyer_share: 0, z: { product_views: 1 } });
    const names = nameClusters([{ ...twin, cluster: 0, share: 0.3 }, { ...twin, cluster: 1, share: 0.12 }], POPULATION).map((n) => n.name);
    expect(names).toEqual(["Window shoppers (30% of active users)", "Window shoppers (12% of active users)"]);
  });

  it("letters clusters alike in every feature and in size, deterministically", () => {
    const twin = traits({ buyer_share: 0, z: { product_views: 1 } });
    const three = [{ ...twin, cluster: 0 }, { ...twin, cluster: 1 }, { ...twin, cluster: 2 }];
    const names = nameClusters(three, POPULATION).map((n) => n.name);
    expect(names).toEqual(["Window shoppers (group A)", "Window shoppers (group B)", "Window shoppers (group C)"]);
    expect(names).toEqual(nameClusters(three, POPULATION).map((n) => n.name));
  });

  it("adds the size to a shared qualifier rather than a second pair of brackets", () => {
    const a = traits({ cluster: 0, share: 0.25, buyer_share: 0, median_sessions: 1, z: { product_views: -1, session_conversion: -1 } });
    const b = traits({ cluster: 1, share: 0.05, buyer_share: 0, median_sessions: 1, z: { product_views: -1, session_conversion: -1 } });
    const c = traits({ cluster: 2, share: 0.1, buyer_share: 0, median_sessions: 1, z: { product_views: -1, session_conversion: 1 } });
    const names = nameClusters([a, b, c], POPULATION).map((n) => n.name);
    expect(new Set(names).size).toBe(3);
    for (const name of names) expect(name).not.toMatch(/\)\s*\(|\s\d+$/);
  });

  it("writes one sentence per cluster", () => {
    for (const named of nameClusters([traits({}), traits({ cluster: 1, buyer_share: 0, z: { product_views: 2 } })], POPULATION)) {
      expect(named.meaning.trim().endsWith(".")).toBe(true);
      expect(named.meaning.slice(0, -1)).not.toMatch(/\.\s/);
    }
  });
});
