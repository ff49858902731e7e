import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { aDomainError } from "../../../support/builders.js";
import { buildCore } from "../../../support/core.js";

const ACME = "acme";
const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");
const SEED = { accountId: ACME, key: "acme-seeded-key-0123456789" };

describe("CreateApiKey", () => {
  it("returns the key once and stores only its SHA-256 hash", async () => {
    const core = buildCore();
    const { key, apiKey } = await core.createApiKey.execute({ accountId: ACME });
    expect(key).toMatch(/^hxk_[A-Za-z0-9_-]{32,}$/);
    expect(apiKey).not.toHaveProperty("hash");
    expect(apiKey).toMatchObject({
      accountId: ACME,
      createdAt: core.clock.now(),
      revokedAt: null,
      apiAccess: true,
      limits: null,
    });
    expect(apiKey.id).toMatch(/^key_/);
    const stored = await core.stores.apiKeys.findById(apiKey.id);
    expect(stored).toEqual({ ...apiKey, hash: sha256(key) });
    expect(JSON.stringify(stored)).not.toContain(key);
    expect(JSON.stringify(stored)).not.toContain(key.slice(4));
  });

  it("makes a different key each time", async () => {
    const core = buildCore();
    const a = await core.createApiKey.execute({ accountId: ACME });
    const b = await core.createApiKey.execute({ accountId: ACME });
    expect(a.key).not.toBe(b.key);
    expect(a.apiKey.id).not.toBe(b.apiKey.id);
  });

  it.each(["", "has space", "x".repeat(65)])(
    "refuses the account name %j with invalid_request",
    async (name) => {
      const core = buildCore();
      await expect(core.createApiKey.execute({ accountId: name })).rejects.toEqual(
        aDomainError("invalid_request"),
      );
    },
  );

  it("refuses a given key that exists already", async () => {
    const core = buildCore();
    await core.createApiKey.execute({ accountId: ACME, key: SEED.key });
    await expect(core.createApiKey.execute({ accountId: "other", key: SEED.key })).rejects.toEqual(
      aDomainError("invalid_request"),
    );
  });
});

describe("AuthenticateApiKey", () => {
  it("finds the stored key a client presents", async () => {
    const core = buildCore();
    const { key, apiKey } = await core.createApiKey.execute({ accountId: ACME });
    expect(await core.authenticateApiKey.execute({ key })).toEqual({
      ...apiKey,
      rateLimitSubject: `key:${sha256(key)}`,
    });
  });

  it.each([
    ["no key", undefined],
    ["an empty key", ""],
    ["an unknown key", "hxk_unknown"],
    ["an oversized key", "x".repeat(513)],
  ])("refuses %s with unauthorized", async (_, presented) => {
    const core = buildCore();
    await core.createApiKey.execute({ accountId: ACME });
    await expect(core.authenticateApiKey.execute({ key: presented })).rejects.toEqual(
      aDomainError("unauthorized"),
    );
  });

  it("refuses a key that differs only in case", async () => {
    const core = buildCore();
    const { key } = await core.createApiKey.execute({
      accountId: ACME,
      key: "hxk_CaseMatters_0123456789",
    });
    await expect(core.authenticateApiKey.execute({ key: key.toLowerCase() })).rejects.toEqual(
      aDomainError("unauthorized"),
    );
  });

  it("refuses a revoked key with unauthorized, at once", async () => {
    const core = buildCore();
    const { key, apiKey } = await core.createApiKey.execute({ accountId: ACME });
    await core.revokeApiKey.execute({ id: apiKey.id });
    await expect(core.authenticateApiKey.execute({ key })).rejects.toEqual(aDomainError("unauthorized"));
    expect((await core.stores.apiKeys.findById(apiKey.id))?.revokedAt).toEqual(core.clock.now());
  });

  it("limits failed authentications per client address: once over, every attempt is refused until the minute ends", async () => {
    const core = buildCore({ settings: { authFailuresPerMinute: 3 } });
    core.clock.set("2026-03-15T12:00:15.000Z");
    const { key } = await core.createApiKey.execute({ accountId: ACME });
    for (let attempt = 0; attempt < 3; attempt += 1) {
      await expect(
        core.authenticateApiKey.execute({ key: "hxk_guess", client: "198.51.100.7" }),
      ).rejects.toEqual(aDomainError("unauthorized"));
    }
    for (const presented of ["hxk_guess", key]) {
      await expect(
        core.authenticateApiKey.execute({ key: presented, client: "198.51.100.7" }),
      ).rejects.toMatchObject({
        code: "rate_limited",
        retryAfterSeconds: 45,
      });
    }
    // Another address, and the same one once the minute is over, are not held back.
    expect((await core.authenticateApiKey.execute({ key, client: "198.51.100.8" })).accountId).toBe(ACME);
    core.clock.set("2026-03-15T12:01:00.000Z");
    expect((await core.authenticateApiKey.execute({ key, client: "198.51.100.7" })).accountId).toBe(ACME);
  });

  it("counts no failure for a right key, and counts unknown, revoked and missing keys alike", async () => {
    const core = buildCore({ settings: { authFailuresPerMinute: 3 } });
    const { key, apiKey } = await core.createApiKey.execute({ accountId: ACME });
    const revoked = await core.createApiKey.execute({ accountId: ACME });
    await core.revokeApiKey.execute({ id: revoked.apiKey.id });
    for (let attempt = 0; attempt < 10; attempt += 1) {
      // The first use is recorded (lastUsedAt), and the key read afterwards carries it.
      const lastUsedAt = attempt === 0 ? null : core.clock.now();
      expect(await core.authenticateApiKey.execute({ key, client: "203.0.113.1" })).toMatchObject({
        ...apiKey,
        lastUsedAt,
      });
    }
    for (const presented of [undefined, "hxk_unknown", revoked.key]) {
      await expect(
        core.authenticateApiKey.execute({ key: presented, client: "203.0.113.1" }),
      ).rejects.toEqual(aDomainError("unauthorized"));
    }
    await expect(core.authenticateApiKey.execute({ key, client: "203.0.113.1" })).rejects.toMatchObject({
      code: "rate_limited",
    });
  });

  it("refuses a key of an account without API access with forbidden", async () => {
    const core = buildCore();
    const { key } = await core.createApiKey.execute({ accountId: ACME, apiAccess: false });
    await expect(core.authenticateApiKey.execute({ key })).rejects.toEqual(aDomainError("forbidden"));
  });
});

describe("RevokeApiKey", () => {
  it("answers invalid_request for an unknown key id", async () => {
    const core = buildCore();
    await expect(core.revokeApiKey.execute({ id: "key_unknown" })).rejects.toEqual(
      aDomainError("invalid_request"),
    );
  });
});

describe("SeedApiKeys", () => {
  it("creates the missing keys, and running it again changes nothing", async () => {
    const core = buildCore();
    const other = { accountId: "other", key: "other-seeded-key-0123456789" };
    expect(await core.seedApiKeys.execute({ seeds: [SEED, other] })).toBe(2);
    const before = await core.stores.apiKeys.listByAccount(ACME);
    core.clock.advance(1000);
    expect(await core.seedApiKeys.execute({ seeds: [SEED, other] })).toBe(0);
    expect(await core.stores.apiKeys.listByAccount(ACME)).toEqual(before);
    expect((await core.authenticateApiKey.execute({ key: SEED.key })).accountId).toBe(ACME);
    expect((await core.authenticateApiKey.execute({ key: other.key })).accountId).toBe("other");
  });

  it("stores seeded keys only as hashes", async () => {
    const core = buildCore();
    await core.seedApiKeys.execute({ seeds: [SEED] });
    const [stored] = await core.stores.apiKeys.listByAccount(ACME);
    expect(stored?.hash).toBe(sha256(SEED.key));
    expect(JSON.stringify(stored)).not.toContain(SEED.key);
  });

  it("refuses a key already registered to another account", async () => {
    const core = buildCore();
    await core.seedApiKeys.execute({ seeds: [SEED] });
    await expect(
      core.seedApiKeys.execute({ seeds: [{ accountId: "other", key: SEED.key }] }),
    ).rejects.toEqual(aDomainError("invalid_request"));
    expect(await core.stores.apiKeys.listByAccount("other")).toEqual([]);
  });
});
