import { describe, expect, test } from "vitest";
import type { Headline } from "../../lib/analysis/headline";
import type { Insight } from "../../lib/analysis/insights";
import { FOLD_LIMIT, MAX_FINDINGS, POST_LIMIT, buildPost, escapeMarkdown, siteUrlFromEnv, type PostInput } from "../../lib/share/post";
import { Rng } from "../../lib/random/rng";

const T = "\u202F"; // the digit-grouping space

const headline: Headline = {
  users: 5000,
  active_users: 4000,
  products: 200,
  events: 100000,
  sessions: 20000,
  buyers: 1000,
  purchases: 1500,
  revenue: 12345.6,
  revenue_coverage: { purchases: 1500, priced_purchases: 1500, unpriced_purchases: 0, measurable: true },
  session_conversion: { rate: 0.05, ci_low: 0.047, ci_high: 0.053, converting_sessions: 1000 },
};
const leak: Insight = { kind: "funnel_leak", from: "product_view", to: "add_to_cart", reached: 15000, continued: 1500, rate: { rate: 0.1, ci_low: 0.095, ci_high: 0.105 }, href: "funnel" };
const retention: Insight = { kind: "retention", first_period: { rate: 0.25, ci_low: 0.24, ci_high: 0.26 }, later_period: { period: 6, rate: 0.11, ci_low: 0.1, ci_high: 0.12 }, cohorts: 11, href: "cohorts" };
const noDifference: Insight = { kind: "no_segment_difference", comparisons: 24, href: "funnel" };
const chanceGap: Insight = { kind: "interest_vs_purchase", most_viewed: "Books", best_selling: "Toys", viewed_share: 0.3, sold_share: 0.2, viewed_conversion: 0.05, sold_conversion: 0.06, significant: false, p_value: 0.4, href: "funnel" };
const shoppers: Insight = { kind: "window_shoppers", users: 1, active_users: 4000, share: { rate: 0.00025, ci_low: 0, ci_high: 0.001 }, median_views: 12, href: "segments" };

const generated: PostInput = {
  headline,
  insights: [retention, leak, noDifference, chanceGap, shoppers],
  window: { start: "2025-01-01T00:00:00.000Z", end: "2026-01-01T00:00:00.000Z" },
  source: { kind: "generated", users: 5000, days: 365, seed: 42, start: "2025-01-01" },
  recorded: ["add_to_cart", "product_view", "purchase", "session_end", "session_start"],
  siteUrl: "https://example.org/kit/",
};

describe("buildPost on hand-made insights", () => {
  const post = buildPost(generated);

  test("leads with the funnel's biggest drop and its number, then says what data it comes from", () => {
    expect(post.lead).toBe(`10.0% of the 15${T}000 sessions that viewed a product went on to add to cart (95% CI 9.5–10.5%): the funnel's biggest drop.`);
    expect(post.context).toBe(`From a report on 5${T}000 users of a synthetic online shop over 365 days.`);
    expect(post.text.split("\n").slice(0, 2).join("\n")).toBe(`${post.lead}\n${post.context}`);
  });

  test("lists only the findings that hold: no padding with 'no difference' or a gap within chance", () => {
    expect(post.findings).toEqual([
      "25.0% of users came back in the month after they registered (95% CI 24.0–26.0%); 11.0% were active in month 6.",
      "1 active user (<0.1%) viewed ten or more products and never bought.",
      `5.0% of 20${T}000 sessions ended in a purchase (95% CI 4.7–5.3%).`,
      `1${T}000 people bought something, for $12${T}345.60 in all.`,
    ]);
  });

  test("ends with the method and the site's URL", () => {
    expect(post.method).toBe(
      `Method: seeded synthetic data (seed 42), 100${T}000 events of 5${T}000 users from 2025-01-01 to 2025-12-31 (UTC), computed at build time with DuckDB; rates carry 95% intervals, and differences are claimed only after Benjamini–Hochberg correction.`,
    );
    expect(post.text.endsWith("\n\nFull report: https://example.org/kit/")).toBe(true);
    expect(post.markdown).toContain("[Full report](<https://example.org/kit/>)");
  });

  test("without a known URL the post names none", () => {
    const unknown = buildPost({ ...generated, siteUrl: null });
    expect(unknown.text).not.toMatch(/https?:|Full report/);
  });

  test("brought data gets a post about its own data, and no conversion when it records purchases only", () => {
    const brought = buildPost({
      ...generated,
      insights: [],
      source: { kind: "folder" },
      recorded: ["purchase", "session_start"],
      headline: { ...headline, users: 1, events: 1, sessions: 1, buyers: 1, session_conversion: { rate: 1, ci_low: 0.2, ci_high: 1, converting_sessions: 1 } },
      window: { start: "2024-03-05T00:00:00.000Z", end: "2024-03-06T00:00:00.000Z" },
    });
    expect(brought.lead).toBe(`1 person bought something, for $12${T}345.60 in all.`);
    // One day is named once, as lib/format's windowText names it on every page.
    expect(brought.context).toBe("From a report on 1 event of 1 user, 2024-03-05 (UTC).");
    expect(brought.findings).toEqual([]);
    expect(brought.text).not.toMatch(/synthetic|seed|ended in a purchase/);
    expect(brought.method).toContain("the data this report was given, 1 event of 1 user");
  });

  test("the dates are the calendar days of the data's time zone, and the zone is named", () => {
    // Shanghai's Jan 31 00:00 is Jan 30 16:00Z; its Mar 2 00:00, the window's end, is Mar 1 16:00Z.
    const brought = buildPost({
      ...generated,
      source: { kind: "folder" },
      window: { start: "2025-01-30T16:00:00.000Z", end: "2025-03-01T16:00:00.000Z", timezone: "Asia/Shanghai" },
    });
    expect(brought.context).toContain(", 2025-01-31 to 2025-03-01 (Asia/Shanghai).");
    expect(brought.method).toContain("from 2025-01-31 to 2025-03-01 (Asia/Shanghai), computed");
  });

  test("on data with no registrations, retention counts from the first visit, never 'registered'", () => {
    const post = buildPost({ ...generated, registrations: "first_event" });
    expect(post.findings[0]).toBe("25.0% of users came back in the month after their first visit (95% CI 24.0–26.0%); 11.0% were active in month 6.");
    expect(post.text).not.toMatch(/regist/);
  });

  test("says the days in the data's time zone, never a sliced UTC date", () => {
    // 2025-01-01T00:00Z to 2026-01-01T00:00Z is 2024-12-31 to 2025-12-31 in New York (UTC−5).
    const zoned = buildPost({ ...generated, source: { kind: "folder" }, window: { ...generated.window, timezone: "America/New_York" } });
    expect(zoned.context).toBe(`From a report on 100${T}000 events of 5${T}000 users, 2024-12-31 to 2025-12-31 (America/New_York).`);
    expect(zoned.method).toContain("from 2024-12-31 to 2025-12-31 (America/New_York), computed");
    const oneDay = buildPost({ ...generated, window: { start: "2024-03-05T00:00:00.000Z", end: "2024-03-06T00:00:00.000Z" } });
    expect(oneDay.method).toContain("users on 2024-03-05 (UTC), computed");
  });
});

test("escapeMarkdown keeps names from the data from turning into markup", () => {
  expect(escapeMarkdown("*bold* [x](y) <b> a_b `c`")).toBe("\\*bold\\* \\[x\\](y) \\<b\\> a\\_b \\`c\\`");
});

test("siteUrlFromEnv: absolute http(s) only, with one trailing slash", () => {
  expect(siteUrlFromEnv({})).toBeNull();
  expect(siteUrlFromEnv({ EVENT_KIT_SITE_URL: " " })).toBeNull();
  expect(siteUrlFromEnv({ EVENT_KIT_SITE_URL: "https://me.github.io/repo" })).toBe("https://me.github.io/repo/");
  expect(() => siteUrlFromEnv({ EVENT_KIT_SITE_URL: "me.github.io" })).toThrow(/absolute/);
  expect(() => siteUrlFromEnv({ EVENT_KIT_SITE_URL: "ftp://me.github.io" })).toThrow(/http/);
});

describe("buildPost properties on varied data", () => {
  const random = new Rng(12);
  const rng = () => random.next();
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rng() * items.length)]!;
  const count = () => pick([0, 1, 2, 7, 999, 1000, 123456789]);
  const rate = () => pick([0, 1e-9, 0.0004, 0.5, 0.999, 1]);
  const name = () => pick(["Books", "*x*", "<script>", "玩具和游戏", "a".repeat(300), "", "Über-Kategorie mit langem Namen"]);
  const randomInsight = (): Insight => {
    switch (pick([0, 1, 2, 3, 4, 5])) {
      case 0: return { kind: "funnel_leak", from: pick(["product_view", name()]), to: pick(["add_to_cart", name()]), reached: count(), continued: count(), rate: { rate: rate(), ci_low: rate(), ci_high: rate() }, href: "funnel" };
      case 1: return { kind: "retention", first_period: { rate: rate(), ci_low: rate(), ci_high: rate() }, later_period: rng() < 0.5 ? null : { period: pick([2, 6]), rate: rate(), ci_low: rate(), ci_high: rate() }, cohorts: count(), href: "cohorts" };
      case 2: return { kind: "segment_difference", attribute: pick(["segment", "location", name()]), higher: name(), lower: name(), higher_rate: rate(), lower_rate: rate(), p_adjusted: rate(), comparisons: count(), href: "funnel" };
      case 3: return { kind: "no_segment_difference", comparisons: count(), href: "funnel" };
      case 4: return { kind: "interest_vs_purchase", most_viewed: name(), best_selling: name(), viewed_share: rate(), sold_share: rate(), viewed_conversion: rate(), sold_conversion: rate(), significant: rng() < 0.5, p_value: rate(), href: "funnel" };
      default: return { kind: "window_shoppers", users: count(), active_users: count(), share: { rate: rate(), ci_low: rate(), ci_high: rate() }, median_views: count(), href: "segments" };
    }
  };

  const inputs: PostInput[] = Array.from({ length: 300 }, () => {
    const sessions = count();
    return {
      headline: { ...headline, users: count(), events: count(), sessions, buyers: count(), revenue: pick([0, 0.5, 1e9]), session_conversion: { rate: sessions > 0 ? rate() : null, ci_low: 0, ci_high: 1, converting_sessions: 0 } },
      insights: Array.from({ length: pick([0, 1, 3, 6, 9]) }, randomInsight),
      window: generated.window,
      source: rng() < 0.5 ? generated.source : { kind: "folder" },
      recorded: rng() < 0.3 ? ["purchase"] : generated.recorded,
      siteUrl: rng() < 0.5 ? null : `https://example.org/${"p".repeat(Math.floor(rng() * 80))}/`,
    };
  });

  test.each(inputs.map((input, i) => [i, input] as const))("post %i stays within its bounds and reads as words", (_, input) => {
    const post = buildPost(input);
    expect(post.text.length).toBeLessThanOrEqual(POST_LIMIT);
    expect(`${post.lead}\n${post.context}`.length).toBeLessThanOrEqual(FOLD_LIMIT);
    expect(post.findings.length).toBeLessThanOrEqual(MAX_FINDINGS);
    for (const text of [post.text, post.markdown]) {
      expect(text).not.toMatch(/undefined|NaN|null|\[object/);
      // Plural agreement: "1 users" and "2 user" are both wrong (a grouped number ends in digits too).
      expect(text).not.toMatch(/(?<![\d\u202F.])1 (users|sessions|events|days|comparisons|people|active users)\b/);
      expect(text).not.toMatch(/(?<![\d\u202F.])(?:0|[2-9]|\d{2,}|\d+\u202F\d{3}) (user|session|event|day|comparison|person|active user)\b(?!s)/);
    }
    // The text lists exactly the post's findings, as bullets, none of them twice nor the lead again.
    expect(post.text.split("\n").filter((line) => line.startsWith("• ")).map((line) => line.slice(2))).toEqual(post.findings);
    expect(new Set([post.lead, ...post.findings]).size).toBe(post.findings.length + 1);
  });
});
