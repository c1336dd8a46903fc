/** `npm run share-docs`: copies the default data's post and cards from a build into docs/share/ for the README. */
import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";
import { readBuiltData } from "../share/builtData";
import { UsageError, parseFlags } from "./args";

const HELP = `Usage: tsx lib/cli/shareDocs.ts [--dist DIR] [--out DIR]

Copies DIR/share/ (post.txt, post.md and every page's card) into docs/share/, where the README shows
them. Build the site on the default data first (npm run build, without EVENT_KIT_DATA and
EVENT_KIT_SITE_URL), so that the docs show what a fresh clone builds.

Options:
  --dist DIR   the built site                                           [default: dist]
  --out DIR    where the copies go                                      [default: docs/share]
  -h, --help   show this help`;

function main(): void {
  let dist: string;
  let out: string;
  try {
    const values = parseFlags(process.argv.slice(2), { dist: { type: "string" }, out: { type: "string" }, help: { type: "boolean", short: "h" } });
    if (values.help) {
      process.stdout.write(HELP + "\n");
      return;
    }
    dist = values.dist ?? "dist";
    out = values.out ?? join("docs", "share");
    if (!existsSync(join(dist, "share", "post.txt"))) throw new UsageError(`${dist}/share/post.txt is missing: run npm run build first`);
    const overview = readBuiltData<{ source: { kind: string }; post: { url: string | null } }>(dist, "overview");
    if (overview.source.kind !== "generated") throw new UsageError(`${dist} was built from brought data (EVENT_KIT_DATA): the docs show the default data`);
    if (overview.post.url) throw new UsageError(`${dist} was built with EVENT_KIT_SITE_URL: the docs show a post without a site's address`);
  } catch (error) {
    process.stderr.write(`share-docs: ${(error as Error).message}\nRun with --help for usage.\n`);
    process.exit(2);
  }
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const files = readdirSync(join(dist, "share")).sort();
  for (const file of files) copyFileSync(join(dist, "share", file), join(out, file));
  process.stderr.write(`share-docs: ${files.length} files copied to ${out}\n`);
}

if (process.argv[1] && import.meta.url === new URL(`file://${resolve(process.argv[1])}`).href) main();
