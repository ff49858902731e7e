import { type DestinationStream, type Logger, pino } from "pino";

/**
 * The structured JSON logger, one JSON object per line (pipe it to `pino-pretty` to read it by eye); never a
 * client IP or a secret. Writes to stdout unless given a destination; `fields` join every line (a worker's id).
 */
export function createLogger(
  level: string = process.env.HEXLINK_LOG_LEVEL ?? "info",
  destination?: DestinationStream,
  fields: Readonly<Record<string, string | number>> = {},
): Logger {
  const options = { level, base: { service: "hexlink", ...fields }, redact: ["req.headers.authorization"] };
  return destination === undefined ? pino(options) : pino(options, destination);
}
