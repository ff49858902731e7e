import {
  API_KEY_ID_PREFIX,
  API_KEY_PREFIX,
  type ApiKey,
  checkKeyExpiry,
  checkLimits,
  isValidAccountId,
  parseKeyName,
  type RateLimits,
} from "../../../domain/api-key/api-key.js";
import { FULL_ACCESS, parseKeyDomains, parseScopes } from "../../../domain/api-key/key-access.js";
import { DomainError } from "../../../domain/errors/domain-error.js";
import type { ApiKeyRepository } from "../../ports/api-key-repository.js";
import type { Clock, IdGenerator, KeyHasher } from "../../ports/technical.js";
import { type ApiKeyView, toApiKeyView } from "../../views/api-key-view.js";

export interface CreatedApiKey {
  /** The key itself: shown once, never stored. */
  readonly key: string;
  readonly apiKey: ApiKeyView;
}

/** What a new key may do and how long; every field optional (every scope, no limit, no expiry). */
export interface ApiKeyTerms {
  readonly name?: string;
  /** A subset of the scopes; every scope when absent. */
  readonly scopes?: readonly string[];
  /** Hostnames the key is limited to; none (every domain of the account) when absent or null. */
  readonly domains?: readonly string[] | null;
  readonly expiresAt?: Date | null;
  /** Overrides of the server's rate limits for this key. */
  readonly limits?: Partial<RateLimits> | null;
}

/**
 * Makes a new API key for an account, as an operator (a key making a key goes through `IssueApiKey`); only
 * its hash is stored. @throws DomainError invalid_request
 */
export class CreateApiKey {
  constructor(
    private readonly keys: ApiKeyRepository,
    private readonly ids: IdGenerator,
    private readonly hasher: KeyHasher,
    private readonly clock: Clock,
  ) {}

  async execute(
    request: ApiKeyTerms & {
      readonly accountId: string;
      /** The key itself, when the operator chose it; a random `hxk_` key otherwise. */
      readonly key?: string;
      /** False for an account whose plan does not include the API; true by default. */
      readonly apiAccess?: boolean;
    },
  ): Promise<CreatedApiKey> {
    const { accountId } = request;
    if (!isValidAccountId(accountId)) {
      throw new DomainError(
        "invalid_request",
        "An account name is 1 to 64 characters of A-Z, a-z, 0-9, _ . @ -.",
      );
    }
    const now = this.clock.now();
    const name = request.name === undefined ? undefined : parseKeyName(request.name);
    const scopes = request.scopes === undefined ? [...FULL_ACCESS.scopes] : parseScopes(request.scopes);
    const domains = request.domains == null ? null : parseKeyDomains(request.domains);
    const expiresAt = checkKeyExpiry(request.expiresAt ?? null, now);
    const limits = request.limits == null ? null : checkLimits(request.limits);
    const key = request.key ?? `${API_KEY_PREFIX}${this.ids.secret()}`;
    const apiKey: ApiKey = {
      id: this.ids.id(API_KEY_ID_PREFIX),
      accountId,
      hash: this.hasher.hash(key),
      createdAt: now,
      revokedAt: null,
      apiAccess: request.apiAccess ?? true,
      limits,
      scopes,
      domains,
      expiresAt,
      lastUsedAt: null,
      ...(name === undefined ? {} : { name }),
    };
    if (!(await this.keys.create(apiKey))) {
      throw new DomainError("invalid_request", "This key exists already.");
    }
    return { key, apiKey: toApiKeyView(apiKey) };
  }
}
