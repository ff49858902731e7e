import type { ApiKeyRepository } from "./api-key-repository.js";
import type { ClickStore } from "./click-store.js";
import type { DomainRepository } from "./domain-repository.js";
import type { IdempotencyStore } from "./idempotency-store.js";
import type { LinkCache } from "./link-cache.js";
import type { LinkRepository } from "./link-repository.js";
import type { RateLimiter } from "./rate-limiter.js";
import type { SessionStore } from "./session-store.js";
import type { WatchesStatus } from "./store-status.js";
import type { WebhookStores } from "./webhook-stores.js";

/** The storage ports one backend provides, with its lifecycle. */
export interface StoreBundle extends WatchesStatus {
  /** `memory`, `redis`, `mongodb` or a caller's own name; shown at start-up and in /readyz. */
  readonly kind: string;
  readonly links: LinkRepository;
  readonly domains: DomainRepository;
  readonly apiKeys: ApiKeyRepository;
  readonly clicks: ClickStore;
  /** Dashboard sign-ins (spec §12). */
  readonly sessions: SessionStore;
  /** Webhook endpoints, outbox and delivery log; kept in process memory when a bundle has none. */
  readonly webhooks?: WebhookStores;
  /** `Idempotency-Key`s of creates (spec §9), shared by every instance on this backend. */
  readonly idempotency: IdempotencyStore;
  /** Resolves when the backend answers; rejects otherwise (used by /readyz). */
  ping(): Promise<void>;
  /** Releases connections. */
  close(): Promise<void>;
}

/** Rate limits and the link cache, which may live apart from the stores (e.g. Redis beside MongoDB). */
export interface SharedState extends WatchesStatus {
  readonly kind: string;
  readonly rateLimiter: RateLimiter;
  readonly cache: LinkCache;
  ping(): Promise<void>;
  close(): Promise<void>;
}
