import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type BrowserRig,
  browserAvailable,
  expectFitsPhone,
  screenshot,
  startBrowserRig,
  withPage,
} from "../support/browser.js";

const USER_AGENTS = {
  desktopChrome:
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36",
  iPhoneSafari:
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1",
  iPad: "Mozilla/5.0 (iPad; CPU OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1",
  androidPhone:
    "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Mobile Safari/537.36",
} as const;

/** Visits per user agent: 3 desktop, 2 + 1 mobile, 1 tablet. */
const VISITS: readonly (readonly [keyof typeof USER_AGENTS, number, string])[] = [
  ["desktopChrome", 3, "https://news.example.org/story"],
  ["iPhoneSafari", 2, ""],
  ["iPad", 1, "https://mail.example.com/"],
  ["androidPhone", 1, ""],
];
const TOTAL = VISITS.reduce((sum, [, times]) => sum + times, 0);

/** The bars of the bar chart captioned `caption`, each as its `<title>` text. */
function barTitles(page: Page, caption: string): Promise<string[]> {
  return page
    .locator("figure", { has: page.locator("figcaption", { hasText: caption }) })
    .locator("svg.chart g.bar > title")
    .allTextContents();
}

describe.skipIf(!browserAvailable())("tracking page in a browser", () => {
  let rig: BrowserRig;
  let trackingUrl: string;
  let shortUrl: string;

  beforeAll(async () => {
    rig = await startBrowserRig();
    const { hexlink } = rig.server;
    const destination = `${rig.destination.url}spring-sale`;
    const link = await hexlink.createLink.execute({
      accountId: "acct_browser",
      url: destination,
      customSlug: "spring-sale",
    });
    shortUrl = hexlink.shortUrls.shortUrl(link);
    trackingUrl = `${rig.server.url}/t/${encodeURIComponent(link.id)}`;
    for (const [agent, times, referrer] of VISITS) {
      for (let visit = 0; visit < times; visit++) {
        const headers: Record<string, string> = { "User-Agent": USER_AGENTS[agent] };
        if (referrer !== "") headers.Referer = referrer;
        const response = await fetch(shortUrl, { redirect: "manual", headers });
        expect(response.status).toBe(302);
        expect(response.headers.get("location")).toBe(destination);
        await response.body?.cancel();
      }
    }
    await hexlink.flushClicks();
  });

  afterAll(() => rig?.close());

  it("shows the totals and one device bar per device type", () =>
    withPage(rig.browser, async (page) => {
      const response = await page.goto(trackingUrl);
      expect(response?.status()).toBe(200);
      expect(response?.headers()["x-robots-tag"]).toContain("noindex");
      expect(await page.locator('meta[name="robots"]').getAttribute("content")).toBe("noindex");
      expect(await page.getByRole("heading", { level: 1 }).textContent()).toContain(shortUrl);

      const stat = (name: string) =>
        page.locator(".stat", { has: page.locator("dt", { hasText: name }) }).locator("dd");
      expect(await stat("Total clicks").textContent()).toBe(String(TOTAL));
      expect(await stat("Unique visitors").textContent()).toBe(String(VISITS.length));

      const devices = await barTitles(page, "Devices");
      expect(devices).toHaveLength(3);
      expect(devices).toEqual(
        expect.arrayContaining([
          expect.stringMatching(/^Desktop: 3 clicks/),
          expect.stringMatching(/^Mobile: 3 clicks/),
          expect.stringMatching(/^Tablet: 1 click /),
        ]),
      );
      expect(await barTitles(page, "Referrers")).toHaveLength(3);

      const qr = page.locator(".qr img");
      expect(await qr.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
      await screenshot(page, "tracking-desktop");
    }));

  it("changes the range with the GET form, no script needed", () =>
    withPage(rig.browser, async (page) => {
      await page.goto(trackingUrl);
      const end = await page.getByLabel("To", { exact: true }).inputValue();
      await page.getByLabel("From", { exact: true }).fill(end);
      await Promise.all([
        page.waitForURL(/start=/),
        page.getByRole("button", { name: "Show range" }).click(),
      ]);
      expect(new URL(page.url()).searchParams.get("start")).toBe(end);
      expect(await page.locator(".stat dd").first().textContent()).toBe(String(TOTAL));
      expect(await page.locator("figure.timeseries svg.chart rect").count()).toBe(1);
    }));

  it("fits a phone's width", () => expectFitsPhone(rig.browser, trackingUrl, "tracking-phone"));
});
