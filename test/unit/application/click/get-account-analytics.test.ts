import { describe, expect, it } from "vitest";
import { TOP_LINKS } from "../../../../src/application/use-cases/click/get-account-analytics.js";
import { FULL_ACCESS } from "../../../../src/domain/api-key/key-access.js";
import type { ClickIncrement } from "../../../../src/domain/click/click.js";
import { dayOf } from "../../../../src/domain/time/day.js";
import { aDomainError } from "../../../support/builders.js";
import { aVisit, buildCore, type Core } from "../../../support/core.js";

const ACME = "acme";

async function setUp() {
  const core = buildCore();
  core.clock.set("2026-03-15T12:00:00.000Z");
  const make = (customSlug: string, tags: string[], accountId = ACME) =>
    core.createLink.execute({ accountId, url: "https://a.test/", customSlug, tags });
  return { core, make };
}

/**
 * Redirects each slug `times` times through ResolveRedirect, then stores the hits the sink took, one click
 * each with the owner the redirect gave it, as the recorder would.
 */
async function follow(core: Core, visits: Record<string, number>): Promise<void> {
  for (const [slug, times] of Object.entries(visits)) {
    for (let i = 0; i < times; i++) {
      expect((await core.resolveRedirect.execute(aVisit(slug))).kind).toBe("redirect");
    }
  }
  const increments: ClickIncrement[] = core.hits.splice(0).map((hit) => ({
    linkId: hit.linkId,
    day: dayOf(hit.at),
    clicks: 1,
    botClicks: 0,
    dimensions: new Map([["device", new Map([["Desktop", 1]])]]),
    visitors: new Set([hit.ip]),
    ...(hit.owner === undefined ? {} : { owner: hit.owner }),
  }));
  await core.stores.clicks.add(increments, `test.${++batches}`);
}

let batches = 0;

describe("GetAccountAnalytics", () => {
  it("counts every link of the account, ranks top links, and narrows to a tag", async () => {
    const { core, make } = await setUp();
    const [one, two] = [await make("one", ["red"]), await make("two", ["red", "blue"])];
    await make("rival-link", ["red"], "rival");
    await follow(core, { one: 3, two: 1, "rival-link": 5 });
    const all = await core.getAccountAnalytics.execute({ accountId: ACME });
    expect(all.totalClicks).toBe(4);
    expect(all.topLinks).toEqual([
      { id: one.id, shortUrl: one.shortUrl, clicks: 3 },
      { id: two.id, shortUrl: two.shortUrl, clicks: 1 },
    ]);
    expect((await core.getAccountAnalytics.execute({ accountId: ACME, tag: "BLUE" })).totalClicks).toBe(1);
    expect((await core.getAccountAnalytics.execute({ accountId: "rival" })).totalClicks).toBe(5);
  });

  it("leaves deleted links out of top_links but keeps their clicks, and lists at most 20", async () => {
    const { core, make } = await setUp();
    const links = [];
    for (let i = 0; i < TOP_LINKS + 3; i++) links.push(await make(`link-${i}`, []));
    await follow(core, Object.fromEntries(links.map((link, i) => [link.slug, i + 1])));
    const last = links[links.length - 1];
    if (last === undefined) throw new Error("no links");
    await core.deleteLink.execute({ accountId: ACME, id: last.id });
    const stats = await core.getAccountAnalytics.execute({ accountId: ACME });
    expect(stats.totalClicks).toBe(((TOP_LINKS + 3) * (TOP_LINKS + 4)) / 2);
    expect(stats.topLinks).toHaveLength(TOP_LINKS);
    expect(stats.topLinks.map((link) => link.id)).not.toContain(last.id);
    expect(stats.topLinks[0]?.clicks).toBe(TOP_LINKS + 2);
  });

  it("a domain-limited key reads one of its domains only, and no tag counts", async () => {
    const { core, make } = await setUp();
    await make("one", ["red"]);
    await follow(core, { one: 2 });
    const access = { scopes: FULL_ACCESS.scopes, domains: ["sho.rt"] };
    const mine = await core.getAccountAnalytics.execute({ accountId: ACME, access, domain: "sho.rt" });
    expect(mine.totalClicks).toBe(2);
    for (const request of [{}, { tag: "red" }, { domain: "other.test" }]) {
      await expect(core.getAccountAnalytics.execute({ accountId: ACME, access, ...request })).rejects.toEqual(
        aDomainError("forbidden"),
      );
    }
    await expect(core.listTags.execute({ accountId: ACME, access })).rejects.toEqual(
      aDomainError("forbidden"),
    );
    expect(await core.listTags.execute({ accountId: ACME, access: FULL_ACCESS })).toEqual([
      { name: "red", links: 1 },
    ]);
  });

  it("refuses a bad tag, or tag and domain together, with invalid_request", async () => {
    const { core } = await setUp();
    await expect(core.getAccountAnalytics.execute({ accountId: ACME, tag: "no spaces" })).rejects.toEqual(
      aDomainError("invalid_request"),
    );
    await expect(
      core.getAccountAnalytics.execute({ accountId: ACME, tag: "red", domain: "sho.rt" }),
    ).rejects.toEqual(aDomainError("invalid_request"));
    await expect(
      core.getAccountAnalytics.execute({ accountId: ACME, start: "2026-03-10", end: "2026-03-01" }),
    ).rejects.toEqual(aDomainError("invalid_date_range"));
  });
});
