import type { IncomingMessage, RequestListener, ServerResponse } from "node:http";
// Imported, not the global: the global `performance` is a lazy getter, slow to read on every request.
import { performance } from "node:perf_hooks";
import type { Logger } from "pino";
import type { Hexlink } from "../../../application/hexlink.js";
import { isValidSlug } from "../../../domain/link/slug.js";
import { type HexlinkMetrics, REDIRECT_ROUTE } from "../metrics/hexlink-metrics.js";
import { type RedirectOptions, redirectFailure, serveRedirect } from "./serve-redirect.js";

/** Shortest and longest path of a slug: `/` and 3 to 64 characters. */
const SHORTEST = 4;
const LONGEST = 65;
const SLASH = 47;

/** What the fast path needs besides the redirect's own options: where it logs and counts, and request ids. */
export interface FastPathOptions extends RedirectOptions {
  readonly logger: Logger;
  readonly metrics: HexlinkMetrics | undefined;
  /** The X-Request-Id of a request from the one it presented. */
  readonly ids: (presented: string | string[] | undefined) => string;
}

/**
 * A request listener that answers `GET|HEAD /:slug` itself and hands every other request to `next`
 * (the Express app): redirects skip Express's router and middleware, which cost most of its time.
 * Redirects are logged at debug level only, failures (5xx) always.
 */
export function redirectFastPath(
  hexlink: Pick<Hexlink, "resolveRedirect">,
  next: RequestListener,
  options: FastPathOptions,
): RequestListener {
  const { logger, metrics, ids } = options;
  const stats = metrics?.http.of(REDIRECT_ROUTE);
  const debug = logger.isLevelEnabled("debug");
  const answered = (req: IncomingMessage, res: ServerResponse, reqId: string, started: number) => {
    const status = res.statusCode;
    const seconds = (performance.now() - started) / 1000;
    stats?.record(status, seconds);
    if (status < 500 && !debug) return;
    const line = {
      reqId,
      method: req.method,
      route: REDIRECT_ROUTE,
      path: (req.url ?? "").split("?")[0],
      status,
      ms: Math.round(seconds * 1e4) / 10,
    };
    if (status >= 500) logger.error({ ...line, err: redirectFailure(res) }, "request failed");
    else logger.debug(line, "redirect");
  };
  return (req: IncomingMessage, res: ServerResponse) => {
    const method = req.method;
    const url = req.url ?? "";
    if (method === "GET" || method === "HEAD") {
      // The slug cut out by hand, the query after `?` kept as sent: no regular expression captures per request.
      const queryAt = url.indexOf("?");
      const end = queryAt === -1 ? url.length : queryAt;
      const slug = end >= SHORTEST && end <= LONGEST && url.charCodeAt(0) === SLASH ? url.slice(1, end) : "";
      if (slug !== "" && isValidSlug(slug)) {
        const started = performance.now();
        const reqId = ids(req.headers["x-request-id"]);
        const target = { slug, query: queryAt === -1 ? "" : url.slice(queryAt + 1), requestId: reqId };
        const pending = serveRedirect(hexlink, req, res, target, options);
        // Answered already (a cached link) or once the promise settles.
        if (pending === undefined) answered(req, res, reqId, started);
        else void pending.then(() => answered(req, res, reqId, started));
        return;
      }
    }
    next(req, res);
  };
}
