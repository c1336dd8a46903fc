// What the built site contains: its pages and its files, found in dist/ so new pages are covered
// without touching the tests.
import { readFileSync, readdirSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { DIST } from "./paths.js";

/** Every file under dir, as absolute paths. */
export function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? listFiles(path) : [path];
  });
}

/**
 * The site's pages as URL paths ("/", "/cohorts", "/guide/"), from dist/**.html outside Framework's
 * asset folders (_observablehq, _node, _npm, _import, _file), except the 404 page.
 */
export function listPages(dist = DIST): string[] {
  return listFiles(dist)
    .map((file) => relative(dist, file).split(sep).join("/"))
    .filter((path) => path.endsWith(".html") && !path.startsWith("_") && path !== "404.html")
    .map((path) => "/" + path.replace(/(^|\/)index\.html$/, "$1").replace(/\.html$/, ""))
    .sort();
}

/** A file-name-friendly name for a page path: "/" → "index", "/guide/setup" → "guide-setup". */
export function pageSlug(path: string): string {
  const slug = path.replace(/^\/|\/$/g, "").replace(/\//g, "-");
  return slug || "index";
}

/** A data file of the build, by its name before Framework's content hash ("cohorts" → …/cohorts.1a2b.json). */
export function builtDataFile(name: string, dist = DIST): string {
  const dir = join(dist, "_file", "data");
  const file = readdirSync(dir).find((f) => new RegExp(`^${name}\\.[0-9a-f]+\\.json$`).test(f));
  if (!file) throw new Error(`no ${name}.json in ${dir}`);
  return join(dir, file);
}

/** The parsed JSON of a data file of the build (see builtDataFile). */
export function builtData<T>(name: string, dist = DIST): T {
  return JSON.parse(readFileSync(builtDataFile(name, dist), "utf8")) as T;
}
