import type { NextFunction, Request, RequestHandler, Response } from "express";
import type { Hexlink } from "../../../application/hexlink.js";
import { isValidAccountId } from "../../../domain/api-key/api-key.js";
import { DomainError } from "../../../domain/errors/domain-error.js";
import { forwardRejections } from "../routing/forward-rejections.js";
import type { AuthenticateAccount } from "./authenticate-account.js";
import { type KeyScheme, presentedKey } from "./presented-key.js";

/**
 * Authenticates the key, counts the request against its limits and sets the X-RateLimit headers.
 * Both APIs share one budget per key. @throws DomainError unauthorized, forbidden, rate_limited, quota_exceeded
 */
export function apiKeyAuth(
  hexlink: Pick<Hexlink, "authenticateApiKey" | "consumeRateLimit">,
  scheme: KeyScheme,
  authenticate?: AuthenticateAccount,
): RequestHandler {
  return forwardRejections(async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    const accountId = authenticate === undefined ? undefined : await authenticate(req);
    if (typeof accountId === "string") {
      if (!isValidAccountId(accountId)) throw new DomainError("unauthorized", "A valid API key is required.");
      res.locals.apiKey = { accountId };
      return next();
    }
    const key = await hexlink.authenticateApiKey
      // req.ip honours trust proxy: failed attempts are counted per real client address.
      .execute({
        key: presentedKey(req.headers.authorization, scheme),
        client: req.ip ?? req.socket.remoteAddress ?? "",
      })
      .catch((error: unknown) => {
        if (error instanceof DomainError && error.retryAfterSeconds !== undefined) {
          res.setHeader("Retry-After", String(error.retryAfterSeconds));
        }
        throw error;
      });
    const decision = await hexlink.consumeRateLimit.execute({ apiKey: key });
    res.setHeader("X-RateLimit-Limit", String(decision.limit));
    res.setHeader("X-RateLimit-Remaining", String(decision.remaining));
    res.setHeader("X-RateLimit-Reset", String(decision.resetSeconds));
    if (!decision.allowed) {
      res.setHeader("Retry-After", String(decision.resetSeconds));
      throw decision.exceeded === "month"
        ? new DomainError("quota_exceeded", "The monthly request quota of this key is used up.")
        : new DomainError("rate_limited", `Too many requests; retry in ${decision.resetSeconds} s.`);
    }
    res.locals.apiKey = key;
    next();
  });
}
