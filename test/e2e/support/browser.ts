// Debian's Chromium driven by playwright-core, kept off every network but loopback, plus a page
// opener that records everything that went wrong while a page was open.
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

const ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  // Belt and braces: even a request the page should not make cannot resolve a name off this machine.
  "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost",
];

/** Launches Chromium; Playwright gives every launch a fresh temporary user-data-dir and removes it. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS, timeout: 60_000 });
}

export interface OpenOptions {
  colorScheme?: "light" | "dark";
  width?: number;
  height?: number;
}

export interface OpenedPage {
  page: Page;
  context: BrowserContext;
  /** Console errors and uncaught exceptions, in order. */
  errors: string[];
  /** Requests that failed or answered with a status of 400 or more. */
  failedRequests: string[];
  /** Requests to any origin but the test server (data: and blob: URLs are local). */
  outsideRequests: string[];
  close(): Promise<void>;
}

function isLocal(url: string, origin: string): boolean {
  return url.startsWith("data:") || url.startsWith("blob:") || new URL(url).origin === origin;
}

/** Opens a path of the site in a new context and waits until Framework has rendered every cell. */
export async function openPage(browser: Browser, origin: string, path: string, options: OpenOptions = {}): Promise<OpenedPage> {
  const { colorScheme = "light", width = 1280, height = 900 } = options;
  const context = await browser.newContext({
    colorScheme,
    viewport: { width, height },
    deviceScaleFactor: 1,
    acceptDownloads: true,
    serviceWorkers: "block",
  });
  const page = await context.newPage();
  const errors: string[] = [];
  const failedRequests: string[] = [];
  const outsideRequests: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(`console.error: ${message.text()} (${message.location().url})`);
  });
  page.on("pageerror", (error) => errors.push(`uncaught: ${error.stack ?? error.message}`));
  page.on("request", (request) => {
    if (!isLocal(request.url(), origin)) outsideRequests.push(`${request.method()} ${request.url()}`);
  });
  page.on("requestfailed", (request) => {
    // A download ends its navigation with "net::ERR_ABORTED" by design; it is not a failure.
    if (request.url().startsWith("blob:")) return;
    failedRequests.push(`${request.url()}: ${request.failure()?.errorText ?? "failed"}`);
  });
  page.on("response", (response) => {
    if (response.status() >= 400) failedRequests.push(`${response.url()}: HTTP ${response.status()}`);
  });
  await page.goto(origin + path, { waitUntil: "load", timeout: 60_000 });
  await waitForRender(page);
  return { page, context, errors, failedRequests, outsideRequests, close: () => context.close() };
}

/**
 * Framework renders each cell in place of an <observablehq-loading> placeholder; when none are left,
 * the network is quiet and two frames have painted, the page is as its reader first sees it.
 */
export async function waitForRender(page: Page, timeout = 30_000): Promise<void> {
  await page.waitForFunction(() => document.querySelectorAll("observablehq-loading").length === 0, null, { timeout });
  await page.waitForLoadState("networkidle", { timeout });
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
}
