import { DomainError } from "../../../domain/errors/domain-error.js";
import type { ApiKeyRepository } from "../../ports/api-key-repository.js";

/** The longest name a key may have. */
export const API_KEY_NAME_MAX_LENGTH = 64;

/** Names an API key (an operator's label, shown by `keys list`). @throws DomainError invalid_request */
export class RenameApiKey {
  constructor(private readonly keys: ApiKeyRepository) {}

  async execute({ id, name }: { readonly id: string; readonly name: string }): Promise<void> {
    const trimmed = name.trim();
    // Printable characters only: the name is shown in a terminal's table.
    if (trimmed === "" || trimmed.length > API_KEY_NAME_MAX_LENGTH || /\p{Cc}/u.test(trimmed)) {
      throw new DomainError(
        "invalid_request",
        `A key's name is 1 to ${API_KEY_NAME_MAX_LENGTH} printable characters.`,
      );
    }
    if (!(await this.keys.rename(id, trimmed))) {
      throw new DomainError("invalid_request", `No API key with id '${id}' exists.`);
    }
  }
}
