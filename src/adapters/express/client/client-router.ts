import { type NextFunction, type Request, type Response, Router } from "express";
import type { Logger } from "pino";
import type { Hexlink } from "../../../application/hexlink.js";
import { DomainError } from "../../../domain/errors/domain-error.js";
import { apiKeyAuth, requestKey } from "../http/api-key-auth.js";
import { jsonBody } from "../http/json-body.js";
import { toDomainError } from "../http/to-domain-error.js";
import { clientActions } from "./client-actions.js";
import { type ClientOperation, clientFailure } from "./client-error-codes.js";

/**
 * The lnnk.in-compatible client API (spec §4): `Authorization: <key>` or `Bearer <key>`, the v1 API's
 * rate limits, JSON bodies, answers `{success, body}` or `{success:false, error_code, error_message}`.
 */
export function clientApiRouter(hexlink: Hexlink, logger: Logger): Router {
  const router = Router();

  const fail = (res: Response, error: unknown, operation: ClientOperation, status?: number): void => {
    const { error: domainError, unexpected } = toDomainError(error);
    if (unexpected) logger.error({ err: error }, "unexpected error in the client API");
    const failure = clientFailure(domainError, operation);
    res.status(status ?? failure.status).json(failure.body);
  };

  router.use(apiKeyAuth(hexlink, "bearer-or-raw"));
  router.use(jsonBody());
  for (const [path, action] of Object.entries(clientActions(hexlink))) {
    router.post(path, async (req, res) => {
      let operation: ClientOperation = "other";
      try {
        const prepared = action(req.body ?? {}, requestKey(res).accountId);
        operation = prepared.operation;
        const body = await prepared.run();
        res.json(body === undefined ? { success: true } : { success: true, body });
      } catch (error) {
        fail(res, error, operation);
      }
    });
  }
  router.use((_req, res) =>
    fail(res, new DomainError("invalid_request", "No such endpoint in the client API."), "other", 404),
  );
  router.use((error: unknown, _req: Request, res: Response, _next: NextFunction) =>
    fail(res, error, "other"),
  );
  return router;
}
