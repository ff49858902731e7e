import type { ApiKeyRepository } from "../../ports/api-key-repository.js";
import { type AccessRequest, requireScope } from "../../services/key-access-guard.js";
import { type ApiKeyView, toApiKeyView } from "../../views/api-key-view.js";

/** An API key as listed: the view, with the name given by a rename (null until then). */
export interface NamedApiKeyView extends Omit<ApiKeyView, "name"> {
  readonly name: string | null;
}

/**
 * Lists an account's API keys, oldest first, never their hashes; revoked ones too unless `includeRevoked` is
 * false (GET /v1/keys, which needs keys:write, shows working and expired keys). @throws DomainError forbidden
 */
export class ListApiKeys {
  constructor(private readonly keys: ApiKeyRepository) {}

  async execute({
    accountId,
    access,
    includeRevoked = true,
  }: AccessRequest & { readonly accountId: string; readonly includeRevoked?: boolean }): Promise<
    NamedApiKeyView[]
  > {
    requireScope(access, "keys:write");
    const keys = await this.keys.listByAccount(accountId);
    return keys
      .filter((key) => includeRevoked || key.revokedAt === null)
      .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || (a.id < b.id ? -1 : 1))
      .map((key) => ({ ...toApiKeyView(key), name: key.name ?? null }));
  }
}
