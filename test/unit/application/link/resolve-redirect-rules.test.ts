import { describe, expect, it } from "vitest";
import type { CreateLinkInput } from "../../../../src/application/use-cases/link/create-link.js";
import { aDomainError } from "../../../support/builders.js";
import { aVisit, buildCore, storedLink } from "../../../support/core.js";

const IPHONE =
  "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4.1 Mobile/15E148 Safari/604.1";

async function withLink(extra: Partial<CreateLinkInput>) {
  const core = buildCore();
  core.clock.set("2026-03-15T12:00:00.000Z");
  const link = await core.createLink.execute({
    accountId: "acme",
    url: "https://example.com/default",
    customSlug: "promo",
    ...extra,
  });
  return { core, link };
}

describe("ResolveRedirect: rules and variants", () => {
  it("sends a visit matching a rule to its URL, forwards the query, records the target, and is not cached", async () => {
    const { core, link } = await withLink({
      rules: [
        { if: { device: ["Desktop"] }, url: "https://desktop.example/" },
        { if: { os: ["iOS"], country: ["FR"] }, url: "https://ios-fr.example/?x=1" },
      ],
    });
    const outcome = await core.resolveRedirect.execute(
      aVisit("promo", { userAgent: IPHONE, query: "b=2", headers: { "cf-ipcountry": "FR" } }),
    );
    expect(outcome).toEqual({
      kind: "redirect",
      location: "https://ios-fr.example/?x=1&b=2",
      linkId: link.id,
      mayStop: true,
    });
    expect(core.hits.map((hit) => hit.target)).toEqual(["rule:2"]);
  });

  it("falls through to the link's URL when no rule matches, from the cached path too", async () => {
    const { core } = await withLink({ rules: [{ if: { country: ["US"] }, url: "https://us.example/" }] });
    await core.resolveRedirect.execute(aVisit("promo"));
    const cached = core.resolveRedirect.executeCached(aVisit("promo", { headers: { "cf-ipcountry": "DE" } }));
    expect(cached).toMatchObject({
      kind: "redirect",
      location: "https://example.com/default",
      mayStop: true,
    });
    const us = core.resolveRedirect.executeCached(aVisit("promo", { headers: { "cf-ipcountry": "US" } }));
    expect(us).toMatchObject({ kind: "redirect", location: "https://us.example/" });
    expect(core.hits.map((hit) => hit.target)).toEqual(["default", "default", "rule:1"]);
  });

  it("splits visitors between variants, each keeping its own for the day", async () => {
    const { core } = await withLink({
      variants: [
        { url: "https://a.example/", weight: 50 },
        { url: "https://b.example/", weight: 50 },
      ],
    });
    const locations = new Set<string>();
    for (let i = 0; i < 40; i++) {
      const visit = aVisit("promo", { ip: `198.51.100.${i}` });
      const first = await core.resolveRedirect.execute(visit);
      core.clock.set("2026-03-15T23:59:59.000Z");
      const again = await core.resolveRedirect.execute(visit);
      core.clock.set("2026-03-15T12:00:00.000Z");
      expect(again).toEqual(first);
      if (first.kind === "redirect") locations.add(first.location);
    }
    expect(locations).toEqual(new Set(["https://a.example/", "https://b.example/"]));
    expect(new Set(core.hits.map((hit) => hit.target))).toEqual(new Set(["variant:1", "variant:2"]));
  });

  it("keeps a plain link's redirect cacheable and its target default", async () => {
    const { core } = await withLink({});
    expect(await core.resolveRedirect.execute(aVisit("promo"))).toMatchObject({ mayStop: false });
    expect(core.hits.map((hit) => hit.target)).toEqual(["default"]);
  });
});

describe("CreateLink and UpdateLink: rules and variants", () => {
  it("stores checked, normalised rules and variants; PATCH replaces them, an empty list removes them", async () => {
    const { core, link } = await withLink({
      rules: [{ if: { country: ["fr"] }, url: "HTTPS://FR.Example/a/../b" }],
      variants: [
        { url: "https://a.example", weight: 30 },
        { url: "https://b.example", weight: 70 },
      ],
    });
    expect(link.rules).toEqual([{ if: { country: ["FR"] }, url: "https://fr.example/b" }]);
    expect(link.variants).toEqual([
      { url: "https://a.example/", weight: 30 },
      { url: "https://b.example/", weight: 70 },
    ]);
    const updated = await core.updateLink.execute({ accountId: "acme", id: link.id, rules: [] });
    expect(updated.rules).toEqual([]);
    expect(updated.variants).toEqual(link.variants);
    expect((await storedLink(core, link.id)).rules).toEqual([]);
  });

  it("refuses a rule URL the link URL would be refused for, and writes nothing", async () => {
    const { core, link } = await withLink({});
    await expect(
      core.updateLink.execute({
        accountId: "acme",
        id: link.id,
        rules: [{ if: { country: ["FR"] }, url: "https://sho.rt/loop" }],
      }),
    ).rejects.toEqual(aDomainError("invalid_destination"));
    await expect(
      core.createLink.execute({
        accountId: "acme",
        url: "https://example.com/",
        variants: [
          { url: "https://a.example/", weight: 60 },
          { url: "https://b.example/", weight: 60 },
        ],
      }),
    ).rejects.toEqual(aDomainError("invalid_request"));
    expect((await storedLink(core, link.id)).rules).toEqual([]);
  });
});
