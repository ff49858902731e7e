import type { ApiKeyRepository } from "../../application/ports/api-key-repository.js";
import type { ApiKey } from "../../domain/api-key/api-key.js";
import { FULL_ACCESS } from "../../domain/api-key/key-access.js";
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
 * KEYS: key. ARGV: at, staleBefore (ms). Sets lastUsedAt to at unless it is staleBefore or later; 1 when set.
 */
const RECORD_USE = new LuaScript(`
if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
local last = redis.call('HGET', KEYS[1], 'lastUsedAt')
if last and tonumber(last) >= tonumber(ARGV[2]) then return 0 end
redis.call('HSET', KEYS[1], 'lastUsedAt', ARGV[1])
return 1`);

/** The record's JSON: what never changes once a key is made (revocation, name and last use have fields). */
type KeyRecord = Omit<ApiKey, "revokedAt" | "lastUsedAt">;

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
      const { revokedAt, lastUsedAt, ...record } = key;
      const args = [encodeRecord(record), revokedAt?.toISOString() ?? ""];
      if ((await WRITE_NEW_KEY.run(this.client, [this.keys.apiKey(key.id)], args)) !== 1) return false;
      if (lastUsedAt !== null)
        await this.client.hset(this.keys.apiKey(key.id), "lastUsedAt", lastUsedAt.getTime());
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

  async recordUse(id: string, at: Date, staleBefore: Date): Promise<boolean> {
    return guarded(async () => {
      const args = [String(at.getTime()), String(staleBefore.getTime())];
      return (await RECORD_USE.run(this.client, [this.keys.apiKey(id)], args)) === 1;
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
    const [json, revokedAt, name, lastUsedAt] = await this.client.hmget(
      this.keys.apiKey(id),
      "json",
      "revokedAt",
      "name",
      "lastUsedAt",
    );
    if (json === null || json === undefined) return null;
    // Records written before scopes existed have none of scopes, domains or expiresAt: every scope, no limit.
    const record = decodeRecord<Partial<KeyRecord> & Omit<KeyRecord, "scopes" | "domains">>(json, [
      "createdAt",
      "expiresAt",
    ]);
    return {
      ...record,
      scopes: record.scopes ?? FULL_ACCESS.scopes,
      domains: record.domains ?? null,
      expiresAt: record.expiresAt ?? null,
      // A rename writes its own field, over the name the key was created with, if any.
      ...(name ? { name } : {}),
      revokedAt: revokedAt ? new Date(revokedAt) : null,
      lastUsedAt: lastUsedAt ? new Date(Number(lastUsedAt)) : null,
    };
  }
}
