/** Run by `npm run build` after `observable build`: pins the data files' dates in the built pages. */
import { readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { pinFileDates, sourceDateEpochMs } from "../build/pinFileDates";
import { UsageError, parseFlags } from "./args";

const HELP = `Usage: tsx lib/cli/pinFileDates.ts [--dir DIR]

Rewrites the "lastModified" of every data file registered in DIR's pages (*.html) to one instant:
SOURCE_DATE_EPOCH (seconds) when set, else 0, so that building the same data twice gives the same
bytes. npm run build runs it on dist/.

Options:
  --dir DIR    the built site                                           [default: dist]
  -h, --help   show this help`;

function htmlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return htmlFiles(path);
    return name.endsWith(".html") ? [path] : [];
  });
}

async function main(): Promise<void> {
  let dir: string;
  let epochMs: number;
  try {
    const values = parseFlags(process.argv.slice(2), { dir: { type: "string" }, help: { type: "boolean", short: "h" } });
    if (values.help) {
      process.stdout.write(HELP + "\n");
      return;
    }
    dir = values.dir ?? "dist";
    epochMs = sourceDateEpochMs(process.env);
    if (!statSync(dir, { throwIfNoEntry: false })?.isDirectory()) throw new UsageError(`--dir ${dir} is not a folder (build the site first)`);
  } catch (error) {
    process.stderr.write(`pinFileDates: ${(error as Error).message}\nRun with --help for usage.\n`);
    process.exit(2);
  }
  let changed = 0;
  const files = htmlFiles(dir);
  for (const file of files) {
    const html = readFileSync(file, "utf8");
    const pinned = pinFileDates(html, epochMs);
    if (pinned !== html) {
      writeFileSync(file, pinned);
      changed++;
    }
  }
  process.stderr.write(`pinFileDates: data file dates pinned to ${new Date(epochMs).toISOString()} in ${changed} of ${files.length} pages\n`);
}

// Run only when executed, not when imported by tests.
if (process.argv[1] && import.meta.url === new URL(`file://${resolve(process.argv[1])}`).href) await main();
