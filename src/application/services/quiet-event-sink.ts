import type { HexlinkEventSink } from "../hexlink-events.js";

/** The sink, or nothing, made unable to throw: a failing listener must not fail a flush. */
export function quietEventSink(sink: HexlinkEventSink | undefined): HexlinkEventSink {
  return {
    emit(event, payload) {
      try {
        sink?.emit(event, payload);
      } catch {
        // The sink's own failure has nowhere left to go; hexlink's emitter never throws.
      }
    },
  };
}
