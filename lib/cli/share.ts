/** Run by `npm run build` after `observable build`: writes what carries the report off the site. */
import { mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { join, relative, resolve, sep } from "node:path";
import { cardSvg } from "../share/cardSvg";
import { hasBuiltData, readBuiltData } from "../share/builtData";
import { withShareTags, shareUrls } from "../share/ogTags";
import type { OverviewPage } from "../pages/overview";
import { type CardSources, pageCard } from "../share/pageCards";
import { siteUrlFromEnv } from "../share/post";
import { renderCardPng } from "../share/renderCard";
import { UsageError, parseFlags } from "./args";

const HELP = `Usage: tsx lib/cli/share.ts [--dir DIR]

After a build, writes into DIR:
  share/post.txt, share/post.md   the post built with the Overview's data (the same text the
                                  Overview's "Copy post" button copies)
  share/<page>.png                a 1200×630 card per page: its title, headline number and key chart
and adds to every page's <head> the Open Graph and Twitter tags that point at its card. Everything is
read from the data files the build already wrote. npm run build runs it on dist/.

Environment:
  EVENT_KIT_SITE_URL   the published site's address (e.g. https://you.github.io/repo/): the post links
                       to it and the tags' URLs are absolute. Without it the post names no URL, the
                       tags are relative (feeds ignore relative images), and this warns.

Options:
  --dir DIR    the built site                                           [default: dist]
  -h, --help   show this help`;

/** The site's pages: every .html outside Framework's asset folders, but the 404 page. */
function pageFiles(dist: string, dir = dist): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    const rel = relative(dist, path);
    if (rel.startsWith("_") || rel === "share") return [];
    if (entry.isDirectory()) return pageFiles(dist, path);
    return entry.name.endsWith(".html") && rel !== "404.html" ? [path] : [];
  });
}

function pagePath(dist: string, file: string): string {
  const rel = relative(dist, file).split(sep).join("/");
  return "/" + rel.replace(/(^|\/)index\.html$/, "$1").replace(/\.html$/, "");
}

function decodeEntities(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|#39|apos);/g, (_, e: string) => ({ amp: "&", lt: "<", gt: ">", quot: '"', "#39": "'", apos: "'" })[e]!);
}

/** The page's name (its <title> before " | site") and its heading (the first <h1>'s text, else the name). */
function pageTitles(html: string): { name: string; heading: string } {
  const title = decodeEntities(/<title>([^<]*)<\/title>/.exec(html)?.[1] ?? "");
  const name = title.split(" | ")[0]!.trim();
  const h1 = /<h1[^>]*>([\s\S]*?)<\/h1>/.exec(html)?.[1];
  const heading = h1 ? decodeEntities(h1.replace(/<[^>]*>/g, "")).trim() : "";
  return { name, heading: heading || name };
}

async function main(): Promise<void> {
  let dir: string;
  let siteUrl: string | null;
  try {
    const values = parseFlags(process.argv.slice(2), { dir: { type: "string" }, help: { type: "boolean", short: "h" } });
    if (values.help) {
      process.stdout.write(HELP + "\n");
      return;
    }
    dir = values.dir ?? "dist";
    if (!statSync(dir, { throwIfNoEntry: false })?.isDirectory()) throw new UsageError(`--dir ${dir} is not a folder (build the site first)`);
    siteUrl = siteUrlFromEnv(process.env);
  } catch (error) {
    process.stderr.write(`share: ${(error as Error).message}\nRun with --help for usage.\n`);
    process.exit(2);
  }
  const overview: OverviewPage = readBuiltData(dir, "overview");
  const sources: CardSources = {
    overview,
    funnel: readBuiltData(dir, "funnel"),
    cohorts: readBuiltData(dir, "cohorts"),
    segments: readBuiltData(dir, "segments"),
    coverage: overview.coverage,
    predictions: hasBuiltData(dir, "predictions") ? readBuiltData(dir, "predictions") : undefined,
  };
  const shareDir = join(dir, "share");
  mkdirSync(shareDir, { recursive: true });
  const post = sources.overview.post;
  writeFileSync(join(shareDir, "post.txt"), post.text + "\n");
  writeFileSync(join(shareDir, "post.md"), post.markdown);
  process.stderr.write(`share: post.txt (${post.text.length} characters) and post.md\n`);

  const footer = siteUrl ? siteUrl.replace(/^https?:\/\//, "").replace(/\/$/, "") : "Computed at build time with DuckDB";
  const files = pageFiles(dir).sort();
  for (const file of files) {
    const html = readFileSync(file, "utf8");
    const { name, heading } = pageTitles(html);
    const path = pagePath(dir, file);
    const card = pageCard(path, name, heading, sources, footer);
    writeFileSync(join(shareDir, card.file), renderCardPng(cardSvg(card.content)));
    const urls = shareUrls(path, card.file, siteUrl);
    writeFileSync(file, withShareTags(html, { title: card.title, description: card.description, image: urls.image, imageAlt: card.alt, url: urls.url }));
    process.stderr.write(`share: ${path} → share/${card.file}\n`);
  }
  if (!siteUrl) {
    process.stderr.write(
      "share: warning: EVENT_KIT_SITE_URL is not set, so the pages' og:image and og:url are relative and feeds will show no card; set it to the published address (e.g. https://you.github.io/repo/) before building.\n",
    );
  }
}

// Run only when executed, not when imported by tests.
if (process.argv[1] && import.meta.url === new URL(`file://${resolve(process.argv[1])}`).href) await main();
