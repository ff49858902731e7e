import type { ApiKeyView } from "../../../application/views/api-key-view.js";
import type { RateLimits } from "../../../domain/api-key/api-key.js";

const iso = (date: Date | null) => (date === null ? null : date.toISOString());

/** The v1 API key object (spec §13): never the secret. */
export function keyJson(key: Omit<ApiKeyView, "name"> & { readonly name?: string | null }) {
  return {
    id: key.id,
    name: key.name ?? null,
    scopes: [...key.scopes],
    domains: key.domains === null ? null : [...key.domains],
    expires_at: iso(key.expiresAt),
    created_at: key.createdAt.toISOString(),
    last_used_at: iso(key.lastUsedAt),
    rate_limits: key.limits === null ? null : rateLimitsJson(key.limits),
  };
}

function rateLimitsJson(limits: Partial<RateLimits>) {
  return {
    ...(limits.perSecond === undefined ? {} : { per_second: limits.perSecond }),
    ...(limits.perHour === undefined ? {} : { per_hour: limits.perHour }),
    ...(limits.perMonth === undefined ? {} : { per_month: limits.perMonth }),
  };
}
