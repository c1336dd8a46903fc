/**
 * The post that carries the report into a feed (LinkedIn and the like), built from this build's
 * headline and insights and nothing else:
 *
 * - its first two lines (what a feed shows before "see more", at most FOLD_LIMIT characters) state the
 *   strongest finding with its number, then say what data it comes from;
 * - then up to MAX_FINDINGS further findings, fewer when fewer hold (findingText drops what is not one);
 * - then the method, and the site's URL when one is known.
 *
 * "Strongest" is a fixed order, not a score: the funnel's biggest drop concerns every session, then
 * retention every user, then the window shoppers, the largest significant difference between groups,
 * and a significant interest/purchase gap; the headline conversion and buyers close the list. Lengths
 * are JavaScript string lengths, as the issue counts them.
 */
import type { CoverageData } from "../analysis/coverage";
import type { Headline } from "../analysis/headline";
import type { Insight } from "../analysis/insights";
import { type AnalysisWindow, windowTimezone } from "../dataset/window";
import { findingText } from "./findingText";
import { countOf, formatInterval, formatMoney, formatPart, windowDays, windowText } from "../format";

export const POST_LIMIT = 1300;
export const FOLD_LIMIT = 200;
export const MAX_FINDINGS = 5;

export type PostSource = { kind: "generated"; users: number; days: number; seed: number; start: string } | { kind: "folder" };

export interface PostInput {
  headline: Headline;
  insights: readonly Insight[];
  window: AnalysisWindow;
  source: PostSource;
  /** The event types the data records: conversion is not a finding of data that records purchases only. */
  recorded: readonly string[];
  /** The published site's address (EVENT_KIT_SITE_URL), or null when unknown. */
  siteUrl: string | null;
  /** The symbol money is written with (the data's currency); "$" when not given. */
  currencySymbol?: string;
  /** Whether the data records registrations ("given") or a user's first event stands in ("first_event"). */
  registrations?: CoverageData["registrations"];
}

export interface Post {
  /** The strongest finding, the post's first line. */
  lead: string;
  /** What data the lead comes from, the post's second line. */
  context: string;
  findings: string[];
  method: string;
  url: string | null;
  /** The post as plain text (post.txt, and what the Overview's "Copy post" button copies). */
  text: string;
  /** The same post in Markdown (post.md). */
  markdown: string;
}

const KIND_ORDER: Insight["kind"][] = ["funnel_leak", "retention", "window_shoppers", "segment_difference", "interest_vs_purchase"];

/** Every finding the data supports, strongest first. */
export function rankedFindings(input: Pick<PostInput, "headline" | "insights" | "recorded" | "currencySymbol" | "registrations">): string[] {
  const { headline, insights, recorded } = input;
  const fromInsights = [...insights]
    .sort((a, b) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind))
    .map((insight) => findingText(insight, input.registrations))
    .filter((text): text is string => text !== null);
  const conversion = headline.session_conversion;
  // Data with purchases only has a purchase in every session: its "conversion" is 100% by construction.
  const purchasesOnly = !recorded.includes("product_view") && !recorded.includes("add_to_cart");
  const conversionText =
    !purchasesOnly && conversion.rate !== null && headline.sessions > 0
      ? `${formatPart(conversion.rate)} of ${countOf(headline.sessions, "session")} ended in a purchase (${formatInterval(conversion.ci_low, conversion.ci_high)}).`
      : null;
  const buyersText =
    headline.buyers === 0
      ? null
      : headline.revenue === null
        ? `${countOf(headline.buyers, "person", "people")} bought something.`
        : `${countOf(headline.buyers, "person", "people")} bought something, for ${formatMoney(headline.revenue, 2, input.currencySymbol)} in all.`;
  // The same sentence twice (two insights that word alike) would read as padding: each is said once.
  return [...new Set([...fromInsights, conversionText, buyersText].filter((text): text is string => text !== null))];
}

/** "from 2025-01-01 to 2025-12-31 (UTC)", or "on 2025-01-01 (UTC)" for a single day. */
function windowPhrase(window: AnalysisWindow): string {
  const timezone = windowTimezone(window);
  const { first, last } = windowDays(window, timezone);
  return first === last ? `on ${first} (${timezone})` : `from ${first} to ${last} (${timezone})`;
}

export function contextLine(input: Pick<PostInput, "headline" | "window" | "source">): string {
  const { headline, window, source } = input;
  return source.kind === "generated"
    ? `From a report on ${countOf(headline.users, "user")} of a synthetic online shop over ${countOf(source.days, "day")}.`
    : `From a report on ${countOf(headline.events, "event")} of ${countOf(headline.users, "user")}, ${windowText(window, windowTimezone(window))}.`;
}

export function methodLine(input: Pick<PostInput, "headline" | "window" | "source">): string {
  const { headline, window, source } = input;
  const data =
    source.kind === "generated"
      ? `seeded synthetic data (seed ${source.seed}), ${countOf(headline.events, "event")} of ${countOf(headline.users, "user")}`
      : `the data this report was given, ${countOf(headline.events, "event")} of ${countOf(headline.users, "user")}`;
  return `Method: ${data} ${windowPhrase(window)}, computed at build time with DuckDB; rates carry 95% intervals, and differences are claimed only after Benjamini–Hochberg correction.`;
}

function plainText(parts: Omit<Post, "text" | "markdown">): string {
  const blocks = [`${parts.lead}\n${parts.context}`];
  if (parts.findings.length > 0) blocks.push(parts.findings.map((f) => `• ${f}`).join("\n"));
  blocks.push(parts.method);
  if (parts.url) blocks.push(`Full report: ${parts.url}`);
  return blocks.join("\n\n");
}

/**
 * Backslash-escapes what Markdown would read as markup inside a line of text from the data (names can
 * hold anything). Every line the post writes starts with its own marker ("- ", "**", "*"), so only
 * inline markup needs escaping: emphasis, code, links, raw HTML.
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>]/g, (c) => `\\${c}`);
}

function markdownText(parts: Omit<Post, "text" | "markdown">): string {
  const blocks = [`**${escapeMarkdown(parts.lead)}**\\\n${escapeMarkdown(parts.context)}`];
  if (parts.findings.length > 0) blocks.push(parts.findings.map((f) => `- ${escapeMarkdown(f)}`).join("\n"));
  blocks.push(`*${escapeMarkdown(parts.method)}*`);
  if (parts.url) blocks.push(`[Full report](<${parts.url}>)`);
  return blocks.join("\n\n") + "\n";
}

/**
 * The post. The lead is the strongest finding whose two opening lines fit the fold; findings that
 * would take the post past POST_LIMIT are left off from the weakest up, never cut mid-sentence.
 */
export function buildPost(input: PostInput): Post {
  const context = contextLine(input);
  const method = methodLine(input);
  const url = input.siteUrl ? input.siteUrl : null;
  const ranked = rankedFindings(input);
  const leadIndex = ranked.findIndex((text) => text.length + 1 + context.length <= FOLD_LIMIT);
  // With no finding that fits (no data, or names too long for the fold), the lead is what the data is.
  const lead = leadIndex >= 0 ? ranked[leadIndex]! : `${countOf(input.headline.events, "event")} of ${countOf(input.headline.users, "user")}, analysed.`;
  let findings = ranked.filter((_, i) => i !== leadIndex).slice(0, MAX_FINDINGS);
  let parts = { lead, context, findings, method, url };
  while (plainText(parts).length > POST_LIMIT && findings.length > 0) {
    findings = findings.slice(0, -1);
    parts = { ...parts, findings };
  }
  return { ...parts, text: plainText(parts), markdown: markdownText(parts) };
}

/** The site's URL from EVENT_KIT_SITE_URL, with one trailing slash, or null when unset or not http(s). */
export function siteUrlFromEnv(env: Record<string, string | undefined>): string | null {
  const raw = env.EVENT_KIT_SITE_URL?.trim();
  if (!raw) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new RangeError(`EVENT_KIT_SITE_URL must be an absolute http(s) URL, got "${raw}"`);
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") throw new RangeError(`EVENT_KIT_SITE_URL must be an http(s) URL, got "${raw}"`);
  return url.href.endsWith("/") ? url.href : `${url.href}/`;
}
