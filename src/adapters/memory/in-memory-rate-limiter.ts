import type { RateLimiter } from "../../application/ports/rate-limiter.js";
import type { Clock } from "../../application/ports/technical.js";
import type { RateWindow } from "../../domain/rate-limit/rate-window.js";

/**
 * How long (ms) a counter outlives the later of its window's reset and its last count, as the Redis limiter's
 * keys do. Window ids already tell one window from the next, so expiry only collects old counters; the grace
 * keeps a counter alive when the windows come from a clock behind this limiter's (a test's fake clock, a
 * late request), which would otherwise sweep it at once and let every request count 1.
 */
export const RATE_COUNTER_GRACE_MS = 60_000;

/** Fixed-window counters in one process; expired windows are swept as time passes. */
export class InMemoryRateLimiter implements RateLimiter {
  private readonly counters = new Map<string, { count: number; expiresAt: number }>();
  private lastSweep = 0;

  /** Times the sweeps only: a clock other than the windows' one delays collection, never a count. */
  constructor(private readonly clock: Clock = { now: () => new Date() }) {}

  async consume(subject: string, windows: readonly RateWindow[]): Promise<number[]> {
    const now = this.clock.now().getTime();
    this.sweep(now);
    const keys = windows.map((window) => `${subject}|${window.id}`);
    const counts = keys.map((key) => (this.counters.get(key)?.count ?? 0) + 1);
    if (counts.every((count, index) => count <= (windows[index]?.limit ?? 0))) {
      keys.forEach((key, index) => {
        const expiresAt = Math.max(windows[index]?.resetAt.getTime() ?? now, now) + RATE_COUNTER_GRACE_MS;
        this.counters.set(key, { count: counts[index] ?? 1, expiresAt });
      });
    }
    return counts;
  }

  private sweep(now: number): void {
    if (Math.abs(now - this.lastSweep) < 1000) return;
    this.lastSweep = now;
    for (const [key, counter] of this.counters) if (counter.expiresAt <= now) this.counters.delete(key);
  }
}
