import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type BrowserRig,
  browserAvailable,
  expectFitsPhone,
  startBrowserRig,
  withPage,
} from "../support/browser.js";

const DESKTOP =
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36";
const IPHONE =
  "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1";

describe.skipIf(!browserAvailable())("tracking page of a link with redirect rules, in a browser", () => {
  let rig: BrowserRig;
  let trackingUrl: string;
  let mobileUrl: string;

  beforeAll(async () => {
    rig = await startBrowserRig();
    const { hexlink } = rig.server;
    // A long URL, to see that the table wraps on a phone rather than widening the page.
    mobileUrl = `${rig.destination.url}mobile/${"very-long-path-segment/".repeat(6)}?campaign=spring`;
    const link = await hexlink.createLink.execute({
      accountId: "acct_browser",
      url: `${rig.destination.url}desktop`,
      customSlug: "ruled-sale",
      rules: [{ if: { device: ["Mobile"] }, url: mobileUrl }],
    });
    trackingUrl = `${rig.server.url}/t/${encodeURIComponent(link.id)}`;
    const shortUrl = hexlink.shortUrls.shortUrl(link);
    for (const [agent, times] of [
      [IPHONE, 3],
      [DESKTOP, 1],
    ] as const) {
      for (let i = 0; i < times; i++) {
        const response = await fetch(shortUrl, { redirect: "manual", headers: { "User-Agent": agent } });
        expect(response.status).toBe(302);
        await response.body?.cancel();
      }
    }
    await hexlink.flushClicks();
  });

  afterAll(() => rig?.close());

  it("shows clicks per target as a chart and a table naming each target's URL", () =>
    withPage(rig.browser, async (page) => {
      await page.goto(trackingUrl);
      const card = page.locator("#targets");
      expect(await card.locator("figcaption").textContent()).toBe("Targets: rules, variants and default");
      const bars = await card.locator("svg.chart g.bar > title").allTextContents();
      expect(bars).toEqual([
        expect.stringMatching(/^rule:1: 3 clicks/),
        expect.stringMatching(/^default: 1 click /),
      ]);
      const rows = await card
        .locator("tbody tr")
        .evaluateAll((trs) =>
          trs.map((tr) => Array.from(tr.querySelectorAll("td"), (td) => td.textContent ?? "")),
        );
      expect(rows).toEqual([
        ["rule:1", mobileUrl, "3", "75%"],
        ["default", `${rig.destination.url}desktop`, "1", "25%"],
      ]);
    }));

  it("fits a phone's width, the long target URL wrapping", () =>
    expectFitsPhone(rig.browser, trackingUrl, "tracking-targets-phone"));
});
