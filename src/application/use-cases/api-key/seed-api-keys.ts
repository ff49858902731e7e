import { DomainError } from "../../../domain/errors/domain-error.js";
import type { ApiKeyRepository } from "../../ports/api-key-repository.js";
import type { KeyHasher } from "../../ports/technical.js";
import type { CreateApiKey } from "./create-api-key.js";

export interface SeedKey {
  readonly accountId: string;
  readonly key: string;
}

export const SEED_KEY_MIN_LENGTH = 16;

/** Creates the operator's configured keys that are missing; running it again changes nothing. */
export class SeedApiKeys {
  constructor(
    private readonly keys: ApiKeyRepository,
    private readonly hasher: KeyHasher,
    private readonly createKey: CreateApiKey,
  ) {}

  /** Returns how many keys were created. @throws DomainError invalid_request for a key of another account */
  async execute({ seeds }: { readonly seeds: readonly SeedKey[] }): Promise<number> {
    let created = 0;
    for (const seed of seeds) {
      if (await this.isSeeded(seed)) continue;
      try {
        await this.createKey.execute({ accountId: seed.accountId, key: seed.key });
        created++;
      } catch (error) {
        // Instances sharing a store start together: another one may have created the key meanwhile.
        if (!(await this.isSeeded(seed))) throw error;
      }
    }
    return created;
  }

  /** Whether the key exists already for its account. @throws DomainError invalid_request for another account */
  private async isSeeded(seed: SeedKey): Promise<boolean> {
    const existing = await this.keys.findByHash(this.hasher.hash(seed.key));
    if (existing === null) return false;
    if (existing.accountId !== seed.accountId) {
      throw new DomainError("invalid_request", "A seeded key is already registered to another account.");
    }
    return true;
  }
}
