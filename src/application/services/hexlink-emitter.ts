import type {
  HexlinkEventName,
  HexlinkEventSink,
  HexlinkEvents,
  HexlinkListener,
} from "../hexlink-events.js";

type AnyListener = (payload: HexlinkEvents[HexlinkEventName]) => void;

/**
 * A typed event emitter in plain TypeScript (the core imports no platform module). Listeners run in order,
 * synchronously; one that throws is reported as an `error` event and the others still run. A throwing `error`
 * listener is not reported again, so a failing listener cannot loop.
 */
export class HexlinkEmitter implements HexlinkEventSink {
  private readonly listeners = new Map<HexlinkEventName, AnyListener[]>();
  /** Stores down right now, by role and kind: a `store:down` listener added later still hears of them. */
  private readonly down = new Map<string, HexlinkEvents["store:down"]>();

  /**
   * Calls `listener` on each `event` from now on; returns a function that removes it. A new `store:down`
   * listener is first told of every store that is down already (e.g. one that was down at start-up).
   */
  on<E extends HexlinkEventName>(event: E, listener: HexlinkListener<E>): () => void {
    // Stored by event name, and only ever called with that event's payload.
    const stored = listener as AnyListener;
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), stored]);
    if (event === "store:down")
      for (const payload of this.down.values()) this.call("store:down", stored, payload);
    return () => {
      this.listeners.set(
        event,
        (this.listeners.get(event) ?? []).filter((other) => other !== stored),
      );
    };
  }

  /** Calls the listeners of `event`; never throws. */
  emit<E extends HexlinkEventName>(event: E, payload: HexlinkEvents[E]): void {
    this.remember(event, payload);
    for (const listener of this.listeners.get(event) ?? []) this.call(event, listener, payload);
  }

  private remember(event: HexlinkEventName, payload: HexlinkEvents[HexlinkEventName]): void {
    if (event !== "store:down" && event !== "store:up") return;
    const { role, kind } = payload as HexlinkEvents["store:up"];
    if (event === "store:down") this.down.set(`${role}:${kind}`, payload as HexlinkEvents["store:down"]);
    else this.down.delete(`${role}:${kind}`);
  }

  private call(
    event: HexlinkEventName,
    listener: AnyListener,
    payload: HexlinkEvents[HexlinkEventName],
  ): void {
    try {
      listener(payload);
    } catch (thrown) {
      if (event === "error") return;
      const error = thrown instanceof Error ? thrown : new Error(String(thrown));
      this.emit("error", { error, source: "listener" });
    }
  }

  /** Whether anything listens to `event`. */
  listens(event: HexlinkEventName): boolean {
    return (this.listeners.get(event)?.length ?? 0) > 0;
  }
}
