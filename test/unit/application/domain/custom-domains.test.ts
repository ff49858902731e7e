import { describe, expect, it } from "vitest";
import { PENDING_CLAIM_MS, verificationRecord } from "../../../../src/domain/custom-domain/custom-domain.js";
import { aDomainError } from "../../../support/builders.js";
import { aVisit, buildCore, type Core } from "../../../support/core.js";

const ACME = "acme";
const HOST = "links.acme.test";

async function registered(core: Core = buildCore()) {
  const domain = await core.registerDomain.execute(ACME, HOST);
  return { core, domain };
}

/** A link `promo` on the default domain and one on the custom domain, to tell them apart. */
async function linksOnBoth(core: Core): Promise<void> {
  await core.createLink.execute({ accountId: ACME, url: "https://default.test/", customSlug: "promo" });
  await core.createLink.execute({
    accountId: ACME,
    url: "https://custom.test/",
    customSlug: "promo",
    domain: HOST,
  });
}

const locationOn = async (core: Core, host: string) => {
  const outcome = await core.resolveRedirect.execute(aVisit("promo", { host }));
  return outcome.kind === "redirect" ? outcome.location : outcome.kind;
};

describe("RegisterDomain", () => {
  it("registers a pending domain with a TXT record _hexlink.<hostname> = hexlink-verify=<token>", async () => {
    const core = buildCore();
    const domain = await core.registerDomain.execute(ACME, "  Links.ACME.test. ");
    expect(domain).toMatchObject({
      hostname: HOST,
      accountId: ACME,
      status: "pending",
      createdAt: core.clock.now(),
      verifiedAt: null,
    });
    expect(domain.verificationToken.length).toBeGreaterThanOrEqual(22);
    const record = verificationRecord(domain);
    expect(record.name).toBe(`_hexlink.${HOST}`);
    expect(record.value).toBe(`hexlink-verify=${domain.verificationToken}`);
    expect(await core.stores.domains.findByHostname(HOST)).toEqual(domain);
  });

  it("gives every domain its own token", async () => {
    const core = buildCore();
    const a = await core.registerDomain.execute(ACME, "a.acme.test");
    const b = await core.registerDomain.execute(ACME, "b.acme.test");
    expect(a.verificationToken).not.toBe(b.verificationToken);
  });

  it.each(["not a host", "localhost", "10.0.0.1", "https://x.test/"])(
    "refuses %j with invalid_domain",
    async (hostname) => {
      const core = buildCore();
      await expect(core.registerDomain.execute(ACME, hostname)).rejects.toEqual(
        aDomainError("invalid_domain"),
      );
    },
  );

  it("refuses the default domain", async () => {
    const core = buildCore();
    await expect(core.registerDomain.execute(ACME, "SHO.RT")).rejects.toEqual(aDomainError("invalid_domain"));
  });

  it("gives the account its own pending record back when it registers the hostname again", async () => {
    const { core, domain } = await registered();
    expect(await core.registerDomain.execute(ACME, HOST)).toEqual(domain);
  });

  it("refuses a hostname another account registered, while its claim is fresh or once it is active", async () => {
    const { core } = await registered();
    await expect(core.registerDomain.execute("other", HOST)).rejects.toEqual(aDomainError("invalid_domain"));
    core.clock.advance(PENDING_CLAIM_MS - 1);
    await expect(core.registerDomain.execute("other", HOST)).rejects.toEqual(aDomainError("invalid_domain"));
    await core.activateDomain.execute(HOST);
    core.clock.advance(10 * PENDING_CLAIM_MS);
    await expect(core.registerDomain.execute("other", HOST)).rejects.toEqual(aDomainError("invalid_domain"));
    expect((await core.stores.domains.findByHostname(HOST))?.accountId).toBe(ACME);
  });

  it("lets another account claim a hostname whose registration stayed unverified for 72 hours", async () => {
    const { core, domain } = await registered();
    core.clock.advance(PENDING_CLAIM_MS);
    const claimed = await core.registerDomain.execute("other", HOST);
    expect(claimed).toMatchObject({ hostname: HOST, accountId: "other", status: "pending" });
    expect(claimed.verificationToken).not.toBe(domain.verificationToken);
    expect(await core.stores.domains.findByHostname(HOST)).toEqual(claimed);
  });
});

describe("VerifyDomain", () => {
  it("refuses while the TXT record is missing or wrong, and the domain stays pending", async () => {
    const { core, domain } = await registered();
    await expect(core.verifyDomain.execute(ACME, HOST)).rejects.toEqual(aDomainError("invalid_domain"));
    core.verifier.publish(`_hexlink.${HOST}`, "hexlink-verify=not-the-token");
    core.verifier.publish(`_hexlink.other.test`, verificationRecord(domain).value);
    await expect(core.verifyDomain.execute(ACME, HOST)).rejects.toEqual(aDomainError("invalid_domain"));
    expect((await core.stores.domains.findByHostname(HOST))?.status).toBe("pending");
  });

  it("activates the domain once the record is published", async () => {
    const { core, domain } = await registered();
    core.clock.advance(5000);
    const record = verificationRecord(domain);
    core.verifier.publish(record.name, record.value);
    const active = await core.verifyDomain.execute(ACME, "LINKS.acme.test");
    expect(active).toEqual({ ...domain, status: "active", verifiedAt: core.clock.now() });
    expect(await core.stores.domains.findByHostname(HOST)).toEqual(active);
  });

  it("makes a Host that answered 404 while pending resolve against the custom domain at once", async () => {
    const { core, domain } = await registered();
    await core.activateDomain.execute(HOST);
    await linksOnBoth(core);
    await core.deleteDomain.execute(ACME, HOST);
    await core.registerDomain.execute(ACME, HOST);
    // Spec §6: a registered custom domain in any state never falls back to the default domain's links.
    expect(await locationOn(core, HOST)).toBe("not_found");
    const fresh = await core.stores.domains.findByHostname(HOST);
    if (fresh === null) throw new Error("registered domain expected");
    core.verifier.publish(`_hexlink.${HOST}`, verificationRecord(fresh).value);
    await core.verifyDomain.execute(ACME, HOST);
    expect(await locationOn(core, HOST)).toBe("https://custom.test/");
    expect(fresh.verificationToken).not.toBe(domain.verificationToken);
  });

  it("returns an active domain as it is, without a DNS lookup", async () => {
    const { core } = await registered();
    const active = await core.activateDomain.execute(HOST);
    expect(await core.verifyDomain.execute(ACME, HOST)).toEqual(active);
    expect(core.verifier.lookups).toEqual([]);
  });

  it("answers invalid_domain for another account's domain and for an unknown one", async () => {
    const { core, domain } = await registered();
    core.verifier.publish(`_hexlink.${HOST}`, verificationRecord(domain).value);
    await expect(core.verifyDomain.execute("other", HOST)).rejects.toEqual(aDomainError("invalid_domain"));
    await expect(core.verifyDomain.execute(ACME, "unknown.test")).rejects.toEqual(
      aDomainError("invalid_domain"),
    );
    expect((await core.stores.domains.findByHostname(HOST))?.status).toBe("pending");
  });
});

describe("ListDomains", () => {
  it("lists the account's domains, oldest first", async () => {
    const core = buildCore();
    await core.registerDomain.execute(ACME, "b.acme.test");
    core.clock.advance(1000);
    await core.registerDomain.execute(ACME, "a.acme.test");
    await core.registerDomain.execute("other", "other.test");
    const listed = await core.listDomains.execute(ACME);
    expect(listed.map((d) => d.hostname)).toEqual(["b.acme.test", "a.acme.test"]);
    expect(await core.listDomains.execute("nobody")).toEqual([]);
  });
});

describe("DeleteDomain", () => {
  it("removes the domain; its links stop resolving, its Host answers 404 for 72 hours, then falls back", async () => {
    const { core } = await registered();
    await core.activateDomain.execute(HOST);
    await linksOnBoth(core);
    expect(await locationOn(core, HOST)).toBe("https://custom.test/");
    await core.deleteDomain.execute(ACME, HOST);
    expect(await locationOn(core, HOST)).toBe("not_found");
    expect(await core.listDomains.execute(ACME)).toEqual([]);
    core.clock.advance(72 * 3_600_000);
    await core.shared.cache.invalidateHost(HOST); // as the cached route's own expiry would
    expect(await locationOn(core, HOST)).toBe("https://default.test/");
  });

  it("answers invalid_domain for another account's domain and leaves it in place", async () => {
    const { core } = await registered();
    await expect(core.deleteDomain.execute("other", HOST)).rejects.toEqual(aDomainError("invalid_domain"));
    expect(await core.listDomains.execute(ACME)).toHaveLength(1);
  });
});

describe("ActivateDomain", () => {
  it("activates a pending domain without DNS, so links can be made on it", async () => {
    const { core, domain } = await registered();
    const active = await core.activateDomain.execute("Links.Acme.Test");
    expect(active).toEqual({ ...domain, status: "active", verifiedAt: core.clock.now() });
    const link = await core.createLink.execute({ accountId: ACME, url: "https://a.test/", domain: HOST });
    expect(link.domain).toBe(HOST);
  });

  it("leaves an active domain as it is", async () => {
    const { core } = await registered();
    const first = await core.activateDomain.execute(HOST);
    core.clock.advance(1000);
    expect(await core.activateDomain.execute(HOST)).toEqual(first);
  });

  it("answers invalid_domain for an unknown domain", async () => {
    const core = buildCore();
    await expect(core.activateDomain.execute("unknown.test")).rejects.toEqual(aDomainError("invalid_domain"));
  });
});

describe("a hostname that changes hands", () => {
  it("never serves the first account's links once another account owns the hostname", async () => {
    const { core } = await registered();
    await core.activateDomain.execute(HOST);
    await linksOnBoth(core);
    expect(await locationOn(core, HOST)).toBe("https://custom.test/");
    await core.deleteDomain.execute(ACME, HOST);
    await core.registerDomain.execute("globex", HOST);
    await core.activateDomain.execute(HOST);
    expect(await locationOn(core, HOST)).toBe("not_found");
    expect(await core.findQrLink.execute({ host: HOST, slug: "promo" })).toEqual({ kind: "not_found" });
  });
});
