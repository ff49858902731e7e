import { existsSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";
import { expect } from "vitest";
import { type RunningServer, startServer } from "./http-server.js";

/** Debian's Chromium, the only browser the suite drives (no downloaded browsers). */
export const CHROMIUM_PATH = "/usr/bin/chromium";

/** What a skipped browser suite prints; CI looks for "SKIPPED: browser" and fails the run when it appears. */
export const BROWSER_SKIP_MESSAGE = `SKIPPED: browser suite — ${CHROMIUM_PATH} not found (apt-get install chromium).`;

/** Where screenshots go (git-ignored). */
export const SCREENSHOT_DIR = "test-results";

/** Phone and desktop viewports the pages are checked at. */
export const PHONE = { width: 390, height: 844 } as const;
export const DESKTOP = { width: 1280, height: 900 } as const;

/**
 * Whether the browser suite can run. When Chromium is missing it prints {@link BROWSER_SKIP_MESSAGE} and
 * answers false, unless `HEXLINK_REQUIRE_SUITES=1`, where a missing browser is an error, not a skip.
 */
export function browserAvailable(executable = CHROMIUM_PATH): boolean {
  if (existsSync(executable)) return true;
  if (process.env.HEXLINK_REQUIRE_SUITES === "1") {
    throw new Error(`${executable} not found and HEXLINK_REQUIRE_SUITES=1: the browser suite must run`);
  }
  console.warn(BROWSER_SKIP_MESSAGE.replace(CHROMIUM_PATH, executable));
  return false;
}

/** Starts headless Chromium with the flags a container needs and no background traffic. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-dev-shm-usage",
      "--no-first-run",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

const DOCUMENT_STATUS = /^Failed to load resource: the server responded with a status of \d{3}\b/;

/** A page plus every console error and uncaught exception it produced (a CSP violation logs one). */
export interface WatchedPage {
  readonly page: Page;
  readonly context: BrowserContext;
  readonly errors: string[];
  close(): Promise<void>;
}

/** Opens a fresh context and page at `viewport`, collecting console errors and page errors. */
export async function openPage(
  browser: Browser,
  viewport: { readonly width: number; readonly height: number } = DESKTOP,
): Promise<WatchedPage> {
  const context = await browser.newContext({ viewport, deviceScaleFactor: 1 });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("console", (message) => {
    if (message.type() !== "error") return;
    // Chromium logs a 4xx document itself as a failed load; an error page answering 404 is not a fault.
    const documentStatus = DOCUMENT_STATUS.test(message.text()) && message.location().url === page.url();
    if (!documentStatus) errors.push(`console: ${message.text()}`);
  });
  page.on("pageerror", (error) => errors.push(`pageerror: ${error.message}`));
  return { page, context, errors, close: () => context.close() };
}

/** What {@link withPage} takes besides the browser. */
export interface WithPageOptions {
  readonly viewport?: { readonly width: number; readonly height: number };
  /** Skip the no-console-error check (an image opened directly makes Chromium ask for /favicon.ico). */
  readonly allowErrors?: boolean;
}

/**
 * Runs `use` on a fresh page, then checks the page logged no console error nor threw (a CSP violation
 * would be one), and closes it whatever happened.
 */
export async function withPage(
  browser: Browser,
  use: (page: Page) => Promise<void>,
  options: WithPageOptions = {},
): Promise<void> {
  const { page, errors, close } = await openPage(browser, options.viewport);
  try {
    await use(page);
    if (options.allowErrors !== true) expect(errors).toEqual([]);
  } finally {
    await close();
  }
}

/** Opens `url` on a phone-sized page, checks nothing scrolls sideways, and saves a screenshot as `name`. */
export function expectFitsPhone(browser: Browser, url: string, name: string): Promise<void> {
  return withPage(
    browser,
    async (page) => {
      await page.goto(url);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        PHONE.width,
      );
      await screenshot(page, name);
    },
    { viewport: PHONE },
  );
}

/** Saves a screenshot (of the whole page unless `fullPage` is false) as `test-results/<name>.png`. */
export async function screenshot(page: Page, name: string, fullPage = true): Promise<string> {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path, fullPage });
  return path;
}

/** A tiny page server standing in for a link's destination. */
export interface DestinationServer {
  /** e.g. `http://127.0.0.1:41235/` */
  readonly url: string;
  close(): Promise<void>;
}

/** Serves an HTML page saying "Destination reached" on every path, on a free loopback port. */
export async function startDestinationServer(): Promise<DestinationServer> {
  const server = createServer((_req, res) => {
    res.writeHead(200, { "Content-Type": "text/html; charset=utf-8" });
    res.end('<!doctype html><html lang="en"><title>Destination</title><h1>Destination reached</h1></html>');
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** A browser, a hexlink server and a destination server, started together and closed together. */
export interface BrowserRig {
  readonly browser: Browser;
  readonly server: RunningServer;
  readonly destination: DestinationServer;
  close(): Promise<void>;
}

/** Starts Chromium, a hexlink server and a destination server at once. */
export async function startBrowserRig(): Promise<BrowserRig> {
  const started = await Promise.allSettled([
    launchBrowser(),
    startServer({ settings: { allowPrivateDestinations: true } }),
    startDestinationServer(),
  ]);
  const [browser, server, destination] = started;
  if (browser.status === "rejected" || server.status === "rejected" || destination.status === "rejected") {
    await Promise.all([
      browser.status === "fulfilled" && browser.value.close(),
      server.status === "fulfilled" && server.value.close(),
      destination.status === "fulfilled" && destination.value.close(),
    ]);
    throw started.find((result) => result.status === "rejected")?.reason;
  }
  return {
    browser: browser.value,
    server: server.value,
    destination: destination.value,
    async close() {
      await browser.value.close();
      await Promise.all([server.value.close(), destination.value.close()]);
    },
  };
}
