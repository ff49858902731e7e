import type { ApiKeyRepository } from "../../ports/api-key-repository.js";
import { type ApiKeyView, toApiKeyView } from "../../views/api-key-view.js";

/** Lists an account's API keys, revoked ones too, oldest first (operator tools; never their hashes). */
export class ListApiKeys {
  constructor(private readonly keys: ApiKeyRepository) {}

  async execute({ accountId }: { readonly accountId: string }): Promise<ApiKeyView[]> {
    const keys = await this.keys.listByAccount(accountId);
    return keys
      .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || (a.id < b.id ? -1 : 1))
      .map(toApiKeyView);
  }
}
