import { checkKeyExpiry, effectiveLimits, type RateLimits } from "../../../domain/api-key/api-key.js";
import {
  FULL_ACCESS,
  type KeyAccess,
  parseKeyDomains,
  parseScopes,
  widening,
} from "../../../domain/api-key/key-access.js";
import { claimHostname } from "../../../domain/custom-domain/custom-domain.js";
import { DomainError } from "../../../domain/errors/domain-error.js";
import type { DomainRepository } from "../../ports/domain-repository.js";
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
 * Its domains are the default domain or the account's custom domains (in any state), so a typo is refused
 * rather than making a key that sees nothing.
 * @throws DomainError forbidden (without keys:write, or for a broader key), invalid_domain, invalid_request
 */
export class IssueApiKey {
  constructor(
    private readonly createKey: CreateApiKey,
    private readonly domains: DomainRepository,
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
    await this.refuseUnknownDomains(accountId, wanted.domains ?? []);
    return this.createKey.execute({ ...terms, accountId });
  }

  private async refuseUnknownDomains(accountId: string, hosts: readonly string[]): Promise<void> {
    for (const host of hosts) {
      if (host === claimHostname(this.settings.defaultDomain)) continue;
      const domain = await this.domains.findByHostname(host);
      if (domain === null || domain.accountId !== accountId) {
        throw new DomainError("invalid_domain", `The domain '${host}' is not registered to this account.`);
      }
    }
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
