import { DomainError } from "../../../domain/errors/domain-error.js";
import type { ApiKeyRepository } from "../../ports/api-key-repository.js";
import type { Clock } from "../../ports/technical.js";

/** Revokes a key by its id; it stops working at once. @throws DomainError invalid_request when unknown */
export class RevokeApiKey {
  constructor(
    private readonly keys: ApiKeyRepository,
    private readonly clock: Clock,
  ) {}

  async execute({ id }: { readonly id: string }): Promise<void> {
    if (!(await this.keys.revoke(id, this.clock.now()))) {
      throw new DomainError("invalid_request", `No API key with id '${id}' exists.`);
    }
  }
}
