import type { ApiKeyRepository } from "../../ports/api-key-repository.js";
import { type ApiKeyView, toApiKeyView } from "../../views/api-key-view.js";

/** An API key as operators list it: the view, with the name given by a rename (null until then). */
export interface NamedApiKeyView extends ApiKeyView {
  readonly name: string | null;
}

/** Lists an account's API keys, revoked ones too, oldest first (operator tools; never their hashes). */
export class ListApiKeys {
  constructor(private readonly keys: ApiKeyRepository) {}

  async execute({ accountId }: { readonly accountId: string }): Promise<NamedApiKeyView[]> {
    const keys = await this.keys.listByAccount(accountId);
    return keys
      .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || (a.id < b.id ? -1 : 1))
      .map((key) => ({ ...toApiKeyView(key), name: key.name ?? null }));
  }
}
