import type { Response } from "express";
import type { Logger } from "pino";

/** The logger of this request, whose lines carry its `reqId` (set by `requestLog`); `fallback` outside one. */
export function requestLogger(res: Response, fallback: Logger): Logger {
  const logger: unknown = res.locals.log;
  return typeof logger === "object" && logger !== null ? (logger as Logger) : fallback;
}
