import { LRUCache } from "lru-cache";
import type { HostRoute } from "../../application/ports/link-cache.js";
import type { Link } from "../../domain/link/link.js";
import { hostKey, LruLinkCache, linkKey } from "../memory/lru-link-cache.js";
import { CacheHeartbeat, HEARTBEAT_PREFIX } from "./cache-heartbeat.js";
import { InvalidationEchoes } from "./invalidation-echoes.js";
import { closeClient, type RedisClient } from "./redis-connection.js";
import { RedisKeys } from "./redis-keys.js";
import {
  ECHO_WAIT_MS,
  HEARTBEAT_MS,
  HEARTBEAT_SLACK_MS,
  INVALIDATION_GUARD_MS,
  REDIS_CACHE_TTL_MS,
  type RedisLinkCacheOptions,
} from "./redis-link-cache-options.js";
import { guarded } from "./redis-unavailable.js";

// Where these defaults were defined before they had a file of their own; tests still import them here.
export { HEARTBEAT_MS, HEARTBEAT_SLACK_MS } from "./redis-link-cache-options.js";

/**
 * The in-process LRU with invalidations published on a Redis channel and applied by every instance. While
 * its subscriber connection is down the cache is bypassed, unless Redis cannot be reached at all: then its
 * entries go on serving redirects until their TTL ends. It starts empty each time the subscriber is back.
 *
 * A subscriber can also stop receiving without a sign (a Redis Cluster client moving its subscription to
 * another node): a {@link CacheHeartbeat} the cache publishes to itself every `heartbeatMs` makes it deaf,
 * bypassed as when the subscriber is down, until heartbeats arrive again and it starts empty.
 */
export class RedisLinkCache extends LruLinkCache {
  private readonly subscriber: RedisClient;
  private readonly channel: string;
  private live = false;
  private missedPublishes = 0;
  private liveWaiters: (() => void)[] = [];
  private readonly invalidated: LRUCache<string, true>;
  private readonly echoes: InvalidationEchoes;
  private readonly heartbeat: CacheHeartbeat;

  /** Subscribes on a duplicate of `client`, which this cache owns and closes. */
  constructor(
    private readonly client: RedisClient,
    keys: RedisKeys = new RedisKeys(),
    options: RedisLinkCacheOptions = {},
  ) {
    const {
      heartbeatMs = HEARTBEAT_MS,
      heartbeatSlackMs = HEARTBEAT_SLACK_MS,
      invalidationGuardMs = INVALIDATION_GUARD_MS,
      echoWaitMs = ECHO_WAIT_MS,
      ...lru
    } = options;
    super({ ttlMs: REDIS_CACHE_TTL_MS, ...lru });
    this.invalidated = new LRUCache<string, true>({ max: 10_000, ttl: invalidationGuardMs });
    this.echoes = new InvalidationEchoes(echoWaitMs);
    this.channel = keys.cacheChannel();
    this.subscriber = client.duplicate();
    this.subscriber.on("error", () => {});
    this.subscriber.on("message", (channel: string, message: string) => {
      if (channel !== this.channel) return;
      if (message.startsWith(HEARTBEAT_PREFIX)) this.heartbeat.receive(message);
      else this.received(message);
    });
    for (const event of ["close", "reconnecting", "end"]) this.subscriber.on(event, () => this.goDark());
    this.subscriber.on("ready", () => void this.subscribe());
    if (this.subscriber.status === "ready") void this.subscribe();
    this.heartbeat = new CacheHeartbeat(
      {
        subscribed: () => this.live,
        publish: (message) => this.client.publish(this.channel, message),
        forgetAll: () => this.entries.clear(),
      },
      heartbeatMs,
      heartbeatSlackMs,
    );
  }

  /** Resolves once invalidations from other instances are being received. */
  whenLive(): Promise<void> {
    return this.live ? Promise.resolve() : new Promise((resolve) => this.liveWaiters.push(resolve));
  }

  /** True while invalidations are being received (and so entries are served). */
  isLive(): boolean {
    return this.live && !this.heartbeat.isDeaf();
  }

  override getLink(domain: string, slug: string): Link | null | undefined {
    return this.servable() ? super.getLink(domain, slug) : undefined;
  }

  override setLink(domain: string, slug: string, link: Link | null): void {
    if (this.isLive() && !this.invalidated.has(linkKey(domain, slug))) super.setLink(domain, slug, link);
  }

  override getHost(host: string): HostRoute | undefined {
    return this.servable() ? super.getHost(host) : undefined;
  }

  override setHost(host: string, route: HostRoute): void {
    if (this.isLive() && !this.invalidated.has(hostKey(host))) super.setHost(host, route);
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
    this.heartbeat.stop();
    this.goDark();
    this.subscriber.removeAllListeners("ready");
    await closeClient(this.subscriber);
  }

  /** Invalidations that could not be published (Redis unreachable); each is bounded by the entry TTL. */
  missedInvalidations(): number {
    return this.missedPublishes;
  }

  // Best effort: the change is already stored, and failing the request now would report a write that
  // happened as failed. An instance that misses this message serves its copy at most until the entry's TTL.
  // The caller answers only once the message came back through this instance's own subscriber: Redis
  // delivers a message to every subscriber in one go, so by then the other instances have it too, and the
  // next redirect anywhere sees the change (bounded by `echoWaitMs` if the echo is slow).
  private async publish(key: string): Promise<void> {
    this.drop(key);
    const echo = this.live ? this.echoes.wait(key) : undefined;
    try {
      await guarded(() => this.client.publish(this.channel, key));
      await echo?.promise;
    } catch {
      this.missedPublishes++;
    } finally {
      echo?.cancel();
    }
  }

  private received(key: string): void {
    this.drop(key);
    this.echoes.arrived(key);
  }

  private async subscribe(): Promise<void> {
    try {
      await this.subscriber.subscribe(this.channel);
    } catch {
      return; // the next "ready" tries again
    }
    // Whatever was published while the subscriber was away is lost: start from nothing.
    this.entries.clear();
    this.heartbeat.restart();
    this.live = true;
    for (const resolve of this.liveWaiters.splice(0)) resolve();
  }

  /**
   * Entries are served while invalidations arrive, and also while Redis is unreachable from here: no change
   * can be read from it then, and the entries' TTL bounds how stale they may get.
   */
  private servable(): boolean {
    return this.isLive() || this.client.status !== "ready";
  }

  // Entries are kept for an outage of the whole of Redis, and dropped when the subscriber is back.
  private goDark(): void {
    this.live = false;
  }
}
