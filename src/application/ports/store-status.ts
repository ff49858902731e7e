/** A store connection's change of state: lost, with why, or back. Reported once per change, not per retry. */
export type StoreStatus = { readonly up: false; readonly reason: string } | { readonly up: true };

/** Called on each change of a store connection's state. */
export type StoreStatusListener = (status: StoreStatus) => void;

/** A store that reports when its connection is lost and back (Redis, MongoDB); memory never changes. */
export interface WatchesStatus {
  /**
   * Calls `listener` on each change from now on, and at once when the connection is down already.
   * Returns a function that stops the calls.
   */
  watchStatus?(listener: StoreStatusListener): () => void;
}
