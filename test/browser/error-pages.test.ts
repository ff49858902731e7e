import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type BrowserRig,
  browserAvailable,
  PHONE,
  screenshot,
  startBrowserRig,
  withPage,
} from "../support/browser.js";

describe.skipIf(!browserAvailable())("404, 410 and QR pages in a browser", () => {
  let rig: BrowserRig;

  beforeAll(async () => {
    rig = await startBrowserRig();
  });

  afterAll(() => rig?.close());

  it("shows the 404 page for an unknown slug, with strict headers", () =>
    withPage(rig.browser, async (page) => {
      const response = await page.goto(`${rig.server.url}/no-such-link`);
      expect(response?.status()).toBe(404);
      const headers = response?.headers() ?? {};
      expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
      expect(headers["content-security-policy"]).not.toContain("unsafe-inline");
      expect(headers["referrer-policy"]).toBe("no-referrer");
      expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("This link does not exist");
      expect(await page.evaluate(() => document.styleSheets.length)).toBe(1);
      await screenshot(page, "not-found");
    }));

  it("shows the 410 page for a link out of clicks, at a phone's width", async () => {
    const link = await rig.server.hexlink.createLink.execute({
      accountId: "acct_browser",
      url: `${rig.destination.url}once`,
      customSlug: "only-once",
      maxClicks: 1,
    });
    const shortUrl = rig.server.hexlink.shortUrls.shortUrl(link);
    const first = await fetch(shortUrl, { redirect: "manual" });
    expect(first.status).toBe(302);
    await withPage(
      rig.browser,
      async (page) => {
        const response = await page.goto(shortUrl);
        expect(response?.status()).toBe(410);
        expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("This link has expired");
        await screenshot(page, "gone-phone");
      },
      { viewport: PHONE },
    );
  });

  it("renders the QR code of a short URL as SVG and as PNG", async () => {
    await rig.server.hexlink.createLink.execute({
      accountId: "acct_browser",
      url: `${rig.destination.url}menu`,
      customSlug: "cafe-menu",
    });
    await withPage(
      rig.browser,
      async (page) => {
        const svg = await page.goto(`${rig.server.url}/cafe-menu/qr`);
        expect(svg?.status()).toBe(200);
        expect(svg?.headers()["content-type"]).toContain("image/svg+xml");
        expect(svg?.headers()["cache-control"]).toContain("max-age");
        expect(await page.evaluate(() => document.documentElement.tagName)).toBe("svg");
        await screenshot(page, "qr-svg", false);
        const png = await page.goto(`${rig.server.url}/cafe-menu/qr?format=png&size=200`);
        expect(png?.status()).toBe(200);
        expect(png?.headers()["content-type"]).toBe("image/png");
        // 200 px is drawn at the next size step, 256 (so a cache holds few sizes per link).
        expect(await page.title()).toContain("256×256");
      },
      // Opened directly, an image is its own document and Chromium asks for /favicon.ico besides.
      { viewport: { width: 320, height: 320 }, allowErrors: true },
    );
  });
});
