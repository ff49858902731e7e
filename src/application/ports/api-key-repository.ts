import type { ApiKey } from "../../domain/api-key/api-key.js";

/** API keys, found by the SHA-256 hash of the key a client presents. */
export interface ApiKeyRepository {
  /** Stores a key. Returns false (and writes nothing) when a key with that hash exists already. */
  create(key: ApiKey): Promise<boolean>;
  findByHash(hash: string): Promise<ApiKey | null>;
  findById(id: string): Promise<ApiKey | null>;
  /** Marks a key revoked; returns false when there was no such key. */
  revoke(id: string, at: Date): Promise<boolean>;
  listByAccount(accountId: string): Promise<ApiKey[]>;
  /** Sets a key's name (an operator's label), revoked keys' too; returns false when there is no such key. */
  rename(id: string, name: string): Promise<boolean>;
  /**
   * Sets a key's `lastUsedAt` to `at` only when it is null or earlier than `staleBefore`, in one conditional
   * write, so instances that saw the key used in the same minute write it once. True when it wrote.
   */
  recordUse(id: string, at: Date, staleBefore: Date): Promise<boolean>;
}
