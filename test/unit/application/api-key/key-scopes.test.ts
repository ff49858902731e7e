import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { InMemoryApiKeyRepository } from "../../../../src/adapters/memory/in-memory-api-key-repository.js";
import type { ApiKeyRepository } from "../../../../src/application/ports/api-key-repository.js";
import { KeyUseRecorder } from "../../../../src/application/services/key-use-recorder.js";
import type { ApiKeyIssuer } from "../../../../src/application/use-cases/api-key/issue-api-key.js";
import {
  API_KEY_SCOPES,
  type ApiKeyScope,
  FULL_ACCESS,
  type KeyAccess,
} from "../../../../src/domain/api-key/key-access.js";
import { DomainError } from "../../../../src/domain/errors/domain-error.js";
import { aDomainError, anApiKey } from "../../../support/builders.js";
import { buildCore } from "../../../support/core.js";

const ACME = "acme";
const BRAND = "brand.example";
const OTHER = "other.example";
const only = (...scopes: ApiKeyScope[]): KeyAccess => ({ scopes, domains: null });
const none: KeyAccess = { scopes: [], domains: null };
const issuer = (access: KeyAccess, extra: Partial<ApiKeyIssuer> = {}): ApiKeyIssuer => ({
  ...access,
  limits: null,
  expiresAt: null,
  ...extra,
});

async function coreWithBrand() {
  const core = buildCore();
  for (const hostname of [BRAND, OTHER]) {
    await core.registerDomain.execute({ accountId: ACME, hostname });
    await core.activateDomain.execute({ hostname });
  }
  return core;
}

describe("use cases refuse a key without their scope (forbidden), whatever the request", () => {
  it("each use case names the scope it needs", async () => {
    const core = await coreWithBrand();
    const link = await core.createLink.execute({ accountId: ACME, url: "https://example.com/a" });
    const calls: [ApiKeyScope, (access: KeyAccess) => Promise<unknown>][] = [
      [
        "links:write",
        (access) => core.createLink.execute({ accountId: ACME, access, url: "https://example.com/b" }),
      ],
      ["links:read", (access) => core.listLinks.execute({ accountId: ACME, access })],
      ["links:read", (access) => core.getLink.execute({ accountId: ACME, access, id: link.id })],
      [
        "links:read",
        (access) => core.getLinkByShortUrl.execute({ accountId: ACME, access, shortUrl: link.shortUrl }),
      ],
      [
        "links:write",
        (access) => core.updateLink.execute({ accountId: ACME, access, id: link.id, status: "active" }),
      ],
      [
        "analytics:read",
        (access) => core.getLinkAnalytics.execute({ accountId: ACME, access, linkId: link.id }),
      ],
      ["analytics:read", (access) => core.getAccountAnalytics.execute({ accountId: ACME, access })],
      ["links:read", (access) => core.listTags.execute({ accountId: ACME, access })],
      ["domains:read", (access) => core.listDomains.execute({ accountId: ACME, access })],
      ["domains:write", (access) => core.verifyDomain.execute({ accountId: ACME, access, hostname: BRAND })],
      [
        "domains:write",
        (access) => core.registerDomain.execute({ accountId: ACME, access, hostname: "x.example" }),
      ],
      ["keys:write", (access) => core.listApiKeys.execute({ accountId: ACME, access })],
      ["links:write", (access) => core.deleteLink.execute({ accountId: ACME, access, id: link.id })],
    ];
    for (const [scope, call] of calls) {
      const without = API_KEY_SCOPES.filter((other) => other !== scope);
      await expect(call({ scopes: without, domains: null }), scope).rejects.toEqual(
        aDomainError("forbidden", `This API key lacks the scope '${scope}'.`),
      );
      await expect(call(only(scope)), scope).resolves.not.toThrow();
    }
  });

  it("no access given (operator tools, a host application's own users) may do all the account may", async () => {
    const core = await coreWithBrand();
    const link = await core.createLink.execute({
      accountId: ACME,
      url: "https://example.com/a",
      domain: BRAND,
    });
    expect((await core.listLinks.execute({ accountId: ACME })).links).toHaveLength(1);
    expect((await core.getLink.execute({ accountId: ACME, id: link.id })).id).toBe(link.id);
  });
});

describe("a domain-limited key", () => {
  it("lists exactly its domains' links, newest first, across short pages (one domain or several)", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.constantFrom("default", BRAND, OTHER), { minLength: 0, maxLength: 30 }),
        fc.constantFrom([BRAND], [BRAND, OTHER], ["sho.rt"], [OTHER, "sho.rt"]),
        fc.integer({ min: 1, max: 4 }),
        async (domains, keyDomains, limit) => {
          const core = await coreWithBrand();
          const made = [];
          for (const [at, domain] of domains.entries()) {
            core.clock.advance(1000);
            const link = await core.createLink.execute({
              accountId: ACME,
              url: `https://example.com/${at}`,
              ...(domain === "default" ? {} : { domain }),
            });
            made.push(link);
          }
          const access: KeyAccess = { scopes: FULL_ACCESS.scopes, domains: keyDomains };
          const listed: string[] = [];
          let cursor: string | undefined;
          for (let page = 0; page < 100; page++) {
            const answer = await core.listLinks.execute({
              accountId: ACME,
              access,
              limit,
              ...(cursor === undefined ? {} : { cursor }),
            });
            expect(answer.links.length).toBeLessThanOrEqual(limit);
            listed.push(...answer.links.map((link) => link.id));
            if (answer.nextCursor === null) break;
            cursor = answer.nextCursor;
          }
          const expected = made
            .filter((link) => (keyDomains as readonly string[]).includes(link.domain))
            .reverse()
            .map((link) => link.id);
          expect(listed).toEqual(expected);
        },
      ),
      { numRuns: 25 },
    );
  });

  it("makes its links on its first domain when none is asked, and is refused another domain", async () => {
    const core = await coreWithBrand();
    const access: KeyAccess = { scopes: FULL_ACCESS.scopes, domains: [BRAND] };
    expect(
      (await core.createLink.execute({ accountId: ACME, access, url: "https://example.com/x" })).domain,
    ).toBe(BRAND);
    await expect(
      core.createLink.execute({
        accountId: ACME,
        access,
        url: "https://example.com/x",
        domain: core.settings.defaultDomain,
      }),
    ).rejects.toEqual(aDomainError("forbidden"));
    const onDefault: KeyAccess = { scopes: FULL_ACCESS.scopes, domains: ["sho.rt"] };
    expect(
      (await core.createLink.execute({ accountId: ACME, access: onDefault, url: "https://example.com/y" }))
        .domain,
    ).toBe(core.settings.defaultDomain);
  });
});

describe("IssueApiKey: a key making a key", () => {
  it("makes a key with the terms asked, no broader than its own", async () => {
    const core = await coreWithBrand();
    const { key, apiKey } = await core.issueApiKey.execute({
      accountId: ACME,
      issuer: issuer(
        { scopes: ["links:read", "keys:write"], domains: [BRAND] },
        { limits: { perSecond: 5 } },
      ),
      name: "reports",
      scopes: ["links:read"],
      domains: [BRAND],
      limits: { perSecond: 4 },
    });
    expect(apiKey).toMatchObject({
      name: "reports",
      scopes: ["links:read"],
      domains: [BRAND],
      limits: { perSecond: 4 },
    });
    expect((await core.authenticateApiKey.execute({ key })).scopes).toEqual(["links:read"]);
  });

  it("refuses without keys:write, and anything broader than the issuer", async () => {
    const core = await coreWithBrand();
    const now = core.clock.now().getTime();
    const held = issuer(
      { scopes: ["links:read", "keys:write"], domains: [BRAND] },
      { expiresAt: new Date(now + 3_600_000) },
    );
    const within = {
      accountId: ACME,
      name: "k",
      scopes: ["links:read"],
      domains: [BRAND],
      expiresAt: new Date(now + 60_000),
    };
    await expect(core.issueApiKey.execute({ ...within, issuer: issuer(only("links:read")) })).rejects.toEqual(
      aDomainError("forbidden"),
    );
    for (const wider of [
      { scopes: ["links:write"] },
      { scopes: undefined },
      { domains: null },
      { domains: [BRAND, "other.example"] },
      { expiresAt: null },
      { expiresAt: new Date(now + 7_200_000) },
      { limits: { perHour: core.settings.rateLimits.perHour + 1 } },
    ]) {
      await expect(
        core.issueApiKey.execute({ ...within, ...wider, issuer: held }),
        JSON.stringify(wider),
      ).rejects.toEqual(aDomainError("forbidden"));
    }
    await expect(core.issueApiKey.execute({ ...within, issuer: held })).resolves.toBeDefined();
    expect(await core.listApiKeys.execute({ accountId: ACME })).toHaveLength(1);
  });

  it("limits a key only to the default domain or the account's own custom domains", async () => {
    const core = await coreWithBrand();
    await core.registerDomain.execute({ accountId: "rival", hostname: "rival.example" });
    const full = issuer(FULL_ACCESS);
    for (const domains of [["typo.example"], ["rival.example"], [BRAND, "typo.example"]]) {
      await expect(
        core.issueApiKey.execute({ accountId: ACME, issuer: full, name: "k", scopes: [], domains }),
        JSON.stringify(domains),
      ).rejects.toEqual(aDomainError("invalid_domain"));
    }
    const made = await core.issueApiKey.execute({
      accountId: ACME,
      issuer: full,
      name: "k",
      scopes: [],
      domains: ["SHO.RT", OTHER],
    });
    expect(made.apiKey.domains).toEqual(["sho.rt", OTHER]);
  });
});

describe("RevokeApiKey by a key", () => {
  it("answers another account's key as a missing one, and refuses a broader key", async () => {
    const core = buildCore();
    const broad = await core.createApiKey.execute({ accountId: ACME });
    const theirs = await core.createApiKey.execute({ accountId: "rival" });
    const access = only("keys:write");
    await expect(
      core.revokeApiKey.execute({ id: theirs.apiKey.id, accountId: ACME, access }),
    ).rejects.toEqual(aDomainError("not_found"));
    await expect(core.revokeApiKey.execute({ id: broad.apiKey.id, accountId: ACME, access })).rejects.toEqual(
      aDomainError("forbidden"),
    );
    await expect(
      core.revokeApiKey.execute({ id: broad.apiKey.id, accountId: ACME, access: none }),
    ).rejects.toEqual(aDomainError("forbidden"));
    await core.revokeApiKey.execute({ id: broad.apiKey.id, accountId: ACME, access: FULL_ACCESS });
    await expect(core.authenticateApiKey.execute({ key: broad.key })).rejects.toEqual(
      aDomainError("unauthorized"),
    );
    await expect(core.revokeApiKey.execute({ id: broad.apiKey.id, accountId: ACME })).rejects.toEqual(
      aDomainError("not_found"),
    );
  });
});

describe("expiry and last use", () => {
  it("an expired key is refused as an unknown one and counted as a failed attempt", async () => {
    const core = buildCore({ settings: { authFailuresPerMinute: 1 } });
    const expiresAt = new Date(core.clock.now().getTime() + 1000);
    const { key } = await core.createApiKey.execute({ accountId: ACME, expiresAt });
    expect((await core.authenticateApiKey.execute({ key, client: "192.0.2.1" })).accountId).toBe(ACME);
    core.clock.set(expiresAt);
    await expect(core.authenticateApiKey.execute({ key, client: "192.0.2.1" })).rejects.toEqual(
      aDomainError("unauthorized", "A valid API key is required."),
    );
    await expect(core.authenticateApiKey.execute({ key: "hxk_other", client: "192.0.2.1" })).rejects.toEqual(
      aDomainError("rate_limited"),
    );
  });

  it("KeyUseRecorder writes a key's use at most once a minute per process, and never throws", async () => {
    const keys = new InMemoryApiKeyRepository();
    const key = anApiKey().build();
    await keys.create(key);
    let writes = 0;
    const counting: ApiKeyRepository = Object.assign(Object.create(keys) as ApiKeyRepository, {
      recordUse: (id: string, at: Date, staleBefore: Date) => {
        writes++;
        return keys.recordUse(id, at, staleBefore);
      },
    });
    const recorder = new KeyUseRecorder(counting);
    const t0 = new Date("2026-03-15T12:00:00Z");
    for (let second = 0; second < 60; second++)
      await recorder.record(key, new Date(t0.getTime() + second * 1000));
    expect(writes).toBe(1);
    expect((await keys.findById(key.id))?.lastUsedAt).toEqual(t0);
    await recorder.record(key, new Date(t0.getTime() + 61_000));
    expect(writes).toBe(2);
    // Another process that saw the key used in the same minute finds it written: the store refuses the write.
    const other = new KeyUseRecorder(keys);
    await other.record(key, new Date(t0.getTime() + 62_000));
    expect((await keys.findById(key.id))?.lastUsedAt).toEqual(new Date(t0.getTime() + 61_000));
    const failing = new KeyUseRecorder(
      Object.assign(Object.create(keys) as ApiKeyRepository, {
        recordUse: () => Promise.reject(new DomainError("unavailable", "down")),
      }),
    );
    await expect(failing.record(key, t0)).resolves.toBeUndefined();
  });
});
