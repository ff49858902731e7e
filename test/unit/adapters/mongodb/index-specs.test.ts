import type { Collection, Document, IndexDescription } from "mongodb";
import { describe, expect, it } from "vitest";
import { COLLECTIONS, INDEX_SPECS } from "../../../../src/adapters/mongodb/index-specs.js";
import type { LinkDocument } from "../../../../src/adapters/mongodb/link-document.js";
import {
  type ApiKeyDocument,
  MongoApiKeyRepository,
} from "../../../../src/adapters/mongodb/mongo-api-key-repository.js";
import {
  type DomainDocument,
  type DomainTombstoneDocument,
  MongoDomainRepository,
} from "../../../../src/adapters/mongodb/mongo-domain-repository.js";
import { MongoLinkRepository } from "../../../../src/adapters/mongodb/mongo-link-repository.js";

/** A collection that answers every find with nothing and remembers the filter and sort it was given. */
function recordingCollection<T extends Document>(): { collection: Collection<T>; seen: Document[] } {
  const seen: Document[] = [];
  const cursor = (filter: Document) => {
    const query: Document = { filter, sort: undefined };
    seen.push(query);
    const chain = {
      sort: (sort: Document) => {
        query.sort = sort;
        return chain;
      },
      limit: () => chain,
      toArray: async () => [],
    };
    return chain;
  };
  return { collection: { find: cursor } as unknown as Collection<T>, seen };
}

/** True when an index's key starts with the filter's equality fields, then holds the sort (or its reverse). */
function serves(index: IndexDescription, equality: readonly string[], sort: Document): boolean {
  const key = Object.entries(index.key as Record<string, number>);
  const wanted = [...equality.map((field): [string, number] => [field, 1]), ...Object.entries(sort)];
  if (key.length < wanted.length) return false;
  const same = (sign: number) =>
    wanted.every(([field, direction], at) => {
      const [name, order] = key[at] ?? [];
      return name === field && (at < equality.length || order === direction * sign);
    });
  return same(1) || same(-1);
}

describe("index specifications", () => {
  it("make (domain, slug) unique for links", () => {
    expect(INDEX_SPECS.links).toContainEqual({
      key: { domain: 1, slug: 1 },
      name: "domain_slug",
      unique: true,
    });
  });

  it("serve an account's listing newest first, ties by id", () => {
    expect(INDEX_SPECS.links).toContainEqual({
      key: { accountId: 1, createdAt: -1, _id: -1 },
      name: "account_newest",
    });
  });

  it("make (link id, day) unique for click buckets, with the link id first for the shard key", () => {
    expect(INDEX_SPECS.clickDays).toEqual([{ key: { linkId: 1, day: 1 }, name: "link_day", unique: true }]);
  });

  it("make an API key hash unique", () => {
    expect(INDEX_SPECS.apiKeys).toContainEqual({ key: { hash: 1 }, name: "hash", unique: true });
  });

  it("hold the order of every account listing, so that no listing sorts in memory", async () => {
    const links = recordingCollection<LinkDocument>();
    const domains = recordingCollection<DomainDocument>();
    const keys = recordingCollection<ApiKeyDocument>();
    await new MongoLinkRepository(links.collection).listByAccount("acme", { limit: 5, after: null });
    await new MongoDomainRepository(
      domains.collection,
      recordingCollection<DomainTombstoneDocument>().collection,
    ).listByAccount("acme");
    await new MongoApiKeyRepository(keys.collection).listByAccount("acme");
    for (const [collection, { seen }] of [
      ["links", links],
      ["domains", domains],
      ["apiKeys", keys],
    ] as const) {
      const [query] = seen;
      expect(query?.filter).toEqual({ accountId: { $eq: "acme" } });
      expect(INDEX_SPECS[collection].some((index) => serves(index, ["accountId"], query?.sort))).toBe(true);
    }
  });

  it("name every index, one collection per port", () => {
    expect(Object.keys(INDEX_SPECS).sort()).toEqual(Object.keys(COLLECTIONS).sort());
    const names = Object.values(INDEX_SPECS).flatMap((specs) => specs.map((spec) => spec.name));
    expect(names.every((name) => typeof name === "string" && name !== "")).toBe(true);
  });
});
