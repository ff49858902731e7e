export { InMemoryApiKeyRepository } from "./in-memory-api-key-repository.js";
export { InMemoryClickStore } from "./in-memory-click-store.js";
export { InMemoryDomainRepository } from "./in-memory-domain-repository.js";
export { InMemoryLinkRepository } from "./in-memory-link-repository.js";
export { InMemoryRateLimiter } from "./in-memory-rate-limiter.js";
export { LruLinkCache, type LruLinkCacheOptions } from "./lru-link-cache.js";
export { memorySharedState, memoryStores } from "./memory-stores.js";
