import { describe, expect, it } from "vitest";
import { type ClassifiedClick, foldClicks } from "../../../../src/domain/click/click.js";
import { aDomainError } from "../../../support/builders.js";
import { buildCore } from "../../../support/core.js";

const ACME = "acme";

async function setUp() {
  const core = buildCore();
  core.clock.set("2026-03-15T12:00:00.000Z");
  const link = await core.createLink.execute({
    accountId: ACME,
    url: "https://a.test/",
    customSlug: "promo",
  });
  const click = (day: string, visitor: string, bot = false): ClassifiedClick => ({
    linkId: link.id,
    day,
    bot,
    device: "Mobile",
    os: "iOS",
    browser: "Safari",
    country: "FR",
    referrer: "news.test",
    visitor,
    target: "default",
  });
  await core.stores.clicks.add(
    foldClicks([
      click("2026-03-15", "v1"),
      click("2026-03-15", "v1"),
      click("2026-03-10", "v2"),
      click("2026-03-14", "crawler", true),
      click("2026-01-01", "v3"),
    ]),
    "seeded",
  );
  return { core, link };
}

describe("GetLinkAnalytics", () => {
  it("answers the last 30 days by default, with a full timeseries, unique and bot clicks apart", async () => {
    const { core, link } = await setUp();
    const stats = await core.getLinkAnalytics.execute({ accountId: ACME, linkId: link.id });
    expect(stats).toMatchObject({ start: "2026-02-14", end: "2026-03-15", totalClicks: 3, uniqueClicks: 2 });
    expect(stats.botClicks).toBe(1);
    expect(stats.timeseries).toHaveLength(30);
    expect(stats.timeseries.filter((day) => day.clicks > 0)).toEqual([
      { date: "2026-03-10", clicks: 1 },
      { date: "2026-03-15", clicks: 2 },
    ]);
    expect(stats.breakdown.country).toEqual([{ name: "FR", clicks: 3 }]);
  });

  it("answers a given range, and 30 days ending on the end date when only the end is given", async () => {
    const { core, link } = await setUp();
    const january = await core.getLinkAnalytics.execute({
      accountId: ACME,
      linkId: link.id,
      start: "2026-01-01",
      end: "2026-01-31",
    });
    expect(january).toMatchObject({ start: "2026-01-01", end: "2026-01-31", totalClicks: 1 });
    const endOnly = await core.getLinkAnalytics.execute({
      accountId: ACME,
      linkId: link.id,
      end: "2026-01-30",
    });
    expect(endOnly).toMatchObject({ start: "2026-01-01", end: "2026-01-30", totalClicks: 1 });
    const startOnly = await core.getLinkAnalytics.execute({
      accountId: ACME,
      linkId: link.id,
      start: "2026-03-12",
    });
    expect(startOnly).toMatchObject({ start: "2026-03-12", end: "2026-03-15", totalClicks: 2 });
  });

  it.each([
    ["an impossible date", "2026-02-31", "2026-03-01"],
    ["an inverted range", "2026-03-15", "2026-03-01"],
    ["more than 366 days", "2025-01-01", "2026-03-01"],
    ["a date that is no date", "yesterday", undefined],
  ])("refuses %s with invalid_date_range", async (_, start, end) => {
    const { core, link } = await setUp();
    await expect(
      core.getLinkAnalytics.execute({ accountId: ACME, linkId: link.id, start, end }),
    ).rejects.toEqual(aDomainError("invalid_date_range"));
  });

  it("answers link_not_found to another account", async () => {
    const { core, link } = await setUp();
    await expect(core.getLinkAnalytics.execute({ accountId: "other", linkId: link.id })).rejects.toEqual(
      aDomainError("link_not_found"),
    );
  });

  it("serves the tracking page by the link's id alone", async () => {
    const { core, link } = await setUp();
    const page = await core.getTrackingPage.execute({ linkId: link.id });
    expect(page).toMatchObject({
      linkId: link.id,
      slug: link.slug,
      shortUrl: `https://sho.rt/${link.slug}`,
      destination: link.destination,
      status: "active",
      createdAt: link.createdAt,
    });
    expect(page.stats.totalClicks).toBe(3);
    await expect(core.getTrackingPage.execute({ linkId: "lnk_doesnotexist000000000" })).rejects.toEqual(
      aDomainError("link_not_found"),
    );
  });

  it("shows no destination for a password-protected, disabled or gone link", async () => {
    const { core, link } = await setUp();
    const destinationOf = async () => (await core.getTrackingPage.execute({ linkId: link.id })).destination;
    const edit = (changes: object) => core.updateLink.execute({ accountId: ACME, id: link.id, ...changes });
    await edit({ status: "disabled" });
    expect(await destinationOf()).toBeNull();
    await edit({ status: "active", password: "s3cret-pass" });
    expect(await destinationOf()).toBeNull();
    await edit({ password: null, expiresAt: new Date("2026-03-16T00:00:00.000Z") });
    expect(await destinationOf()).toBe(link.destination);
    core.clock.set("2026-03-17T00:00:00.000Z");
    expect((await core.getTrackingPage.execute({ linkId: link.id })).status).toBe("expired");
    expect(await destinationOf()).toBeNull();
  });

  it("shows the targets' URLs on the tracking page only when it shows the destination", async () => {
    const { core, link } = await setUp();
    const rules = [{ if: { country: ["FR"] }, url: "https://fr.example/" }];
    await core.updateLink.execute({ accountId: ACME, id: link.id, rules });
    const targetsOf = async () => (await core.getTrackingPage.execute({ linkId: link.id })).targets;
    expect(await targetsOf()).toEqual([
      { name: "default", url: link.destination, clicks: 3 },
      { name: "rule:1", url: "https://fr.example/", clicks: 0 },
    ]);
    await core.updateLink.execute({ accountId: ACME, id: link.id, password: "s3cret-pass" });
    expect(await targetsOf()).toEqual([
      { name: "default", url: null, clicks: 3 },
      { name: "rule:1", url: null, clicks: 0 },
    ]);
  });
});
