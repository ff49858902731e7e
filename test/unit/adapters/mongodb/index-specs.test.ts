import { describe, expect, it } from "vitest";
import { COLLECTIONS, INDEX_SPECS } from "../../../../src/adapters/mongodb/index-specs.js";

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

  it("name every index, one collection per port", () => {
    expect(Object.keys(INDEX_SPECS).sort()).toEqual(Object.keys(COLLECTIONS).sort());
    const names = Object.values(INDEX_SPECS).flatMap((specs) => specs.map((spec) => spec.name));
    expect(names.every((name) => typeof name === "string" && name !== "")).toBe(true);
  });
});
