import type { NextFunction, Request, Response } from "express";
import type { Hexlink } from "../../../application/hexlink.js";
import type { ApiKey } from "../../../domain/api-key/api-key.js";
import { DomainError } from "../../../domain/errors/domain-error.js";

/** How an API reads its key from the Authorization header. */
export type KeyScheme = "bearer" | "bearer-or-raw";

/** The key presented in an Authorization header, by scheme; undefined when there is none. */
export function presentedKey(header: string | undefined, scheme: KeyScheme): string | undefined {
  if (header === undefined) return undefined;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (match?.[1] !== undefined) return match[1];
  return scheme === "bearer-or-raw" && /^\S+$/.test(header.trim()) ? header.trim() : undefined;
}

/** The API key that authenticated this request (set by {@link apiKeyAuth}). */
export function requestKey(res: Response): ApiKey {
  const key: unknown = res.locals.apiKey;
  if (typeof key !== "object" || key === null)
    throw new DomainError("unauthorized", "A valid API key is required.");
  return key as ApiKey;
}

/**
 * Authenticates the key, counts the request against its limits and sets the X-RateLimit headers.
 * Both APIs share one budget per key. @throws DomainError unauthorized, forbidden, rate_limited, quota_exceeded
 */
export function apiKeyAuth(
  hexlink: Pick<Hexlink, "authenticateApiKey" | "consumeRateLimit">,
  scheme: KeyScheme,
) {
  return async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    const key = await hexlink.authenticateApiKey
      // req.ip honours trust proxy: failed attempts are counted per real client address.
      .execute(presentedKey(req.headers.authorization, scheme), req.ip ?? req.socket.remoteAddress ?? "")
      .catch((error: unknown) => {
        if (error instanceof DomainError && error.retryAfterSeconds !== undefined) {
          res.setHeader("Retry-After", String(error.retryAfterSeconds));
        }
        throw error;
      });
    const decision = await hexlink.consumeRateLimit.execute(key);
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
  };
}
