import { parseKeyName } from "../../../domain/api-key/api-key.js";
import { DomainError } from "../../../domain/errors/domain-error.js";
import type { ApiKeyRepository } from "../../ports/api-key-repository.js";

export { API_KEY_NAME_MAX_LENGTH } from "../../../domain/api-key/api-key.js";

/** Names an API key (an operator's label, shown by `keys list`). @throws DomainError invalid_request */
export class RenameApiKey {
  constructor(private readonly keys: ApiKeyRepository) {}

  async execute({ id, name }: { readonly id: string; readonly name: string }): Promise<void> {
    const trimmed = parseKeyName(name);
    if (!(await this.keys.rename(id, trimmed))) {
      throw new DomainError("invalid_request", `No API key with id '${id}' exists.`);
    }
  }
}
