import { describe, expect, it } from "vitest";
import { listingScanBound } from "../../src/adapters/redis/list-account-links.js";
import { RedisApiKeyRepository } from "../../src/adapters/redis/redis-api-key-repository.js";
import { encodeLink, STALE_CLAIM_MS } from "../../src/adapters/redis/redis-link-records.js";
import { RedisLinkRepository } from "../../src/adapters/redis/redis-link-repository.js";
import { RATE_KEY_GRACE_MS, RedisRateLimiter } from "../../src/adapters/redis/redis-rate-limiter.js";
import { redisSharedState, redisStores } from "../../src/adapters/redis/redis-stores.js";
import type { LinkPage, ListPosition } from "../../src/application/ports/link-repository.js";
import { API_KEY_SCOPES } from "../../src/domain/api-key/key-access.js";
import type { Link } from "../../src/domain/link/link.js";
import { aDomainError, aLink, anApiKey } from "../support/builders.js";
import type { RedisBackend } from "../support/redis-backend.js";
import { freshKeys } from "../support/redis-contracts.js";
import { startRedisServer } from "../support/redis-server.js";

const X = aLink().build();
const Y = aLink().withId("lnk_YYYYYYYYYYYYYYYYYYYYY").withSlug("other").build();

/** The Redis adapters' own cases on a standalone server: crashed writes, outages, options. */
export function redisAdapterCases(backend: () => RedisBackend): void {
  describe("Redis adapters: crashes, outages and options", () => {
    it("reads a key stored before scopes existed as every scope, no domain limit, no expiry, never used", async () => {
      const keys = freshKeys();
      const { client } = backend();
      const repo = new RedisApiKeyRepository(client, keys);
      const legacy = anApiKey().withLimits({ perSecond: 2 }).build();
      // The record as the adapter wrote it before: no scopes, domains, expiresAt or lastUsedAt.
      const { scopes, domains, expiresAt, lastUsedAt, revokedAt, ...old } = legacy;
      await client.hset(keys.apiKey(legacy.id), "json", JSON.stringify(old));
      await client.sadd(keys.accountApiKeys(legacy.accountId), legacy.id);
      await client.set(keys.apiKeyHash(legacy.hash), legacy.id);
      const read = await repo.findByHash(legacy.hash);
      expect(read).toEqual({
        ...legacy,
        scopes: [...API_KEY_SCOPES],
        domains: null,
        expiresAt: null,
        lastUsedAt: null,
      });
      expect(
        await repo.recordUse(legacy.id, new Date("2026-03-15T12:00:00Z"), new Date("2026-03-15T11:59:00Z")),
      ).toBe(true);
      expect((await repo.findById(legacy.id))?.lastUsedAt).toEqual(new Date("2026-03-15T12:00:00Z"));
    });

    it("never shows a link whose create died before its slug claim", async () => {
      const keys = freshKeys();
      const { client } = backend();
      const repo = new RedisLinkRepository(client, keys);
      await client.hset(keys.link(X.id), { json: encodeLink(X), loc: "sho.rt/promo", clicks: "0" });
      await client.zadd(keys.accountLinks(X.accountId), X.createdAt.getTime(), X.id);
      expect(await repo.findById(X.id)).toBeNull();
      expect(await repo.findBySlug("sho.rt", "promo")).toBeNull();
      expect((await repo.listByAccount("acme", { limit: 5, after: null })).links).toEqual([]);
      expect(await repo.delete(X.id)).toBe(false);
      await repo.create({ ...Y, slug: "promo" });
      expect((await repo.findBySlug("sho.rt", "promo"))?.id).toBe(Y.id);
    });

    it("takes over a slug claim left by a slug change that died, once it is stale", async () => {
      const keys = freshKeys();
      const { client } = backend();
      const repo = new RedisLinkRepository(client, keys);
      await repo.create(X);
      await client.hset(keys.slug("sho.rt", "other"), { id: X.id, at: Date.now() });
      expect(await repo.findBySlug("sho.rt", "other")).toBeNull();
      await expect(repo.create(Y)).rejects.toEqual(aDomainError("slug_taken"));
      await client.hset(keys.slug("sho.rt", "other"), { at: Date.now() - STALE_CLAIM_MS - 1 });
      await repo.create(Y);
      expect(await repo.findBySlug("sho.rt", "other")).toEqual(Y);
      expect(await repo.findBySlug("sho.rt", "promo")).toEqual(X);
    });

    it("createMany takes over a stale slug claim as create does, and leaves a fresh one alone", async () => {
      const keys = freshKeys();
      const { client } = backend();
      const repo = new RedisLinkRepository(client, keys);
      await repo.create(X);
      const Z = aLink().withId("lnk_ZZZZZZZZZZZZZZZZZZZZZ").withSlug("third").build();
      await client.hset(keys.slug("sho.rt", "other"), { id: X.id, at: Date.now() });
      await client.hset(keys.slug("sho.rt", "third"), { id: X.id, at: Date.now() - STALE_CLAIM_MS - 1 });
      expect(await repo.createMany([Y, Z])).toEqual([false, true]);
      expect(await repo.findById(Y.id)).toBeNull();
      expect(await repo.findBySlug("sho.rt", "third")).toEqual(Z);
      expect(
        (await repo.listByAccount("acme", { limit: 5, after: null })).links.map((link) => link.id).sort(),
      ).toEqual([X.id, Z.id].sort());
    });

    it("deleteMany answers false for a record whose slug another link holds, as delete does, and deletes the rest", async () => {
      const keys = freshKeys();
      const { client } = backend();
      const repo = new RedisLinkRepository(client, keys);
      await repo.createMany([X, Y]);
      // X's record names its slug, but another link holds the claim: X never took effect there.
      await client.hset(keys.slug("sho.rt", X.slug), { id: "lnk_someoneelse000000000" });
      expect(await repo.deleteMany([X.id, Y.id])).toEqual([false, true]);
      expect(await repo.findBySlug("sho.rt", Y.slug)).toBeNull();
    });

    it("bounds a filtered listing's scan: short or empty pages with a next, then the end, never a duplicate", async () => {
      const repo = new RedisLinkRepository(backend().client, freshKeys());
      const total = 1_300;
      // Groups of seven links share a creation time, so the scan bound falls inside tie groups too.
      const links = Array.from({ length: total }, (_, index) =>
        aLink()
          .withId(`lnk_${String(index).padStart(21, "0")}`)
          .withSlug(`s${index}x`)
          .withStatus(index % 97 === 0 ? "disabled" : "active")
          .createdAt(new Date(Date.UTC(2026, 0, 1) + Math.floor(index / 7) * 1000))
          .build(),
      );
      for (let start = 0; start < total; start += 100) {
        await Promise.all(links.slice(start, start + 100).map((link) => repo.create(link)));
      }
      const limit = 10;
      expect(listingScanBound(limit)).toBeLessThan(total);
      const listAll = async (filter: { domain?: string; status?: "disabled" }) => {
        const pages: Link[][] = [];
        let after: ListPosition | null = null;
        for (let page = 0; page < 500; page++) {
          const result: LinkPage = await repo.listByAccount("acme", { limit, after, ...filter });
          expect(result.links.length).toBeLessThanOrEqual(limit);
          pages.push([...result.links]);
          if (result.next === null) return pages;
          after = result.next;
        }
        throw new Error("The listing never ended.");
      };
      const none = await listAll({ domain: "nowhere.test" });
      expect(none.length).toBeGreaterThan(1);
      expect(none.every((page) => page.length === 0)).toBe(true);
      const sparse = await listAll({ status: "disabled" });
      expect(sparse.some((page) => page.length < limit)).toBe(true);
      const expected = links
        .filter((link) => link.status === "disabled")
        .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || (a.id < b.id ? 1 : -1));
      expect(sparse.flat().map((link) => link.id)).toEqual(expected.map((link) => link.id));
      const unfiltered = await listAll({});
      expect(unfiltered.flat()).toHaveLength(total);
      expect(unfiltered.slice(0, -1).every((page) => page.length === limit)).toBe(true);
    });

    it("fails fast with unavailable when Redis is not there, and when it goes away", async () => {
      const server = await startRedisServer();
      const stores = redisStores({ url: server.url, commandTimeoutMs: 500 });
      await stores.links.create(X);
      await server.stop();
      const started = Date.now();
      await expect(stores.links.findById(X.id)).rejects.toEqual(aDomainError("unavailable"));
      await expect(stores.ping()).rejects.toEqual(aDomainError("unavailable"));
      expect(Date.now() - started).toBeLessThan(3000);
      await stores.close();
    });

    it("expires a rate counter a grace period after its window resets, however late the request", async () => {
      const keys = freshKeys();
      const { client } = backend();
      const limiter = new RedisRateLimiter(client, keys);
      const resetAt = new Date(Date.now() + 2_000);
      await limiter.consume("key:1", [{ name: "second", id: "s1", limit: 5, resetAt }]);
      const ttl = await client.pttl(keys.rate("key:1", "s1"));
      expect(ttl).toBeGreaterThan(RATE_KEY_GRACE_MS);
      expect(ttl).toBeLessThanOrEqual(2_000 + RATE_KEY_GRACE_MS);
      await limiter.consume("key:1", [{ name: "second", id: "s0", limit: 5, resetAt: new Date(0) }]);
      const late = await client.pttl(keys.rate("key:1", "s0"));
      expect(late).toBeGreaterThan(RATE_KEY_GRACE_MS - 1_000);
      expect(late).toBeLessThanOrEqual(RATE_KEY_GRACE_MS);
    });

    it("keeps deployments with different prefixes apart and leaves a caller's client open", async () => {
      const { client, url } = backend();
      const a = redisStores({ client, prefix: "deploy-a:" });
      const b = redisStores({ client, prefix: "deploy-b:" });
      expect(a.kind).toBe("redis");
      await a.links.create(X);
      expect(await b.links.findById(X.id)).toBeNull();
      await b.links.create(X);
      await Promise.all([a.close(), b.close()]);
      expect(await client.ping()).toBe("PONG");
      const shared = redisSharedState({ url, prefix: "deploy-a:" });
      await shared.ping();
      expect(
        await shared.rateLimiter.consume("key:1", [
          { name: "second", id: "s1", limit: 1, resetAt: new Date(Date.now() + 60_000) },
        ]),
      ).toEqual([1]);
      await shared.close();
    });
  });
}
