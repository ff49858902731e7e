import type { ApiKeyRepository } from "../../application/ports/api-key-repository.js";
import type { ApiKey } from "../../domain/api-key/api-key.js";

/** API keys in a Map keyed by id, with an index by hash. */
export class InMemoryApiKeyRepository implements ApiKeyRepository {
  private readonly byId = new Map<string, ApiKey>();
  private readonly idByHash = new Map<string, string>();

  async create(key: ApiKey): Promise<boolean> {
    if (this.idByHash.has(key.hash)) return false;
    this.byId.set(key.id, copyOf(key));
    this.idByHash.set(key.hash, key.id);
    return true;
  }

  async findByHash(hash: string): Promise<ApiKey | null> {
    const id = this.idByHash.get(hash);
    return id === undefined ? null : this.findById(id);
  }

  async findById(id: string): Promise<ApiKey | null> {
    const key = this.byId.get(id);
    return key === undefined ? null : copyOf(key);
  }

  async revoke(id: string, at: Date): Promise<boolean> {
    const key = this.byId.get(id);
    if (key === undefined) return false;
    if (key.revokedAt === null) this.byId.set(id, { ...key, revokedAt: at });
    return true;
  }

  async rename(id: string, name: string): Promise<boolean> {
    const key = this.byId.get(id);
    if (key === undefined) return false;
    this.byId.set(id, { ...key, name });
    return true;
  }

  async recordUse(id: string, at: Date, staleBefore: Date): Promise<boolean> {
    const key = this.byId.get(id);
    if (key === undefined || (key.lastUsedAt !== null && key.lastUsedAt >= staleBefore)) return false;
    this.byId.set(id, { ...key, lastUsedAt: new Date(at.getTime()) });
    return true;
  }

  async listByAccount(accountId: string): Promise<ApiKey[]> {
    return [...this.byId.values()].filter((k) => k.accountId === accountId).map(copyOf);
  }
}

/** A copy sharing nothing mutable with the stored key; structuredClone costs microseconds on every API request. */
function copyOf(key: ApiKey): ApiKey {
  return {
    ...key,
    createdAt: new Date(key.createdAt.getTime()),
    revokedAt: copyOfDate(key.revokedAt),
    limits: key.limits === null ? null : { ...key.limits },
    scopes: [...key.scopes],
    domains: key.domains === null ? null : [...key.domains],
    expiresAt: copyOfDate(key.expiresAt),
    lastUsedAt: copyOfDate(key.lastUsedAt),
  };
}

function copyOfDate(date: Date | null): Date | null {
  return date === null ? null : new Date(date.getTime());
}
