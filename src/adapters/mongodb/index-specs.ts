import type { IndexDescription } from "mongodb";

/** Collection names, one per port. */
export const COLLECTIONS = {
  links: "links",
  domains: "domains",
  apiKeys: "api_keys",
  clickDays: "click_days",
} as const;

/** The indexes each collection needs; `createIndexes` with these is idempotent. */
export const INDEX_SPECS: Readonly<Record<keyof typeof COLLECTIONS, readonly IndexDescription[]>> = {
  links: [
    // Makes create atomic: a second link on the same domain and slug fails with a duplicate key.
    { key: { domain: 1, slug: 1 }, name: "domain_slug", unique: true },
    { key: { accountId: 1, createdAt: -1, _id: -1 }, name: "account_newest" },
  ],
  domains: [{ key: { accountId: 1, createdAt: 1 }, name: "account_created" }],
  apiKeys: [
    { key: { hash: 1 }, name: "hash", unique: true },
    { key: { accountId: 1, createdAt: 1 }, name: "account_created" },
  ],
  clickDays: [{ key: { linkId: 1, day: 1 }, name: "link_day", unique: true }],
};
