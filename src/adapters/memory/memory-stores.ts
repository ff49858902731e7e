import type { SharedState, StoreBundle } from "../../application/ports/store-bundle.js";
import type { Clock } from "../../application/ports/technical.js";
import { InMemoryApiKeyRepository } from "./in-memory-api-key-repository.js";
import { InMemoryClickStore } from "./in-memory-click-store.js";
import { InMemoryDomainRepository } from "./in-memory-domain-repository.js";
import { InMemoryIdempotencyStore } from "./in-memory-idempotency-store.js";
import { InMemoryLinkRepository } from "./in-memory-link-repository.js";
import { InMemoryRateLimiter } from "./in-memory-rate-limiter.js";
import { InMemorySessionStore } from "./in-memory-session-store.js";
import { LruLinkCache, type LruLinkCacheOptions } from "./lru-link-cache.js";
import { memoryWebhookStores } from "./memory-webhook-stores.js";

/** Every storage port in process memory: for tests, demos and single-process embedding. Lost on exit. */
export function memoryStores(): StoreBundle {
  return {
    kind: "memory",
    links: new InMemoryLinkRepository(),
    domains: new InMemoryDomainRepository(),
    apiKeys: new InMemoryApiKeyRepository(),
    clicks: new InMemoryClickStore(),
    sessions: new InMemorySessionStore(),
    webhooks: memoryWebhookStores(),
    idempotency: new InMemoryIdempotencyStore(),
    ping: async () => {},
    close: async () => {},
  };
}

/** Per-process rate limits and link cache. */
export function memorySharedState(clock?: Clock, cache: LruLinkCacheOptions = {}): SharedState {
  return {
    kind: "memory",
    rateLimiter: new InMemoryRateLimiter(clock),
    cache: new LruLinkCache(cache),
    ping: async () => {},
    close: async () => {},
  };
}
