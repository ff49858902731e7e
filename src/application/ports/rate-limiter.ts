import type { RateWindow } from "../../domain/rate-limit/rate-window.js";

/** Fixed-window counters, consumed for several windows at once. */
export interface RateLimiter {
  /**
   * Counts one request for `subject` in every window, atomically: if any window would go over its limit,
   * no window is incremented. Returns each window's count including this request, in order.
   */
  consume(subject: string, windows: readonly RateWindow[]): Promise<number[]>;
}
