/** Run by `npm run build` after `observable build`: writes what carries the report off the site. */
import { mkdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { statSync } from "node:fs";
import type { OverviewData } from "../../data-loaders/overview";
import { readBuiltData } from "../share/builtData";
import { UsageError, parseFlags } from "./args";

const HELP = `Usage: tsx lib/cli/share.ts [--dir DIR]

Writes DIR/share/post.txt and post.md, the post built with the Overview's data (the same text the
Overview's "Copy post" button copies), from the data files the build already wrote. npm run build runs
it on dist/.

The site's address comes from EVENT_KIT_SITE_URL (e.g. https://you.github.io/repo/): without it the
post names no URL.

Options:
  --dir DIR    the built site                                           [default: dist]
  -h, --help   show this help`;

async function main(): Promise<void> {
  let dir: string;
  try {
    const values = parseFlags(process.argv.slice(2), { dir: { type: "string" }, help: { type: "boolean", short: "h" } });
    if (values.help) {
      process.stdout.write(HELP + "\n");
      return;
    }
    dir = values.dir ?? "dist";
    if (!statSync(dir, { throwIfNoEntry: false })?.isDirectory()) throw new UsageError(`--dir ${dir} is not a folder (build the site first)`);
  } catch (error) {
    process.stderr.write(`share: ${(error as Error).message}\nRun with --help for usage.\n`);
    process.exit(2);
  }
  const overview = readBuiltData<OverviewData>(dir, "overview");
  const shareDir = join(dir, "share");
  mkdirSync(shareDir, { recursive: true });
  writeFileSync(join(shareDir, "post.txt"), overview.post.text + "\n");
  writeFileSync(join(shareDir, "post.md"), overview.post.markdown);
  process.stderr.write(`share: post.txt (${overview.post.text.length} characters) and post.md in ${shareDir}\n`);
}

// Run only when executed, not when imported by tests.
if (process.argv[1] && import.meta.url === new URL(`file://${resolve(process.argv[1])}`).href) await main();
