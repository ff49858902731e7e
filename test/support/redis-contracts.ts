import { RedisApiKeyRepository } from "../../src/adapters/redis/redis-api-key-repository.js";
import { RedisClickStore } from "../../src/adapters/redis/redis-click-store.js";
import type { RedisClient } from "../../src/adapters/redis/redis-connection.js";
import { RedisDeliveryLog } from "../../src/adapters/redis/redis-delivery-log.js";
import { RedisDomainRepository } from "../../src/adapters/redis/redis-domain-repository.js";
import { RedisEventOutbox } from "../../src/adapters/redis/redis-event-outbox.js";
import { RedisIdempotencyStore } from "../../src/adapters/redis/redis-idempotency-store.js";
import { RedisKeys } from "../../src/adapters/redis/redis-keys.js";
import { RedisLinkCache } from "../../src/adapters/redis/redis-link-cache.js";
import { RedisLinkRepository } from "../../src/adapters/redis/redis-link-repository.js";
import { RedisRateLimiter } from "../../src/adapters/redis/redis-rate-limiter.js";
import { RedisSessionStore } from "../../src/adapters/redis/redis-session-store.js";
import { RedisWebhookEndpoints } from "../../src/adapters/redis/redis-webhook-endpoints.js";
import { apiKeyRepositoryContract } from "../../src/testing/contracts/api-key-repository.contract.js";
import { clickStoreContract } from "../../src/testing/contracts/click-store.contract.js";
import { deliveryLogContract } from "../../src/testing/contracts/delivery-log.contract.js";
import { domainRepositoryContract } from "../../src/testing/contracts/domain-repository.contract.js";
import { eventOutboxContract } from "../../src/testing/contracts/event-outbox.contract.js";
import { idempotencyStoreContract } from "../../src/testing/contracts/idempotency-store.contract.js";
import { linkCacheContract } from "../../src/testing/contracts/link-cache.contract.js";
import { linkRepositoryContract } from "../../src/testing/contracts/link-repository.contract.js";
import { rateLimiterContract } from "../../src/testing/contracts/rate-limiter.contract.js";
import { sessionStoreContract } from "../../src/testing/contracts/session-store.contract.js";
import { webhookEndpointsContract } from "../../src/testing/contracts/webhook-endpoints.contract.js";

let prefixes = 0;

/** Keys under a prefix no other test uses, so tests on one server never see each other's data. */
export function freshKeys(): RedisKeys {
  prefixes += 1;
  return new RedisKeys(`test${process.pid}-${prefixes}:`);
}

/** Runs every port's contract suite against the Redis adapters on the client `client()` returns. */
export function redisContracts(label: string, client: () => RedisClient, numRuns: number): void {
  const caches: RedisLinkCache[] = [];
  const liveCache = async (keys: RedisKeys): Promise<RedisLinkCache> => {
    const cache = new RedisLinkCache(client(), keys);
    caches.push(cache);
    await cache.whenLive();
    return cache;
  };
  linkRepositoryContract(`RedisLinkRepository (${label})`, {
    make: async () => new RedisLinkRepository(client(), freshKeys()),
    numRuns,
  });
  domainRepositoryContract(`RedisDomainRepository (${label})`, {
    make: async () => new RedisDomainRepository(client(), freshKeys()),
    numRuns,
  });
  apiKeyRepositoryContract(`RedisApiKeyRepository (${label})`, {
    make: async () => new RedisApiKeyRepository(client(), freshKeys()),
    numRuns,
  });
  sessionStoreContract(`RedisSessionStore (${label})`, {
    make: async () => new RedisSessionStore(client(), freshKeys()),
  });
  rateLimiterContract(`RedisRateLimiter (${label})`, {
    make: async () => new RedisRateLimiter(client(), freshKeys()),
    numRuns,
  });
  clickStoreContract(`RedisClickStore (${label})`, {
    make: async () => new RedisClickStore(client(), freshKeys()),
    approximateUniques: true,
    numRuns,
  });
  webhookEndpointsContract(`RedisWebhookEndpoints (${label})`, {
    make: async () => new RedisWebhookEndpoints(client(), freshKeys()),
  });
  eventOutboxContract(`RedisEventOutbox (${label})`, {
    make: async () => new RedisEventOutbox(client(), freshKeys()),
    numRuns,
  });
  deliveryLogContract(`RedisDeliveryLog (${label})`, {
    make: async () => new RedisDeliveryLog(client(), freshKeys()),
  });
  idempotencyStoreContract(`RedisIdempotencyStore (${label})`, {
    make: async () => new RedisIdempotencyStore(client(), freshKeys()),
    expiresByCallerClock: false,
  });
  linkCacheContract(`RedisLinkCache (${label})`, {
    make: () => liveCache(freshKeys()),
    makePair: async () => {
      const keys = freshKeys();
      return [await liveCache(keys), await liveCache(keys)];
    },
    close: async () => {
      await Promise.all(caches.splice(0).map((cache) => cache.close()));
    },
    numRuns,
  });
}
