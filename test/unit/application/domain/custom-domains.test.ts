import { describe, expect, it } from "vitest";
import { toDomainView } from "../../../../src/application/views/domain-view.js";
import {
  type CustomDomain,
  PENDING_CLAIM_MS,
  verificationRecord,
} from "../../../../src/domain/custom-domain/custom-domain.js";
import { aDomainError } from "../../../support/builders.js";
import { aVisit, buildCore, type Core } from "../../../support/core.js";

const ACME = "acme";
const HOST = "links.acme.test";

async function registered(core: Core = buildCore()) {
  const domain = await core.registerDomain.execute({ accountId: ACME, hostname: HOST });
  return { core, domain, stored: await storedDomain(core, HOST) };
}

/** The domain as its repository holds it, token and owner included. */
async function storedDomain(core: Core, hostname: string): Promise<CustomDomain> {
  const domain = await core.stores.domains.findByHostname(hostname);
  if (domain === null) throw new Error(`${hostname} is not stored`);
  return domain;
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
    const domain = await core.registerDomain.execute({ accountId: ACME, hostname: "  Links.ACME.test. " });
    expect(domain).toMatchObject({
      hostname: HOST,
      status: "pending",
      createdAt: core.clock.now(),
      verifiedAt: null,
    });
    const stored = await storedDomain(core, HOST);
    expect(stored.accountId).toBe(ACME);
    expect(stored.verificationToken.length).toBeGreaterThanOrEqual(22);
    const record = domain.verification;
    expect(record.name).toBe(`_hexlink.${HOST}`);
    expect(record.value).toBe(`hexlink-verify=${stored.verificationToken}`);
    expect(toDomainView(stored)).toEqual(domain);
    expect(domain).not.toHaveProperty("accountId");
    expect(domain).not.toHaveProperty("verificationToken");
  });

  it("gives every domain its own token", async () => {
    const core = buildCore();
    const a = await core.registerDomain.execute({ accountId: ACME, hostname: "a.acme.test" });
    const b = await core.registerDomain.execute({ accountId: ACME, hostname: "b.acme.test" });
    expect(a.verification.value).not.toBe(b.verification.value);
  });

  it.each(["not a host", "localhost", "10.0.0.1", "https://x.test/"])(
    "refuses %j with invalid_domain",
    async (hostname) => {
      const core = buildCore();
      await expect(core.registerDomain.execute({ accountId: ACME, hostname })).rejects.toEqual(
        aDomainError("invalid_domain"),
      );
    },
  );

  it("refuses the default domain", async () => {
    const core = buildCore();
    await expect(core.registerDomain.execute({ accountId: ACME, hostname: "SHO.RT" })).rejects.toEqual(
      aDomainError("invalid_domain"),
    );
  });

  it("gives the account its own pending record back when it registers the hostname again", async () => {
    const { core, domain } = await registered();
    expect(await core.registerDomain.execute({ accountId: ACME, hostname: HOST })).toEqual(domain);
  });

  it("refuses a hostname another account registered, while its claim is fresh or once it is active", async () => {
    const { core } = await registered();
    await expect(core.registerDomain.execute({ accountId: "other", hostname: HOST })).rejects.toEqual(
      aDomainError("invalid_domain"),
    );
    core.clock.advance(PENDING_CLAIM_MS - 1);
    await expect(core.registerDomain.execute({ accountId: "other", hostname: HOST })).rejects.toEqual(
      aDomainError("invalid_domain"),
    );
    await core.activateDomain.execute({ hostname: HOST });
    core.clock.advance(10 * PENDING_CLAIM_MS);
    await expect(core.registerDomain.execute({ accountId: "other", hostname: HOST })).rejects.toEqual(
      aDomainError("invalid_domain"),
    );
    expect((await core.stores.domains.findByHostname(HOST))?.accountId).toBe(ACME);
  });

  it("lets another account claim a hostname whose registration stayed unverified for 72 hours", async () => {
    const { core, domain } = await registered();
    core.clock.advance(PENDING_CLAIM_MS);
    const claimed = await core.registerDomain.execute({ accountId: "other", hostname: HOST });
    expect(claimed).toMatchObject({ hostname: HOST, status: "pending" });
    expect(claimed.verification.value).not.toBe(domain.verification.value);
    const stored = await storedDomain(core, HOST);
    expect(stored.accountId).toBe("other");
    expect(toDomainView(stored)).toEqual(claimed);
  });
});

describe("VerifyDomain", () => {
  it("refuses while the TXT record is missing or wrong, and the domain stays pending", async () => {
    const { core, domain } = await registered();
    await expect(core.verifyDomain.execute({ accountId: ACME, hostname: HOST })).rejects.toEqual(
      aDomainError("invalid_domain"),
    );
    core.verifier.publish(`_hexlink.${HOST}`, "hexlink-verify=not-the-token");
    core.verifier.publish(`_hexlink.other.test`, domain.verification.value);
    await expect(core.verifyDomain.execute({ accountId: ACME, hostname: HOST })).rejects.toEqual(
      aDomainError("invalid_domain"),
    );
    expect((await core.stores.domains.findByHostname(HOST))?.status).toBe("pending");
  });

  it("activates the domain once the record is published", async () => {
    const { core, domain } = await registered();
    core.clock.advance(5000);
    const record = domain.verification;
    core.verifier.publish(record.name, record.value);
    const active = await core.verifyDomain.execute({ accountId: ACME, hostname: "LINKS.acme.test" });
    expect(active).toEqual({ ...domain, status: "active", verifiedAt: core.clock.now() });
    expect(toDomainView(await storedDomain(core, HOST))).toEqual(active);
  });

  it("makes a Host that answered 404 while pending resolve against the custom domain at once", async () => {
    const { core, domain } = await registered();
    await core.activateDomain.execute({ hostname: HOST });
    await linksOnBoth(core);
    await core.deleteDomain.execute({ accountId: ACME, hostname: HOST });
    await core.registerDomain.execute({ accountId: ACME, hostname: HOST });
    // Spec §6: a registered custom domain in any state never falls back to the default domain's links.
    expect(await locationOn(core, HOST)).toBe("not_found");
    const fresh = await core.stores.domains.findByHostname(HOST);
    if (fresh === null) throw new Error("registered domain expected");
    core.verifier.publish(`_hexlink.${HOST}`, verificationRecord(fresh).value);
    await core.verifyDomain.execute({ accountId: ACME, hostname: HOST });
    expect(await locationOn(core, HOST)).toBe("https://custom.test/");
    expect(verificationRecord(fresh).value).not.toBe(domain.verification.value);
  });

  it("returns an active domain as it is, without a DNS lookup", async () => {
    const { core } = await registered();
    const active = await core.activateDomain.execute({ hostname: HOST });
    expect(await core.verifyDomain.execute({ accountId: ACME, hostname: HOST })).toEqual(active);
    expect(core.verifier.lookups).toEqual([]);
  });

  it("answers invalid_domain for another account's domain and for an unknown one", async () => {
    const { core, domain } = await registered();
    core.verifier.publish(`_hexlink.${HOST}`, domain.verification.value);
    await expect(core.verifyDomain.execute({ accountId: "other", hostname: HOST })).rejects.toEqual(
      aDomainError("invalid_domain"),
    );
    await expect(core.verifyDomain.execute({ accountId: ACME, hostname: "unknown.test" })).rejects.toEqual(
      aDomainError("invalid_domain"),
    );
    expect((await core.stores.domains.findByHostname(HOST))?.status).toBe("pending");
  });
});

describe("ListDomains", () => {
  it("lists the account's domains, oldest first", async () => {
    const core = buildCore();
    await core.registerDomain.execute({ accountId: ACME, hostname: "b.acme.test" });
    core.clock.advance(1000);
    await core.registerDomain.execute({ accountId: ACME, hostname: "a.acme.test" });
    await core.registerDomain.execute({ accountId: "other", hostname: "other.test" });
    const listed = await core.listDomains.execute({ accountId: ACME });
    expect(listed.map((d) => d.hostname)).toEqual(["b.acme.test", "a.acme.test"]);
    expect(await core.listDomains.execute({ accountId: "nobody" })).toEqual([]);
  });
});

describe("DeleteDomain", () => {
  it("removes the domain; its links stop resolving, its Host answers 404 for 72 hours, then falls back", async () => {
    const { core } = await registered();
    await core.activateDomain.execute({ hostname: HOST });
    await linksOnBoth(core);
    expect(await locationOn(core, HOST)).toBe("https://custom.test/");
    await core.deleteDomain.execute({ accountId: ACME, hostname: HOST });
    expect(await locationOn(core, HOST)).toBe("not_found");
    expect(await core.listDomains.execute({ accountId: ACME })).toEqual([]);
    core.clock.advance(72 * 3_600_000);
    await core.shared.cache.invalidateHost(HOST); // as the cached route's own expiry would
    expect(await locationOn(core, HOST)).toBe("https://default.test/");
  });

  it("answers invalid_domain for another account's domain and leaves it in place", async () => {
    const { core } = await registered();
    await expect(core.deleteDomain.execute({ accountId: "other", hostname: HOST })).rejects.toEqual(
      aDomainError("invalid_domain"),
    );
    expect(await core.listDomains.execute({ accountId: ACME })).toHaveLength(1);
  });
});

describe("ActivateDomain", () => {
  it("activates a pending domain without DNS, so links can be made on it", async () => {
    const { core, domain } = await registered();
    const active = await core.activateDomain.execute({ hostname: "Links.Acme.Test" });
    expect(active).toEqual({ ...domain, status: "active", verifiedAt: core.clock.now() });
    const link = await core.createLink.execute({ accountId: ACME, url: "https://a.test/", domain: HOST });
    expect(link.domain).toBe(HOST);
  });

  it("leaves an active domain as it is", async () => {
    const { core } = await registered();
    const first = await core.activateDomain.execute({ hostname: HOST });
    core.clock.advance(1000);
    expect(await core.activateDomain.execute({ hostname: HOST })).toEqual(first);
  });

  it("answers invalid_domain for an unknown domain", async () => {
    const core = buildCore();
    await expect(core.activateDomain.execute({ hostname: "unknown.test" })).rejects.toEqual(
      aDomainError("invalid_domain"),
    );
  });
});

describe("a hostname that changes hands", () => {
  it("never serves the first account's links once another account owns the hostname", async () => {
    const { core } = await registered();
    await core.activateDomain.execute({ hostname: HOST });
    await linksOnBoth(core);
    expect(await locationOn(core, HOST)).toBe("https://custom.test/");
    await core.deleteDomain.execute({ accountId: ACME, hostname: HOST });
    await core.registerDomain.execute({ accountId: "globex", hostname: HOST });
    await core.activateDomain.execute({ hostname: HOST });
    expect(await locationOn(core, HOST)).toBe("not_found");
    expect(await core.findQrLink.execute({ host: HOST, slug: "promo" })).toEqual({ kind: "not_found" });
  });
});
