import type { Response } from "express";
import type { ApiKeyIssuer } from "../../../application/use-cases/api-key/issue-api-key.js";
import { FULL_ACCESS, type KeyAccess } from "../../../domain/api-key/key-access.js";
import { DomainError } from "../../../domain/errors/domain-error.js";

/** Who a request acts for: its account, and what its key may do. */
export interface RequestPrincipal {
  readonly accountId: string;
  /** The key's scopes and domains; absent for the host's own `authenticate`, whose users may do all. */
  readonly access: KeyAccess | undefined;
  /** The key as a maker of keys (POST /v1/keys): its access, limits and expiry. */
  readonly issuer: ApiKeyIssuer;
}

interface StoredPrincipal extends Partial<ApiKeyIssuer> {
  readonly accountId: string;
}

/** The account this request acts for, from its API key or the host's `authenticate` (set by `apiKeyAuth`). */
export function requestKey(res: Response): RequestPrincipal {
  const key: unknown = res.locals.apiKey;
  if (typeof key !== "object" || key === null)
    throw new DomainError("unauthorized", "A valid API key is required.");
  const { accountId, scopes, domains, limits, expiresAt } = key as StoredPrincipal;
  if (scopes === undefined || domains === undefined) {
    return { accountId, access: undefined, issuer: { ...FULL_ACCESS, limits: null, expiresAt: null } };
  }
  const access = { scopes, domains };
  return { accountId, access, issuer: { ...access, limits: limits ?? null, expiresAt: expiresAt ?? null } };
}
