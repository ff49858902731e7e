// hexlink/testing: run hexlink's port contracts on your own adapter, and test against an in-memory hexlink
// on a clock you move. Needs vitest and fast-check (optional peer dependencies of this subpath only).
export {
  type ApiKeyRepositoryHarness,
  apiKeyRepositoryContract,
} from "./contracts/api-key-repository.contract.js";
export { type ClickStoreHarness, clickStoreContract } from "./contracts/click-store.contract.js";
export {
  type DomainRepositoryHarness,
  domainRepositoryContract,
} from "./contracts/domain-repository.contract.js";
export {
  type IdempotencyStoreHarness,
  idempotencyStoreContract,
} from "./contracts/idempotency-store.contract.js";
export { type LinkCacheHarness, linkCacheContract } from "./contracts/link-cache.contract.js";
export { type LinkRepositoryHarness, linkRepositoryContract } from "./contracts/link-repository.contract.js";
export { type RateLimiterHarness, rateLimiterContract } from "./contracts/rate-limiter.contract.js";
export { type SessionStoreHarness, sessionStoreContract } from "./contracts/session-store.contract.js";
export { createTestHexlink, type TestHexlink, type TestHexlinkOptions } from "./create-test-hexlink.js";
export { DEFAULT_NOW, ManualClock } from "./manual-clock.js";
export type { PortHarness } from "./port-harness.js";
