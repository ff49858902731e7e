import { Redis } from "ioredis";
import { describe, expect, it } from "vitest";
import {
  HEARTBEAT_MS,
  HEARTBEAT_SLACK_MS,
  RedisLinkCache,
} from "../../src/adapters/redis/redis-link-cache.js";
import { redisSharedState } from "../../src/adapters/redis/redis-stores.js";
import { aLink } from "../support/builders.js";
import type { RedisBackend } from "../support/redis-backend.js";
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

/** The Redis link cache's own cases on a standalone server: pub/sub outages, heartbeats, freezes. */
export function redisLinkCacheCases(backend: () => RedisBackend): void {
  describe("Redis link cache: pub/sub outages and heartbeats", () => {
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
      if (!(subscriber instanceof Redis))
        throw new Error("The cache subscribes on a standalone client here.");
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
      if (!(subscriber instanceof Redis))
        throw new Error("The cache subscribes on a standalone client here.");
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
  });
}
