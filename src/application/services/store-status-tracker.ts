import type { StoreStatus, StoreStatusListener } from "../ports/store-status.js";

/**
 * Turns a driver's stream of errors and reconnections into changes: `lost` reports the first failure of an
 * outage and ignores the retries after it; `back` reports the return once. Store adapters use it for
 * `watchStatus`.
 */
export class StoreStatusTracker {
  private readonly listeners = new Set<StoreStatusListener>();
  private downReason: string | null = null;

  /** Calls `listener` on each change, and at once when the connection is down already. */
  watch(listener: StoreStatusListener): () => void {
    this.listeners.add(listener);
    if (this.downReason !== null) call(listener, { up: false, reason: this.downReason });
    return () => {
      this.listeners.delete(listener);
    };
  }

  /** The connection failed; reported unless it was down already. */
  lost(reason: string): void {
    if (this.downReason !== null) return;
    this.downReason = reason;
    for (const listener of this.listeners) call(listener, { up: false, reason });
  }

  /** The connection answers again; reported only after a loss. */
  back(): void {
    if (this.downReason === null) return;
    this.downReason = null;
    for (const listener of this.listeners) call(listener, { up: true });
  }
}

function call(listener: StoreStatusListener, status: StoreStatus): void {
  try {
    listener(status);
  } catch {
    // A driver's event handler must not throw; hexlink's own listener reports its failures itself.
  }
}
