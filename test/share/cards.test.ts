import { describe, expect, test } from "vitest";
import { drawable, drawableOrEmpty, wrapText } from "../../lib/share/cardFont";
import { CARD_HEIGHT, CARD_WIDTH, cardSvg } from "../../lib/share/cardSvg";
import { shareUrls, withShareTags } from "../../lib/share/ogTags";
import { type CardSources, cardFile, pageCard } from "../../lib/share/pageCards";
import { renderCardPng } from "../../lib/share/renderCard";
import { formatPart, shortName } from "../../lib/format";

const step = (step: string, count: number) => ({ step, count });
const sources: CardSources = {
  overview: {
    headline: { users: 10, active_users: 8, products: 3, events: 200, sessions: 40, buyers: 4, purchases: 5, revenue: 99.5, revenue_coverage: { purchases: 5, priced_purchases: 5, unpriced_purchases: 0, measurable: true }, session_conversion: { rate: 0.1, ci_low: 0.04, ci_high: 0.23, converting_sessions: 4 } },
    insights: [],
    window: { start: "2025-01-01T00:00:00.000Z", end: "2025-02-01T00:00:00.000Z" },
    glance: { funnel: [{ step: "session_start", count: 40, share_of_first: 1, share_text: "100.0%" }, { step: "purchase", count: 4, share_of_first: 0.1, share_text: "10.0%" }], retention: [] },
    post: { lead: "Lead sentence.", context: "", findings: [], method: "", url: null, text: "", markdown: "" },
  },
  funnel: { session_funnel: { steps: [step("session_start", 40), step("product_view", 30), step("purchase", 4)] } },
  cohorts: { retention: { "registration/month/on": { average: [{ period: 0, cohorts: 2, cohort_size: 10, active: 10, rate: 1, ci_low: 0.7, ci_high: 1 }, { period: 1, cohorts: 1, cohort_size: 5, active: 2, rate: 0.4, ci_low: 0.1, ci_high: 0.8 }, { period: 2, cohorts: 1, cohort_size: 5, active: 1, rate: 0.2, ci_low: 0.03, ci_high: 0.6 }] } } },
  segments: { k: 2, n_users: 8, clusters: [{ name: "玩具买家", share: 0.25, revenue_share: 0.75 }, { name: "Browsers", share: 0.75, revenue_share: 0.25 }] },
  coverage: { events: 200, users: 10, event_types: { session_start: 40, product_view: 150, add_to_cart: 0, purchase: 5, session_end: 5 } },
};

/** Width and height from a PNG's IHDR chunk. */
function pngSize(png: Buffer): { width: number; height: number } {
  expect(png.subarray(1, 4).toString("latin1")).toBe("PNG");
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

describe("cards", () => {
  test("a card is a 1200×630 PNG, and the same data gives the same bytes", () => {
    const card = pageCard("/cohorts", "Cohorts", "Do people come back?", sources, "example.org");
    const first = renderCardPng(cardSvg(card.content));
    const second = renderCardPng(cardSvg(pageCard("/cohorts", "Cohorts", "Do people come back?", sources, "example.org").content));
    expect(pngSize(first)).toEqual({ width: CARD_WIDTH, height: CARD_HEIGHT });
    expect(first.equals(second)).toBe(true);
  });

  test("each page's number and description come from its data", () => {
    expect(pageCard("/", "Overview", "T", sources, "").content.number).toBe("10.0%");
    expect(pageCard("/", "Overview", "T", sources, "").description).toBe("Lead sentence.");
    const funnel = pageCard("/funnel", "Funnel", "T", sources, "");
    expect(funnel.content.number).toBe("10.0%"); // 4 of 40 sessions reach the purchase
    expect(funnel.content.numberLabel).toBe("of 40 sessions reach the last step, purchase");
    expect(pageCard("/cohorts", "Cohorts", "T", sources, "").content.number).toBe("40.0%");
    const data = pageCard("/data-methods", "Data & methods", "T", sources, "");
    expect(data.content.number).toBe("200");
    // An event type the data never records gets no bar.
    expect(data.alt).not.toContain("Add to cart");
  });

  test("on data with no registrations the cohorts card counts months from the first visit", () => {
    const card = pageCard("/cohorts", "Cohorts", "T", { ...sources, coverage: { ...sources.coverage, registrations: "first_event" } }, "");
    expect(card.content.numberLabel).toBe("of users came back in the month after their first visit");
    expect(`${card.description} ${card.alt}`).not.toMatch(/regist/);
    expect(pageCard("/cohorts", "Cohorts", "T", sources, "").content.numberLabel).toBe("of users came back in the month after they registered");
    // Without a retention finding the description says which cohorts these are: registration ones here.
    expect(pageCard("/cohorts", "Cohorts", "T", sources, "").description).toBe("Retention by registration cohort.");
    // With the Overview's retention finding, the description is that finding, numbers and all.
    const finding = { kind: "retention", first_period: { rate: 0.25, ci_low: 0.24, ci_high: 0.26 }, later_period: null, cohorts: 11, href: "cohorts" } as const;
    const withFinding = { ...sources, overview: { ...sources.overview, insights: [{ insight: finding, sentence: "" }] } } as unknown as CardSources;
    expect(pageCard("/cohorts", "Cohorts", "T", withFinding, "").description).toBe("25.0% of users came back in the month after they registered (95% CI 24.0–26.0%).");
  });

  test("the data card says the window's days in the data's time zone, and one event is one event", () => {
    const utc = pageCard("/data-methods", "Data & methods", "T", sources, "");
    expect(utc.description).toBe("How the report is built: 200 events of 10 users from 2025-01-01 to 2025-01-31 (UTC), checked and analysed with DuckDB at build time.");
    // 2025-01-01T00:00Z is still 2024-12-31 in Los Angeles.
    const zoned = pageCard("/data-methods", "Data & methods", "T", { ...sources, overview: { ...sources.overview, window: { ...sources.overview.window, timezone: "America/Los_Angeles" } } }, "");
    expect(zoned.content.numberLabel).toBe("events of 10 users, 2024-12-31 to 2025-01-31 (America/Los_Angeles), read, checked and analysed at build time");
    const one = pageCard("/data-methods", "Data & methods", "T", { ...sources, overview: { ...sources.overview, window: { start: "2025-01-01T00:00:00.000Z", end: "2025-01-02T00:00:00.000Z" } }, coverage: { ...sources.coverage, events: 1, users: 1 } }, "");
    expect(one.content.numberLabel).toBe("event of 1 user, 2025-01-01 (UTC), read, checked and analysed at build time");
    expect(one.description).toContain("1 event of 1 user on 2025-01-01 (UTC), checked");
  });

  test("a name the bundled font cannot draw is left out, never drawn as boxes", () => {
    expect(drawable("玩具")).toBe(false);
    expect(drawable("Über-Kategorie – “café”")).toBe(true);
    expect(drawableOrEmpty("玩具")).toBe("");
    const card = pageCard("/segments", "Segments", "Which kinds?", sources, "");
    expect(card.content.number).toBe("75.0%");
    expect(card.content.numberLabel).toBe("of revenue comes from one segment, 25.0% of active users");
    expect(card.content.chart).not.toContain("玩");
    expect(card.content.chart).toContain("Browsers");
    expect(card.alt).toContain("a segment 25.0% of users");
    const svg = cardSvg({ ...card.content, title: "Shop 玩具 report" });
    expect(svg).toContain(">Shop report<");
    expect(svg).not.toContain("玩");
  });

  test("a page the cards do not know gets its title alone", () => {
    const card = pageCard("/guide/setup", "Setup", "How to set up", sources, "");
    expect(card.file).toBe("guide-setup.png");
    expect(card.content.chart).toBe("");
    expect(card.content.number).toBe("");
    expect(pngSize(renderCardPng(cardSvg(card.content)))).toEqual({ width: 1200, height: 630 });
  });

  test("wrapText keeps lines within the width and loses no word", () => {
    const text = "Where do shoppers drop out, and what do they end up buying in the end?";
    const lines = wrapText(text, 44, 500);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join(" ")).toBe(text);
  });
});

test("formatPart never rounds a share to all or nothing", () => {
  expect(formatPart(0.99974)).toBe("99.97%");
  expect(formatPart(0.0004)).toBe("<0.1%");
  expect(formatPart(1)).toBe("100.0%");
  expect(formatPart(0)).toBe("0.0%");
  expect(formatPart(Number.NaN)).toBe("—");
});

test("shortName cuts a long name from the data with an ellipsis, and folds its white space", () => {
  expect(shortName("a  b\nc")).toBe("a b c");
  expect(shortName("abcdefghij", 5)).toBe("abcd…");
  expect(shortName("abcde", 5)).toBe("abcde");
  expect(shortName("玩具玩具玩具", 3)).toBe("玩具…");
});

describe("share tags", () => {
  const tags = { title: "Do “people” come back?", description: 'a <b> & "c"', image: "https://x.org/share/cohorts.png", imageAlt: "alt", url: "https://x.org/cohorts" };
  const page = "<html><head><meta charset=\"utf-8\">\n<title>Cohorts | Kit</title>\n<link rel=\"icon\"></head><body></body></html>";

  test("go after the title, escaped, and a second run replaces rather than adds", () => {
    const once = withShareTags(page, tags);
    expect(once).toContain('<meta property="og:description" content="a &lt;b&gt; &amp; &quot;c&quot;">');
    expect(once).toContain('<meta name="twitter:card" content="summary_large_image">');
    expect(once).toContain('<meta property="og:image:width" content="1200">');
    expect(once.indexOf("og:title")).toBeGreaterThan(once.indexOf("</title>"));
    expect(withShareTags(once, tags)).toBe(once);
    expect(withShareTags(once, { ...tags, title: "New" })).not.toContain("“people”");
  });

  test("URLs are absolute with a site address, else relative to the page", () => {
    expect(shareUrls("/", "index.png", "https://me.github.io/kit/")).toEqual({ url: "https://me.github.io/kit/", image: "https://me.github.io/kit/share/index.png" });
    expect(shareUrls("/cohorts", "cohorts.png", "https://me.github.io/kit/")).toEqual({ url: "https://me.github.io/kit/cohorts", image: "https://me.github.io/kit/share/cohorts.png" });
    expect(shareUrls("/", "index.png", null)).toEqual({ url: "./", image: "./share/index.png" });
    expect(shareUrls("/guide/setup", "guide-setup.png", null)).toEqual({ url: "./setup", image: "../share/guide-setup.png" });
  });

  test("cardFile names a page's card", () => {
    expect(cardFile("/")).toBe("index.png");
    expect(cardFile("/data-methods")).toBe("data-methods.png");
  });
});
