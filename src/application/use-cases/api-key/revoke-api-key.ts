import type { KeyAccess } from "../../../domain/api-key/key-access.js";
import { widening } from "../../../domain/api-key/key-access.js";
import { DomainError } from "../../../domain/errors/domain-error.js";
import type { ApiKeyRepository } from "../../ports/api-key-repository.js";
import type { Clock } from "../../ports/technical.js";
import { requireScope } from "../../services/key-access-guard.js";

/**
 * Revokes a key by its id; it stops working at once (every request reads the key from the store).
 * A key revoking a key (DELETE /v1/keys/:id) gives its account, which must own the key, and its access, which
 * must cover the key's: a narrow key cannot revoke a broader one.
 * @throws DomainError invalid_request when unknown to an operator; not_found when not the account's;
 *   forbidden without keys:write or for a broader key
 */
export class RevokeApiKey {
  constructor(
    private readonly keys: ApiKeyRepository,
    private readonly clock: Clock,
  ) {}

  async execute(request: {
    readonly id: string;
    /** The account the key must belong to; another account's key answers as a missing one. */
    readonly accountId?: string;
    readonly access?: KeyAccess;
  }): Promise<void> {
    const { id, accountId, access } = request;
    if (accountId !== undefined) {
      requireScope(access, "keys:write");
      const key = await this.keys.findById(id);
      if (key === null || key.accountId !== accountId || key.revokedAt !== null) {
        throw new DomainError("not_found", `No API key with id '${id}' exists.`);
      }
      const wider = access === undefined ? null : widening(access, key);
      if (wider !== null)
        throw new DomainError("forbidden", `This key may not revoke a broader one. ${wider}`);
    }
    if (!(await this.keys.revoke(id, this.clock.now()))) {
      throw new DomainError("invalid_request", `No API key with id '${id}' exists.`);
    }
  }
}
