import type { ApiKeyRepository } from "../../application/ports/api-key-repository.js";
import type { ApiKey } from "../../domain/api-key/api-key.js";
import { decodeRecord, encodeRecord } from "./json-record.js";
import { LuaScript } from "./lua-script.js";
import type { RedisClient } from "./redis-connection.js";
import { RedisKeys } from "./redis-keys.js";
import { guarded } from "./redis-unavailable.js";

/** KEYS: key. ARGV: json, revokedAt (or ''). Writes a new key record unless the id is in use; 1 when written. */
const WRITE_NEW_KEY = new LuaScript(`
if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
redis.call('HSET', KEYS[1], 'json', ARGV[1])
if ARGV[2] ~= '' then redis.call('HSET', KEYS[1], 'revokedAt', ARGV[2]) end
return 1`);

/** KEYS: key. ARGV: at. Sets revokedAt unless set already; 0 when there is no such key. */
const REVOKE = new LuaScript(`
if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
redis.call('HSETNX', KEYS[1], 'revokedAt', ARGV[1])
return 1`);

/** KEYS: key. ARGV: name. Sets the name field; 0 when there is no such key. */
const RENAME = new LuaScript(`
if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
redis.call('HSET', KEYS[1], 'name', ARGV[1])
return 1`);

/**
 * API keys: a record hash per id, a hash → id string whose `SET NX` makes a hash unique (and a key real),
 * and a set of ids per account. A record is only answered while its hash points back at it.
 */
export class RedisApiKeyRepository implements ApiKeyRepository {
  constructor(
    private readonly client: RedisClient,
    private readonly keys: RedisKeys = new RedisKeys(),
  ) {}

  async create(key: ApiKey): Promise<boolean> {
    return guarded(async () => {
      const { revokedAt, ...record } = key;
      const args = [encodeRecord(record), revokedAt?.toISOString() ?? ""];
      if ((await WRITE_NEW_KEY.run(this.client, [this.keys.apiKey(key.id)], args)) !== 1) return false;
      await this.client.sadd(this.keys.accountApiKeys(key.accountId), key.id);
      if ((await this.client.set(this.keys.apiKeyHash(key.hash), key.id, "NX")) === "OK") return true;
      await Promise.all([
        this.client.del(this.keys.apiKey(key.id)),
        this.client.srem(this.keys.accountApiKeys(key.accountId), key.id),
      ]);
      return false;
    });
  }

  async findByHash(hash: string): Promise<ApiKey | null> {
    return guarded(async () => {
      const id = await this.client.get(this.keys.apiKeyHash(hash));
      const key = id === null ? null : await this.load(id);
      return key?.hash === hash ? key : null;
    });
  }

  async findById(id: string): Promise<ApiKey | null> {
    return guarded(async () => {
      const key = await this.load(id);
      if (key === null) return null;
      return (await this.client.get(this.keys.apiKeyHash(key.hash))) === id ? key : null;
    });
  }

  async revoke(id: string, at: Date): Promise<boolean> {
    return guarded(async () => {
      if ((await this.findById(id)) === null) return false;
      return (await REVOKE.run(this.client, [this.keys.apiKey(id)], [at.toISOString()])) === 1;
    });
  }

  async rename(id: string, name: string): Promise<boolean> {
    return guarded(async () => {
      if ((await this.findById(id)) === null) return false;
      return (await RENAME.run(this.client, [this.keys.apiKey(id)], [name])) === 1;
    });
  }

  async listByAccount(accountId: string): Promise<ApiKey[]> {
    return guarded(async () => {
      const ids = await this.client.smembers(this.keys.accountApiKeys(accountId));
      const keys = await Promise.all(ids.map((id) => this.findById(id)));
      return keys
        .filter((key): key is ApiKey => key?.accountId === accountId)
        .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || (a.id < b.id ? -1 : 1));
    });
  }

  private async load(id: string): Promise<ApiKey | null> {
    const [json, revokedAt, name] = await this.client.hmget(
      this.keys.apiKey(id),
      "json",
      "revokedAt",
      "name",
    );
    if (json === null || json === undefined) return null;
    const record = decodeRecord<Omit<ApiKey, "revokedAt">>(json, ["createdAt"]);
    // A rename writes its own field, over the name the key was created with, if any.
    return { ...record, ...(name ? { name } : {}), revokedAt: revokedAt ? new Date(revokedAt) : null };
  }
}
