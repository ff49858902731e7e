import { describe, expect, it } from "vitest";
import { foldClicks } from "../../../../src/domain/click/click.js";
import { aDomainError } from "../../../support/builders.js";
import { aVisit, buildCore } from "../../../support/core.js";

const ACME = "acme";
const NOT_FOUND = aDomainError("link_not_found", "No link with this id exists.");

async function setUp() {
  const core = buildCore();
  const link = await core.createLink.execute({
    accountId: ACME,
    url: "https://a.test/",
    customSlug: "promo",
  });
  return { core, link };
}

describe("GetLink", () => {
  it("reads one of the account's links by id", async () => {
    const { core, link } = await setUp();
    expect(await core.getLink.execute({ accountId: ACME, id: link.id })).toEqual(link);
  });

  it("answers another account exactly as for an id that does not exist", async () => {
    const { core, link } = await setUp();
    await expect(core.getLink.execute({ accountId: "other", id: link.id })).rejects.toEqual(NOT_FOUND);
    await expect(core.getLink.execute({ accountId: ACME, id: "lnk_doesnotexist000000000" })).rejects.toEqual(
      NOT_FOUND,
    );
  });
});

describe("GetLinkByShortUrl", () => {
  it.each(["https://sho.rt/promo", "http://SHO.RT/promo", "sho.rt/promo", "https://sho.rt/promo/"])(
    "finds the link by %s",
    async (shortUrl) => {
      const { core, link } = await setUp();
      expect(await core.getLinkByShortUrl.execute({ accountId: ACME, shortUrl })).toEqual(link);
    },
  );

  it.each(["https://sho.rt/Promo", "https://other.test/promo", "https://sho.rt/%E0%A4%A", "::::", ""])(
    "answers link_not_found for %j",
    async (shortUrl) => {
      const { core } = await setUp();
      await expect(core.getLinkByShortUrl.execute({ accountId: ACME, shortUrl })).rejects.toEqual(
        aDomainError("link_not_found"),
      );
    },
  );

  it("answers link_not_found for another account's short URL", async () => {
    const { core } = await setUp();
    await expect(
      core.getLinkByShortUrl.execute({ accountId: "other", shortUrl: "https://sho.rt/promo" }),
    ).rejects.toEqual(aDomainError("link_not_found"));
  });
});

describe("DeleteLink", () => {
  it("removes the link: it is no longer found, no longer redirects, and its slug is free again", async () => {
    const { core, link } = await setUp();
    await core.resolveRedirect.execute(aVisit("promo"));
    await core.deleteLink.execute({ accountId: ACME, id: link.id });
    await expect(core.getLink.execute({ accountId: ACME, id: link.id })).rejects.toEqual(NOT_FOUND);
    expect(await core.resolveRedirect.execute(aVisit("promo"))).toEqual({ kind: "not_found" });
    const again = await core.createLink.execute({
      accountId: ACME,
      url: "https://b.test/",
      customSlug: "promo",
    });
    expect(again.id).not.toBe(link.id);
  });

  it("forgets the link's clicks", async () => {
    const { core, link } = await setUp();
    const day = "2026-03-15";
    const click = { linkId: link.id, day, bot: false, device: "Desktop", os: "Linux", browser: "Firefox" };
    await core.stores.clicks.add(
      foldClicks([{ ...click, country: "FR", referrer: "Direct", visitor: "v1", target: "default" }]),
      "seeded",
    );
    await core.deleteLink.execute({ accountId: ACME, id: link.id });
    const counts = await core.stores.clicks.query(link.id, { start: day, end: day });
    expect(counts.days.get(day)?.clicks ?? 0).toBe(0);
    expect(counts.uniqueClicks).toBe(0);
  });

  it("answers link_not_found to another account and leaves the link in place", async () => {
    const { core, link } = await setUp();
    await expect(core.deleteLink.execute({ accountId: "other", id: link.id })).rejects.toEqual(NOT_FOUND);
    expect(await core.getLink.execute({ accountId: ACME, id: link.id })).toEqual(link);
    expect(await core.resolveRedirect.execute(aVisit("promo"))).toMatchObject({ kind: "redirect" });
  });

  it("answers link_not_found for a link deleted already", async () => {
    const { core, link } = await setUp();
    await core.deleteLink.execute({ accountId: ACME, id: link.id });
    await expect(core.deleteLink.execute({ accountId: ACME, id: link.id })).rejects.toEqual(NOT_FOUND);
  });
});
