import { type NextFunction, type Request, type Response, Router } from "express";
import type { Logger } from "pino";
import { DomainError } from "../../../domain/errors/domain-error.js";
import { apiKeyAuth } from "../auth/api-key-auth.js";
import type { AuthenticateAccount } from "../auth/authenticate-account.js";
import { requestKey } from "../auth/request-key.js";
import { requestLogger } from "../logging/request-logger.js";
import { expressPath } from "../routing/declare-route.js";
import { forwardRejections } from "../routing/forward-rejections.js";
import { jsonBody } from "../routing/json-body.js";
import { sendStreamed } from "../routing/stream-answer.js";
import { toDomainError } from "../routing/to-domain-error.js";
import { answerIdempotently } from "./idempotent-answer.js";
import { V1_API } from "./v1-api.js";
import { V1_ERROR_STATUS } from "./v1-error-status.js";
import type { V1UseCases } from "./v1-use-cases.js";

/** The body caps of the routes that need more than 16 KB (bulk calls), by method and path. */
const LARGER_LIMITS = new Map<string, string>(
  V1_API.routes.flatMap((route) =>
    route.bodyLimit === undefined
      ? []
      : [[`${route.method} ${expressPath(route.path)}`, route.bodyLimit] as const],
  ),
);

function largerBodyLimit(req: Request): string | undefined {
  return LARGER_LIMITS.get(`${req.method.toLowerCase()} ${req.path}`);
}

function sendFailure(res: Response, status: number, error: DomainError): void {
  res.status(status).json({ success: false, error: error.message, code: error.code });
}

/**
 * The v1 REST API from its route table: Bearer keys, rate limits, JSON in and out, errors as
 * `{success:false, error, code}`; a path or method the table does not hold answers 404.
 */
export function v1Router(useCases: V1UseCases, logger: Logger, authenticate?: AuthenticateAccount): Router {
  const router = Router();
  router.use(apiKeyAuth(useCases, "bearer", authenticate));
  router.use(jsonBody(largerBodyLimit));
  for (const route of V1_API.routes) {
    router[route.method](
      expressPath(route.path),
      forwardRejections(async (req, res) => {
        const request = { params: req.params, query: req.query, body: req.body };
        const principal = requestKey(res);
        const key = req.get("idempotency-key");
        if (route.stream !== undefined) {
          const answer = await route.stream(useCases, request, principal);
          await sendStreamed(res, route.success.status, answer, (error) =>
            requestLogger(res, logger).error({ err: error }, "export cut short in the v1 API"),
          );
        } else if (route.idempotent === true && key !== undefined) {
          const answer = await answerIdempotently(useCases, { route, key, principal, request });
          if (answer.replayed) res.setHeader("Idempotent-Replayed", "true");
          res.status(answer.status).type("application/json").send(answer.body);
        } else {
          const answer = await route.run(useCases, request, principal);
          res.status(route.success.status).json({ success: true, ...answer });
        }
      }),
    );
  }
  router.use((_req, res) =>
    sendFailure(res, 404, new DomainError("invalid_request", "No such endpoint in the v1 API.")),
  );
  router.use((error: unknown, _req: Request, res: Response, _next: NextFunction) => {
    const { error: domainError, unexpected } = toDomainError(error);
    if (unexpected) requestLogger(res, logger).error({ err: error }, "unexpected error in the v1 API");
    if (domainError.retryAfterSeconds !== undefined && !res.hasHeader("Retry-After")) {
      res.setHeader("Retry-After", String(domainError.retryAfterSeconds));
    }
    sendFailure(res, V1_ERROR_STATUS[domainError.code], domainError);
  });
  return router;
}
