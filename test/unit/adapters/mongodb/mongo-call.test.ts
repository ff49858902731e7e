import {
  MongoClient,
  MongoNetworkError,
  MongoNetworkTimeoutError,
  MongoServerError,
  MongoWriteConcernError,
} from "mongodb";
import { describe, expect, it } from "vitest";
import { DOMAIN_SLUG_INDEX } from "../../../../src/adapters/mongodb/index-specs.js";
import { MongoApiKeyRepository } from "../../../../src/adapters/mongodb/mongo-api-key-repository.js";
import { mongoCall } from "../../../../src/adapters/mongodb/mongo-call.js";
import { MongoClickStore } from "../../../../src/adapters/mongodb/mongo-click-store.js";
import { MongoDomainRepository } from "../../../../src/adapters/mongodb/mongo-domain-repository.js";
import { FAILOVER_CODES } from "../../../../src/adapters/mongodb/mongo-errors.js";
import { MongoLinkRepository } from "../../../../src/adapters/mongodb/mongo-link-repository.js";
import { aCustomDomain, aDomainError, aLink, anApiKey } from "../../../support/builders.js";

const duplicateKey = (keyPattern?: Record<string, number>, index = "domain_slug") =>
  new MongoServerError({
    message: `E11000 duplicate key error collection: hexlink.links index: ${index} dup key: { … }`,
    code: 11000,
    ...(keyPattern === undefined ? {} : { keyPattern }),
  });
const taken = { index: DOMAIN_SLUG_INDEX, answer: () => "taken" };

describe("mongoCall", () => {
  it("passes a result through", async () => {
    await expect(mongoCall(async () => 42)).resolves.toBe(42);
  });

  it("turns a duplicate key into what the caller says", async () => {
    await expect(mongoCall(() => Promise.reject(duplicateKey()), taken)).resolves.toBe("taken");
    await expect(
      mongoCall(() => Promise.reject(duplicateKey({ domain: 1, slug: 1 }, "other_name")), taken),
    ).resolves.toBe("taken");
  });

  it("rethrows a duplicate key when the caller expects none", async () => {
    await expect(mongoCall(() => Promise.reject(duplicateKey()))).rejects.toBeInstanceOf(MongoServerError);
  });

  it("rethrows a duplicate key on another index than the caller's, by key pattern or by index name", async () => {
    for (const error of [duplicateKey({ _id: 1 }, "domain_slug"), duplicateKey(undefined, "_id_")]) {
      await expect(mongoCall(() => Promise.reject(error), taken)).rejects.toBe(error);
    }
  });

  it.each([...FAILOVER_CODES])("turns server error %i (%s) into unavailable", async (code, codeName) => {
    const error = new MongoServerError({ message: codeName, code, codeName });
    await expect(mongoCall(() => Promise.reject(error))).rejects.toEqual(aDomainError("unavailable"));
  });

  it("turns an error the driver labels RetryableWriteError, and a write concern error, into unavailable", async () => {
    const labelled = new MongoServerError({
      message: "retry me",
      code: 999,
      errorLabels: ["RetryableWriteError"],
    });
    const writeConcern = new MongoWriteConcernError({
      ok: 1,
      writeConcernError: { code: 100, codeName: "UnsatisfiableWriteConcern", errmsg: "not enough nodes" },
    });
    for (const error of [labelled, writeConcern]) {
      await expect(mongoCall(() => Promise.reject(error))).rejects.toEqual(aDomainError("unavailable"));
    }
  });

  it.each([
    ["a network error", new MongoNetworkError("connection reset")],
    ["a network timeout", new MongoNetworkTimeoutError("timed out")],
    ["an aborted wait", new DOMException("The operation timed out.", "TimeoutError")],
  ])("turns %s into unavailable", async (_, error) => {
    await expect(mongoCall(() => Promise.reject(error))).rejects.toEqual(aDomainError("unavailable"));
  });

  it("leaves any other server error alone", async () => {
    const error = new MongoServerError({ message: "not authorized", code: 13 });
    await expect(mongoCall(() => Promise.reject(error))).rejects.toBe(error);
  });
});

describe("every adapter, when no server answers", () => {
  const link = aLink().build();
  const increment = {
    linkId: link.id,
    day: "2026-03-15",
    clicks: 1,
    botClicks: 0,
    dimensions: new Map(),
    visitors: new Set(["v1"]),
  };
  const range = { start: "2026-03-01", end: "2026-03-31" };
  type Adapters = {
    links: MongoLinkRepository;
    domains: MongoDomainRepository;
    keys: MongoApiKeyRepository;
    clicks: MongoClickStore;
  };

  it.each<[string, (adapters: Adapters) => Promise<unknown>]>([
    ["links.create", ({ links }) => links.create(link)],
    ["links.findById", ({ links }) => links.findById(link.id)],
    ["links.findBySlug", ({ links }) => links.findBySlug(link.domain, link.slug)],
    ["links.update", ({ links }) => links.update(link, link)],
    ["links.delete", ({ links }) => links.delete(link.id)],
    ["links.listByAccount", ({ links }) => links.listByAccount("acme", { limit: 10, after: null })],
    ["links.consumeClick", ({ links }) => links.consumeClick(link.id)],
    ["domains.create", ({ domains }) => domains.create(aCustomDomain().build())],
    ["domains.findByHostname", ({ domains }) => domains.findByHostname("links.acme.test")],
    ["domains.update", ({ domains }) => domains.update(aCustomDomain().build())],
    ["domains.delete", ({ domains }) => domains.delete("links.acme.test")],
    ["domains.listByAccount", ({ domains }) => domains.listByAccount("acme")],
    ["domains.deletedAt", ({ domains }) => domains.deletedAt("links.acme.test")],
    ["apiKeys.create", ({ keys }) => keys.create(anApiKey().build())],
    ["apiKeys.findByHash", ({ keys }) => keys.findByHash("0".repeat(64))],
    ["apiKeys.findById", ({ keys }) => keys.findById("key_x")],
    ["apiKeys.revoke", ({ keys }) => keys.revoke("key_x", new Date())],
    ["apiKeys.listByAccount", ({ keys }) => keys.listByAccount("acme")],
    ["clicks.add", ({ clicks }) => clicks.add([increment], "batch-1")],
    ["clicks.query", ({ clicks }) => clicks.query(link.id, range)],
    ["clicks.deleteLink", ({ clicks }) => clicks.deleteLink(link.id)],
  ])("%s fails fast as unavailable", async (_, call) => {
    // Port 1 refuses connections at once, so server selection fails after its timeout.
    const client = new MongoClient("mongodb://127.0.0.1:1/", { serverSelectionTimeoutMS: 150 });
    const db = client.db("unreachable");
    const adapters = {
      links: new MongoLinkRepository(db.collection("links")),
      domains: new MongoDomainRepository(db.collection("domains"), db.collection("domain_tombstones")),
      keys: new MongoApiKeyRepository(db.collection("api_keys")),
      clicks: new MongoClickStore(db.collection("click_days")),
    };
    const started = Date.now();
    try {
      await expect(call(adapters)).rejects.toEqual(aDomainError("unavailable"));
      expect(Date.now() - started).toBeLessThan(2000);
    } finally {
      await client.close();
    }
  });
});
