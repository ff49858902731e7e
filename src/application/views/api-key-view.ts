import type { ApiKey, RateLimits } from "../../domain/api-key/api-key.js";

/** An API key as the use cases return it: never its hash. */
export interface ApiKeyView {
  readonly id: string;
  readonly accountId: string;
  readonly createdAt: Date;
  readonly revokedAt: Date | null;
  /** False for an account whose plan does not include the API. */
  readonly apiAccess: boolean;
  /** Per-key overrides of the server's rate limits. */
  readonly limits: Partial<RateLimits> | null;
}

/** The view of a stored API key. */
export function toApiKeyView(key: ApiKey): ApiKeyView {
  return {
    id: key.id,
    accountId: key.accountId,
    createdAt: key.createdAt,
    revokedAt: key.revokedAt,
    apiAccess: key.apiAccess,
    limits: key.limits,
  };
}
