import { Redis } from "ioredis";
import { expect, it } from "vitest";
import { listingScanBound } from "../../src/adapters/redis/list-account-links.js";
import {
  HEARTBEAT_MS,
  HEARTBEAT_SLACK_MS,
  RedisLinkCache,
} from "../../src/adapters/redis/redis-link-cache.js";
import { encodeLink, STALE_CLAIM_MS } from "../../src/adapters/redis/redis-link-records.js";
import { RedisLinkRepository } from "../../src/adapters/redis/redis-link-repository.js";
import { RATE_KEY_GRACE_MS, RedisRateLimiter } from "../../src/adapters/redis/redis-rate-limiter.js";
import { redisSharedState, redisStores } from "../../src/adapters/redis/redis-stores.js";
import type { LinkPage, ListPosition } from "../../src/application/ports/link-repository.js";
import type { Link } from "../../src/domain/link/link.js";
import { aDomainError, aLink } from "../support/builders.js";
import { describeWithRedis, standaloneBackend } from "../support/redis-backend.js";
import { freshKeys } from "../support/redis-contracts.js";
import { startRedisServer, startRestartableRedisServer } from "../support/redis-server.js";

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

  it("notices a subscriber that stops receiving without a sign, bypasses the cache, and recovers empty", async () => {
    const keys = freshKeys();
    const { client } = backend();
    const heartbeatMs = 50;
    const [a, b] = [
      new RedisLinkCache(client, keys, { heartbeatMs }),
      new RedisLinkCache(client, keys, { heartbeatMs }),
    ];
    await Promise.all([a.whenLive(), b.whenLive()]);
    // What a Redis Cluster client does when it moves its subscription: no close, no reconnecting, no message.
    const subscriber: unknown = Reflect.get(b, "subscriber");
    if (!(subscriber instanceof Redis)) throw new Error("The cache subscribes on a standalone client here.");
    b.setLink("sho.rt", "promo", X);
    b.setLink("sho.rt", "other", Y);
    await subscriber.unsubscribe(keys.cacheChannel());
    await a.invalidateLink("sho.rt", "promo");
    const started = Date.now();
    await until(() => !b.isLive());
    expect(Date.now() - started).toBeLessThan(2 * heartbeatMs + HEARTBEAT_SLACK_MS + 2 * heartbeatMs + 500);
    // Deaf: nothing is served (the missed invalidation included) and nothing new is cached.
    expect(b.getLink("sho.rt", "promo")).toBeUndefined();
    expect(b.getLink("sho.rt", "other")).toBeUndefined();
    b.setLink("sho.rt", "fresh", X);
    await new Promise((resolve) => setTimeout(resolve, 4 * heartbeatMs));
    expect(b.isLive()).toBe(false);
    expect(b.getLink("sho.rt", "fresh")).toBeUndefined();
    // Heartbeats arrive again: live, and emptied, since what was published meanwhile is lost.
    await subscriber.subscribe(keys.cacheChannel());
    await until(() => b.isLive());
    expect(b.getLink("sho.rt", "promo")).toBeUndefined();
    expect(b.getLink("sho.rt", "other")).toBeUndefined();
    b.setLink("sho.rt", "other", Y);
    expect(b.getLink("sho.rt", "other")).toEqual(Y);
    await a.invalidateLink("sho.rt", "other");
    await until(() => b.getLink("sho.rt", "other") === undefined);
    await Promise.all([a.close(), b.close()]);
  });

  it("empties the cache when a heartbeat is lost in a gap too short to be noticed as deaf", async () => {
    const keys = freshKeys();
    const { client } = backend();
    const heartbeatMs = 50;
    const cache = new RedisLinkCache(client, keys, { heartbeatMs });
    await cache.whenLive();
    const subscriber: unknown = Reflect.get(cache, "subscriber");
    if (!(subscriber instanceof Redis)) throw new Error("The cache subscribes on a standalone client here.");
    await subscriber.unsubscribe(keys.cacheChannel());
    await new Promise((resolve) => setTimeout(resolve, 2 * heartbeatMs));
    await subscriber.subscribe(keys.cacheChannel());
    await new Promise((resolve) => setTimeout(resolve, heartbeatMs));
    cache.setLink("sho.rt", "promo", X);
    // Set after the gap, before the heartbeat lost in it is overdue: the entry may be stale, so it goes.
    expect(cache.getLink("sho.rt", "promo")).toEqual(X);
    await until(() => cache.getLink("sho.rt", "promo") === undefined);
    expect(cache.isLive()).toBe(true);
    await cache.close();
  });

  it("keeps serving its entries while Redis is frozen: no heartbeat is accepted, so none is overdue", async () => {
    const server = await startRestartableRedisServer();
    const shared = redisSharedState({ url: server.url, commandTimeoutMs: 300, cache: { ttlMs: 60_000 } });
    const cache = shared.cache as RedisLinkCache;
    await cache.whenLive();
    cache.setLink("sho.rt", "promo", X);
    server.freeze();
    try {
      await new Promise((resolve) => setTimeout(resolve, 3 * HEARTBEAT_MS + HEARTBEAT_SLACK_MS));
      expect(cache.getLink("sho.rt", "promo")).toEqual(X);
    } finally {
      server.thaw();
    }
    await shared.close();
    await server.stop();
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
