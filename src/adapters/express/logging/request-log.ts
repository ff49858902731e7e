import type { NextFunction, Request, Response } from "express";
import type { Logger } from "pino";
import { type HexlinkMetrics, REDIRECT_ROUTE } from "../metrics/hexlink-metrics.js";
import { redirectFailure } from "../redirect/serve-redirect.js";
import { leftToHost } from "../routing/leave-to-host.js";

/** What {@link requestLog} needs: where to log and count, how to name routes and requests. */
export interface RequestLogOptions {
  readonly logger: Logger;
  readonly metrics: HexlinkMetrics | undefined;
  /** The route template of a path (never the raw path, so that metric labels stay bounded). */
  readonly routeOf: (path: string) => string;
  /** The X-Request-Id of a request from the one it presented. */
  readonly ids: (presented: string | string[] | undefined) => string;
}

/**
 * Gives the request its X-Request-Id (spec §11) and a logger whose lines carry it (`requestLogger`), then logs
 * method, route, path, status and duration when the response finishes and counts it in the metrics.
 */
export function requestLog({ logger, metrics, routeOf, ids }: RequestLogOptions) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const started = performance.now();
    const reqId = ids(req.headers["x-request-id"]);
    res.setHeader("X-Request-Id", reqId);
    const log = logger.child({ reqId });
    res.locals.log = log;
    res.on("finish", () => {
      // A request hexlink passed on belongs to the host application: its own logs tell of it.
      if (leftToHost(res)) return;
      const seconds = (performance.now() - started) / 1000;
      const path = (req.originalUrl.split("?")[0] ?? "").replace(/^\/t\/[^/]+/, "/t/:id");
      const route = routeOf(path);
      const status = res.statusCode;
      metrics?.http.of(route).record(status, seconds);
      const line = { method: req.method, route, path, status, ms: Math.round(seconds * 1e4) / 10 };
      if (status >= 500) log.error({ ...line, err: redirectFailure(res) }, "request failed");
      // Redirects are the bulk of the traffic: debug level shows them.
      else if (route === REDIRECT_ROUTE) log.debug(line, "redirect");
      else log.info(line, "request");
    });
    next();
  };
}
