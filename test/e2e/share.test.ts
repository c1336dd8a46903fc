// End-to-end tests of what carries the report off the site: the post (and the Overview's "Copy post"
// button), the cards and the share tags, the Overview's row of small charts, and printing every page
// to PDF with Chromium. PDFs and screenshots go to test-output/ for people to look at.
import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { launchChromium, openPage } from "./support/browser.js";
import { ensureBuilt } from "./support/build.js";
import { DIST, OUTPUT, ROOT, SCREENSHOTS } from "./support/paths.js";
import { serveStatic, type StaticServer } from "./support/server.js";
import { builtData, listPages, pageSlug } from "./support/site.js";

await ensureBuilt();
const pages = listPages(DIST);
const PDFS = join(OUTPUT, "pdf");

let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  mkdirSync(PDFS, { recursive: true });
  [server, browser] = await Promise.all([serveStatic(DIST), launchChromium()]);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Every <meta> of a page's head, by property or name. */
function metaTags(html: string): Map<string, string> {
  const tags = new Map<string, string>();
  for (const match of html.matchAll(/<meta (?:property|name)="([^"]+)" content="([^"]*)">/g)) tags.set(match[1]!, match[2]!.replace(/&quot;/g, '"').replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&"));
  return tags;
}

function pngSize(png: Buffer): { width: number; height: number } {
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

function pageFile(path: string): string {
  return join(DIST, path === "/" ? "index.html" : `${path.slice(1)}.html`);
}

describe("the post", () => {
  const post = readFileSync(join(DIST, "share", "post.txt"), "utf8").replace(/\n$/, "");
  const overview = builtData<{ post: { text: string; markdown: string; lead: string }; headline: { session_conversion: { rate: number } } }>("overview");

  test("post.txt and post.md are the Overview's post, within a feed's bounds", () => {
    expect(post).toBe(overview.post.text);
    expect(readFileSync(join(DIST, "share", "post.md"), "utf8")).toBe(overview.post.markdown);
    expect(post.length).toBeLessThanOrEqual(1300);
    expect(post.split("\n").slice(0, 2).join("\n").length).toBeLessThanOrEqual(200);
    expect(post).toMatch(/\d/);
    expect(post).not.toMatch(/undefined|NaN|\[object/);
    expect(post).toContain("computed at build time with DuckDB");
  });

  test("the Overview's button copies the post", async () => {
    const opened = await openPage(browser, server.origin, "/");
    try {
      await opened.context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: server.origin });
      await opened.page.getByRole("button", { name: "Copy post" }).click();
      await opened.page.getByText(/^Copied/).waitFor();
      expect(await opened.page.evaluate(() => navigator.clipboard.readText())).toBe(post);
      expect(opened.errors).toEqual([]);
    } finally {
      await opened.close();
    }
  });

  test("where there is no clipboard API, the button shows the post selected in a text area", async () => {
    const opened = await openPage(browser, server.origin, "/");
    try {
      // As on file:// or an old browser: no navigator.clipboard.
      await opened.page.evaluate(() => Object.defineProperty(navigator, "clipboard", { value: undefined, configurable: true }));
      await opened.page.getByRole("button", { name: "Copy post" }).click();
      const area = opened.page.getByRole("textbox", { name: "The post, to copy" });
      await area.waitFor();
      expect(await area.inputValue()).toBe(post);
      const selected = await area.evaluate((node: HTMLTextAreaElement) => node.value.slice(node.selectionStart, node.selectionEnd));
      expect(selected).toBe(post);
    } finally {
      await opened.close();
    }
  });
});

describe("cards and share tags", () => {
  test.each(pages)("%s carries every share tag, pointing at its own 1200×630 card", (path) => {
    const tags = metaTags(readFileSync(pageFile(path), "utf8"));
    for (const key of ["og:title", "og:description", "og:image", "og:image:width", "og:image:height", "og:image:alt", "og:url", "twitter:card"]) {
      expect(tags.get(key), key).toBeTruthy();
      expect(tags.get(key), key).not.toMatch(/undefined|NaN|\[object/);
    }
    expect(tags.get("twitter:card")).toBe("summary_large_image");
    expect([tags.get("og:image:width"), tags.get("og:image:height")]).toEqual(["1200", "630"]);
    expect(tags.get("og:description")!).toMatch(/\d/); // built from the data
    const image = tags.get("og:image")!;
    expect(image).toMatch(new RegExp(`share/${pageSlug(path)}\\.png$`));
    const png = readFileSync(join(DIST, "share", `${pageSlug(path)}.png`));
    expect(pngSize(png)).toEqual({ width: 1200, height: 630 });
  });

  test("with EVENT_KIT_SITE_URL the URLs are absolute, without it they are relative and the build warns; the same data gives the same cards", () => {
    const copy = mkdtempSync(join(tmpdir(), "share-"));
    try {
      cpSync(DIST, copy, { recursive: true });
      const run = (env: Record<string, string>) => spawnSync(join(ROOT, "node_modules/.bin/tsx"), ["lib/cli/share.ts", "--dir", copy], { cwd: ROOT, env: { ...process.env, ...env }, encoding: "utf8" });
      const withUrl = run({ EVENT_KIT_SITE_URL: "https://someone.github.io/event-story-kit" });
      expect(withUrl.status).toBe(0);
      expect(withUrl.stderr).not.toContain("warning");
      const tags = metaTags(readFileSync(join(copy, "cohorts.html"), "utf8"));
      expect(tags.get("og:url")).toBe("https://someone.github.io/event-story-kit/cohorts");
      expect(tags.get("og:image")).toBe("https://someone.github.io/event-story-kit/share/cohorts.png");
      expect(readFileSync(join(copy, "share", "post.txt"), "utf8")).not.toContain("https://"); // the post is built by the loader, with the build's env
      const without = run({ EVENT_KIT_SITE_URL: "" });
      expect(without.status).toBe(0);
      expect(without.stderr).toMatch(/warning: EVENT_KIT_SITE_URL is not set/);
      for (const path of pages) {
        const name = `${pageSlug(path)}.png`;
        expect(readFileSync(join(copy, "share", name)).equals(readFileSync(join(DIST, "share", name))), name).toBe(true);
        expect(readFileSync(join(copy, pageFile(path).slice(DIST.length + 1)), "utf8")).toBe(readFileSync(pageFile(path), "utf8"));
      }
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
    // Two runs of the share step in a fresh process each: slow on a loaded machine, not a test of speed.
  }, 600_000);
});

describe("the Overview's row of small charts", () => {
  for (const [mode, width] of [["light", 1280], ["dark", 1280], ["light", 375]] as const) {
    test(`at least three, each linking to its page, readable (${mode}, ${width} px)`, async () => {
      const opened = await openPage(browser, server.origin, "/", { colorScheme: mode, width });
      try {
        const glance = await opened.page.$$eval(".glance-row > figure.glance", (cards) =>
          cards.map((card) => {
            const svg = card.querySelector("svg");
            const box = svg?.getBoundingClientRect();
            const texts = [...(svg?.querySelectorAll("text") ?? [])];
            const background = getComputedStyle(document.body).backgroundColor;
            return {
              href: card.querySelector("h2 a")?.getAttribute("href"),
              marks: svg?.querySelectorAll("rect, circle, path").length ?? 0,
              left: box?.left ?? -1,
              right: box?.right ?? Infinity,
              textColour: svg ? getComputedStyle(svg).color : "",
              background,
              // Every label lies within the chart's own box (nothing cut off at its edges).
              labelsInside: texts.every((t) => {
                const r = t.getBoundingClientRect();
                return r.width === 0 || (r.left >= (box?.left ?? 0) - 1 && r.right <= (box?.right ?? 0) + 1);
              }),
            };
          }),
        );
        expect(glance.length).toBeGreaterThanOrEqual(3);
        expect(glance.map((g) => g.href)).toEqual(["./funnel", "./cohorts", "./segments"]);
        for (const g of glance) {
          expect(g.marks).toBeGreaterThan(2);
          expect(g.left).toBeGreaterThanOrEqual(0);
          expect(g.right).toBeLessThanOrEqual(width);
          expect(g.labelsInside).toBe(true);
          expect(g.textColour).not.toBe(g.background);
        }
        const overflow = await opened.page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        expect(overflow).toBeLessThanOrEqual(0);
        // The KPI cards stay.
        expect(await opened.page.locator(".kpi-grid .big-number").count()).toBe(5);
        await opened.page.locator(".glance-row").screenshot({ path: join(SCREENSHOTS, `overview-glance-${width}-${mode}.png`) });
        expect(opened.errors).toEqual([]);
      } finally {
        await opened.close();
      }
    });
  }
});

/** Marks the top and bottom of every chart with a tiny unique word that pdftotext finds on the page it lands on. */
async function markCharts(page: Page): Promise<number> {
  return page.evaluate(() => {
    const charts = [...document.querySelectorAll("#observablehq-main figure, #observablehq-main svg")].filter(
      // The outermost box of each chart: a figure not inside another, or an SVG in no figure.
      (node) => !node.parentElement?.closest("figure") && !(node instanceof SVGElement && (node.closest("figure") || node.ownerSVGElement)) && node.getBoundingClientRect().height > 20,
    );
    charts.forEach((chart, i) => {
      const host = chart instanceof SVGElement ? chart.parentElement! : (chart as HTMLElement);
      if (getComputedStyle(host).position === "static") host.style.position = "relative";
      for (const [word, edge] of [[`zqstart${i}q`, "top"], [`zqend${i}q`, "bottom"]] as const) {
        const marker = document.createElement("span");
        marker.textContent = word;
        marker.style.cssText = `position:absolute;left:0;${edge}:0;font-size:3px;line-height:3px;color:#fefefe;pointer-events:none`;
        host.append(marker);
      }
    });
    return charts.length;
  });
}

describe("printing", () => {
  test.each(pages)("%s prints with every chart whole on its page (A4 and Letter)", async (path) => {
    const opened = await openPage(browser, server.origin, path);
    try {
      const { page } = opened;
      // A reader who opened every SQL disclosure still prints them closed.
      await page.evaluate(() => document.querySelectorAll("details").forEach((d) => (d.open = true)));
      const charts = await markCharts(page);
      await page.emulateMedia({ media: "print" });
      const printed = await page.evaluate(() => ({
        sidebar: getComputedStyle(document.getElementById("observablehq-sidebar")!).display,
        openSql: [...document.querySelectorAll("details > pre")].filter((pre) => (pre as HTMLElement).offsetParent !== null).length,
        // Forms that choose what the charts show (an Inputs.table is a form of data, not a choice).
        forms: [...document.querySelectorAll("#observablehq-main form")].filter((form) => !form.querySelector("table")).length,
        variants: [...document.querySelectorAll(".print-variant")].map((p) => p.textContent ?? "").filter((t) => t.startsWith("Shown: ")).length,
      }));
      expect(printed.sidebar).toBe("none");
      expect(printed.openSql).toBe(0);
      expect(printed.variants).toBe(printed.forms);
      for (const format of ["A4", "Letter"] as const) {
        const file = join(PDFS, `${pageSlug(path)}-${format}.pdf`);
        await page.pdf({ path: file, format, printBackground: true });
        const text = execFileSync("pdftotext", [file, "-"], { encoding: "utf8" });
        const sheets = text.split("\f");
        const sheetOf = (word: string) => sheets.findIndex((sheet) => sheet.includes(word));
        const broken: string[] = [];
        for (let i = 0; i < charts; i++) {
          const start = sheetOf(`zqstart${i}q`);
          const end = sheetOf(`zqend${i}q`);
          expect(start, `chart ${i} top in ${format}`).toBeGreaterThanOrEqual(0);
          if (start !== end) broken.push(`chart ${i}: pages ${start + 1}–${end + 1}`);
        }
        expect(broken, `${path} ${format}`).toEqual([]);
      }
    } finally {
      await opened.close();
    }
  });
});
