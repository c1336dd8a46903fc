/**
 * The tags a feed reads to preview a page (Open Graph and Twitter's card), written into a built page's
 * <head> after `observable build`: Framework's `head` option is one string for every page, and these
 * differ by page. Feeds ignore relative image addresses, so URLs are absolute when the site's address
 * is known; without it they are relative to the page, and the build says so.
 */
import { CARD_HEIGHT, CARD_WIDTH } from "./cardSvg";

export interface ShareTags {
  title: string;
  description: string;
  /** The card's address: absolute, or relative to the page. */
  image: string;
  imageAlt: string;
  /** The page's address: absolute, or relative to the page. */
  url: string;
}

const MARKER = "<!-- share tags -->";

function escapeAttribute(text: string): string {
  return text.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]!);
}

export function shareTagsHtml(tags: ShareTags): string {
  const meta = (attribute: "property" | "name", key: string, value: string) => `<meta ${attribute}="${key}" content="${escapeAttribute(value)}">`;
  return [
    MARKER,
    meta("name", "description", tags.description),
    meta("property", "og:type", "website"),
    meta("property", "og:title", tags.title),
    meta("property", "og:description", tags.description),
    meta("property", "og:url", tags.url),
    meta("property", "og:image", tags.image),
    meta("property", "og:image:type", "image/png"),
    meta("property", "og:image:width", String(CARD_WIDTH)),
    meta("property", "og:image:height", String(CARD_HEIGHT)),
    meta("property", "og:image:alt", tags.imageAlt),
    meta("name", "twitter:card", "summary_large_image"),
    meta("name", "twitter:title", tags.title),
    meta("name", "twitter:description", tags.description),
    meta("name", "twitter:image", tags.image),
    meta("name", "twitter:image:alt", tags.imageAlt),
  ].join("\n");
}

/** The page with its share tags after <title>, replacing any written by an earlier run (so running twice changes nothing). */
export function withShareTags(html: string, tags: ShareTags): string {
  const withoutOld = html.replace(new RegExp(`${MARKER}\\n(?:<meta [^>]*>\\n?)*`), "");
  const titleEnd = withoutOld.indexOf("</title>");
  if (titleEnd < 0) throw new Error("page has no <title>: cannot place its share tags");
  const at = titleEnd + "</title>".length;
  return `${withoutOld.slice(0, at)}\n${shareTagsHtml(tags)}${withoutOld.slice(at)}`;
}

/** A page's own address and its card's, given the page's path, the card's file and the site's address (or null). */
export function shareUrls(path: string, cardFile: string, siteUrl: string | null): { url: string; image: string } {
  const page = path.replace(/^\//, "");
  if (siteUrl) return { url: new URL(page, siteUrl).href, image: new URL(`share/${cardFile}`, siteUrl).href };
  const segments = page.split("/");
  const up = "../".repeat(segments.length - 1) || "./";
  return { url: `./${segments.at(-1) ?? ""}`, image: `${up}share/${cardFile}` };
}
