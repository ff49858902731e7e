// hexlink/redis: every store in Redis (redisStores), shared limits and cache (redisSharedState), or each adapter.
export { RedisApiKeyRepository } from "./redis-api-key-repository.js";
export { RedisClickStore } from "./redis-click-store.js";
export {
  connectRedis,
  type RedisClient,
  type RedisConnection,
  type RedisConnectionOptions,
} from "./redis-connection.js";
export { RedisDeliveryLog } from "./redis-delivery-log.js";
export { RedisDomainRepository } from "./redis-domain-repository.js";
export { OUTBOX_SHARDS, RedisEventOutbox } from "./redis-event-outbox.js";
export { RedisIdempotencyStore } from "./redis-idempotency-store.js";
export { RedisKeys } from "./redis-keys.js";
export { RedisLinkCache } from "./redis-link-cache.js";
export { REDIS_CACHE_TTL_MS, type RedisLinkCacheOptions } from "./redis-link-cache-options.js";
export { RedisLinkRepository } from "./redis-link-repository.js";
export { RedisRateLimiter } from "./redis-rate-limiter.js";
export { type RedisSharedStateOptions, redisSharedState, redisStores } from "./redis-stores.js";
export { RedisWebhookEndpoints } from "./redis-webhook-endpoints.js";
export { redisWebhookStores } from "./redis-webhook-stores.js";
