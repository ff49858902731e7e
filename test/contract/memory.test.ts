import { InMemoryApiKeyRepository } from "../../src/adapters/memory/in-memory-api-key-repository.js";
import { InMemoryClickStore } from "../../src/adapters/memory/in-memory-click-store.js";
import { InMemoryDomainRepository } from "../../src/adapters/memory/in-memory-domain-repository.js";
import { InMemoryLinkRepository } from "../../src/adapters/memory/in-memory-link-repository.js";
import { InMemoryRateLimiter } from "../../src/adapters/memory/in-memory-rate-limiter.js";
import { InMemorySessionStore } from "../../src/adapters/memory/in-memory-session-store.js";
import { LruLinkCache } from "../../src/adapters/memory/lru-link-cache.js";
import { apiKeyRepositoryContract } from "../../src/testing/contracts/api-key-repository.contract.js";
import { clickStoreContract } from "../../src/testing/contracts/click-store.contract.js";
import { domainRepositoryContract } from "../../src/testing/contracts/domain-repository.contract.js";
import { linkCacheContract } from "../../src/testing/contracts/link-cache.contract.js";
import { linkRepositoryContract } from "../../src/testing/contracts/link-repository.contract.js";
import { rateLimiterContract } from "../../src/testing/contracts/rate-limiter.contract.js";
import { sessionStoreContract } from "../../src/testing/contracts/session-store.contract.js";
import { inMemoryClickStoreCases } from "./in-memory-click-store-cases.js";

// The memory backend: every port's contract suite, then the memory adapters' own cases.
linkRepositoryContract("InMemoryLinkRepository", { make: async () => new InMemoryLinkRepository() });
domainRepositoryContract("InMemoryDomainRepository", { make: async () => new InMemoryDomainRepository() });
apiKeyRepositoryContract("InMemoryApiKeyRepository", { make: async () => new InMemoryApiKeyRepository() });
rateLimiterContract("InMemoryRateLimiter", { make: async () => new InMemoryRateLimiter() });
linkCacheContract("LruLinkCache", { make: async () => new LruLinkCache() });
clickStoreContract("InMemoryClickStore", { make: async () => new InMemoryClickStore() });
sessionStoreContract("InMemorySessionStore", { make: async () => new InMemorySessionStore() });
inMemoryClickStoreCases();
