import type { Logger } from "pino";
import type { Hexlink } from "../application/hexlink.js";

/**
 * Logs a hexlink's events: a store connection lost (warn) and back (info), once per change; flushed batches at
 * debug; errors no caller awaits. Dropped clicks and failing flushes are logged by the click recorder's own
 * logger already, with their figures, so they are not logged twice. Returns a function that stops logging.
 */
export function logHexlinkEvents(hexlink: Pick<Hexlink, "on">, logger: Logger): () => void {
  const stops = [
    hexlink.on("store:down", ({ role, kind, reason }) =>
      logger.warn({ role, store: kind, reason }, "store connection lost"),
    ),
    hexlink.on("store:up", ({ role, kind }) => logger.info({ role, store: kind }, "store connection back")),
    hexlink.on("clicks:flushed", ({ batchId, clicks }) =>
      logger.debug({ batchId, clicks }, "clicks flushed"),
    ),
    hexlink.on("error", ({ error, source }) => {
      if (source === "webhooks")
        logger.error({ error: error.message }, "webhook messages could not be queued");
      else if (source !== "clicks")
        logger.error({ source, error: error.message }, "hexlink event listener failed");
    }),
  ];
  return () => {
    for (const stop of stops) stop();
  };
}
