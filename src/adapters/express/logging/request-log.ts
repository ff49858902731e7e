import type { NextFunction, Request, Response } from "express";
import type { Logger } from "pino";

/** Logs method, path, status and duration when the response finishes. */
export function requestLog(logger: Logger) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const started = process.hrtime.bigint();
    res.on("finish", () => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      logger.info(
        {
          method: req.method,
          path: loggedPath(req.originalUrl),
          status: res.statusCode,
          ms: Math.round(ms * 10) / 10,
        },
        "request",
      );
    });
    next();
  };
}

// A tracking id alone opens its tracking page, so it is not written to logs.
function loggedPath(url: string): string {
  return (url.split("?")[0] ?? "").replace(/^\/t\/[^/]+/, "/t/:id");
}
