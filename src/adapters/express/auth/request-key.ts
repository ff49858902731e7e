import type { Response } from "express";
import type { ApiKey } from "../../../domain/api-key/api-key.js";
import { DomainError } from "../../../domain/errors/domain-error.js";

/** The API key that authenticated this request (set by `apiKeyAuth`). */
export function requestKey(res: Response): ApiKey {
  const key: unknown = res.locals.apiKey;
  if (typeof key !== "object" || key === null)
    throw new DomainError("unauthorized", "A valid API key is required.");
  return key as ApiKey;
}
