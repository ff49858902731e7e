import type { RateLimiter } from "../../application/ports/rate-limiter.js";
import type { Clock } from "../../application/ports/technical.js";
import type { RateWindow } from "../../domain/rate-limit/rate-window.js";

/** Fixed-window counters in one process; expired windows are swept as time passes. */
export class InMemoryRateLimiter implements RateLimiter {
  private readonly counters = new Map<string, { count: number; expiresAt: number }>();
  private lastSweep = 0;

  /** The clock must be the one the windows were computed with, so expiry sweeps agree with them. */
  constructor(private readonly clock: Clock = { now: () => new Date() }) {}

  async consume(subject: string, windows: readonly RateWindow[]): Promise<number[]> {
    const now = this.clock.now().getTime();
    this.sweep(now);
    const keys = windows.map((window) => `${subject}|${window.id}`);
    const counts = keys.map((key) => (this.counters.get(key)?.count ?? 0) + 1);
    if (counts.every((count, index) => count <= (windows[index]?.limit ?? 0))) {
      keys.forEach((key, index) => {
        const expiresAt = windows[index]?.resetAt.getTime() ?? now;
        this.counters.set(key, { count: counts[index] ?? 1, expiresAt });
      });
    }
    return counts;
  }

  private sweep(now: number): void {
    if (now - this.lastSweep < 1000) return;
    this.lastSweep = now;
    for (const [key, counter] of this.counters) if (counter.expiresAt <= now) this.counters.delete(key);
  }
}
