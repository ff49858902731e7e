import { randomBytes } from "node:crypto";

/** Messages on the cache channel that start with this are heartbeats (`hb:<instance>:<n>`), not keys. */
export const HEARTBEAT_PREFIX = "hb:";

/** What the heartbeat needs of the cache it watches over. */
export interface HeartbeatTarget {
  /** True while the cache's subscriber is subscribed. */
  subscribed(): boolean;
  /** Publishes on the cache channel; rejects when Redis did not accept it. */
  publish(message: string): Promise<unknown>;
  /** Empties the cache: invalidations may have been missed. */
  forgetAll(): void;
}

/**
 * A heartbeat a cache publishes to itself every interval, to notice a subscriber that stops receiving
 * without a sign. A heartbeat Redis accepted that has not arrived within two intervals plus the slack makes
 * the cache deaf until a heartbeat arrives again, and then it starts empty. A heartbeat lost while later
 * ones arrived (a short gap) empties it too.
 */
export class CacheHeartbeat {
  /** `hb:<instance>:`: this cache's own heartbeats, told apart from other instances'. */
  private readonly own = `${HEARTBEAT_PREFIX}${randomBytes(8).toString("hex")}:`;
  private readonly limitMs: number;
  private readonly timer: NodeJS.Timeout;
  private sent = 0;
  private lastHeard = 0;
  /** Heartbeats sent and not yet received, in sending order: when Redis accepted each (null until then). */
  private readonly unheard = new Map<number, number | null>();
  /** From this time (ms) on the cache is deaf: a heartbeat Redis accepted has not arrived in time. */
  private deafAt = Number.POSITIVE_INFINITY;

  constructor(
    private readonly target: HeartbeatTarget,
    intervalMs: number,
    slackMs: number,
  ) {
    this.limitMs = 2 * intervalMs + slackMs;
    this.timer = setInterval(() => this.beat(), intervalMs);
    this.timer.unref();
  }

  /** True once a heartbeat Redis accepted is overdue. */
  isDeaf(): boolean {
    return Date.now() >= this.deafAt;
  }

  /** Takes a heartbeat message off the channel: this cache's own are heard, other instances' ignored. */
  receive(message: string): void {
    if (message.startsWith(this.own)) this.heard(Number(message.slice(this.own.length)));
  }

  /** The subscriber subscribed afresh (and the cache was emptied): nothing sent before is awaited. */
  restart(): void {
    this.unheard.clear();
    this.deafAt = Number.POSITIVE_INFINITY;
  }

  stop(): void {
    clearInterval(this.timer);
  }

  /**
   * Publishes the next heartbeat, and empties the cache if one that Redis accepted was lost while later ones
   * arrived. A heartbeat Redis did not accept (unreachable, frozen) proves nothing about the subscriber and
   * is forgotten, so a frozen Redis leaves the cache serving as before.
   */
  private beat(): void {
    const now = Date.now();
    let lost = false;
    for (const [n, acceptedAt] of this.unheard) {
      if (n < this.lastHeard && acceptedAt !== null && now - acceptedAt > this.limitMs) {
        this.unheard.delete(n);
        lost = true;
      }
    }
    if (lost) this.target.forgetAll();
    if (!this.target.subscribed()) return;
    // Deaf for long: forget the oldest heartbeats; those kept are overdue as well.
    for (const n of this.unheard.keys()) if (this.unheard.size >= 64) this.unheard.delete(n);
    this.updateDeafAt();
    const n = ++this.sent;
    this.unheard.set(n, null);
    this.target.publish(`${this.own}${n}`).then(
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
    const wasDeaf = this.target.subscribed() && this.isDeaf();
    this.unheard.delete(n);
    this.lastHeard = Math.max(this.lastHeard, n);
    if (wasDeaf) {
      // Invalidations published while deaf were missed: start from nothing, and forget what was lost.
      this.target.forgetAll();
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
    this.deafAt = oldest + this.limitMs;
  }
}
