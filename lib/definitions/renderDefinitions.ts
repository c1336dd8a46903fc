/**
 * The report's definitions, published from the one file that states them: docs/metrics.md, rendered to
 * HTML at build time by markdown-it (CommonMark and GFM tables; the parser Framework itself uses), so the
 * Data & methods page and the shipped docs cannot say different things.
 */
import { readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import MarkdownIt from "markdown-it";

/** docs/metrics.md of this checkout, found from this file rather than from the working directory. */
export const DEFINITIONS_PATH = join(resolve(dirname(fileURLToPath(import.meta.url)), "../.."), "docs", "metrics.md");

export interface Definitions {
  /** Where the text comes from, relative to the project root. */
  source: "docs/metrics.md";
  /** The sections after the file's title and lede, as HTML; headings one level down (## → h3). */
  html: string;
}

export function readDefinitions(path = DEFINITIONS_PATH): Definitions {
  return { source: "docs/metrics.md", html: renderDefinitions(readFileSync(path, "utf8")) };
}

/** Renders the markdown from its first `## ` section on; the title and lede belong to the file, not the page. */
export function renderDefinitions(markdown: string): string {
  const firstSection = markdown.search(/^## /m);
  const body = firstSection < 0 ? markdown : markdown.slice(firstSection);
  return definitionsRenderer().render(body);
}

function definitionsRenderer(): MarkdownIt {
  // html: false so the file can hold nothing but text; typographer off so `"` stays as written.
  const md = new MarkdownIt({ html: false, linkify: false, typographer: false });
  const rules = md.renderer.rules;
  // The page already has its h2 ("Definitions"): the file's sections sit one level below it.
  rules.heading_open = (tokens, i) => `<h${level(tokens[i]!.tag) + 1}>`;
  rules.heading_close = (tokens, i) => `</h${level(tokens[i]!.tag) + 1}>\n`;
  // Wide tables and code scroll inside the column at 375 px instead of widening the page; a region that
  // scrolls must be reachable by keyboard (axe: scrollable-region-focusable), hence tabindex.
  rules.table_open = () => `<div class="definitions-table" tabindex="0" role="region" aria-label="Table" style="overflow-x: auto"><table>\n`;
  rules.table_close = () => `</table></div>\n`;
  const defaultFence = rules.fence!;
  rules.fence = (tokens, i, options, env, self) => defaultFence(tokens, i, options, env, self).replace(/^<pre>/, '<pre tabindex="0">');
  // Links between files of docs/ lead nowhere on the site: keep their text, drop the link.
  const defaultLinkOpen = rules.link_open ?? ((tokens, i, options, _env, self) => self.renderToken(tokens, i, options));
  const defaultLinkClose = rules.link_close ?? ((tokens, i, options, _env, self) => self.renderToken(tokens, i, options));
  const relative = new WeakSet<object>();
  rules.link_open = (tokens, i, options, env, self) => {
    const href = tokens[i]!.attrGet("href") ?? "";
    if (/^[a-z]+:|^#/i.test(href)) return defaultLinkOpen(tokens, i, options, env, self);
    // Mark the matching close: the next link_close at the same nesting.
    const close = tokens.slice(i + 1).find((token) => token.type === "link_close");
    if (close) relative.add(close);
    return "";
  };
  rules.link_close = (tokens, i, options, env, self) => (relative.has(tokens[i]!) ? "" : defaultLinkClose(tokens, i, options, env, self));
  return md;
}

function level(tag: string): number {
  return Math.min(6, Number(tag.slice(1)));
}
