import type { ApiKey, RateLimits } from "../../domain/api-key/api-key.js";
import type { ApiKeyScope } from "../../domain/api-key/key-access.js";

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
  readonly scopes: readonly ApiKeyScope[];
  /** The hostnames the key is limited to; null for every domain of its account. */
  readonly domains: readonly string[] | null;
  readonly expiresAt: Date | null;
  readonly lastUsedAt: Date | null;
  /** The key's label; absent until given. */
  readonly name?: string;
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
    scopes: [...key.scopes],
    domains: key.domains === null ? null : [...key.domains],
    expiresAt: key.expiresAt,
    lastUsedAt: key.lastUsedAt,
    ...(key.name === undefined ? {} : { name: key.name }),
  };
}
