import { describe, expect, it } from "vitest";
import { ShortUrls } from "../../../../src/application/short-urls.js";
import { toLinkView } from "../../../../src/application/views/link-view.js";
import { LINK_ID_PATTERN } from "../../../../src/domain/link/link.js";
import { aDomainError, aLink } from "../../../support/builders.js";
import { aVisit, buildCore, type Core, storedLink } from "../../../support/core.js";

const ACME = "acme";

async function activeDomain(core: Core, hostname: string, accountId = ACME): Promise<void> {
  await core.registerDomain.execute({ accountId, hostname });
  await core.activateDomain.execute({ hostname });
}

async function storedSlugs(core: Core, accountId = ACME): Promise<string[]> {
  const page = await core.listLinks.execute({ accountId, limit: 100 });
  return page.links.map((link) => link.slug);
}

describe("CreateLink", () => {
  it("shortens a URL on a random code of the configured length, on the default domain", async () => {
    const core = buildCore();
    core.scripted.queue("Xy12AbC");
    const link = await core.createLink.execute({ accountId: ACME, url: "HTTPS://Example.com/a/../landing" });
    expect(link).toEqual(
      toLinkView(
        aLink().withId(link.id).withSlug("Xy12AbC").to("https://example.com/landing").build(),
        new ShortUrls(core.settings),
      ),
    );
    expect(link.shortUrl).toBe("https://sho.rt/Xy12AbC");
    expect(link.id).toMatch(LINK_ID_PATTERN);
    expect(core.scripted.lengths).toEqual([7]);
    expect(await core.getLink.execute({ accountId: ACME, id: link.id })).toEqual(link);
  });

  it("uses a custom slug as given, case-sensitively", async () => {
    const core = buildCore();
    const upper = await core.createLink.execute({
      accountId: ACME,
      url: "https://a.test/",
      customSlug: "Promo",
    });
    const lower = await core.createLink.execute({
      accountId: ACME,
      url: "https://b.test/",
      customSlug: "promo",
    });
    expect([upper.slug, lower.slug]).toEqual(["Promo", "promo"]);
    expect(core.scripted.lengths).toEqual([]);
  });

  it("stores a password only as a hash, and an expiry and click budget as given", async () => {
    const core = buildCore();
    const expiresAt = new Date(core.clock.now().getTime() + 86_400_000);
    const link = await core.createLink.execute({
      accountId: ACME,
      url: "https://example.com/",
      password: "open sesame",
      expiresAt,
      maxClicks: 3,
    });
    expect(link.passwordProtected).toBe(true);
    expect(link).not.toHaveProperty("passwordHash");
    expect((await storedLink(core, link.id)).passwordHash).toMatch(/^scrypt\$/);
    expect(JSON.stringify(await core.stores.links.findById(link.id))).not.toContain("open sesame");
    expect(link).toMatchObject({ expiresAt, maxClicks: 3 });
  });

  it("makes a slug that a redirect just found missing resolve at once (the cached miss is dropped)", async () => {
    const core = buildCore();
    expect(await core.resolveRedirect.execute(aVisit("fresh"))).toEqual({ kind: "not_found" });
    await core.createLink.execute({ accountId: ACME, url: "https://example.com/", customSlug: "fresh" });
    expect(await core.resolveRedirect.execute(aVisit("fresh"))).toMatchObject({ kind: "redirect" });
  });

  it.each(["ab", "a".repeat(65), "has space", "admin", "ADMIN", "Docs"])(
    "refuses the custom slug %j with invalid_slug and stores nothing",
    async (customSlug) => {
      const core = buildCore();
      await expect(
        core.createLink.execute({ accountId: ACME, url: "https://example.com/", customSlug }),
      ).rejects.toEqual(aDomainError("invalid_slug"));
      expect(await storedSlugs(core)).toEqual([]);
    },
  );

  it("refuses a slug in use on the domain, by any account, with slug_taken and the contract's sentence", async () => {
    const core = buildCore();
    await core.createLink.execute({ accountId: "other", url: "https://a.test/", customSlug: "promo" });
    await expect(
      core.createLink.execute({ accountId: ACME, url: "https://b.test/", customSlug: "promo" }),
    ).rejects.toEqual(aDomainError("slug_taken", "The custom slug 'promo' is already taken."));
    expect(await storedSlugs(core)).toEqual([]);
  });

  it("allows the same slug on another domain", async () => {
    const core = buildCore();
    await activeDomain(core, "links.acme.test");
    await core.createLink.execute({ accountId: ACME, url: "https://a.test/", customSlug: "promo" });
    const onCustom = await core.createLink.execute({
      accountId: ACME,
      url: "https://b.test/",
      customSlug: "promo",
      domain: "Links.Acme.Test",
    });
    expect(onCustom.domain).toBe("links.acme.test");
  });

  it.each([
    ["not absolute", "example.com/page"],
    ["not http(s)", "ftp://example.com/file"],
    ["javascript", "javascript:alert(1)"],
    ["the default domain", "https://sho.rt/other"],
    ["the default domain in capitals", "HTTPS://SHO.RT/other"],
  ])("refuses a destination that is %s with invalid_destination", async (_, url) => {
    const core = buildCore();
    await expect(core.createLink.execute({ accountId: ACME, url })).rejects.toEqual(
      aDomainError("invalid_destination"),
    );
  });

  it("refuses a destination on an active custom domain of any account, on any port", async () => {
    const core = buildCore();
    await activeDomain(core, "links.acme.test");
    await activeDomain(core, "go.other.test", "other");
    for (const url of [
      "https://LINKS.acme.test/y",
      "https://links.acme.test:8443/y",
      "https://go.other.test/z",
    ]) {
      await expect(core.createLink.execute({ accountId: ACME, url }), url).rejects.toEqual(
        aDomainError("invalid_destination"),
      );
    }
  });

  it("gives a pending claim no rights over anybody's destinations", async () => {
    const core = buildCore();
    await core.registerDomain.execute({ accountId: "other", hostname: "pending.other.test" });
    const link = await core.createLink.execute({ accountId: ACME, url: "https://pending.other.test/x" });
    expect(link.destination).toBe("https://pending.other.test/x");
  });

  it("refuses loops through the server's own aliases", async () => {
    const core = buildCore({ settings: { domainAliases: ["www.sho.rt", "Sho.Example:8080"] } });
    for (const url of ["https://www.sho.rt/promo", "http://sho.example:8080/x"]) {
      await expect(core.createLink.execute({ accountId: ACME, url }), url).rejects.toEqual(
        aDomainError("invalid_destination"),
      );
    }
  });

  it("refuses loops through loopback spellings of a local server, even where private destinations are allowed", async () => {
    const core = buildCore({
      baseUrl: "http://localhost:3000",
      settings: { allowPrivateDestinations: true },
    });
    for (const url of ["http://127.0.0.1:3000/promo", "http://[::1]:3000/x", "http://LOCALHOST:3000/"]) {
      await expect(core.createLink.execute({ accountId: ACME, url }), url).rejects.toEqual(
        aDomainError("invalid_destination"),
      );
    }
    const elsewhere = await core.createLink.execute({ accountId: ACME, url: "http://127.0.0.1:4000/" });
    expect(elsewhere.destination).toBe("http://127.0.0.1:4000/");
  });

  it("refuses private and credential-bearing destinations unless the operator allows private ones", async () => {
    const strict = buildCore();
    for (const url of ["http://10.0.0.1/", "http://[::ffff:192.168.0.1]/", "https://u:p@example.com/"]) {
      await expect(strict.createLink.execute({ accountId: ACME, url }), url).rejects.toEqual(
        aDomainError("invalid_destination"),
      );
    }
    const open = buildCore({ settings: { allowPrivateDestinations: true } });
    expect((await open.createLink.execute({ accountId: ACME, url: "http://10.0.0.1/" })).destination).toBe(
      "http://10.0.0.1/",
    );
  });

  it("refuses a destination whose host or a parent domain is blocked, with destination_blocked", async () => {
    const core = buildCore({ settings: { blockedDomains: ["evil.test"] } });
    for (const url of ["https://evil.test/", "https://www.evil.test/login"]) {
      await expect(core.createLink.execute({ accountId: ACME, url })).rejects.toEqual(
        aDomainError("destination_blocked"),
      );
    }
    await expect(
      core.createLink.execute({ accountId: ACME, url: "https://devil.test/" }),
    ).resolves.toBeDefined();
  });

  it("puts a link on the default domain however the domain is written", async () => {
    const core = buildCore();
    const link = await core.createLink.execute({
      accountId: ACME,
      url: "https://a.test/",
      domain: " SHO.RT ",
    });
    expect(link.domain).toBe("sho.rt");
  });

  it.each([
    ["an unknown domain", "unknown.test"],
    ["not a hostname", "not a host"],
    ["a pending domain of the account", "pending.acme.test"],
    ["another account's active domain", "links.other.test"],
  ])("refuses %s with invalid_domain", async (_, domain) => {
    const core = buildCore();
    await core.registerDomain.execute({ accountId: ACME, hostname: "pending.acme.test" });
    await activeDomain(core, "links.other.test", "other");
    await expect(
      core.createLink.execute({ accountId: ACME, url: "https://a.test/", domain }),
    ).rejects.toEqual(aDomainError("invalid_domain"));
  });

  it.each([
    ["max_clicks 0", { maxClicks: 0 }],
    ["an expiry in the past", { expiresAt: new Date("2020-01-01T00:00:00Z") }],
    ["an empty password", { password: "" }],
  ])("refuses %s with invalid_request", async (_, extra) => {
    const core = buildCore();
    await expect(
      core.createLink.execute({ accountId: ACME, url: "https://a.test/", ...extra }),
    ).rejects.toEqual(aDomainError("invalid_request"));
  });

  it("retries a code that collides and skips a generated reserved word", async () => {
    const core = buildCore();
    await core.createLink.execute({ accountId: ACME, url: "https://a.test/", customSlug: "taken01" });
    core.scripted.queue("taken01", "admin", "free001");
    const link = await core.createLink.execute({ accountId: ACME, url: "https://b.test/" });
    expect(link.slug).toBe("free001");
  });

  it("grows the code by one character after the attempts at the configured length", async () => {
    const core = buildCore({ settings: { codeLength: 5, codeAttempts: 2 } });
    await core.createLink.execute({ accountId: ACME, url: "https://a.test/", customSlug: "taken" });
    core.scripted.queue("taken", "taken", "longer");
    expect((await core.createLink.execute({ accountId: ACME, url: "https://b.test/" })).slug).toBe("longer");
    expect(core.scripted.lengths).toEqual([5, 5, 6]);
  });

  it("fails with slug_generation_failed when no attempt finds a free code, and stores nothing", async () => {
    const core = buildCore({ settings: { codeAttempts: 3 } });
    await core.createLink.execute({ accountId: ACME, url: "https://a.test/", customSlug: "taken01" });
    core.scripted.queue(...Array.from({ length: 6 }, () => "taken01"));
    await expect(core.createLink.execute({ accountId: ACME, url: "https://b.test/" })).rejects.toEqual(
      aDomainError("slug_generation_failed"),
    );
    expect(core.scripted.lengths).toEqual([7, 7, 7, 8, 8, 8]);
    expect(await storedSlugs(core)).toEqual(["taken01"]);
  });
});
