import { describe, expect, it } from "vitest";
import type { CreateLinkInput } from "../../../../src/application/use-cases/link/create-link.js";
import { aVisit, buildCore, type Core, storedLink } from "../../../support/core.js";

const ACME = "acme";

async function withLink(extra: Partial<CreateLinkInput> = {}, core: Core = buildCore()) {
  const link = await core.createLink.execute({
    accountId: ACME,
    url: "https://example.com/landing?a=1",
    customSlug: "promo",
    ...extra,
  });
  return { core, link };
}

describe("ResolveRedirect: redirects", () => {
  it("redirects to the destination and records one click", async () => {
    const { core, link } = await withLink();
    const outcome = await core.resolveRedirect.execute(aVisit("promo", { referrer: "https://news.test/" }));
    expect(outcome).toEqual({
      kind: "redirect",
      location: "https://example.com/landing?a=1",
      linkId: link.id,
      mayStop: false,
    });
    expect(core.hits).toEqual([
      {
        linkId: link.id,
        owner: { accountId: ACME, domain: link.domain, tags: [] },
        at: core.clock.now(),
        ip: "203.0.113.7",
        userAgent: aVisit("promo").userAgent,
        referrer: "https://news.test/",
        headers: {},
        target: "default",
      },
    ]);
  });

  it("forwards the short URL's query after the destination's own", async () => {
    const { core } = await withLink();
    const outcome = await core.resolveRedirect.execute(aVisit("promo", { query: "utm_source=mail&x=%20" }));
    expect(outcome).toMatchObject({ location: "https://example.com/landing?a=1&utm_source=mail&x=%20" });
  });

  it("matches the Host header case-insensitively and ignores a trailing dot", async () => {
    const { core } = await withLink();
    for (const host of ["SHO.RT", "sho.rt."]) {
      expect(await core.resolveRedirect.execute(aVisit("promo", { host }))).toMatchObject({
        kind: "redirect",
      });
    }
  });

  it("resolves a Host that is no custom domain against the default domain", async () => {
    const { core } = await withLink();
    for (const host of ["localhost:3000", "127.0.0.1", "unknown.test"]) {
      expect(await core.resolveRedirect.execute(aVisit("promo", { host }))).toMatchObject({
        kind: "redirect",
      });
    }
  });
});

describe("ResolveRedirect: not_found and gone", () => {
  it("answers not_found for an unknown slug, and slugs are case-sensitive", async () => {
    const { core } = await withLink();
    expect(await core.resolveRedirect.execute(aVisit("nope"))).toEqual({ kind: "not_found" });
    expect(await core.resolveRedirect.execute(aVisit("PROMO"))).toEqual({ kind: "not_found" });
    expect(core.hits).toEqual([]);
  });

  it("answers not_found for a disabled link, even with the right password", async () => {
    const { core, link } = await withLink({ password: "pw" });
    await core.updateLink.execute({ accountId: ACME, id: link.id, status: "disabled" });
    expect(await core.resolveRedirect.execute(aVisit("promo", { password: "pw" }))).toEqual({
      kind: "not_found",
    });
  });

  it("answers not_found for a deleted link", async () => {
    const { core, link } = await withLink();
    await core.resolveRedirect.execute(aVisit("promo"));
    await core.deleteLink.execute({ accountId: ACME, id: link.id });
    expect(await core.resolveRedirect.execute(aVisit("promo"))).toEqual({ kind: "not_found" });
  });

  it("answers gone from the expiry instant on, without recording a click", async () => {
    const core = buildCore();
    await withLink({ expiresAt: new Date(core.clock.now().getTime() + 60_000) }, core);
    core.clock.advance(59_999);
    expect(await core.resolveRedirect.execute(aVisit("promo"))).toMatchObject({ kind: "redirect" });
    core.clock.advance(1);
    expect(await core.resolveRedirect.execute(aVisit("promo"))).toEqual({ kind: "gone" });
    expect(core.hits).toHaveLength(1);
  });

  it("answers gone once max_clicks redirects were made, and counts only redirects", async () => {
    const { core, link } = await withLink({ maxClicks: 2 });
    const kinds = [];
    for (let i = 0; i < 4; i++) kinds.push((await core.resolveRedirect.execute(aVisit("promo"))).kind);
    expect(kinds).toEqual(["redirect", "redirect", "gone", "gone"]);
    expect((await storedLink(core, link.id)).clickCount).toBe(2);
    expect(core.hits).toHaveLength(2);
  });

  it("enforces a lowered max_clicks even while this instance holds a copy with the old budget", async () => {
    const { core, link } = await withLink({ maxClicks: 5 });
    expect(await core.resolveRedirect.execute(aVisit("promo"))).toMatchObject({ kind: "redirect" });
    await core.updateLink.execute({ accountId: ACME, id: link.id, maxClicks: 1 });
    // Another instance's update: this one's cache still holds the copy that allows 5 clicks.
    core.shared.cache.setLink(link.domain, link.slug, await storedLink(core, link.id));
    expect(await core.resolveRedirect.execute(aVisit("promo"))).toEqual({ kind: "gone" });
    expect((await storedLink(core, link.id)).clickCount).toBe(1);
    expect(core.hits).toHaveLength(1);
  });

  it("answers gone, not the password form, once a password-protected link's clicks are spent", async () => {
    const { core } = await withLink({ password: "pw", maxClicks: 1 });
    expect(await core.resolveRedirect.execute(aVisit("promo", { password: "pw" }))).toMatchObject({
      kind: "redirect",
    });
    expect(await core.resolveRedirect.execute(aVisit("promo"))).toEqual({ kind: "gone" });
    expect(await core.resolveRedirect.execute(aVisit("promo", { password: "bad" }))).toEqual({
      kind: "gone",
    });
  });

  it("answers gone for an expired password-protected link before asking for the password", async () => {
    const core = buildCore();
    await withLink({ password: "pw", expiresAt: new Date(core.clock.now().getTime() + 1000) }, core);
    core.clock.advance(1000);
    expect(await core.resolveRedirect.execute(aVisit("promo"))).toEqual({ kind: "gone" });
  });
});

describe("ResolveRedirect: passwords", () => {
  it("asks for the password without revealing or counting anything", async () => {
    const { core, link } = await withLink({ password: "s3cret", maxClicks: 5 });
    const outcome = await core.resolveRedirect.execute(aVisit("promo"));
    expect(outcome).toEqual({ kind: "password_required", linkId: link.id });
    expect(core.hits).toEqual([]);
    expect((await storedLink(core, link.id)).clickCount).toBe(0);
  });

  it("answers wrong_password for a wrong guess and redirects on the right one", async () => {
    const { core } = await withLink({ password: "s3cret" });
    expect(await core.resolveRedirect.execute(aVisit("promo", { password: "guess" }))).toMatchObject({
      kind: "wrong_password",
    });
    expect(core.hits).toEqual([]);
    expect(await core.resolveRedirect.execute(aVisit("promo", { password: "s3cret" }))).toMatchObject({
      kind: "redirect",
      location: "https://example.com/landing?a=1",
    });
    expect(core.hits).toHaveLength(1);
  });

  it("answers too_many_attempts after the per-minute limit, even for the right password, until the minute ends", async () => {
    const core = buildCore({ settings: { passwordAttemptsPerMinute: 3 } });
    await withLink({ password: "s3cret" }, core);
    core.clock.set("2026-03-15T12:00:10.000Z");
    for (let i = 0; i < 3; i++) {
      expect(await core.resolveRedirect.execute(aVisit("promo", { password: `guess${i}` }))).toMatchObject({
        kind: "wrong_password",
      });
    }
    expect(await core.resolveRedirect.execute(aVisit("promo", { password: "s3cret" }))).toEqual({
      kind: "too_many_attempts",
      retryAfterSeconds: 50,
    });
    const otherClient = aVisit("promo", { password: "s3cret", ip: "198.51.100.9" });
    expect(await core.resolveRedirect.execute(otherClient)).toMatchObject({ kind: "redirect" });
    core.clock.set("2026-03-15T12:01:00.000Z");
    expect(await core.resolveRedirect.execute(aVisit("promo", { password: "s3cret" }))).toMatchObject({
      kind: "redirect",
    });
  });

  it("limits guesses per link: another link of the same client is not affected", async () => {
    const core = buildCore({ settings: { passwordAttemptsPerMinute: 1 } });
    await withLink({ password: "one" }, core);
    await core.createLink.execute({
      accountId: ACME,
      url: "https://b.test/",
      customSlug: "other",
      password: "two",
    });
    await core.resolveRedirect.execute(aVisit("promo", { password: "x" }));
    expect(await core.resolveRedirect.execute(aVisit("promo", { password: "one" }))).toMatchObject({
      kind: "too_many_attempts",
    });
    expect(await core.resolveRedirect.execute(aVisit("other", { password: "two" }))).toMatchObject({
      kind: "redirect",
    });
  });
});

describe("ResolveRedirect: custom domains", () => {
  it("a link on an active custom domain answers only on that domain", async () => {
    const core = buildCore();
    await core.registerDomain.execute({ accountId: ACME, hostname: "links.acme.test" });
    await core.activateDomain.execute({ hostname: "links.acme.test" });
    await withLink({ domain: "links.acme.test" }, core);
    const onCustom = aVisit("promo", { host: "Links.Acme.Test" });
    expect(await core.resolveRedirect.execute(onCustom)).toMatchObject({ kind: "redirect" });
    expect(await core.resolveRedirect.execute(aVisit("promo"))).toEqual({ kind: "not_found" });
  });

  it("a pending custom domain's Host, on any port, never serves the default domain's links (spec §6)", async () => {
    const core = buildCore();
    await core.registerDomain.execute({ accountId: "other", hostname: "links.acme.test" });
    await withLink({}, core);
    for (const host of ["links.acme.test", "LINKS.acme.test:8443"]) {
      expect(await core.resolveRedirect.execute(aVisit("promo", { host })), host).toEqual({
        kind: "not_found",
      });
    }
    expect(await core.resolveRedirect.execute(aVisit("promo"))).toMatchObject({ kind: "redirect" });
  });

  it("a deleted custom domain's Host answers 404 for 72 hours, then falls back", async () => {
    const core = buildCore();
    await core.registerDomain.execute({ accountId: ACME, hostname: "links.acme.test" });
    await core.activateDomain.execute({ hostname: "links.acme.test" });
    await withLink({}, core);
    await core.deleteDomain.execute({ accountId: ACME, hostname: "links.acme.test" });
    core.clock.advance(72 * 3_600_000 - 1000);
    for (const host of ["links.acme.test", "links.acme.test:8443"]) {
      expect(await core.resolveRedirect.execute(aVisit("promo", { host })), host).toEqual({
        kind: "not_found",
      });
    }
    core.clock.advance(1000);
    // A cached route lives a minute at most (the cache's TTL, in real time): drop it as its expiry would.
    await core.shared.cache.invalidateHost("links.acme.test");
    const later = await core.resolveRedirect.execute(aVisit("promo", { host: "links.acme.test:9000" }));
    expect(later).toMatchObject({ kind: "redirect" });
  });

  it("a pending claim expires after 72 hours and its Host falls back again", async () => {
    const core = buildCore();
    await core.registerDomain.execute({ accountId: "other", hostname: "links.acme.test" });
    await withLink({}, core);
    core.clock.advance(72 * 3_600_000);
    const outcome = await core.resolveRedirect.execute(aVisit("promo", { host: "links.acme.test" }));
    expect(outcome).toMatchObject({ kind: "redirect" });
  });

  it("an active custom domain serves its links on any port", async () => {
    const core = buildCore();
    await core.registerDomain.execute({ accountId: ACME, hostname: "links.acme.test:8443" });
    await core.activateDomain.execute({ hostname: "links.acme.test" });
    await core.createLink.execute({
      accountId: ACME,
      url: "https://a.test/",
      customSlug: "deal",
      domain: "links.acme.test",
    });
    for (const host of ["links.acme.test", "links.acme.test:8443"]) {
      expect(await core.resolveRedirect.execute(aVisit("deal", { host })), host).toMatchObject({
        kind: "redirect",
      });
    }
  });

  it("with unknownHosts 404 only the default domain and its aliases serve its links", async () => {
    const core = buildCore({ settings: { unknownHosts: "404", domainAliases: ["www.sho.rt"] } });
    await withLink({}, core);
    expect(await core.resolveRedirect.execute(aVisit("promo"))).toMatchObject({ kind: "redirect" });
    expect(await core.resolveRedirect.execute(aVisit("promo", { host: "WWW.sho.rt" }))).toMatchObject({
      kind: "redirect",
    });
    for (const host of ["127.0.0.1", "elsewhere.test", "sho.rt:8080"]) {
      expect(await core.resolveRedirect.execute(aVisit("promo", { host })), host).toEqual({
        kind: "not_found",
      });
    }
  });
});
