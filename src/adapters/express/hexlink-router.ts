import { Router } from "express";
import type { Hexlink } from "../../application/hexlink.js";
import { clientApiRouter } from "./client/client-router.js";
import { createLogger, requestLog } from "./http/logger.js";
import { pagesRouter } from "./http/pages-router.js";
import type { HexlinkHttpOptions } from "./http-options.js";
import { ALL_OPERATIONS } from "./openapi/all-operations.js";
import { DOCS_ROUTES } from "./openapi/docs-routes.js";
import { openApiDocument } from "./openapi/openapi-document.js";
import { OPS_ROUTES } from "./ops/ops-routes.js";
import { pageRouter } from "./routing/page-router.js";
import { v1Router } from "./v1/v1-router.js";

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
