/** Which connection a store event is about: the storage bundle or the shared state (limits, cache). */
export type StoreRole = "stores" | "shared";

/** Why clicks were lost: too many pending buckets, a batch the store kept refusing, or not confirmed at close. */
export type DropReason = "pending_full" | "store_refused" | "shutdown";

/** What each event of {@link Hexlink.on} carries. */
export interface HexlinkEvents {
  /** Something failed that no caller awaits: a listener that threw, a click flush that failed. */
  readonly error: { readonly error: Error; readonly source: "listener" | "clicks" | "webhooks" };
  /** A store's connection was lost (once per outage, not per retry). */
  readonly "store:down": { readonly role: StoreRole; readonly kind: string; readonly reason: string };
  /** A store's connection is back after a `store:down`. */
  readonly "store:up": { readonly role: StoreRole; readonly kind: string };
  /** A batch of click counts reached the click store. */
  readonly "clicks:flushed": { readonly batchId: string; readonly clicks: number };
  /** A webhook endpoint failing for too long was disabled. */
  readonly "webhook:disabled": {
    readonly endpointId: string;
    readonly accountId: string;
    readonly failingSince: Date;
  };
  /** Clicks that will never be counted, how many and why. */
  readonly "clicks:dropped": {
    readonly clicks: number;
    readonly reason: DropReason;
    readonly batchId?: string;
    readonly error?: string;
  };
}

export type HexlinkEventName = keyof HexlinkEvents;

export type HexlinkListener<E extends HexlinkEventName> = (payload: HexlinkEvents[E]) => void;

/** Where hexlink's parts report events; the facade's emitter is one. */
export interface HexlinkEventSink {
  emit<E extends HexlinkEventName>(event: E, payload: HexlinkEvents[E]): void;
}
