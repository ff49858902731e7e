import { type NextFunction, type Request, type Response, Router } from "express";
import type { Logger } from "pino";
import { DomainError, isDomainError } from "../../../domain/errors/domain-error.js";
import { apiKeyAuth } from "../auth/api-key-auth.js";
import type { AuthenticateAccount } from "../auth/authenticate-account.js";
import { requestKey } from "../auth/request-key.js";
import { requestLogger } from "../logging/request-logger.js";
import { expressPath } from "../routing/declare-route.js";
import { forwardRejections } from "../routing/forward-rejections.js";
import { jsonBody } from "../routing/json-body.js";
import { toDomainError } from "../routing/to-domain-error.js";
import { CLIENT_API } from "./client-api.js";
import { type ClientOperation, clientFailure } from "./client-failure.js";
import type { ClientUseCases } from "./client-use-cases.js";

/**
 * The lnnk.in-compatible client API (spec §4) from its route table: `Authorization: <key>` or
 * `Bearer <key>`, the v1 API's rate limits, JSON bodies, answers `{success, body}` or
 * `{success:false, error_code, error_message}`; a path the table does not hold answers 404.
 */
export function clientApiRouter(
  useCases: ClientUseCases,
  logger: Logger,
  authenticate?: AuthenticateAccount,
): Router {
  const router = Router();

  const fail = (res: Response, error: unknown, operation: ClientOperation, status?: number): void => {
    const { error: domainError, unexpected } = toDomainError(error);
    // The request's own logger: its lines carry the X-Request-Id.
    const log = requestLogger(res, logger);
    if (unexpected) log.error({ err: error }, "unexpected error in the client API");
    else if (domainError.code === "unavailable")
      log.warn({ err: error }, "a store did not answer the client API");
    const failure = clientFailure(domainError, operation);
    res.status(status ?? failure.status).json(failure.body);
  };

  router.use(apiKeyAuth(useCases, "bearer-or-raw", authenticate));
  router.use(jsonBody());
  for (const route of CLIENT_API.routes) {
    router[route.method](
      expressPath(route.path),
      forwardRejections(async (req, res) => {
        let operation: ClientOperation = "other";
        try {
          const call = route.prepare(req.body);
          operation = call.operation;
          const answer = await call.run(useCases, requestKey(res));
          res.status(route.success.status).json({ success: true, ...answer });
        } catch (error) {
          fail(res, error, operation);
        }
      }),
    );
  }
  router.use((_req, res) =>
    fail(res, new DomainError("invalid_request", "No such endpoint in the client API."), "other", 404),
  );
  // Errors before a route ran: the key or its limits. Store trouble there still answers as the operation
  // would (LI08/LI09 on a create, spec §5), so the body is read for it, as the route would have.
  router.use(async (error: unknown, req: Request, res: Response, _next: NextFunction) => {
    const operation =
      isDomainError(error) && error.code === "unavailable" ? await operationOf(req, res) : "other";
    fail(res, error, operation);
  });
  return router;
}

/** What the client request was doing, read from its route and body; "other" when neither says. */
async function operationOf(req: Request, res: Response): Promise<ClientOperation> {
  const route = CLIENT_API.routes.find((candidate) => expressPath(candidate.path) === req.path);
  if (route === undefined) return "other";
  try {
    await new Promise<void>((resolve, reject) =>
      jsonBody()(req, res, (error?: unknown) => (error === undefined ? resolve() : reject(error))),
    );
    return route.prepare(req.body).operation;
  } catch {
    return "other";
  }
}
