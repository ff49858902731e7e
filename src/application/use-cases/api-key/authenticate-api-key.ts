import { type ApiKey, isUsable } from "../../../domain/api-key/api-key.js";
import { DomainError } from "../../../domain/errors/domain-error.js";
import type { ApiKeyRepository } from "../../ports/api-key-repository.js";
import type { KeyHasher } from "../../ports/technical.js";

/** The stored key a client presented. @throws DomainError unauthorized, forbidden */
export class AuthenticateApiKey {
  constructor(
    private readonly keys: ApiKeyRepository,
    private readonly hasher: KeyHasher,
  ) {}

  // Lookup is by SHA-256 of the key, so no comparison of secrets happens here to leak timing.
  async execute(presented: string | undefined): Promise<ApiKey> {
    if (presented === undefined || presented === "" || presented.length > 512) {
      throw new DomainError("unauthorized", "A valid API key is required.");
    }
    const key = await this.keys.findByHash(this.hasher.hash(presented));
    if (key === null || !isUsable(key)) throw new DomainError("unauthorized", "A valid API key is required.");
    if (!key.apiAccess) throw new DomainError("forbidden", "This account may not use the API.");
    return key;
  }
}
