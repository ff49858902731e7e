import type { SharedState, StoreBundle } from "../../application/ports/store-bundle.js";
import { RedisApiKeyRepository } from "./redis-api-key-repository.js";
import { RedisClickStore } from "./redis-click-store.js";
import {
  closeClient,
  connectRedis,
  type RedisConnection,
  type RedisConnectionOptions,
} from "./redis-connection.js";
import { RedisDomainRepository } from "./redis-domain-repository.js";
import { RedisIdempotencyStore } from "./redis-idempotency-store.js";
import { RedisLinkCache } from "./redis-link-cache.js";
import type { RedisLinkCacheOptions } from "./redis-link-cache-options.js";
import { RedisLinkRepository } from "./redis-link-repository.js";
import { RedisRateLimiter } from "./redis-rate-limiter.js";
import { RedisSessionStore } from "./redis-session-store.js";
import { guarded } from "./redis-unavailable.js";
import { redisWebhookStores } from "./redis-webhook-stores.js";

export interface RedisSharedStateOptions extends RedisConnectionOptions {
  /** Size, entry lifetime (10 s unless told) and timings of the local link cache. */
  readonly cache?: RedisLinkCacheOptions;
}

/** Every storage port in one Redis (or Redis Cluster), shared by all instances that use it. */
export function redisStores(options: RedisConnectionOptions): StoreBundle {
  const connection = connectRedis(options);
  const { client, keys } = connection;
  return {
    kind: "redis",
    links: new RedisLinkRepository(client, keys),
    domains: new RedisDomainRepository(client, keys),
    apiKeys: new RedisApiKeyRepository(client, keys),
    // Clicks of a link count only while its record exists: a deleted link's pending clicks stay deleted.
    clicks: new RedisClickStore(client, keys, { requireLink: true }),
    sessions: new RedisSessionStore(client, keys),
    webhooks: redisWebhookStores(client, keys),
    idempotency: new RedisIdempotencyStore(client, keys),
    watchStatus: (listener) => connection.status.watch(listener),
    ping: () => ping(connection),
    close: () => close(connection),
  };
}

/** Rate limits and a link cache whose invalidations reach every instance, through Redis. */
export function redisSharedState(options: RedisSharedStateOptions): SharedState {
  const connection = connectRedis(options);
  const { client, keys } = connection;
  const cache = new RedisLinkCache(client, keys, options.cache);
  return {
    kind: "redis",
    rateLimiter: new RedisRateLimiter(client, keys),
    cache,
    watchStatus: (listener) => connection.status.watch(listener),
    ping: () => ping(connection),
    close: async () => {
      await cache.close();
      await close(connection);
    },
  };
}

async function ping({ client }: RedisConnection): Promise<void> {
  await guarded(() => client.ping());
}

async function close({ client, owned }: RedisConnection): Promise<void> {
  if (owned) await closeClient(client);
}
