import express, { Router } from "express";
import proxyAddr from "proxy-addr";
import { CLIENT_API } from "./client/client-api.js";
import { clientApiRouter } from "./client/client-api-router.js";
import { apiCors } from "./cors/api-cors.js";
import { DASHBOARD_PATH, dashboardRouter } from "./dashboard/dashboard-router.js";
import type { HexlinkHttpOptions } from "./hexlink-http-options.js";
import type { HexlinkHttpUseCases } from "./hexlink-http-use-cases.js";
import { createLogger } from "./logging/create-logger.js";
import { requestIds } from "./logging/request-id.js";
import { requestLog } from "./logging/request-log.js";
import { HexlinkMetrics } from "./metrics/hexlink-metrics.js";
import { routeTemplates } from "./metrics/route-templates.js";
import { ALL_OPERATIONS } from "./openapi/all-operations.js";
import { DOCS_ROUTES } from "./openapi/docs-routes.js";
import { openApiDocument } from "./openapi/openapi-document.js";
import { OPS_ROUTES, opsContext } from "./ops/ops-routes.js";
import { sendPageError } from "./pages/page-error-status.js";
import { PAGE_ROUTES } from "./pages/page-routes.js";
import { sendPage } from "./pages/send-page.js";
import { REDIRECT_ROUTES } from "./redirect/redirect-routes.js";
import { leaveToHost } from "./routing/leave-to-host.js";
import { pageRouter } from "./routing/page-router.js";
import { parseTrustProxy } from "./server/parse-trust-proxy.js";
import { V1_API } from "./v1/v1-api.js";
import { v1Router } from "./v1/v1-router.js";
import { notFoundPage } from "./views/error-pages.js";
import { QrCodes } from "./views/qr-codes.js";
import { WorkerQrRenderer } from "./views/qr-renderer.js";

// One drawing thread per process, started on the first QR code, however many routers are made.
const SHARED_RENDERER = new WorkerQrRenderer();

/**
 * hexlink's routes as one Express router, to mount inside a team's own Express app.
 * Redirects served here go through Express; {@link createHexlinkServerListener} adds the fast path.
 */
export function createHexlinkRouter(hexlink: HexlinkHttpUseCases, options: HexlinkHttpOptions = {}): Router {
  const logger = options.logger ?? createLogger();
  const redirectStatus = options.redirectStatus ?? 302;
  const metrics = options.metrics ?? new HexlinkMetrics();
  const mount = options.mount ?? {};
  const passUnknown = (options.unknownPaths ?? "next") === "next";
  const router = Router();
  const trust = trustFunction(options.trustProxy);
  // A router cannot set its app's `trust proxy`: it reads the client's address itself when told whom to trust.
  if (trust !== undefined)
    router.use((req, _res, next) => {
      Object.defineProperty(req, "ip", {
        configurable: true,
        enumerable: true,
        value: proxyAddr(req, trust),
      });
      next();
    });
  // One line per request that reaches Express; the server's fast path answers redirects before it.
  router.use(
    requestLog({
      logger,
      metrics,
      routeOf: routeTemplates(ALL_OPERATIONS),
      ids: options.requestIds ?? requestIds(),
    }),
  );
  if (options.corsOrigins !== undefined)
    router.use([V1_API.base, CLIENT_API.base], apiCors(options.corsOrigins));
  let document: Record<string, unknown> | undefined;
  if (mount.health !== false)
    router.use(pageRouter(OPS_ROUTES, opsContext(hexlink, metrics, options.metricsToken)));
  if (mount.docs !== false)
    router.use(
      pageRouter(DOCS_ROUTES, {
        document: () => (document ??= openApiDocument(ALL_OPERATIONS, hexlink.settings.baseUrl.origin)),
      }),
    );
  if (mount.v1 !== false) router.use(V1_API.base, v1Router(hexlink, logger, options.authenticate));
  if (mount.clientApi !== false)
    router.use(CLIENT_API.base, clientApiRouter(hexlink, logger, options.authenticate));
  if (mount.dashboard !== false)
    router.use(options.dashboardPath ?? DASHBOARD_PATH, dashboardRouter({ hexlink, logger }));
  const qrCodes = new QrCodes(options.qrRenderer ?? SHARED_RENDERER);
  if (mount.pages !== false)
    router.use(
      pageRouter(PAGE_ROUTES, { hexlink, qrCodes }, (error, req, res) =>
        sendPageError(res, error, req.method === "HEAD"),
      ),
    );
  // Last: `/{slug}` would answer any one-segment path.
  router.use(pageRouter(REDIRECT_ROUTES, { hexlink, redirectStatus, passUnknown }));
  router.use((req, res, next) =>
    passUnknown ? leaveToHost(res, next) : sendPage(res, 404, notFoundPage(), req.method === "HEAD"),
  );
  return router;
}

/** Express's own compiled `trust proxy` function for the option, so the router reads it as an app would. */
function trustFunction(
  value: HexlinkHttpOptions["trustProxy"],
): ((address: string, hop: number) => boolean) | undefined {
  const trust = parseTrustProxy(value);
  if (trust === undefined) return undefined;
  return express().set("trust proxy", trust).get("trust proxy fn") as (
    address: string,
    hop: number,
  ) => boolean;
}
