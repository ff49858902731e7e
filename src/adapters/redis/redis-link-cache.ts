import { LRUCache } from "lru-cache";
import type { Link } from "../../domain/link/link.js";
import { hostKey, LruLinkCache, type LruLinkCacheOptions, linkKey } from "../memory/lru-link-cache.js";
import { closeClient, type RedisClient } from "./redis-connection.js";
import { RedisKeys } from "./redis-keys.js";
import { guarded } from "./redis-unavailable.js";

/** Default entry lifetime: the bound on staleness should an invalidation be missed without notice. */
export const REDIS_CACHE_TTL_MS = 10_000;

/**
 * How long after an invalidation its key is not cached again: a lookup that read the store before the change
 * and answers after the invalidation must not put the old link back.
 */
export const INVALIDATION_GUARD_MS = 5_000;

/**
 * The in-process LRU with invalidations published on a Redis channel and applied by every instance. While
 * its subscriber connection is down the cache is bypassed, unless Redis cannot be reached at all: then its
 * entries go on serving redirects until their TTL ends. It starts empty each time the subscriber is back.
 */
export class RedisLinkCache extends LruLinkCache {
  private readonly subscriber: RedisClient;
  private readonly channel: string;
  private live = false;
  private missedPublishes = 0;
  private liveWaiters: (() => void)[] = [];
  private readonly invalidated = new LRUCache<string, true>({ max: 10_000, ttl: INVALIDATION_GUARD_MS });

  /** Subscribes on a duplicate of `client`, which this cache owns and closes. */
  constructor(
    private readonly client: RedisClient,
    keys: RedisKeys = new RedisKeys(),
    options: LruLinkCacheOptions = {},
  ) {
    super({ ttlMs: REDIS_CACHE_TTL_MS, ...options });
    this.channel = keys.cacheChannel();
    this.subscriber = client.duplicate();
    this.subscriber.on("error", () => {});
    this.subscriber.on("message", (channel: string, key: string) => {
      if (channel === this.channel) this.drop(key);
    });
    for (const event of ["close", "reconnecting", "end"]) this.subscriber.on(event, () => this.goDark());
    this.subscriber.on("ready", () => void this.subscribe());
    if (this.subscriber.status === "ready") void this.subscribe();
  }

  /** Resolves once invalidations from other instances are being received. */
  whenLive(): Promise<void> {
    return this.live ? Promise.resolve() : new Promise((resolve) => this.liveWaiters.push(resolve));
  }

  /** True while invalidations are being received (and so entries are served). */
  isLive(): boolean {
    return this.live;
  }

  override getLink(domain: string, slug: string): Link | null | undefined {
    return this.servable() ? super.getLink(domain, slug) : undefined;
  }

  override setLink(domain: string, slug: string, link: Link | null): void {
    if (this.live && !this.invalidated.has(linkKey(domain, slug))) super.setLink(domain, slug, link);
  }

  override getHost(host: string): string | undefined {
    return this.servable() ? super.getHost(host) : undefined;
  }

  override setHost(host: string, domain: string): void {
    if (this.live && !this.invalidated.has(hostKey(host))) super.setHost(host, domain);
  }

  override async invalidateLink(domain: string, slug: string): Promise<void> {
    await this.publish(linkKey(domain, slug));
  }

  override async invalidateHost(host: string): Promise<void> {
    await this.publish(hostKey(host));
  }

  override drop(key: string): void {
    super.drop(key);
    this.invalidated.set(key, true);
  }

  /** Stops listening; the client it was made from stays open. */
  async close(): Promise<void> {
    this.goDark();
    this.subscriber.removeAllListeners("ready");
    await closeClient(this.subscriber);
  }

  // Best effort: the change is already stored, and failing the request now would report a write that
  // happened as failed. An instance that misses this message serves its copy at most until the entry's TTL.
  private async publish(key: string): Promise<void> {
    this.drop(key);
    try {
      await guarded(() => this.client.publish(this.channel, key));
    } catch {
      this.missedPublishes++;
    }
  }

  /** Invalidations that could not be published (Redis unreachable); each is bounded by the entry TTL. */
  missedInvalidations(): number {
    return this.missedPublishes;
  }

  private async subscribe(): Promise<void> {
    try {
      await this.subscriber.subscribe(this.channel);
    } catch {
      return; // the next "ready" tries again
    }
    // Whatever was published while the subscriber was away is lost: start from nothing.
    this.entries.clear();
    this.live = true;
    for (const resolve of this.liveWaiters.splice(0)) resolve();
  }

  /**
   * Entries are served while invalidations arrive, and also while Redis is unreachable from here: no change
   * can be read from it then, and the entries' TTL bounds how stale they may get.
   */
  private servable(): boolean {
    return this.live || this.client.status !== "ready";
  }

  // Entries are kept for an outage of the whole of Redis, and dropped when the subscriber is back.
  private goDark(): void {
    this.live = false;
  }
}
