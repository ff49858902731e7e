import { randomBytes } from "node:crypto";
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

/** Default interval (ms) between two heartbeats a cache publishes to itself. */
export const HEARTBEAT_MS = 1_000;

/** Added to two heartbeat intervals before a heartbeat Redis accepted but never delivered counts as lost. */
export const HEARTBEAT_SLACK_MS = 250;

/** Messages on the cache channel that start with this are heartbeats (`hb:<instance>:<n>`), not keys. */
const HEARTBEAT = "hb:";

/** Longest a write waits for its invalidation to come back through this instance's subscriber. */
export const ECHO_WAIT_MS = 100;

export interface RedisLinkCacheOptions extends LruLinkCacheOptions {
  /** Interval (ms) of the heartbeat that checks invalidations still arrive; default {@link HEARTBEAT_MS}. */
  readonly heartbeatMs?: number;
}

/**
 * The in-process LRU with invalidations published on a Redis channel and applied by every instance. While
 * its subscriber connection is down the cache is bypassed, unless Redis cannot be reached at all: then its
 * entries go on serving redirects until their TTL ends. It starts empty each time the subscriber is back.
 *
 * A subscriber can also stop receiving without a sign (a Redis Cluster client moving its subscription to
 * another node): every `heartbeatMs` the cache publishes a heartbeat to itself on the channel. A heartbeat
 * Redis accepted that has not arrived within two intervals plus {@link HEARTBEAT_SLACK_MS} makes the cache deaf:
 * bypassed, as when the subscriber is down, until a heartbeat arrives again and it starts empty. A heartbeat
 * lost while later ones arrived (a short gap) empties it too.
 */
export class RedisLinkCache extends LruLinkCache {
  private readonly subscriber: RedisClient;
  private readonly channel: string;
  private live = false;
  private missedPublishes = 0;
  private readonly echoes = new Map<string, (() => void)[]>();
  private liveWaiters: (() => void)[] = [];
  private readonly invalidated = new LRUCache<string, true>({ max: 10_000, ttl: INVALIDATION_GUARD_MS });
  /** `hb:<instance>:`: this cache's own heartbeats, told apart from other instances'. */
  private readonly ownHeartbeat = `${HEARTBEAT}${randomBytes(8).toString("hex")}:`;
  private readonly heartbeatLimitMs: number;
  private readonly heartbeatTimer: NodeJS.Timeout;
  private heartbeats = 0;
  private lastHeard = 0;
  /** Heartbeats sent and not yet received, in sending order: when Redis accepted each (null until then). */
  private readonly unheard = new Map<number, number | null>();
  /** From this time (ms) on the cache is deaf: a heartbeat Redis accepted has not arrived in time. */
  private deafAt = Number.POSITIVE_INFINITY;

  /** Subscribes on a duplicate of `client`, which this cache owns and closes. */
  constructor(
    private readonly client: RedisClient,
    keys: RedisKeys = new RedisKeys(),
    options: RedisLinkCacheOptions = {},
  ) {
    const { heartbeatMs = HEARTBEAT_MS, ...lru } = options;
    super({ ttlMs: REDIS_CACHE_TTL_MS, ...lru });
    this.heartbeatLimitMs = 2 * heartbeatMs + HEARTBEAT_SLACK_MS;
    this.channel = keys.cacheChannel();
    this.subscriber = client.duplicate();
    this.subscriber.on("error", () => {});
    this.subscriber.on("message", (channel: string, message: string) => {
      if (channel !== this.channel) return;
      if (!message.startsWith(HEARTBEAT)) this.received(message);
      else if (message.startsWith(this.ownHeartbeat))
        this.heard(Number(message.slice(this.ownHeartbeat.length)));
    });
    for (const event of ["close", "reconnecting", "end"]) this.subscriber.on(event, () => this.goDark());
    this.subscriber.on("ready", () => void this.subscribe());
    if (this.subscriber.status === "ready") void this.subscribe();
    this.heartbeatTimer = setInterval(() => this.beat(), heartbeatMs);
    this.heartbeatTimer.unref();
  }

  /** Resolves once invalidations from other instances are being received. */
  whenLive(): Promise<void> {
    return this.live ? Promise.resolve() : new Promise((resolve) => this.liveWaiters.push(resolve));
  }

  /** True while invalidations are being received (and so entries are served). */
  isLive(): boolean {
    return this.live && Date.now() < this.deafAt;
  }

  override getLink(domain: string, slug: string): Link | null | undefined {
    return this.servable() ? super.getLink(domain, slug) : undefined;
  }

  override setLink(domain: string, slug: string, link: Link | null): void {
    if (this.isLive() && !this.invalidated.has(linkKey(domain, slug))) super.setLink(domain, slug, link);
  }

  override getHost(host: string): string | undefined {
    return this.servable() ? super.getHost(host) : undefined;
  }

  override setHost(host: string, domain: string): void {
    if (this.isLive() && !this.invalidated.has(hostKey(host))) super.setHost(host, domain);
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
    clearInterval(this.heartbeatTimer);
    this.goDark();
    this.subscriber.removeAllListeners("ready");
    await closeClient(this.subscriber);
  }

  // Best effort: the change is already stored, and failing the request now would report a write that
  // happened as failed. An instance that misses this message serves its copy at most until the entry's TTL.
  // The caller answers only once the message came back through this instance's own subscriber: Redis
  // delivers a message to every subscriber in one go, so by then the other instances have it too, and the
  // next redirect anywhere sees the change (bounded by ECHO_WAIT_MS if the echo is slow).
  private async publish(key: string): Promise<void> {
    this.drop(key);
    const echo = this.live ? this.echoOf(key) : undefined;
    try {
      await guarded(() => this.client.publish(this.channel, key));
      await echo?.promise;
    } catch {
      this.missedPublishes++;
    } finally {
      echo?.cancel();
    }
  }

  private echoOf(key: string): { promise: Promise<void>; cancel: () => void } {
    let done: () => void = () => {};
    const promise = new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ECHO_WAIT_MS);
      timer.unref?.();
      done = () => {
        clearTimeout(timer);
        resolve();
      };
    });
    const waiting = this.echoes.get(key) ?? [];
    waiting.push(done);
    this.echoes.set(key, waiting);
    const cancel = () => {
      const left = (this.echoes.get(key) ?? []).filter((waiter) => waiter !== done);
      if (left.length === 0) this.echoes.delete(key);
      else this.echoes.set(key, left);
      done();
    };
    return { promise, cancel };
  }

  private received(key: string): void {
    this.drop(key);
    const waiting = this.echoes.get(key);
    if (waiting === undefined) return;
    this.echoes.delete(key);
    for (const resolve of waiting) resolve();
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
    this.unheard.clear();
    this.deafAt = Number.POSITIVE_INFINITY;
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

  /**
   * Publishes the next heartbeat, and empties the cache if one that Redis accepted was lost while later ones
   * arrived. A heartbeat Redis did not accept (unreachable, frozen) proves nothing about the subscriber and is
   * forgotten, so a frozen Redis leaves the cache serving as before.
   */
  private beat(): void {
    const now = Date.now();
    let lost = false;
    for (const [n, acceptedAt] of this.unheard) {
      if (n < this.lastHeard && acceptedAt !== null && now - acceptedAt > this.heartbeatLimitMs) {
        this.unheard.delete(n);
        lost = true;
      }
    }
    if (lost) this.entries.clear();
    if (!this.live) return;
    // Deaf for long: forget the oldest heartbeats; those kept are overdue as well.
    for (const n of this.unheard.keys()) if (this.unheard.size >= 64) this.unheard.delete(n);
    this.updateDeafAt();
    const n = ++this.heartbeats;
    this.unheard.set(n, null);
    this.client.publish(this.channel, `${this.ownHeartbeat}${n}`).then(
      () => {
        if (!this.unheard.has(n)) return;
        this.unheard.set(n, Date.now());
        this.updateDeafAt();
      },
      () => this.unheard.delete(n),
    );
  }

  private heard(n: number): void {
    if (!Number.isSafeInteger(n)) return;
    const wasDeaf = this.live && Date.now() >= this.deafAt;
    this.unheard.delete(n);
    this.lastHeard = Math.max(this.lastHeard, n);
    if (wasDeaf) {
      // Invalidations published while deaf were missed: start from nothing, and forget what was lost.
      this.entries.clear();
      for (const earlier of this.unheard.keys()) if (earlier < n) this.unheard.delete(earlier);
    }
    this.updateDeafAt();
  }

  /** Deaf once the oldest accepted heartbeat after the last one heard is overdue. */
  private updateDeafAt(): void {
    let oldest = Number.POSITIVE_INFINITY;
    for (const [n, acceptedAt] of this.unheard) {
      if (n > this.lastHeard && acceptedAt !== null) oldest = Math.min(oldest, acceptedAt);
    }
    this.deafAt = oldest + this.heartbeatLimitMs;
  }

  // Entries are kept for an outage of the whole of Redis, and dropped when the subscriber is back.
  private goDark(): void {
    this.live = false;
  }
}
