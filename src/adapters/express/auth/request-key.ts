import type { Response } from "express";
import { DomainError } from "../../../domain/errors/domain-error.js";

/** The account this request acts for, from its API key or the host's `authenticate` (set by `apiKeyAuth`). */
export function requestKey(res: Response): { readonly accountId: string } {
  const key: unknown = res.locals.apiKey;
  if (typeof key !== "object" || key === null)
    throw new DomainError("unauthorized", "A valid API key is required.");
  return key as { readonly accountId: string };
}
