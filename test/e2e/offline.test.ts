// The built site loads nothing from another origin. The browser tests watch real requests; this reads
// the files, so a reference that only some code path would follow is caught too.
import { readFileSync } from "node:fs";
import { relative } from "node:path";
import { describe, expect, test } from "vitest";
import { ensureBuilt } from "./support/build.js";
import { DIST } from "./support/paths.js";
import { listFiles } from "./support/site.js";

await ensureBuilt();
const files = listFiles(DIST);

/** Attributes through which HTML makes the browser fetch something. */
const HTML_FETCHES = /<(?:link|script|img|source|iframe|video|audio|embed|object)\b[^>]*?\b(?:href|src|srcset|data)\s*=\s*["']?\s*((?:https?:)?\/\/[^"'\s>]+)/gi;
/** url(...) and @import in CSS. */
const CSS_FETCHES = /(?:url\(\s*["']?|@import\s+["'])((?:https?:)?\/\/[^"')\s]+)/gi;
/** Module imports of a URL in JavaScript. */
const JS_FETCHES = /(?:\bimport\s*\(\s*|\bfrom\s*|\bimport\s+)["'`]((?:https?:)?\/\/[^"'`]+)/g;

function references(pattern: RegExp, extensions: RegExp): string[] {
  return files
    .filter((file) => extensions.test(file))
    .flatMap((file) =>
      [...readFileSync(file, "utf8").matchAll(pattern)]
        .map((match) => match[1] ?? "")
        // SVG and MathML namespaces are identifiers, never fetched.
        .filter((url) => !/^https?:\/\/www\.w3\.org\//.test(url))
        .map((url) => `${relative(DIST, file)}: ${url}`),
    );
}

describe("dist/ makes no request to another origin", () => {
  test("HTML links, scripts and images are local", () => {
    expect(references(HTML_FETCHES, /\.html$/)).toEqual([]);
  });

  test("stylesheets import and reference only local files", () => {
    expect(references(CSS_FETCHES, /\.css$/)).toEqual([]);
  });

  test("JavaScript imports only local modules", () => {
    expect(references(JS_FETCHES, /\.m?js$/)).toEqual([]);
  });

  test("no page links Google Fonts or a CDN", () => {
    const offenders = files
      .filter((file) => /\.(html|css|js)$/.test(file))
      .filter((file) => /fonts\.googleapis|fonts\.gstatic|cdn\.jsdelivr|unpkg\.com|esm\.sh/.test(readFileSync(file, "utf8")))
      .map((file) => relative(DIST, file));
    expect(offenders).toEqual([]);
  });
});

describe("the built pages are the same bytes for the same data", () => {
  test("every data file's lastModified is pinned (npm run build runs lib/cli/pinFileDates.ts)", () => {
    const pinned = process.env.SOURCE_DATE_EPOCH ? Number(process.env.SOURCE_DATE_EPOCH) * 1000 : 0;
    const dates = files
      .filter((file) => file.endsWith(".html"))
      .flatMap((file) => [...readFileSync(file, "utf8").matchAll(/"lastModified":([^,}]+)/g)].map((m) => Number(m[1])));
    expect(dates.length).toBeGreaterThan(0);
    expect(new Set(dates)).toEqual(new Set([pinned]));
  });
});
