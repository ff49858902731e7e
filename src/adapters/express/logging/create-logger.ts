import { type Logger, pino } from "pino";

/** The structured JSON logger; one line per API request, never a client IP or a secret. */
export function createLogger(level: string = process.env.HEXLINK_LOG_LEVEL ?? "info"): Logger {
  return pino({ level, base: { service: "hexlink" }, redact: ["req.headers.authorization"] });
}
