import type { RequestListener } from "node:http";
import express, { type Express, type NextFunction, type Request, type Response, Router } from "express";
import helmet from "helmet";
import type { Logger } from "pino";
import type { Hexlink } from "../../application/hexlink.js";
import { clientApiRouter } from "./client/client-router.js";
import { clientIp, type TrustFunction } from "./http/client-ip.js";
import { redirectFastPath } from "./http/fast-path.js";
import { createLogger, requestLog } from "./http/logger.js";
import { sendPage } from "./http/page-headers.js";
import { pagesRouter } from "./http/pages-router.js";
import { ALL_OPERATIONS } from "./openapi/all-operations.js";
import { DOCS_ROUTES } from "./openapi/docs-routes.js";
import { openApiDocument } from "./openapi/openapi-document.js";
import { OPS_ROUTES } from "./ops/ops-routes.js";
import { genericErrorPage, notFoundPage } from "./pages/error-pages.js";
import { pageRouter } from "./routing/page-router.js";
import { v1Router } from "./v1/v1-router.js";

export interface HexlinkHttpOptions {
  /** `HEXLINK_REDIRECT_STATUS`; default 302. */
  readonly redirectStatus?: number;
  /** `HEXLINK_TRUST_PROXY`: Express's `trust proxy` value. Unset: the socket address is the client. */
  readonly trustProxy?: string | boolean | number;
  readonly logger?: Logger;
}

/** Express's reading of a `trust proxy` string: `true`/`false`, a hop count, or addresses and subnets. */
export function parseTrustProxy(
  value: string | boolean | number | undefined,
): string | boolean | number | undefined {
  if (typeof value !== "string") return value;
  if (value === "true") return true;
  if (value === "false") return false;
  return /^\d+$/.test(value) ? Number(value) : value;
}

/**
 * hexlink's routes as one Express router, to mount inside a team's own Express app.
 * Redirects served here go through Express; {@link createHexlinkServerListener} adds the fast path.
 */
export function createHexlinkRouter(hexlink: Hexlink, options: HexlinkHttpOptions = {}): Router {
  const logger = options.logger ?? createLogger();
  const redirectStatus = options.redirectStatus ?? 302;
  const router = Router();
  // One line per request that reaches Express; the server's fast path answers redirects before it.
  router.use(requestLog(logger));
  let document: Record<string, unknown> | undefined;
  router.use(pageRouter(OPS_ROUTES, hexlink));
  router.use(
    pageRouter(DOCS_ROUTES, {
      document: () => (document ??= openApiDocument(ALL_OPERATIONS, hexlink.settings.baseUrl.origin)),
    }),
  );
  router.use("/v1", v1Router(hexlink, logger));
  router.use("/client/api", clientApiRouter(hexlink, logger));
  router.use(pagesRouter(hexlink, redirectStatus));
  return router;
}

/** A complete Express app for hexlink: security headers, every route, HTML 404 and error pages. */
export function createHexlinkApp(hexlink: Hexlink, options: HexlinkHttpOptions = {}): Express {
  const app = express();
  app.disable("x-powered-by");
  const trust = parseTrustProxy(options.trustProxy);
  if (trust !== undefined) app.set("trust proxy", trust);
  app.use(helmet({ contentSecurityPolicy: false, crossOriginEmbedderPolicy: false }));
  app.use(createHexlinkRouter(hexlink, options));
  app.use((req: Request, res: Response) => sendPage(res, 404, notFoundPage(), req.method === "HEAD"));
  app.use((error: unknown, req: Request, res: Response, _next: NextFunction) => {
    const status =
      typeof error === "object" && error !== null && "status" in error ? Number(error.status) : 500;
    if (!(status >= 400 && status < 500))
      (options.logger ?? createLogger()).error({ err: error }, "unexpected error");
    const shown = status >= 400 && status < 500 ? status : 500;
    sendPage(
      res,
      shown,
      genericErrorPage(shown, shown === 500 ? "Something went wrong." : "Bad request."),
      req.method === "HEAD",
    );
  });
  return app;
}

/** The server's request listener: the redirect fast path in front of the Express app. */
export function createHexlinkServerListener(
  hexlink: Hexlink,
  options: HexlinkHttpOptions = {},
): RequestListener {
  const app = createHexlinkApp(hexlink, options);
  const trust = parseTrustProxy(options.trustProxy);
  const trustFn = trust === undefined ? undefined : (app.get("trust proxy fn") as TrustFunction);
  return redirectFastPath(hexlink, app, {
    redirectStatus: options.redirectStatus ?? 302,
    ipOf: (req) => clientIp(req, trustFn),
  });
}
