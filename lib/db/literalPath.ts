/**
 * A path DuckDB reads exactly as written. DuckDB's file readers expand glob patterns in every path they
 * are given (`*`, `?`, `[…]`, `**`), with no way to escape them: `read_csv('shop*' + '/events.csv')` reads
 * the events file of `shop-old` too, and `export[1]/events.csv` reads `export1/events.csv` instead. A path that
 * holds such a character is therefore handed over as a symbolic link with a plain name, in a fresh
 * temporary folder, pointing at the absolute path; other paths are passed through (made absolute, so
 * that no relative path can be taken for a URL or a `~` home folder either).
 */
import { mkdtempSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { extname, join, resolve } from "node:path";

/** Characters DuckDB's file system treats as a pattern. */
const GLOB_CHARACTERS = /[*?[\]{}]/;

export interface LiteralPath {
  /** The path to put in SQL. */
  path: string;
  /** Removes the link (a no-op for a plain path); call when DuckDB no longer reads the file. */
  release(): void;
}

export function hasGlobCharacters(path: string): boolean {
  return GLOB_CHARACTERS.test(path);
}

export function literalPath(file: string): LiteralPath {
  const absolute = resolve(file);
  if (!hasGlobCharacters(absolute)) return { path: absolute, release: () => {} };
  // mkdtemp's suffix is letters and digits; the link keeps the extension DuckDB may look at.
  const dir = mkdtempSync(join(tmpdir(), "event-kit-path-"));
  if (hasGlobCharacters(dir)) throw new Error(`the temporary folder ${dir} holds a glob character; set TMPDIR to a plain path`);
  const link = join(dir, `file${extname(absolute).replace(GLOB_CHARACTERS, "")}`);
  symlinkSync(absolute, link);
  return { path: link, release: () => rmSync(dir, { recursive: true, force: true }) };
}
