import { randomUUID } from "node:crypto";
import { MongoClient } from "mongodb";
import { afterAll, afterEach, beforeAll, describe } from "vitest";
import { clientOptions, mongoStores } from "../../src/adapters/mongodb/mongo-stores.js";
import type { StoreBundle } from "../../src/application/ports/store-bundle.js";
import { type MongoServer, mongoSuiteAvailable, realMongoUrl, startMongoServer } from "./mongo-server.js";
import { skipStandInGaps } from "./standin-gaps.js";

/** A MongoDB server for a describe block, a client on it, and databases no other test uses. */
export interface MongoBackend {
  readonly server: MongoServer;
  readonly client: MongoClient;
  /** A database name no other test uses; on a real server it is dropped after the test. */
  freshDbName(): string;
  /** Every store in a fresh database (see {@link freshDbName}), indexes created. */
  freshStores(): Promise<StoreBundle>;
}

/**
 * A describe block with a MongoDB server: the one of MONGODB_URL, else a stand-in started for the block and
 * stopped after it (so nothing needs dropping: the stand-in has no dropDatabase). On the stand-in, the
 * file's listed gaps are skipped (see `STANDIN_GAPS`). With neither, it is skipped and says so.
 */
export function describeWithMongo(
  file: string,
  title: string,
  body: (backend: () => MongoBackend) => void,
): void {
  describe.skipIf(!mongoSuiteAvailable(title))(title, () => {
    let backend: MongoBackend | undefined;
    const databases: string[] = [];

    beforeAll(async () => {
      const server = await startMongoServer();
      const client = new MongoClient(server.url, clientOptions(server.url));
      const freshDbName = () => {
        const name = `hexlink_test_${randomUUID().replaceAll("-", "")}`;
        databases.push(name);
        return name;
      };
      backend = {
        server,
        client,
        freshDbName,
        freshStores: () => mongoStores({ client, dbName: freshDbName() }),
      };
    });

    afterEach(async () => {
      const made = databases.splice(0);
      if (backend === undefined || backend.server.standIn) return;
      const { client } = backend;
      await Promise.all(made.map((name) => client.db(name).dropDatabase()));
    });

    afterAll(async () => {
      await backend?.client.close();
      await backend?.server.stop();
    });

    skipStandInGaps(file, () => realMongoUrl() === undefined);

    body(() => {
      if (backend === undefined) throw new Error("The MongoDB server did not start.");
      return backend;
    });
  });
}
