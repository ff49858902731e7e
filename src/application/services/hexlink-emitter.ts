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

  /** Calls `listener` on each `event` from now on; returns a function that removes it. */
  on<E extends HexlinkEventName>(event: E, listener: HexlinkListener<E>): () => void {
    // Stored by event name, and only ever called with that event's payload.
    const stored = listener as AnyListener;
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), stored]);
    return () => {
      this.listeners.set(
        event,
        (this.listeners.get(event) ?? []).filter((other) => other !== stored),
      );
    };
  }

  /** Calls the listeners of `event`; never throws. */
  emit<E extends HexlinkEventName>(event: E, payload: HexlinkEvents[E]): void {
    for (const listener of this.listeners.get(event) ?? []) {
      try {
        listener(payload);
      } catch (thrown) {
        if (event === "error") continue;
        const error = thrown instanceof Error ? thrown : new Error(String(thrown));
        this.emit("error", { error, source: "listener" });
      }
    }
  }

  /** Whether anything listens to `event`. */
  listens(event: HexlinkEventName): boolean {
    return (this.listeners.get(event)?.length ?? 0) > 0;
  }
}
