import { type DestinationStream, type Logger, pino } from "pino";

/**
 * The structured JSON logger, one JSON object per line (pipe it to `pino-pretty` to read it by eye); never a
 * client IP or a secret. Writes to stdout unless given a destination.
 */
export function createLogger(
  level: string = process.env.HEXLINK_LOG_LEVEL ?? "info",
  destination?: DestinationStream,
): Logger {
  const options = { level, base: { service: "hexlink" }, redact: ["req.headers.authorization"] };
  return destination === undefined ? pino(options) : pino(options, destination);
}
