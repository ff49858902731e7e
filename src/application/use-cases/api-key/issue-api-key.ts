import { checkKeyExpiry, effectiveLimits, type RateLimits } from "../../../domain/api-key/api-key.js";
import {
  FULL_ACCESS,
  type KeyAccess,
  parseKeyDomains,
  parseScopes,
  widening,
} from "../../../domain/api-key/key-access.js";
import { DomainError } from "../../../domain/errors/domain-error.js";
import type { Clock } from "../../ports/technical.js";
import { requireScope } from "../../services/key-access-guard.js";
import type { HexlinkSettings } from "../../settings.js";
import type { ApiKeyView } from "../../views/api-key-view.js";
import type { ApiKeyTerms, CreateApiKey, CreatedApiKey } from "./create-api-key.js";

/** The key making a key: what it may do, its limits and its expiry. */
export type ApiKeyIssuer = KeyAccess & Pick<ApiKeyView, "limits" | "expiresAt">;

const forbidden = (message: string) => new DomainError("forbidden", message);

/**
 * A key makes a key for its own account (POST /v1/keys). The new key never reaches further than the one making
 * it: no scope or domain it lacks, no later expiry, no higher rate limit (else one key could lift its own).
 * @throws DomainError forbidden (without keys:write, or for a broader key), invalid_request
 */
export class IssueApiKey {
  constructor(
    private readonly createKey: CreateApiKey,
    private readonly settings: HexlinkSettings,
    private readonly clock: Clock,
  ) {}

  async execute(
    request: ApiKeyTerms & { readonly accountId: string; readonly issuer: ApiKeyIssuer },
  ): Promise<CreatedApiKey> {
    const { issuer, accountId, ...terms } = request;
    requireScope(issuer, "keys:write");
    const wanted: KeyAccess = {
      scopes: terms.scopes === undefined ? FULL_ACCESS.scopes : parseScopes(terms.scopes),
      domains: terms.domains == null ? null : parseKeyDomains(terms.domains),
    };
    const wider = widening(issuer, wanted);
    if (wider !== null) throw forbidden(wider);
    const expiresAt = checkKeyExpiry(terms.expiresAt ?? null, this.clock.now());
    if (issuer.expiresAt !== null && (expiresAt === null || expiresAt > issuer.expiresAt)) {
      throw forbidden(
        `This key expires at ${issuer.expiresAt.toISOString()}; the keys it makes must not outlive it.`,
      );
    }
    this.refuseHigherLimits(issuer, terms.limits ?? null);
    return this.createKey.execute({ ...terms, accountId });
  }

  private refuseHigherLimits(issuer: ApiKeyIssuer, wanted: Partial<RateLimits> | null): void {
    const held = effectiveLimits(issuer, this.settings.rateLimits);
    const asked = effectiveLimits({ limits: wanted }, this.settings.rateLimits);
    const higher = (Object.keys(held) as (keyof RateLimits)[]).find((window) => asked[window] > held[window]);
    if (higher !== undefined) {
      throw forbidden(`A new key's ${higher} limit cannot be above this key's (${held[higher]}).`);
    }
  }
}
