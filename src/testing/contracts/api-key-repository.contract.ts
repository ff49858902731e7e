import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { ApiKeyRepository } from "../../application/ports/api-key-repository.js";
import { arbIdSuffix } from "../arbitraries.js";
import { anApiKey } from "../builders.js";
import { closeAfterAll, type PortHarness } from "../port-harness.js";

/** How a ApiKeyRepository adapter takes part in the contract: `make` gives an empty one each time. */
export type ApiKeyRepositoryHarness = PortHarness<ApiKeyRepository>;

const ID_B = "key_BBBBBBBBBBBBBBBBBBBBB";
const HASH_B = "b".repeat(64);

/** The shared ApiKeyRepository suite, written against the in-memory adapter's semantics. */
export function apiKeyRepositoryContract(name: string, harness: ApiKeyRepositoryHarness): void {
  describe(`ApiKeyRepository contract: ${name}`, () => {
    closeAfterAll(harness);

    it("finds a created key by hash and by id, limits and access included", async () => {
      const repo = await harness.make();
      const key = anApiKey().withLimits({ perSecond: 2, perMonth: 1000 }).withoutApiAccess().build();
      expect(await repo.create(key)).toBe(true);
      expect(await repo.findByHash(key.hash)).toEqual(key);
      expect(await repo.findById(key.id)).toEqual(key);
      expect(await repo.findByHash(HASH_B)).toBeNull();
      expect(await repo.findById(ID_B)).toBeNull();
    });

    it("refuses a second key with the same hash and keeps the first", async () => {
      const repo = await harness.make();
      const first = anApiKey().build();
      await repo.create(first);
      expect(await repo.create(anApiKey().withId(ID_B).ownedBy("rival").build())).toBe(false);
      expect(await repo.findByHash(first.hash)).toEqual(first);
      expect(await repo.findById(ID_B)).toBeNull();
      expect(await repo.listByAccount("rival")).toEqual([]);
    });

    it("revokes a key once: the first date stays; false for a missing key", async () => {
      const repo = await harness.make();
      const key = anApiKey().build();
      await repo.create(key);
      const at = new Date("2026-04-01T00:00:00Z");
      expect(await repo.revoke(key.id, at)).toBe(true);
      expect(await repo.revoke(key.id, new Date("2026-05-01T00:00:00Z"))).toBe(true);
      expect(await repo.findByHash(key.hash)).toEqual({ ...key, revokedAt: at });
      expect(await repo.revoke(ID_B, at)).toBe(false);
    });

    it("stores a key that is revoked already", async () => {
      const repo = await harness.make();
      const key = anApiKey().revoked("2026-03-15T13:00:00Z").build();
      await repo.create(key);
      expect(await repo.findById(key.id)).toEqual(key);
    });

    it("renames a key, revoked or not, and answers it with its name everywhere; false for a missing key", async () => {
      const repo = await harness.make();
      const key = anApiKey().build();
      await repo.create(key);
      expect(await repo.rename(key.id, "billing job")).toBe(true);
      expect(await repo.rename(key.id, "billing cron")).toBe(true);
      const named = { ...key, name: "billing cron" };
      expect(await repo.findById(key.id)).toEqual(named);
      expect(await repo.findByHash(key.hash)).toEqual(named);
      expect(await repo.listByAccount("acme")).toEqual([named]);
      const revoked = anApiKey().withId(ID_B).withHash(HASH_B).revoked("2026-04-01T00:00:00Z").build();
      await repo.create(revoked);
      expect(await repo.rename(ID_B, "old billing")).toBe(true);
      expect(await repo.findById(ID_B)).toEqual({ ...revoked, name: "old billing" });
      expect(await repo.rename("key_CCCCCCCCCCCCCCCCCCCCC", "nobody")).toBe(false);
      expect(await repo.findById("key_CCCCCCCCCCCCCCCCCCCCC")).toBeNull();
    });

    it("keeps a key's scopes, domains, expiry, name and last use as given", async () => {
      const repo = await harness.make();
      const key = anApiKey()
        .withScopes("links:read", "analytics:read")
        .limitedTo("go.example.com", "sho.rt")
        .expiring("2026-06-30T12:00:00.000Z")
        .lastUsed("2026-03-15T11:59:00.000Z")
        .with("name", "reporting job")
        .build();
      await repo.create(key);
      expect(await repo.findById(key.id)).toEqual(key);
      expect(await repo.findByHash(key.hash)).toEqual(key);
      expect(await repo.listByAccount("acme")).toEqual([key]);
      const narrow = anApiKey().withId(ID_B).withHash(HASH_B).withScopes().build();
      await repo.create(narrow);
      expect(await repo.findById(ID_B)).toEqual(narrow);
    });

    it("records a use only over a last use older than staleBefore; false for a missing key", async () => {
      const repo = await harness.make();
      const key = anApiKey().build();
      await repo.create(key);
      const at = (iso: string) => new Date(iso);
      expect(await repo.recordUse(key.id, at("2026-03-15T12:00:00Z"), at("2026-03-15T11:59:00Z"))).toBe(true);
      expect((await repo.findById(key.id))?.lastUsedAt).toEqual(at("2026-03-15T12:00:00Z"));
      // Within the minute: no write, the first time stays.
      expect(await repo.recordUse(key.id, at("2026-03-15T12:00:30Z"), at("2026-03-15T11:59:30Z"))).toBe(
        false,
      );
      expect(await repo.recordUse(key.id, at("2026-03-15T12:00:59Z"), at("2026-03-15T12:00:00Z"))).toBe(
        false,
      );
      expect((await repo.findByHash(key.hash))?.lastUsedAt).toEqual(at("2026-03-15T12:00:00Z"));
      expect(await repo.recordUse(key.id, at("2026-03-15T12:01:01Z"), at("2026-03-15T12:00:01Z"))).toBe(true);
      expect(await repo.findById(key.id)).toEqual({ ...key, lastUsedAt: at("2026-03-15T12:01:01Z") });
      expect(await repo.recordUse(ID_B, at("2026-03-15T12:05:00Z"), at("2026-03-15T12:04:00Z"))).toBe(false);
      expect(await repo.findById(ID_B)).toBeNull();
    });

    it("lets exactly one of concurrent uses in one minute write", async () => {
      const repo = await harness.make();
      const key = anApiKey().lastUsed("2026-03-15T11:00:00Z").build();
      await repo.create(key);
      const staleBefore = new Date("2026-03-15T11:59:00Z");
      const uses = Array.from({ length: 8 }, (_, at) => new Date(Date.UTC(2026, 2, 15, 12, 0, at)));
      const written = await Promise.all(uses.map((at) => repo.recordUse(key.id, at, staleBefore)));
      expect(written.filter(Boolean)).toHaveLength(1);
      expect((await repo.findById(key.id))?.lastUsedAt).toEqual(uses[written.indexOf(true)]);
    });

    it("lists an account's keys only", async () => {
      const repo = await harness.make();
      const mine = anApiKey().build();
      const theirs = anApiKey().withId(ID_B).withHash(HASH_B).ownedBy("rival").build();
      await repo.create(mine);
      await repo.create(theirs);
      expect(await repo.listByAccount("acme")).toEqual([mine]);
      expect(await repo.listByAccount("rival")).toEqual([theirs]);
      expect(await repo.listByAccount("nobody")).toEqual([]);
    });

    it("accepts exactly one of any number of concurrent keys with one hash", async () => {
      const ids = fc.uniqueArray(arbIdSuffix(), { minLength: 2, maxLength: 6 });
      await fc.assert(
        fc.asyncProperty(ids, async (suffixes) => {
          const repo = await harness.make();
          const keys = suffixes.map((suffix) => anApiKey().withId(`key_${suffix}`).build());
          const created = await Promise.all(keys.map((key) => repo.create(key)));
          expect(created.filter(Boolean)).toHaveLength(1);
          const winner = keys[created.indexOf(true)];
          expect(await repo.findByHash(anApiKey().build().hash)).toEqual(winner);
          expect(await repo.listByAccount("acme")).toEqual([winner]);
        }),
        { numRuns: harness.numRuns ?? 40 },
      );
    });
  });
}
