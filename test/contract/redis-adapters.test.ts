import { expect, it } from "vitest";
import { RedisLinkCache } from "../../src/adapters/redis/redis-link-cache.js";
import { encodeLink, STALE_CLAIM_MS } from "../../src/adapters/redis/redis-link-records.js";
import { RedisLinkRepository } from "../../src/adapters/redis/redis-link-repository.js";
import { RATE_KEY_GRACE_MS, RedisRateLimiter } from "../../src/adapters/redis/redis-rate-limiter.js";
import { redisSharedState, redisStores } from "../../src/adapters/redis/redis-stores.js";
import { aDomainError, aLink } from "../support/builders.js";
import { describeWithRedis, standaloneBackend } from "../support/redis-backend.js";
import { freshKeys } from "../support/redis-contracts.js";
import { startRedisServer } from "../support/redis-server.js";

const X = aLink().build();
const Y = aLink().withId("lnk_YYYYYYYYYYYYYYYYYYYYY").withSlug("other").build();

async function until(check: () => boolean): Promise<void> {
  const deadline = Date.now() + 5000;
  while (!check()) {
    if (Date.now() > deadline) throw new Error("Timed out waiting.");
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describeWithRedis("Redis adapters: crashes, outages and options", standaloneBackend, (backend) => {
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

  it("bypasses the cache while pub/sub is down and starts empty when it is back", async () => {
    const keys = freshKeys();
    const { client } = backend();
    const [a, b] = [new RedisLinkCache(client, keys), new RedisLinkCache(client, keys)];
    await Promise.all([a.whenLive(), b.whenLive()]);
    b.setLink("sho.rt", "promo", X);
    await client.client("KILL", "TYPE", "pubsub");
    // Dark, or already back and emptied: either way the entry is not served.
    await until(() => b.getLink("sho.rt", "promo") === undefined);
    b.setLink("sho.rt", "promo", X);
    await a.invalidateLink("sho.rt", "promo");
    await Promise.all([a.whenLive(), b.whenLive()]);
    expect(b.getLink("sho.rt", "promo")).toBeUndefined();
    b.setLink("sho.rt", "other", Y);
    expect(b.getLink("sho.rt", "other")).toEqual(Y);
    await Promise.all([a.close(), b.close()]);
  });

  it("does not cache a key again right after it was invalidated, so a slow read cannot restore it", async () => {
    const keys = freshKeys();
    const { client } = backend();
    const [a, b] = [new RedisLinkCache(client, keys), new RedisLinkCache(client, keys)];
    await Promise.all([a.whenLive(), b.whenLive()]);
    b.setLink("sho.rt", "promo", X);
    await a.invalidateLink("sho.rt", "promo");
    await until(() => b.getLink("sho.rt", "promo") === undefined);
    b.setLink("sho.rt", "promo", X);
    expect(b.getLink("sho.rt", "promo")).toBeUndefined();
    await Promise.all([a.close(), b.close()]);
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

  it("still drops its own entry and reports success when an invalidation cannot be published", async () => {
    const server = await startRedisServer();
    const shared = redisSharedState({ url: server.url, commandTimeoutMs: 500 });
    const cache = shared.cache as RedisLinkCache;
    await cache.whenLive();
    cache.setLink("sho.rt", "promo", X);
    await server.stop();
    // The write it follows is already stored: the request must not fail because the message could not go.
    await expect(cache.invalidateLink("sho.rt", "promo")).resolves.toBeUndefined();
    expect(cache.getLink("sho.rt", "promo")).toBeUndefined();
    expect(cache.missedInvalidations()).toBe(1);
    await shared.close();
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
