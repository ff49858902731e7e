import type { HexlinkEventSink, StoreRole } from "../application/hexlink-events.js";
import type { SharedState, StoreBundle } from "../application/ports/store-bundle.js";

/**
 * Turns the connection changes of the stores and the shared state into `store:down` / `store:up` events.
 * Returns a function that stops watching (at close, whose own disconnects are no outage).
 */
export function watchStores(stores: StoreBundle, shared: SharedState, events: HexlinkEventSink): () => void {
  const watch = (role: StoreRole, store: StoreBundle | SharedState) =>
    store.watchStatus?.((status) => {
      if (status.up) events.emit("store:up", { role, kind: store.kind });
      else events.emit("store:down", { role, kind: store.kind, reason: status.reason });
    });
  const stops = [watch("stores", stores), watch("shared", shared)];
  return () => {
    for (const stop of stops) stop?.();
  };
}
