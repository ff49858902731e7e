import type { IndexDescription } from "mongodb";
import { ACCOUNT_TAG_INDEX } from "./tag-counts.js";

/** Collection names, one per port. */
export const COLLECTIONS = {
  links: "links",
  domains: "domains",
  domainTombstones: "domain_tombstones",
  apiKeys: "api_keys",
  clickDays: "click_days",
  sessions: "dashboard_sessions",
  tagCounts: "tag_counts",
  webhookEndpoints: "webhook_endpoints",
  webhookOutbox: "webhook_outbox",
  webhookDeadLetters: "webhook_dead_letters",
  webhookDeliveries: "webhook_deliveries",
  idempotencyKeys: "idempotency_keys",
} as const;

/** Makes create atomic: a second link on the same domain and slug fails with a duplicate key. */
export const DOMAIN_SLUG_INDEX = { key: { domain: 1, slug: 1 }, name: "domain_slug", unique: true } as const;

/** Makes an API key's hash unique. */
export const KEY_HASH_INDEX = { key: { hash: 1 }, name: "hash", unique: true } as const;

/** The order of each account listing; the `account_*` indexes below hold it after `accountId`. */
export const LISTING_SORTS = {
  links: { createdAt: -1, _id: -1 },
  domains: { createdAt: 1, _id: 1 },
  apiKeys: { createdAt: 1, _id: 1 },
} as const;

/** The indexes each collection needs; `createIndexes` with these is idempotent. */
export const INDEX_SPECS: Readonly<Record<keyof typeof COLLECTIONS, readonly IndexDescription[]>> = {
  links: [
    DOMAIN_SLUG_INDEX,
    { key: { accountId: 1, ...LISTING_SORTS.links }, name: "account_newest" },
    // Multikey: one entry per tag, so a tag filter reads that tag's links of the account, newest first.
    { key: { accountId: 1, tags: 1, ...LISTING_SORTS.links }, name: "account_tag_newest" },
  ],
  // `account_created` ({ accountId, createdAt }) of earlier versions could not serve the tie on _id; drop it.
  domains: [{ key: { accountId: 1, ...LISTING_SORTS.domains }, name: "account_created_id" }],
  domainTombstones: [],
  apiKeys: [KEY_HASH_INDEX, { key: { accountId: 1, ...LISTING_SORTS.apiKeys }, name: "account_created_id" }],
  clickDays: [{ key: { linkId: 1, day: 1 }, name: "link_day", unique: true }],
  // MongoDB deletes a session once its `purgeAt` has passed.
  sessions: [{ key: { purgeAt: 1 }, name: "purge_at", expireAfterSeconds: 0 }],
  tagCounts: [ACCOUNT_TAG_INDEX],
  webhookEndpoints: [{ key: { accountId: 1, createdAt: 1, _id: 1 }, name: "account_created_id" }],
  // Leasing takes the earliest due messages; a lease moves `due` to its expiry.
  webhookOutbox: [{ key: { due: 1, _id: 1 }, name: "due_id" }],
  webhookDeadLetters: [],
  webhookDeliveries: [{ key: { endpointId: 1, createdAt: -1, _id: -1 }, name: "endpoint_newest" }],
  // The server deletes a key once its expiresAt passes (within a minute); reads treat it as gone at once.
  idempotencyKeys: [{ key: { expiresAt: 1 }, name: "expires_at_ttl", expireAfterSeconds: 0 }],
};
