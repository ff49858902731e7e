import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seriousAccessibilityProblems } from "../support/accessibility.js";
import {
  type BrowserRig,
  browserAvailable,
  DESKTOP,
  PHONE,
  screenshot,
  startBrowserRig,
  withPage,
} from "../support/browser.js";

const KEY_A = "hxk_browser-dashboard-account-a";
const KEY_B = "hxk_browser-dashboard-account-b";
/** The whole journey: seven pages checked with axe and shot at two widths; slow on a loaded machine. */
const JOURNEY_TIMEOUT_MS = 60_000;
const PERSON =
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";

describe.skipIf(!browserAvailable())("dashboard in a browser", () => {
  let rig: BrowserRig;
  let app: string;

  beforeAll(async () => {
    rig = await startBrowserRig();
    app = `${rig.server.url}/app`;
    await rig.server.hexlink.createApiKey.execute({ accountId: "acme", key: KEY_A });
    await rig.server.hexlink.createApiKey.execute({ accountId: "rival", key: KEY_B });
    await rig.server.hexlink.createLink.execute({
      accountId: "rival",
      url: `${rig.destination.url}rival`,
      customSlug: "rival-secret",
    });
  });
  afterAll(() => rig?.close());

  async function signIn(page: Page, key: string): Promise<void> {
    await page.goto(`${app}/links`);
    expect(page.url()).toBe(`${app}/sign-in`);
    await page.getByLabel("API key").fill(key);
    await Promise.all([
      page.waitForURL(`${app}/links`),
      page.getByRole("button", { name: "Sign in" }).click(),
    ]);
  }

  /** Every page of the journey: no serious accessibility problem, and a screenshot at both widths. */
  async function check(page: Page, name: string): Promise<void> {
    expect(await seriousAccessibilityProblems(page), `${name}: axe`).toEqual([]);
    await screenshot(page, `dashboard-${name}-desktop`);
    await page.setViewportSize(PHONE);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, `${name}: no sideways scrolling at phone width`).toBeLessThanOrEqual(0);
    await screenshot(page, `dashboard-${name}-phone`);
    await page.setViewportSize(DESKTOP);
  }

  it(
    "signs in, creates a link, sees its click in analytics, disables it and signs out",
    () =>
      withPage(rig.browser, async (page) => {
        await page.goto(app);
        expect(page.url()).toBe(`${app}/sign-in`);
        await check(page, "sign-in");
        await page.getByLabel("API key").fill("hxk_wrong-key-000000000000");
        await page.getByRole("button", { name: "Sign in" }).click();
        expect(await page.getByRole("alert").textContent()).toBe("That key is not valid.");

        await signIn(page, KEY_A);
        expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Links");
        expect(await page.content()).not.toContain("rival-secret");

        await page.getByRole("link", { name: "New link", exact: true }).first().click();
        await check(page, "new-link");
        await page.getByLabel("Destination URL").fill(`${rig.destination.url}landing`);
        await page.getByLabel("Slug (optional)").fill("browser-made");
        await page.getByLabel("Tags (optional)").fill("launch");
        await page.getByText("Redirect rules and split test").click();
        await page.getByLabel("Rule 1: send to").fill(`${rig.destination.url}from-newsletter`);
        await page.getByLabel("Query").first().fill("ref=mail");
        await page.getByRole("button", { name: "Create link" }).click();
        expect(await page.getByRole("status").textContent()).toBe("Link created.");
        await check(page, "edit-link");

        // A person's browser: headless Chromium's own user agent is counted as a bot, apart from the charts.
        const visitor = await rig.browser.newContext({ userAgent: PERSON });
        const visit = await visitor.newPage();
        await visit.goto(`${rig.server.url}/browser-made?ref=mail`);
        expect(await visit.getByRole("heading").textContent()).toBe("Destination reached");
        // The rule matched: the visitor landed on its URL, not the link's destination.
        expect(new URL(visit.url()).pathname).toBe("/from-newsletter");
        await visitor.close();
        await rig.server.hexlink.flushClicks();

        await page.getByRole("link", { name: "Clicks and visitors" }).click();
        expect(await page.locator(".stat dd").first().textContent()).toBe("1");
        expect(await page.content()).toContain("rule:1");
        await check(page, "analytics");

        await page.goBack();
        await page.getByLabel("Status").selectOption("disabled");
        await page.getByRole("button", { name: "Save changes" }).click();
        expect(await page.getByRole("status").textContent()).toBe("Changes saved.");
        const gone = await rig.server.hexlink.listLinks.execute({ accountId: "acme", status: "disabled" });
        expect(gone.links.map((link) => link.slug)).toContain("browser-made");

        await page.getByRole("link", { name: "Links", exact: true }).click();
        expect(await page.getByRole("cell", { name: /browser-made/ }).count()).toBeGreaterThan(0);
        await check(page, "links");
        await page.getByRole("link", { name: "Domains" }).click();
        await page.getByLabel("Register a domain").fill("go.acme.test");
        await page.getByRole("button", { name: "Register" }).click();
        expect(await page.getByRole("status").textContent()).toContain("Domain registered");
        await check(page, "domains");
        await page.getByRole("link", { name: "API keys" }).click();
        await page.getByLabel("Name").fill("browser report");
        await page.getByLabel("links:write").uncheck();
        await page.getByRole("button", { name: "Create key" }).click();
        expect(await page.locator("#secret").textContent()).toMatch(/^hxk_/);
        await check(page, "keys");
        await page.getByRole("link", { name: "Webhooks" }).click();
        expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Webhooks");
        await check(page, "webhooks");
        await page.getByRole("link", { name: "Import/export" }).click();
        await page.getByLabel("File").setInputFiles({
          name: "links.csv",
          mimeType: "text/csv",
          buffer: Buffer.from("url,slug\nhttps://example.com/imported-in-browser,from-browser\n"),
        });
        await page.getByRole("button", { name: "Import" }).click();
        expect(await page.getByRole("heading", { level: 2 }).first().textContent()).toBe(
          "Import: 1 created, 0 already there, 0 refused",
        );
        await check(page, "import");

        await page.getByRole("button", { name: "Sign out" }).click();
        expect(page.url()).toBe(`${app}/sign-in`);
        await page.goto(`${app}/links`);
        expect(page.url()).toBe(`${app}/sign-in`);
      }),
    JOURNEY_TIMEOUT_MS,
  );

  it("refuses a form posted without its CSRF token", () =>
    withPage(rig.browser, async (page) => {
      await signIn(page, KEY_A);
      await page.goto(`${app}/links/new`);
      await page.evaluate(() => {
        document.querySelectorAll('form.link-form input[name="_csrf"]').forEach((field) => {
          field.remove();
        });
      });
      await page.getByLabel("Destination URL").fill(`${rig.destination.url}forged`);
      await page.getByLabel("Slug (optional)").fill("forged-link");
      const [response] = await Promise.all([
        page.waitForResponse((answer) => answer.request().method() === "POST"),
        page.getByRole("button", { name: "Create link" }).click(),
      ]);
      expect(response.status()).toBe(403);
      const links = await rig.server.hexlink.listLinks.execute({ accountId: "acme", limit: 100 });
      expect(links.links.map((link) => link.slug)).not.toContain("forged-link");
    }));

  it("shows a second account only its own links", () =>
    withPage(rig.browser, async (page) => {
      await signIn(page, KEY_B);
      const body = await page.content();
      expect(body).toContain("rival-secret");
      expect(body).not.toContain("browser-made");
      expect(await page.locator(".app-nav .account").textContent()).toBe("rival");
    }));
});
