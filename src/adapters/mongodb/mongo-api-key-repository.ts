import type { Collection } from "mongodb";
import type { ApiKeyRepository } from "../../application/ports/api-key-repository.js";
import type { ApiKey, RateLimits } from "../../domain/api-key/api-key.js";
import { type ApiKeyScope, FULL_ACCESS } from "../../domain/api-key/key-access.js";
import { KEY_HASH_INDEX, LISTING_SORTS } from "./index-specs.js";
import { mongoCall } from "./mongo-call.js";

/** An API key as stored in the `api_keys` collection, its id as `_id` (the hash has a unique index). */
export interface ApiKeyDocument {
  _id: string;
  accountId: string;
  hash: string;
  createdAt: Date;
  revokedAt: Date | null;
  apiAccess: boolean;
  limits: Partial<RateLimits> | null;
  name?: string;
  /** Absent on keys stored before scopes existed: every scope, no domain limit, no expiry. */
  scopes?: ApiKeyScope[];
  domains?: string[] | null;
  expiresAt?: Date | null;
  lastUsedAt?: Date | null;
}

/** API keys found by hash or id. */
export class MongoApiKeyRepository implements ApiKeyRepository {
  constructor(private readonly keys: Collection<ApiKeyDocument>) {}

  async create(key: ApiKey): Promise<boolean> {
    return mongoCall(
      async () => {
        await this.keys.insertOne(toApiKeyDocument(key));
        return true;
      },
      // Another key with this hash; a duplicate id is a failure, not a refusal.
      { index: KEY_HASH_INDEX, answer: () => false },
    );
  }

  async findByHash(hash: string): Promise<ApiKey | null> {
    const document = await mongoCall(() => this.keys.findOne({ hash: { $eq: hash } }));
    return document === null ? null : fromApiKeyDocument(document);
  }

  async findById(id: string): Promise<ApiKey | null> {
    const document = await mongoCall(() => this.keys.findOne({ _id: { $eq: id } }));
    return document === null ? null : fromApiKeyDocument(document);
  }

  async revoke(id: string, at: Date): Promise<boolean> {
    // A pipeline update keeps the first revocation time in one atomic write.
    const result = await mongoCall(() =>
      this.keys.updateOne({ _id: { $eq: id } }, [{ $set: { revokedAt: { $ifNull: ["$revokedAt", at] } } }]),
    );
    return result.matchedCount === 1;
  }

  async rename(id: string, name: string): Promise<boolean> {
    const result = await mongoCall(() => this.keys.updateOne({ _id: { $eq: id } }, { $set: { name } }));
    return result.matchedCount === 1;
  }

  async recordUse(id: string, at: Date, staleBefore: Date): Promise<boolean> {
    // `lastUsedAt: null` also matches documents without the field (keys stored before it existed).
    const result = await mongoCall(() =>
      this.keys.updateOne(
        { _id: { $eq: id }, $or: [{ lastUsedAt: { $eq: null } }, { lastUsedAt: { $lt: staleBefore } }] },
        { $set: { lastUsedAt: at } },
      ),
    );
    return result.modifiedCount === 1;
  }

  async listByAccount(accountId: string): Promise<ApiKey[]> {
    const documents = await mongoCall(() =>
      this.keys
        .find({ accountId: { $eq: accountId } })
        .sort(LISTING_SORTS.apiKeys)
        .toArray(),
    );
    return documents.map(fromApiKeyDocument);
  }
}

/** The document stored for an API key; absent limit overrides are left out, not stored as null. */
export function toApiKeyDocument(key: ApiKey): ApiKeyDocument {
  const limits =
    key.limits === null
      ? null
      : Object.fromEntries(Object.entries(key.limits).filter(([, value]) => value !== undefined));
  return {
    _id: key.id,
    accountId: key.accountId,
    hash: key.hash,
    createdAt: key.createdAt,
    revokedAt: key.revokedAt,
    apiAccess: key.apiAccess,
    limits,
    ...(key.name === undefined ? {} : { name: key.name }),
    scopes: [...key.scopes],
    domains: key.domains === null ? null : [...key.domains],
    expiresAt: key.expiresAt,
    lastUsedAt: key.lastUsedAt,
  };
}

/** The API key a stored document holds. */
export function fromApiKeyDocument(document: ApiKeyDocument): ApiKey {
  return {
    id: document._id,
    accountId: document.accountId,
    hash: document.hash,
    createdAt: document.createdAt,
    revokedAt: document.revokedAt,
    apiAccess: document.apiAccess,
    limits: document.limits,
    ...(document.name === undefined ? {} : { name: document.name }),
    scopes: document.scopes ?? FULL_ACCESS.scopes,
    domains: document.domains ?? null,
    expiresAt: document.expiresAt ?? null,
    lastUsedAt: document.lastUsedAt ?? null,
  };
}
