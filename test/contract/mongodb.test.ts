import { randomUUID } from "node:crypto";
import { MongoClient } from "mongodb";
import { afterAll, afterEach, beforeAll, describe } from "vitest";
import { clientOptions, mongoStores } from "../../src/adapters/mongodb/mongo-stores.js";
import type { StoreBundle } from "../../src/application/ports/store-bundle.js";
import { apiKeyRepositoryContract } from "./api-key-repository.contract.js";
import { clickStoreContract } from "./click-store.contract.js";
import { domainRepositoryContract } from "./domain-repository.contract.js";
import { linkRepositoryContract } from "./link-repository.contract.js";

const url = process.env.MONGODB_URL === "" ? undefined : process.env.MONGODB_URL;
// Every generated case builds a database with its indexes: fewer runs than in memory keep the suite quick.
const NUM_RUNS = 15;

if (url === undefined) {
  console.warn("SKIPPED: MongoDB suites — MONGODB_URL is not set (no MongoDB server can be installed here)");
}

describe.skipIf(url === undefined)("MongoDB adapters (MONGODB_URL)", () => {
  let client: MongoClient | undefined;
  const databases: string[] = [];

  beforeAll(() => {
    client = new MongoClient(url ?? "", clientOptions(url ?? ""));
  });

  // Each test gets its own databases (one per `make()`), dropped once it ends.
  afterEach(async () => {
    const dropped = databases.splice(0);
    await Promise.all(dropped.map((name) => client?.db(name).dropDatabase()));
  });

  afterAll(async () => {
    await client?.close();
  });

  async function freshStores(): Promise<StoreBundle> {
    if (client === undefined) throw new Error("The MongoDB client was not created.");
    const dbName = `hexlink_test_${randomUUID().replaceAll("-", "")}`;
    databases.push(dbName);
    return mongoStores({ client, dbName });
  }

  /** A contract harness for one port of a fresh bundle. */
  function harness<K extends "links" | "domains" | "apiKeys" | "clicks">(port: K) {
    return { make: async (): Promise<StoreBundle[K]> => (await freshStores())[port], numRuns: NUM_RUNS };
  }

  // Add a new port's contract here, one line each.
  linkRepositoryContract("MongoLinkRepository", harness("links"));
  domainRepositoryContract("MongoDomainRepository", harness("domains"));
  apiKeyRepositoryContract("MongoApiKeyRepository", harness("apiKeys"));
  clickStoreContract("MongoClickStore", harness("clicks"));
});
