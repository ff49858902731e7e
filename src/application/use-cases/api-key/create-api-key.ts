import {
  API_KEY_ID_PREFIX,
  API_KEY_PREFIX,
  type ApiKey,
  isValidAccountId,
} from "../../../domain/api-key/api-key.js";
import { DomainError } from "../../../domain/errors/domain-error.js";
import type { ApiKeyRepository } from "../../ports/api-key-repository.js";
import type { Clock, IdGenerator, KeyHasher } from "../../ports/technical.js";
import { type ApiKeyView, toApiKeyView } from "../../views/api-key-view.js";

export interface CreatedApiKey {
  /** The key itself: shown once, never stored. */
  readonly key: string;
  readonly apiKey: ApiKeyView;
}

/** Makes a new API key for an account; only its hash is stored. @throws DomainError invalid_request */
export class CreateApiKey {
  constructor(
    private readonly keys: ApiKeyRepository,
    private readonly ids: IdGenerator,
    private readonly hasher: KeyHasher,
    private readonly clock: Clock,
  ) {}

  async execute(request: {
    readonly accountId: string;
    /** The key itself, when the operator chose it; a random `hxk_` key otherwise. */
    readonly key?: string;
    /** False for an account whose plan does not include the API; true by default. */
    readonly apiAccess?: boolean;
  }): Promise<CreatedApiKey> {
    const { accountId } = request;
    if (!isValidAccountId(accountId)) {
      throw new DomainError(
        "invalid_request",
        "An account name is 1 to 64 characters of A-Z, a-z, 0-9, _ . @ -.",
      );
    }
    const key = request.key ?? `${API_KEY_PREFIX}${this.ids.secret()}`;
    const apiKey: ApiKey = {
      id: this.ids.id(API_KEY_ID_PREFIX),
      accountId,
      hash: this.hasher.hash(key),
      createdAt: this.clock.now(),
      revokedAt: null,
      apiAccess: request.apiAccess ?? true,
      limits: null,
    };
    if (!(await this.keys.create(apiKey))) {
      throw new DomainError("invalid_request", "This key exists already.");
    }
    return { key, apiKey: toApiKeyView(apiKey) };
  }
}
