import { InMemoryApiKeyRepository } from "../../src/adapters/memory/in-memory-api-key-repository.js";
import { InMemoryClickStore } from "../../src/adapters/memory/in-memory-click-store.js";
import { InMemoryDomainRepository } from "../../src/adapters/memory/in-memory-domain-repository.js";
import { InMemoryLinkRepository } from "../../src/adapters/memory/in-memory-link-repository.js";
import { InMemoryRateLimiter } from "../../src/adapters/memory/in-memory-rate-limiter.js";
import { LruLinkCache } from "../../src/adapters/memory/lru-link-cache.js";
import { apiKeyRepositoryContract } from "./api-key-repository.contract.js";
import { clickStoreContract } from "./click-store.contract.js";
import { domainRepositoryContract } from "./domain-repository.contract.js";
import { inMemoryClickStoreCases } from "./in-memory-click-store-cases.js";
import { linkCacheContract } from "./link-cache.contract.js";
import { linkRepositoryContract } from "./link-repository.contract.js";
import { rateLimiterContract } from "./rate-limiter.contract.js";

// The memory backend: every port's contract suite, then the memory adapters' own cases.
linkRepositoryContract("InMemoryLinkRepository", { make: async () => new InMemoryLinkRepository() });
domainRepositoryContract("InMemoryDomainRepository", { make: async () => new InMemoryDomainRepository() });
apiKeyRepositoryContract("InMemoryApiKeyRepository", { make: async () => new InMemoryApiKeyRepository() });
rateLimiterContract("InMemoryRateLimiter", { make: async () => new InMemoryRateLimiter() });
linkCacheContract("LruLinkCache", { make: async () => new LruLinkCache() });
clickStoreContract("InMemoryClickStore", { make: async () => new InMemoryClickStore() });
inMemoryClickStoreCases();
