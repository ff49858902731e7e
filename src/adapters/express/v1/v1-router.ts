import { type NextFunction, type Request, type Response, Router } from "express";
import type { Logger } from "pino";
import type { Hexlink } from "../../../application/hexlink.js";
import { DomainError } from "../../../domain/errors/domain-error.js";
import { apiKeyAuth } from "../http/api-key-auth.js";
import { jsonBody } from "../http/json-body.js";
import { toDomainError } from "../http/to-domain-error.js";
import { v1DomainsRouter } from "./v1-domains-router.js";
import { V1_ERROR_STATUS } from "./v1-error-status.js";
import { v1LinksRouter } from "./v1-links-router.js";

/** The v1 REST API: Bearer keys, rate limits, JSON in and out, errors as `{success:false, error, code}`. */
export function v1Router(hexlink: Hexlink, logger: Logger): Router {
  const router = Router();
  router.use(apiKeyAuth(hexlink, "bearer"));
  router.use(jsonBody());
  router.use("/links", v1LinksRouter(hexlink));
  router.use("/domains", v1DomainsRouter(hexlink));
  router.use((_req, _res, next) =>
    next(new DomainError("invalid_request", "No such endpoint in the v1 API.")),
  );
  router.use((error: unknown, _req: Request, res: Response, _next: NextFunction) => {
    const { error: domainError, unexpected } = toDomainError(error);
    if (unexpected) logger.error({ err: error }, "unexpected error in the v1 API");
    const status =
      domainError.code === "invalid_request" && isUnknownRoute(domainError)
        ? 404
        : V1_ERROR_STATUS[domainError.code];
    res.status(status).json({ success: false, error: domainError.message, code: domainError.code });
  });
  return router;
}

function isUnknownRoute(error: DomainError): boolean {
  return error.message === "No such endpoint in the v1 API.";
}
