import type { LruLinkCacheOptions } from "../memory/lru-link-cache.js";

/** Default entry lifetime: the bound on staleness should an invalidation be missed without notice. */
export const REDIS_CACHE_TTL_MS = 10_000;

/**
 * Default time after an invalidation during which its key is not cached again: a lookup that read the store
 * before the change and answers after the invalidation must not put the old link back.
 */
export const INVALIDATION_GUARD_MS = 5_000;

/** Default interval (ms) between two heartbeats a cache publishes to itself. */
export const HEARTBEAT_MS = 1_000;

/** Default time (ms) added to two heartbeat intervals before an undelivered heartbeat counts as lost. */
export const HEARTBEAT_SLACK_MS = 250;

/** Default longest wait of a write for its invalidation to come back through this instance's subscriber. */
export const ECHO_WAIT_MS = 100;

/** Timings of a `RedisLinkCache`; production keeps the defaults, tests shorten them. */
export interface RedisLinkCacheOptions extends LruLinkCacheOptions {
  /** Interval (ms) of the heartbeat that checks invalidations still arrive; default {@link HEARTBEAT_MS}. */
  readonly heartbeatMs?: number;
  /** Added to two heartbeat intervals before one counts as lost; default {@link HEARTBEAT_SLACK_MS}. */
  readonly heartbeatSlackMs?: number;
  /** How long (ms) an invalidated key is not cached again; default {@link INVALIDATION_GUARD_MS}. */
  readonly invalidationGuardMs?: number;
  /** Longest (ms) a write waits for its invalidation's echo; default {@link ECHO_WAIT_MS}. */
  readonly echoWaitMs?: number;
}
