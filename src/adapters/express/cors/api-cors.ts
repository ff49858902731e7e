import type { NextFunction, Request, Response } from "express";

const ALLOW_METHODS = "GET, POST, PATCH, DELETE";
const ALLOW_HEADERS = "Authorization, Content-Type, Idempotency-Key, X-Request-Id";
/** What a browser script may read of an answer: the rate-limit headers and the request id. */
const EXPOSE_HEADERS =
  "X-RateLimit-Limit, X-RateLimit-Remaining, X-RateLimit-Reset, Retry-After, X-Request-Id";
/** How long a browser may reuse a preflight's answer, in seconds. */
const MAX_AGE = "600";

/**
 * CORS for the two APIs (`HEXLINK_CORS_ORIGINS`): `*` or a list of origins (`https://app.example`). A preflight
 * is answered here, before authentication; other requests from an allowed origin get the headers and go on.
 */
export function apiCors(origins: "*" | readonly string[]) {
  const allowed = origins === "*" ? undefined : new Set(origins);
  return (req: Request, res: Response, next: NextFunction): void => {
    const origin = req.headers.origin;
    if (origin === undefined) {
      next();
      return;
    }
    if (allowed !== undefined) res.vary("Origin");
    const allow = allowed === undefined ? "*" : allowed.has(origin) ? origin : undefined;
    const preflight = req.method === "OPTIONS" && req.headers["access-control-request-method"] !== undefined;
    if (allow !== undefined) res.setHeader("Access-Control-Allow-Origin", allow);
    if (preflight) {
      // An origin not allowed gets no CORS headers, so its browser refuses; it never reaches authentication.
      if (allow !== undefined) {
        res.setHeader("Access-Control-Allow-Methods", ALLOW_METHODS);
        res.setHeader("Access-Control-Allow-Headers", ALLOW_HEADERS);
        res.setHeader("Access-Control-Max-Age", MAX_AGE);
      }
      res.status(204).setHeader("Content-Length", "0");
      res.end();
      return;
    }
    if (allow !== undefined) res.setHeader("Access-Control-Expose-Headers", EXPOSE_HEADERS);
    next();
  };
}
