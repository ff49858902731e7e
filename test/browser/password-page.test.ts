import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type BrowserRig,
  browserAvailable,
  PHONE,
  screenshot,
  startBrowserRig,
  withPage,
} from "../support/browser.js";

const PASSWORD = "open sesame";

describe.skipIf(!browserAvailable())("password-protected link in a browser", () => {
  let rig: BrowserRig;
  let shortUrl: string;
  let destination: string;

  beforeAll(async () => {
    rig = await startBrowserRig();
    destination = `${rig.destination.url}welcome?from=hexlink`;
    const link = await rig.server.hexlink.createLink.execute({
      accountId: "acct_browser",
      url: destination,
      customSlug: "secret-launch",
      password: PASSWORD,
    });
    shortUrl = rig.server.hexlink.shortUrls.shortUrl(link);
  });

  afterAll(() => rig?.close());

  it("asks for the password, rejects a wrong one, then lands on the destination", () =>
    withPage(rig.browser, async (page) => {
      const first = await page.goto(shortUrl);
      expect(first?.status()).toBe(200);
      expect(page.url()).toBe(shortUrl);
      expect(await page.title()).toBe("Password required · hexlink");
      expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("This link is protected");
      expect(await page.content()).not.toContain(rig.destination.url);
      await screenshot(page, "password-form");

      await page.getByLabel("Password").fill("wrong guess");
      await page.getByRole("button", { name: "Continue" }).click();
      expect(await page.getByRole("alert").textContent()).toBe("Wrong password, try again.");
      expect(await page.getByLabel("Password").getAttribute("aria-invalid")).toBe("true");
      expect(page.url()).toBe(shortUrl);
      await screenshot(page, "password-wrong");

      await page.getByLabel("Password").fill(PASSWORD);
      await Promise.all([
        page.waitForURL(destination),
        page.getByRole("button", { name: "Continue" }).click(),
      ]);
      expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Destination reached");
      await screenshot(page, "password-destination");
    }));

  it("fits a phone's width, the error and a thumb-sized button included", () =>
    withPage(
      rig.browser,
      async (page) => {
        await page.goto(shortUrl);
        await page.getByLabel("Password").fill("nope");
        await page.getByRole("button", { name: "Continue" }).click();
        await page.getByRole("alert").waitFor();
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
          PHONE.width,
        );
        const button = await page.getByRole("button", { name: "Continue" }).boundingBox();
        expect(button?.height).toBeGreaterThanOrEqual(44);
        await screenshot(page, "password-phone");
      },
      { viewport: PHONE },
    ));
});
